"""Takes a TimelineJS spreadsheet (CSV, or JSON rows or slides), gives hand-written entry files."""

from __future__ import annotations

import csv
import io
import json
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slugify import slugify

from generator.errors import ContentError, Location

SKIPPED_TYPES = frozenset({"title", "era"})  # the title slide and background eras are not events
ENTRY_TEMPLATE = """---
title: $title
$when
tags: $tags
places: []
sources: $sources
---

$body
"""


@dataclass(frozen=True, slots=True)
class EventDraft:
    """One hand-written entry: `date`, or `start` and `end`, as YYYY[-MM[-DD[THH:MM]]]."""

    title: str
    start: str
    end: str | None
    tags: tuple[str, ...]
    sources: tuple[str, ...]
    body: str


def event_drafts(text: str, suffix: str, shown: str, tags: tuple[str, ...]) -> list[EventDraft]:
    """Every event row of the sheet; a row without a Year or Headline is an error naming it."""
    rows = _csv_rows(text) if suffix == ".csv" else _json_rows(text, shown)
    drafts = []
    for number, row in rows:
        cells = {
            key.strip().lower(): "" if value is None else str(value).strip()
            for key, value in row.items()
            if key
        }
        if cells.get("type", "").lower() in SKIPPED_TYPES:
            continue
        drafts.append(_draft(cells, Location(shown, number), tags))
    return drafts


def event_text(draft: EventDraft) -> str:
    """The entry file as issue #4's loader reads it: front matter, then the description."""
    when = (
        f"date: {draft.start}" if draft.end is None else f"start: {draft.start}\nend: {draft.end}"
    )
    values = {
        "title": json.dumps(draft.title, ensure_ascii=False),
        "when": when,
        "tags": json.dumps(list(draft.tags), ensure_ascii=False),
        "sources": json.dumps(list(draft.sources), ensure_ascii=False),
        "body": draft.body,
    }
    return string.Template(ENTRY_TEMPLATE).substitute(values).rstrip("\n") + "\n"


def event_path(content_dir: Path, draft: EventDraft) -> Path:
    slug = slugify(draft.title, max_length=60, word_boundary=True) or "entry"
    return content_dir / "events" / f"{draft.start[:10]}-{slug}.md"


def _draft(cells: dict[str, str], where: Location, tags: tuple[str, ...]) -> EventDraft:
    title = cells.get("headline", "")
    if not title:
        raise ContentError("row has no Headline", where, "every event needs a Headline")
    start = _when(cells, "", where)
    if start is None:
        raise ContentError("row has no Year", where, "every event needs a Year")
    group = slugify(cells.get("group", ""))
    media = cells.get("media", "")
    return EventDraft(
        title=title,
        start=start,
        end=_when(cells, "end ", where),
        tags=tags + ((group,) if group and group not in tags else ()),
        sources=(media,) if media.startswith(("http://", "https://")) else (),
        body=cells.get("text", ""),
    )


def _when(cells: dict[str, str], prefix: str, where: Location) -> str | None:
    """Year, Month, Day and Time (or End Year, ...) as an ISO date at the precision given."""
    parts = [cells.get(f"{prefix}{name}", "") for name in ("year", "month", "day")]
    if not parts[0]:
        return None
    given = parts[: parts.index("")] if "" in parts else parts
    if any(parts[len(given) :]):
        raise ContentError(f"{prefix}day given without a month", where)
    try:
        numbers = [int(part) for part in given]
    except ValueError:
        raise ContentError(f"{prefix}date {'-'.join(given)} is not a date", where) from None
    text = "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])
    clock = cells.get(f"{prefix}time", "")
    return f"{text}T{clock}" if clock and len(numbers) == 3 else text


def _csv_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    return [(reader.line_num, row) for row in reader]


def _json_rows(text: str, shown: str) -> list[tuple[int | None, dict[str, Any]]]:
    """A list of rows with the sheet's column names, or TimelineJS's own {"events": [...]}."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(f"not valid JSON: {exc.msg}", Location(shown, exc.lineno)) from exc
    items = document.get("events") if isinstance(document, dict) else document
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ContentError(
            'expected a list of rows or TimelineJS\'s {"events": [...]}', Location(shown)
        )
    return [(None, _slide_row(item) if "start_date" in item else item) for item in items]


def _slide_row(slide: dict[str, Any]) -> dict[str, Any]:
    """A TimelineJS JSON slide as a spreadsheet row."""
    row: dict[str, Any] = {}
    for prefix, key in (("", "start_date"), ("End ", "end_date")):
        for name in ("year", "month", "day", "time"):
            row[f"{prefix}{name.title()}"] = (slide.get(key) or {}).get(name, "")
    text, media = slide.get("text") or {}, slide.get("media") or {}
    row |= {"Headline": text.get("headline", ""), "Text": text.get("text", ""),
            "Media": media.get("url", ""), "Group": slide.get("group", "")}  # fmt: skip
    return row
