"""Which way a clause points in time: the words around a phrase in, "future", "past" or None out."""

from __future__ import annotations

import re
from typing import Literal

Direction = Literal["future", "past"] | None

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
_BREAK = re.compile(
    r"[.;:!?\n,(\)\"\u201c\u201d]|\b(?:that|but|while|when|after|before|because|who|which|and|since|"
    r"as|although|though|where)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|wo n't|is due|are due|was due|were due|due to (?:be|begin|start|"
    r"meet|vote|open|resume|arrive|return|take|hold|visit)|is expected|are expected|"
    r"plans? to|planned|scheduled|(?:is|are|was|were) going to|is to|are to|would|set to|"
    r"upcoming|coming|next|until|expects? to|intends? to)\b|['\u2019]ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|last|said|earlier|announced|reported|killed|died|took|met|"
    r"has|have|been|\w+ed|" + "|".join(IRREGULAR_PAST) + r")\b",
    re.IGNORECASE,
)
_WINDOW = 160


def clause_around(text: str, start: int, end: int) -> str:
    """The clause that holds text[start:end], cut at punctuation and clause-opening words."""
    before = text[max(0, start - _WINDOW) : start]
    breaks = list(_BREAK.finditer(before))
    head = before[breaks[-1].end() :] if breaks else before
    after = text[end : end + _WINDOW]
    stop = _BREAK.search(after)
    tail = after[: stop.start()] if stop else after
    return f"{head} {tail}"


def clause_direction(text: str, start: int, end: int) -> Direction:
    """"future" if the clause speaks of what will happen, "past" if of what did, else None."""
    clause = clause_around(text, start, end)
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return None
