"""A JSON document written one list item at a time is what json.dumps writes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.jsondoc import indented_json, json_document
from generator.model import Span

ITEM = {"title": 'Kyiv — "night"\nstrike ’ \\ 😀', "tags": ["war", "air"], "none": None,
        "empty": [], "nested": {"versions": [{"value": 3, "articles": ["a"]}], "ok": True}}  # fmt: skip


@pytest.mark.parametrize("count", [0, 1, 3])
@pytest.mark.parametrize("head", [{"title": "Ливень «t»"}, {"a": {"b": [1]}, "c": None}])
def test_the_document_is_what_json_dumps_writes(count: int, head: dict[str, Any]) -> None:
    items = [ITEM | {"number": number} for number in range(count)]
    expected = json.dumps(head | {"events": items}, ensure_ascii=False, indent=2) + "\n"
    assert json_document(head, "events", iter(items)).decode() == expected


def json_values(leaves: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner) | st.tuples(inner, inner),
        max_leaves=20,
    )


# Every integer: beyond 64 bits, orjson refuses and json.dumps writes it.
@given(json_values(st.none() | st.booleans() | st.integers() | st.text()))
def test_indented_json_is_what_json_dumps_writes(value: object) -> None:
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(json_values(st.floats(allow_nan=False, allow_infinity=False)))
def test_a_float_reads_back_as_itself(value: object) -> None:
    assert json.loads(indented_json(value)) == json.loads(json.dumps(value))


def test_what_json_dumps_refuses_is_refused() -> None:
    with pytest.raises(TypeError, match="datetime"):
        indented_json({"when": datetime(2025, 6, 6, tzinfo=UTC)})
    with pytest.raises(TypeError, match="Span"):
        indented_json([Span(1, 2)])


def test_keys_that_are_not_strings_are_written_as_json_dumps_writes_them() -> None:
    value = {"a": {1: [True, 2.5], None: {}}, "b": [[], {}, ()]}
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)
