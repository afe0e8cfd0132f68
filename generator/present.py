"""Puts a title's main verb in the present tense, as headlines are written: 'Russia launched a
drone attack on Kyiv' -> 'Russia launches a drone attack on Kyiv'."""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getInflection, getLemma

_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_PLURAL_WORDS = frozenset(
    "police people children men women they we both others officials forces troops".split()
)
_PREPOSITIONS = frozenset("in of at from on near with for across outside inside".split())
_ADVERBS = re.compile(r"(?:\w+ly|also|then|again|reportedly|allegedly)$", re.IGNORECASE)
_BE = {"was": ("is", "are"), "were": ("is", "are")}
# A finite verb already in the present or a modal: the title needs no change.
_FINITE = frozenset(
    "is are am has have will would can could may might must should shall do does".split()
)
# Before these a past form is a participle: 'will be tested', 'to be named', 'got hurt'.
_AUXILIARY = frozenset("be been being get gets got to".split())


def present_tense(title: str) -> str:
    """The title with its first past-tense verb after a subject made present, agreeing with the
    subject's head noun; titles without one are returned as they are."""
    words = list(_WORD.finditer(title))
    for index, match in enumerate(words[1:], start=1):
        word = match.group()
        if word.lower() == "had" and index + 1 < len(words):
            perfect = _past_perfect(title, words, index)
            if perfect is not None:
                return perfect
        if word.lower() in _FINITE:
            return title
        if words[index - 1].group().lower() in _AUXILIARY:
            continue
        present = _present_forms(word) if word.islower() else None
        if present is None or _modifies(words, index):
            continue
        singular, plural = present
        chosen = plural if _plural_subject([w.group() for w in words[:index]]) else singular
        return title[: match.start()] + chosen + title[match.end() :]
    return title


def _past_perfect(title: str, words: list[re.Match[str]], index: int) -> str | None:
    """'Russia had launched 400 drones' -> 'Russia launches 400 drones'."""
    verb = words[index + 1]
    if verb.group() == "been" or not verb.group().islower():
        return None
    for lemma in getLemma(verb.group(), upos="VERB"):
        if verb.group() in getInflection(lemma, tag="VBN"):
            subject = [w.group() for w in words[:index]]
            forms = getInflection(lemma, tag="VBP" if _plural_subject(subject) else "VBZ")
            if forms:
                return title[: words[index].start()] + str(forms[0]) + title[verb.end() :]
    return None


def _modifies(words: list[re.Match[str]], index: int) -> bool:
    """'A man wounded in the attack died': a participle before a preposition, a verb later."""
    if words[index].group() in _BE:
        return False
    following = words[index + 1].group().lower() if index + 1 < len(words) else ""
    if following not in _PREPOSITIONS | {"by", "during", "after", "near"}:
        return False
    return any(w.group().islower() and _present_forms(w.group()) for w in words[index + 2 :])


@lru_cache(maxsize=4096)
def _present_forms(word: str) -> tuple[str, str] | None:
    """(third person singular, plural) present forms if `word` is a verb's simple past."""
    if word in _BE:
        return _BE[word]
    for lemma in getLemma(word, upos="VERB"):
        if word in getInflection(lemma, tag="VBD") and word not in _participle_only(lemma):
            singular, plural = getInflection(lemma, tag="VBZ"), getInflection(lemma, tag="VBP")
            if singular and plural:
                return str(singular[0]), str(plural[0])
    return None


def _participle_only(lemma: str) -> tuple[str, ...]:
    """Forms that are past participles but not simple pasts ('been', 'gone')."""
    return tuple(f for f in getInflection(lemma, tag="VBN") if f not in getInflection(lemma, "VBD"))


def _plural_subject(subject: list[str]) -> bool:
    """Is the subject's head noun plural? The last word before the verb, skipping adverbs and
    a prepositional phrase ('More than 2,000 homes in Kyiv' -> 'homes'); 'and' makes a plural."""
    words = [w for w in subject if not _ADVERBS.fullmatch(w)]
    if "and" in words:
        return True
    for index in range(len(words) - 1, 0, -1):
        if words[index].lower() in _PREPOSITIONS:
            words = words[:index]
            break
    head = words[-1] if words else ""
    lower = head.lower()
    if lower in _PLURAL_WORDS:
        return True
    common = head.islower() or len(words) == 1  # 'Firefighters evacuated', not 'Paris'
    return common and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "as"))
