"""timeline.json written one entry at a time is the document json.dumps would write."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from generator.config import Config
from generator.views import TIMELINE_EVENT_KEYS, TIMELINE_SOURCE_KEYS, timeline_document


def entry_view(number: int) -> dict[str, Any]:
    view: dict[str, Any] = {key: f"{key} {number}" for key in TIMELINE_EVENT_KEYS}
    view |= {"title": 'Kyiv — "night"\nstrike ’', "tags": ["war", "air"], "places": [],
             "conflicts": [{"fact": "killed", "versions": [{"value": 3, "articles": ["a"]}]}],
             "killed": None, "disputed": number % 2 == 0, "extra": "not exported"}  # fmt: skip
    source = {key: f"{key} {number}" for key in TIMELINE_SOURCE_KEYS} | {"start": 4, "end": 9}
    view["sources"] = [source, source | {"quote": "Ещё \\ 😀"}][: number + 1]
    return view


@pytest.mark.parametrize("count", [0, 1, 3])
@pytest.mark.parametrize("generated", [None, datetime(2025, 6, 6, 8, tzinfo=UTC)])
def test_the_document_is_what_json_dumps_writes(count: int, generated: datetime | None) -> None:
    views = [entry_view(number) for number in range(count)]
    config = Config(title="Ливень «title»")
    events = [
        {key: view[key] for key in TIMELINE_EVENT_KEYS}
        | {"sources": [{k: s[k] for k in TIMELINE_SOURCE_KEYS} for s in view["sources"]]}
        for view in views
    ]
    document = {
        "title": config.title,
        "generated": generated.isoformat() if generated else None,
        "events": events,
    }
    expected = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert timeline_document(views, config, generated).decode() == expected
