"""Takes merged entries and gives what templates, feeds and exports see: plain dicts, and
timeline.json, the contract other tools read."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from generator.config import Config
from generator.facets import facet_links
from generator.highlight import sentence_anchor
from generator.jsondoc import json_document
from generator.labels import date_label, day_label, precision_note
from generator.linking import text_fragment_url
from generator.model import Event, Source, Span, Timeline


def with_sources(view: dict[str, Any], event: Event, slugs: dict[str, str]) -> dict[str, Any]:
    """An entry as its own page sees it: its view (entry_view, made once per build) with every
    source and detail."""
    return view | {
        "sources": [source_view(s, slugs) for s in event.sources],
        "details": [source_view(s, slugs) for s in event.details],
    }


def entry_view(event: Event) -> dict[str, Any]:
    """An entry as listings, feeds and exports see it. Its sources are left to with_sources, made
    for one page at a time: at 10,000 articles they are half a million dicts, half a gigabyte."""
    outlets = event_outlets(event)
    return {
        "id": event.id,
        "title": event.title,
        "date": event.when.start.date().isoformat(),
        "value": event.when.value,
        "precision": event.when.precision,
        "start": event.when.start.isoformat(),
        "end": event.when.end.isoformat(),
        "label": date_label(event.when),
        "precision_note": precision_note(event.when.precision),
        "summary": event.summary,
        "tags": list(event.tags),
        "places": list(event.places),
        "url": f"events/{event.id}/",
        "outlets": outlets,
        "tag_links": facet_links("tag", list(event.tags)),
        "place_links": facet_links("place", list(event.places)),
        "source_links": facet_links("source", outlets),
        "updated": max((s.published for s in event.sources), default=event.when.start).isoformat(),
        # Provenance and disagreement (merge): shown by the templates, exported in timeline.json.
        "first_reported": event.first_reported.isoformat(),
        "corroboration": event.corroboration,
        "disputed": event.disputed,
        "conflicts": [
            {
                "fact": c.fact,
                "versions": [{"value": v.value, "articles": list(v.articles)} for v in c.versions],
            }
            for c in event.conflicts
        ],
        "killed": event.figures.killed,
        "injured": event.figures.injured,
        "written": event.written,
        "aliases": list(event.aliases),
    }


def event_outlets(event: Event) -> list[str]:
    """Who reported an entry: each source's outlet, or its title when it names none."""
    return sorted({s.outlet or s.title for s in event.sources})


def source_view(source: Source, slugs: dict[str, str]) -> dict[str, Any]:
    anchor = sentence_anchor(Span(source.start, source.end))
    return {
        "article": source.article,
        "title": source.title,
        "url": source.url,
        "fragment_url": text_fragment_url(source.url, source.quote) if source.url else None,
        "outlet": source.outlet,
        "published": source.published.isoformat(),
        "published_label": day_label(source.published.date()),
        "quote": source.quote,
        "phrase": source.phrase,
        "start": source.start,
        "end": source.end,
        "rule": source.rule,
        "value": source.value,
        "anchor": anchor,
        "page": f"articles/{slugs[source.article]}/index.html#{anchor}",
    }


TIMELINE_SOURCE_KEYS = ("article", "title", "url", "published", "quote", "phrase", "start", "end")
TIMELINE_EVENT_KEYS = (
    "id", "title", "date", "value", "precision", "start", "end", "label", "summary", "tags",
    "places", "url", "first_reported", "corroboration", "disputed", "conflicts", "killed",
    "injured", "written", "aliases",
)  # fmt: skip


def timeline_json(timeline: Timeline, config: Config, generated: datetime | None) -> str:
    """timeline.json, the contract other tools read: title, generated, events."""
    entries = ((entry_view(e), e) for e in timeline.events)
    return timeline_document(entries, config, generated).decode()


def timeline_document(
    entries: Iterable[tuple[dict[str, Any], Event]], config: Config, generated: datetime | None
) -> bytes:
    """timeline.json from each entry's view (entry_view) and the entry, whose sources are made
    here one entry at a time and let go."""
    head = {"title": config.title, "generated": generated.isoformat() if generated else None}
    return json_document(head, "events", (_timeline_entry(*entry) for entry in entries))


def _timeline_entry(view: dict[str, Any], event: Event) -> dict[str, Any]:
    entry = {key: view[key] for key in TIMELINE_EVENT_KEYS}
    entry["sources"] = [timeline_source(s) for s in event.sources]
    return entry


def timeline_source(source: Source) -> dict[str, Any]:
    """A source as timeline.json gives it: source_view's TIMELINE_SOURCE_KEYS, without making
    the rest (its anchor, labels and text-fragment link are for the entry's page)."""
    return {
        "article": source.article,
        "title": source.title,
        "url": source.url,
        "published": source.published.isoformat(),
        "quote": source.quote,
        "phrase": source.phrase,
        "start": source.start,
        "end": source.end,
    }
