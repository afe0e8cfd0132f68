"""Turns the front matter and body of a hand-written entry (content/events/*.md) into Written."""

from __future__ import annotations

from datetime import timedelta
from pathlib import PurePosixPath
from typing import Any

from slugify import slugify

from generator.errors import ContentError, Location
from generator.matter import unknown_key_warnings
from generator.model import When, Written
from generator.timex.intervals import interval

EVENTS_DIR = "events"
ENTRY_KEYS = frozenset({"title", "date", "start", "end", "tags", "places", "sources", "timezone"})
DATE_HINT = "use a date like 2025-06-05 (or 2025-06-05TNI, 2025-W23), or start: and end:"


def written_entry(
    values: dict[str, Any], lines: dict[str, int], body: str, relative: str, shown: str,
    timezone: str,
) -> tuple[Written, tuple[ContentError, ...]]:  # fmt: skip
    """The entry; raises ContentError when its title or date is missing or wrong."""

    def where(key: str) -> Location:
        return Location(shown, lines.get(key, 1))

    warnings = unknown_key_warnings(values, ENTRY_KEYS, where)
    title = str(values.get("title") or "").strip()
    if not title:
        raise ContentError(
            "missing title", Location(shown, 1), "add 'title: ...' to the front matter"
        )
    zone = str(values.get("timezone") or timezone)
    entry = Written(
        id=slugify(PurePosixPath(relative).stem) or "entry",
        path=relative,
        title=title,
        when=_when(values, zone, where, shown),
        description=" ".join(body.split()),
        tags=_words(values, "tags", where),
        places=_words(values, "places", where),
        sources=_words(values, "sources", where),
        line=lines.get("title", 1),
    )
    return entry, warnings


def _when(values: dict[str, Any], timezone: str, where: Any, shown: str) -> When:
    if "date" in values:
        return _value(values["date"], timezone, where("date"))
    if "start" in values:
        first = _value(values["start"], timezone, where("start"))
        last = _value(values.get("end", values["start"]), timezone, where("end"))
        if last.end < first.start:
            raise ContentError("'end' is before 'start'", where("end"), DATE_HINT)
        return When(first.value, first.precision, first.start, max(first.end, last.end))
    raise ContentError("missing date", Location(shown, 1), DATE_HINT)


def _value(raw: object, timezone: str, location: Location) -> When:
    value = str(raw).strip()
    bounds = interval(value, timezone)
    if bounds is None:
        raise ContentError(f"date '{value}' is not a date", location, DATE_HINT)
    start, end, precision = bounds
    return When(value, precision, start, end if end > start else start + timedelta(days=1))


def _words(values: dict[str, Any], key: str, where: Any) -> tuple[str, ...]:
    value = values.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or any(isinstance(v, (list, dict)) for v in value):
        raise ContentError(f"'{key}' must be a list", where(key), f"write {key}: [a, b]")
    return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))
