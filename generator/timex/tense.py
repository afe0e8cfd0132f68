"""Which way a clause points in time: the words around a phrase in, "future", "past" or None out."""

from __future__ import annotations

import re
from typing import Literal

from generator.guards import guarded

Direction = Literal["future", "past"] | None

# fmt: off
IRREGULAR_PAST = (
    "ate", "became", "began", "bit", "bled", "blew", "broke", "brought", "built", "bought",
    "caught", "chose", "came", "cost", "cut", "dealt", "dug", "drew", "drove", "fell", "fed",
    "felt", "fought", "found", "fled", "flew", "forbade", "forgot", "froze", "got", "gave",
    "went", "grew", "hung", "heard", "hid", "held", "hurt", "kept", "knew", "laid", "led", "left",
    "lent", "let", "lay", "lit", "lost", "made", "meant", "met", "paid", "put", "quit", "rode",
    "rang", "rose", "ran", "saw", "sold", "sent", "set", "shook", "shot", "shut", "sang", "sank",
    "sat", "slept", "slid", "spoke", "spent", "spread", "stood", "stole", "stuck", "struck",
    "swore", "swept", "swam", "took", "taught", "tore", "told", "thought", "threw", "understood",
    "woke", "wore", "won", "wrote", "withdrew", "sought", "overtook", "undertook", "upheld",
)
# fmt: on
_BREAK = guarded(
    r"(?<!\b[A-Z])(?<!\bMr|\bMs|\bDr|\bSt|\bJr|\bCo)(?<!\bMrs|\bInc|\bLtd|\bGov)(?<!\bCorp)\.|"
    r"[;:!?\n,(\)\"\u201c\u201d]|\b(?:that|but|while|when|after|before|because|who|which|and|since|"
    r"as|although|though|where|saying|adding)\b",
    re.IGNORECASE,
)
_FUTURE = guarded(
    r"\b(?:will|shall|won't|wo n't|is due|are due|was due|were due|due to (?:be|begin|start|"
    r"meet|vote|open|resume|arrive|return|take|hold|visit)|is expected|are expected|"
    r"plans? to|planned|scheduled|(?:is|are|was|were) going to|is to|are to|would|set to|"
    r"upcoming|next|expects? to|intends? to|hopes? to|aims? to|planning|slated|payable|"
    r"agree[sd]? to|agreement to|as soon as)\b|['\u2019]ll\b",
    re.IGNORECASE,
)
_PAST_WORDS = frozenset(
    (
        "was were had did ago last said earlier announced reported killed died took met has have "
        "been"
    ).split()
    + list(IRREGULAR_PAST)
)
_PAST = re.compile(r"\b(?:\w+ed|" + "|".join(sorted(_PAST_WORDS)) + r")\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# a preposition right before a date that sets a deadline or a start: "payable Jan. 2",
# "as soon as Tuesday", "until 9 a.m. Tuesday", "by August"
_LEAD = re.compile(
    r"\b(?:as soon as|as early as|no later than|until|till|by|payable|effective|starting|"
    r"beginning)\s+(?:on\s+|at\s+)?$",
    re.IGNORECASE,
)
# a day name that opens its sentence ("On Tuesday, the union plans to strike") takes its
# tense from the clause after the comma
_FRONTED = re.compile(r"\s*(?:(?:on|by|until|till|since|early|late)\s+)?", re.IGNORECASE)
# "had filed reports by Wednesday": a deadline in the past perfect is already past
_PERFECT_PAST = re.compile(r"\bhad\b(?!\s+(?:to|better)\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])\.\s|[;!?\n]")
_WINDOW = 160


def _clause_parts(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[max(0, start - _WINDOW) : start]
    breaks = list(_BREAK.finditer(before))
    head = before[breaks[-1].end() :] if breaks else before
    after = text[end : end + _WINDOW]
    stop = _BREAK.search(after)
    return head, after[: stop.start()] if stop else after


def _past_positions(words: str) -> list[tuple[int, int]]:
    """Past-tense words not governed by a future auxiliary ("will be held" is no past)."""
    return [(m.start(), m.end()) for m in _WORD.finditer(words) if _is_past(m.group())
            and not _FUTURE.search(words, max(0, m.start() - 30), m.end())]  # fmt: skip


def _is_past(word: str) -> bool:
    """Whether the whole word matches _PAST: a set lookup, not a hundred alternatives tried at
    every word. An ASCII word matches ignoring case as its lower case does; any other (where
    the long 'ſ' also matches 's') is left to the pattern."""
    if not word.isascii():
        return bool(_PAST.fullmatch(word))
    lower = word.lower()
    return lower in _PAST_WORDS or (len(lower) > 2 and lower.endswith("ed"))


# "had been scheduled to", "previously planned": a plan made in the past, for a day now past
_PLANNED_BEFORE = re.compile(r"\b(?:had(?:\s+been)?|previously)\s+$", re.IGNORECASE)


def _future_positions(words: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _FUTURE.finditer(words)
            if not _PLANNED_BEFORE.search(words, max(0, m.start() - 20), m.start())]  # fmt: skip


def _last_marker(words: str) -> Direction:
    future = [end for _, end in _future_positions(words)]
    past = [end for _, end in _past_positions(words)]
    if not future and not past:
        return None
    return "future" if max(future, default=-1) >= max(past, default=-1) else "past"


def clause_direction(text: str, start: int, end: int) -> Direction:
    """ "future" if the clause speaks of what will happen, "past" if of what did, else None.

    The verb nearest before the phrase decides ("said Tuesday he will" is past); without one,
    the first verb after it does ("Monday's talks are expected to" is future).
    """
    head, tail = _clause_parts(text, start, end)
    if _FRONTED.fullmatch(head) and text.startswith(",", end):
        tail = _SENTENCE_END.split(text[end + 1 : end + 1 + _WINDOW], maxsplit=1)[0]
    if _LEAD.search(text, max(0, start - 30), start):
        return "past" if _PERFECT_PAST.search(head + " " + tail) else "future"
    found = _last_marker(head) or _first_marker(tail)
    if found is None:
        around = _parenthesis(text, start - len(head), end + len(tail))
        if around is not None:  # "will leave at 4 (4 a.m. EDT Thursday)": the outer clause's
            return clause_direction(text, *around)
    return found


def _parenthesis(text: str, opened: int, closed: int) -> tuple[int, int] | None:
    """Where the parenthesis is whose inside runs from `opened` to `closed`, if one does."""
    if text[opened - 1 : opened] == "(" and text[closed : closed + 1] == ")":
        return opened - 1, closed + 1
    return None


def _first_marker(words: str) -> Direction:
    future = _future_positions(words)
    past = _past_positions(words)
    if future and (not past or future[0][0] < past[0][0]):
        return "future"
    return "past" if past else None
