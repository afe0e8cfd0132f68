"""A JSON document written one list item at a time is what json.dumps writes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from generator.jsondoc import json_document

ITEM = {"title": 'Kyiv — "night"\nstrike ’ \\ 😀', "tags": ["war", "air"], "none": None,
        "empty": [], "nested": {"versions": [{"value": 3, "articles": ["a"]}], "ok": True}}  # fmt: skip


@pytest.mark.parametrize("count", [0, 1, 3])
@pytest.mark.parametrize("head", [{"title": "Ливень «t»"}, {"a": {"b": [1]}, "c": None}])
def test_the_document_is_what_json_dumps_writes(count: int, head: dict[str, Any]) -> None:
    items = [ITEM | {"number": number} for number in range(count)]
    expected = json.dumps(head | {"events": items}, ensure_ascii=False, indent=2) + "\n"
    assert json_document(head, "events", iter(items)).decode() == expected
