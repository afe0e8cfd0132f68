"""Content words of a text, lightly stemmed, so that two reports of one event can be compared."""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.]*")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are around as at be because been
    before being below between both but by can could did do does doing down during each early
    earlier few for from further had has have having he her here hers him his how i if in into
    is it its itself just late later least more most mr mrs ms my no nor not now of off on once
    only or other our out over own said same says say she should so some such than that the
    their them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your week weeks day days night
    morning evening afternoon overnight monday tuesday wednesday thursday friday saturday
    sunday today yesterday tomorrow tonight month year""".split()
)


_SUFFIXES = (
    ("ies", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x"), ("ian", "e"),
    ("ing", ""), ("ied", "y"), ("ed", ""), ("s", ""),
)  # fmt: skip


@lru_cache(maxsize=1 << 16)  # news reuses its words: each is stemmed once, not every time
def stem(word: str) -> str:
    """A crude suffix stripper: 'drones'/'drone', 'injured'/'injuring', 'Ukraine'/'Ukrainian'."""
    word = word.lower().replace("’", "'").strip(",.")
    word = re.sub(r"'s?$", "", word)
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


@lru_cache(maxsize=1 << 12)  # extraction asks for a sentence's words two or three times
def content_words(text: str) -> frozenset[str]:
    """Stems of the words of `text` that carry meaning (no stopwords, no date words)."""
    return frozenset(
        stem(word)
        for word in _WORD.findall(text)
        if word.lower().replace("’", "'").removesuffix("'s") not in STOPWORDS
    )


def overlap(first: AbstractSet[str], second: AbstractSet[str]) -> float:
    """The overlap coefficient: shared words over the smaller set's size (0 if either is empty)."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[’'-][A-Za-z]+)*\b")
_OPENING = re.compile(r"[\s\"“‘'(\[—–-]*")
_NEXT_CAPITALISED = re.compile(r"\s[A-Z]")
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def proper_names(sentences: Iterable[str]) -> frozenset[str]:
    """Stems of the capitalised words of the sentences (people, places, institutions), not a
    sentence's first word unless a name goes on after it ('Police said' no, 'Kyle Markins' yes)."""
    return _proper_names(tuple(sentences))


@lru_cache(maxsize=4)  # extraction and mentions both ask for the article's names, in a row
def _proper_names(sentences: tuple[str, ...]) -> frozenset[str]:
    found: set[str] = set()
    for sentence in sentences:
        lead = _OPENING.match(sentence)
        opening = lead.end() if lead else 0  # the quotes and brackets before the first word
        for match in _CAPITALISED.finditer(sentence):
            first = match.start() <= opening
            if first and not _NEXT_CAPITALISED.match(sentence, match.end()):
                continue
            lower = match.group().lower().replace("’", "'").removesuffix("'s")
            if lower not in STOPWORDS and lower not in _MONTHS:
                found.add(stem(lower))
    return frozenset(found)
