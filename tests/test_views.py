"""timeline.json written one entry at a time is the document json.dumps would write."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.config import Config
from generator.model import Event, Source, When
from generator.views import (
    TIMELINE_EVENT_KEYS,
    TIMELINE_SOURCE_KEYS,
    source_view,
    timeline_document,
    timeline_source,
)

WHEN = When("2025-06-03", "day", datetime(2025, 6, 3, tzinfo=UTC), datetime(2025, 6, 4, tzinfo=UTC))


def source(number: int, quote: str) -> Source:
    published = datetime(2025, 6, 3, 8, number, tzinfo=UTC)
    return Source(f"a{number}.md", f"title {number}", None, None, published, quote, None, 4, 9)


def entry(number: int) -> tuple[dict[str, Any], Event]:
    view: dict[str, Any] = {key: f"{key} {number}" for key in TIMELINE_EVENT_KEYS}
    view |= {"title": 'Kyiv — "night"\nstrike ’', "tags": ["war", "air"], "places": [],
             "conflicts": [{"fact": "killed", "versions": [{"value": 3, "articles": ["a"]}]}],
             "killed": None, "disputed": number % 2 == 0, "extra": "not exported"}  # fmt: skip
    sources = (source(number, f"quote {number}"), source(number, "Ещё \\ 😀"))[: number + 1]
    return view, Event(f"e{number}", "title", WHEN, "summary", sources)


def cut(source: Source) -> dict[str, Any]:
    """The source's view (source_view) cut to the keys timeline.json gives."""
    view = source_view(source, {source.article: "slug"})
    return {key: view[key] for key in TIMELINE_SOURCE_KEYS}


@pytest.mark.parametrize("count", [0, 1, 3])
@pytest.mark.parametrize("generated", [None, datetime(2025, 6, 6, 8, tzinfo=UTC)])
def test_the_document_is_what_json_dumps_writes(count: int, generated: datetime | None) -> None:
    entries = [entry(number) for number in range(count)]
    config = Config(title="Ливень «title»")
    events = [
        {key: view[key] for key in TIMELINE_EVENT_KEYS} | {"sources": list(map(cut, event.sources))}
        for view, event in entries
    ]
    document = {
        "title": config.title,
        "generated": generated.isoformat() if generated else None,
        "events": events,
    }
    expected = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert timeline_document(entries, config, generated).decode() == expected


SOURCES = st.builds(
    Source,
    article=st.text(),
    title=st.text(),
    url=st.none() | st.text(min_size=1),
    outlet=st.none() | st.text(),
    published=st.datetimes(timezones=st.none() | st.just(UTC)),
    quote=st.text(),
    phrase=st.none() | st.text(),
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
)


@given(SOURCES)
def test_a_timeline_source_is_the_source_view_cut_to_its_keys(source: Source) -> None:
    assert list(timeline_source(source).items()) == list(cut(source).items())
