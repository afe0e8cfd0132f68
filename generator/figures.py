"""Finds the counts a sentence gives for an event: how many people were killed and injured."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.guards import guarded
from generator.model import Figures

NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER = r"(?P<n>\d[\d,]*|" + "|".join(NUMBER_WORDS) + r")"
_ABOUT = r"(?:(?:at\s+least|about|around|nearly|almost|more\s+than|over|some|roughly)\s+)?"
_WHO = r"(?:[\w-]+\s+){0,2}?(?:people|persons|men|women|children|kids|civilians|others|victims)"
_KILLED_WORDS = r"(?:killed|dead|died|slain|shot\s+dead|shot\s+and\s+killed)"
_INJURED_WORDS = r"(?:injured|wounded|hurt|hospitali[sz]ed)"


def _patterns(verb: str, participle: str) -> tuple[re.Pattern[str], ...]:
    return (
        # 'killing at least four people', 'injuring around 20', 'left two people dead'
        re.compile(rf"\b{verb}\s+{_ABOUT}{_NUMBER}\b(?!\s*(?:years?|-year))", re.IGNORECASE),
        # 'four people were killed', '20 others injured', 'two men are dead'
        re.compile(
            rf"\b{_ABOUT}{_NUMBER}\s+{_WHO}\s+(?:(?:were|was|are|have\s+been|had\s+been)\s+)?"
            rf"{participle}\b",
            re.IGNORECASE,
        ),
    )


_KILLED = _patterns(r"(?:killing|killed|kills)", _KILLED_WORDS)
_INJURED = _patterns(
    r"(?:injuring|injured|injures|wounding|wounded|wounds|hurting)", _INJURED_WORDS
)
# Every pattern above needs one of these stems; most sentences have none, and this is faster.
_KILLED_HINT = re.compile(r"kill|dead|died|slain", re.IGNORECASE)
_INJURED_HINT = re.compile(r"injur|wound|hurt|hospitali", re.IGNORECASE)
_EITHER_HINT = guarded(f"{_KILLED_HINT.pattern}|{_INJURED_HINT.pattern}", re.IGNORECASE)
_LEFT_DEAD = re.compile(
    rf"\b(?:leaving|left)\s+{_ABOUT}{_NUMBER}\s+{_WHO}?\s*dead\b", re.IGNORECASE
)


def find_figures(sentences: Iterable[str]) -> Figures:
    """The first count of killed and of injured the sentences give, in order."""
    killed: int | None = None
    injured: int | None = None
    for sentence in sentences:
        if not _EITHER_HINT.search(sentence):
            continue  # most sentences count nothing: one search tells, not two
        if killed is None and _KILLED_HINT.search(sentence):
            killed = _count(sentence, (_LEFT_DEAD, *_KILLED))
        if injured is None and _INJURED_HINT.search(sentence):
            injured = _count(sentence, _INJURED)
    return Figures(killed=killed, injured=injured)


def _count(sentence: str, patterns: tuple[re.Pattern[str], ...]) -> int | None:
    found = [m for pattern in patterns for m in pattern.finditer(sentence)]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return _number(first.group("n"))


def _number(text: str) -> int | None:
    word = text.lower()
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    digits = word.replace(",", "")
    return int(digits) if digits.isdigit() else None
