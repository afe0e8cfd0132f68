"""TimeML and JSON output: a text and its timexes in, inline-tagged TimeML or JSON records out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from generator.model import Span, Timex
from generator.timex.spans import count, duration_value, unit_of

# "three days later": TimeBank tags the count of days as a duration and leaves "later" out
_COUNT_LATER = re.compile(
    r".*?(?P<num>\w+(?: few)?)[ -](?P<unit>day|night|week|month|hour)s?(?: or so)?"
    r" (?:later|earlier)",
    re.IGNORECASE,
)


def _as_annotated(timex: Timex) -> Timex:
    """The timex as TimeML corpora annotate it, where that differs from what the timeline
    needs: "the night of Oct. 23" is tagged on its date, "three days later" as P3D."""
    if timex.rule == "part-of-date":
        offset = timex.text.index(" of ") + len(" of ")
        span = Span(timex.span.start + offset, timex.span.end)
        value = timex.value.split("T")[0]
        return replace(timex, span=span, text=timex.text[offset:], type="DATE", value=value)
    counted = _COUNT_LATER.fullmatch(timex.text)
    number = count(counted["num"]) if counted else None
    if counted is None or number is None or timex.rule not in _COUNTED_RULES:
        return timex
    text = timex.text[: timex.text.rindex(" ")]
    value = duration_value(number, unit_of(counted["unit"]))
    span = Span(timex.span.start, timex.span.start + len(text))
    return replace(timex, span=span, text=text, type="DURATION", value=value, mod=None)


_COUNTED_RULES = ("anaphoric-later", "anaphoric-earlier", "vague-ago")


def _opening_tag(number: int, timex: Timex) -> str:
    attributes = f"tid={quoteattr(f't{number}')} type={quoteattr(timex.type)}"
    attributes += f" value={quoteattr(timex.value)}"
    if timex.mod:
        attributes += f" mod={quoteattr(timex.mod)}"
    return f"<TIMEX3 {attributes}>"


def to_timeml(text: str, timexes: Iterable[Timex], first_id: int = 1) -> str:
    """`text` with &, <, > escaped and each timex wrapped in an inline TIMEX3 tag."""
    pieces: list[str] = []
    position = 0
    for number, found in enumerate(timexes, start=first_id):
        timex = _as_annotated(found)
        if timex.span.start < position:
            continue
        pieces.append(escape(text[position : timex.span.start]))
        pieces.append(_opening_tag(number, timex))
        pieces.append(escape(text[timex.span.start : timex.span.end]) + "</TIMEX3>")
        position = timex.span.end
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def to_record(timex: Timex) -> dict[str, Any]:
    """One timex as a JSON-ready dict: offsets, text, TimeML attributes, bounds and rule."""
    return {
        "start": timex.span.start,
        "end": timex.span.end,
        "text": timex.text,
        "type": timex.type,
        "value": timex.value,
        "mod": timex.mod,
        "precision": timex.precision,
        "interval_start": timex.start.isoformat() if timex.start else None,
        "interval_end": timex.end.isoformat() if timex.end else None,
        "rule": timex.rule,
    }
