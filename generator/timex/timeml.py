"""TimeML and JSON output: a text and its timexes in, inline-tagged TimeML or JSON records out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from generator.model import Span, Timex


def _as_annotated(timex: Timex) -> Timex:
    """The timex as TimeML corpora annotate it: "the night of Oct. 23" is tagged on its date
    alone (the tagger keeps the part of day for the timeline)."""
    if timex.rule != "part-of-date":
        return timex
    offset = timex.text.index(" of ") + len(" of ")
    span = Span(timex.span.start + offset, timex.span.end)
    value = timex.value.split("T")[0]
    return replace(timex, span=span, text=timex.text[offset:], type="DATE", value=value)


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
