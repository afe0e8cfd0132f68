"""Page keys of large plain values (pickled whole), of shared values and of an article's marks:
equal values give equal keys, whatever objects hold them and in whatever order pages are keyed;
any change a template could see gives another key."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from markupsafe import Markup

from generator.config import Config
from generator.highlight import Mark, article_html, mark_row, rows_html
from generator.model import Span
from generator.page_keys import Deferred, PageKeys
from generator.plain_values import Plain, flat
from generator.theme import load_theme

from .test_page_keys import keys_under_hash_seeds

MANY = 12  # more items than a value has before it is pickled whole


class Hue(Enum):
    DAY = "day"


def _keys(shared: list[object] | None = None) -> PageKeys:
    return PageKeys(load_theme(None), Config(), None, shared or [])


def _key(keys: PageKeys, value: Any) -> bytes | None:
    return keys.key("event.html", "events/x/index.html", {"event": value})


def _view(title: str = "Floods in Linz") -> dict[str, Any]:
    """An entry's view as its listings see it: many fields, lists and dicts of plain values."""
    return {
        "id": "2025-06-01-floods",
        "title": title,
        "precision": "day",
        "tags": ["floods", "weather"],
        "tag_links": [{"name": "floods", "slug": "floods", "url": "tags/floods/index.html"}],
        "conflicts": [{"fact": "date", "versions": [{"value": "2025-06-01", "articles": ["a"]}]}],
        "killed": None,
        "corroboration": 2,
        "disputed": False,
        **{f"field{number}": f"value {number}" for number in range(MANY)},
    }


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (["1"] * MANY, [1] * MANY), ([1] * MANY, [True] * MANY), ([1] * MANY, [1.0] * MANY),
        ([0.0] * MANY, [-0.0] * MANY), (["a"] * MANY, ("a",) * MANY),
        (["a"] * MANY, ["a"] * (MANY - 1) + ["b"]), (["ab", *["c"] * MANY], ["a", *["bc"] * MANY]),
        (["x"] * MANY, [Markup("x")] + ["x"] * (MANY - 1)),
        ([(1, "a")] * MANY, [[1, "a"]] * MANY), ([(1, "a")] * MANY, [(1, "a", "")] * MANY),
        ({str(n): n for n in range(MANY)}, {str(n): str(n) for n in range(MANY)}),
        ({str(n): n for n in range(MANY)}, {n: n for n in range(MANY)}),
        ({str(n): n for n in range(MANY)}, dict(reversed({str(n): n for n in range(MANY)}.items()))),
        (_view(), _view("Floods in Vienna")), (_view(), {**_view(), "precision": Hue.DAY}),
        ([{1, 2}, *[1] * MANY], [{1, 3}, *[1] * MANY]),
        ([datetime(2025, 6, 1, tzinfo=UTC)] * MANY, [datetime(2025, 6, 1)] * MANY),
    ],
)  # fmt: skip
def test_large_values_a_template_can_tell_apart_have_different_keys(
    first: Any, second: Any
) -> None:
    keys = _keys()
    assert _key(keys, first) != _key(keys, second)
    assert _key(keys, first) is not None


def test_plain_values_are_pickled_whole_and_others_refused() -> None:
    plain = Plain()
    assert flat(["a"] * MANY) and flat([(1, "a")] * MANY) and flat({"a": 1})
    assert not flat([["a"], {"b": 1}]) and not flat({"a": [1]})
    assert plain(_view()) is not None
    for refused in (
        [{1}],
        [frozenset()],
        [Markup("x")],
        [datetime(2025, 6, 1)],
        [print],
        [Hue.DAY],
    ):
        assert plain(refused) is None


def test_equal_values_have_equal_keys_whatever_objects_hold_them() -> None:
    text = "The river rose overnight."
    same = [text] * MANY
    equal = ["".join(["The river rose ", "overnight."]) for _ in range(MANY)]
    assert same[0] is not equal[0]
    keys = _keys()
    assert _key(keys, same) == _key(keys, equal)
    assert _key(keys, _view()) == _key(keys, _view())


def test_a_field_change_of_a_shared_value_changes_the_key() -> None:
    first, second = _view(), _view()
    second["tag_links"][0]["url"] = "tags/flood/index.html"
    keys_first, keys_second = _keys([first]), _keys([second])
    assert _key(keys_first, first) != _key(keys_second, second)
    assert _key(keys_first, [first]) != _key(keys_second, [second])


def test_shared_values_have_the_same_keys_in_any_order_of_pages() -> None:
    """A list of shared values is encoded by their digests once all are made: the same text as
    item by item, whichever page made them first (each worker keys other pages first)."""
    views = [_view(f"Entry {number}") for number in range(MANY)]
    page = {"event": views, "root": "../"}
    one = _keys([views, *views])
    first = one.key("event.html", "p", page)
    for view in views:
        _key(one, view)
    other = _keys([views, *views])
    for view in views:
        _key(other, view)
    assert one.key("event.html", "p", page) == first == other.key("event.html", "p", page)
    listed = {"event": list(views)}  # not shared: its items are, and their digests are made
    assert _keys(list(views)).key("event.html", "p", listed) == one.key("event.html", "p", listed)


def test_an_articles_marks_change_its_key_and_render_as_marks() -> None:
    body = "On Monday the river rose. On Tuesday it fell.\n"
    marks = (
        Mark(Span(0, 25), "sentence", "s-0"),
        Mark(Span(3, 9), "phrase", href="../../events/a/index.html", title="2025-06-02"),
    )
    rows = tuple(map(mark_row, marks))
    assert rows_html(body, rows) == article_html(body, marks)
    keys = _keys()

    def key(rows: tuple[Any, ...]) -> bytes | None:
        html = Deferred("article_html", rows_html, body, rows, False)
        return keys.key("article.html", "articles/a/index.html", {"article": {"html": html}})

    moved = (rows[0], (*rows[1][:4], "../../events/b/index.html", rows[1][5]))
    assert key(rows) != key(moved) and key(rows) == key(tuple(map(mark_row, marks)))
    assert key(rows * MANY) != key(moved * MANY) and key(rows * MANY) is not None


KEY_SCRIPT = """
from datetime import datetime
from zoneinfo import ZoneInfo
from generator.config import Config
from generator.page_keys import PageKeys
from generator.theme import load_theme
keys = PageKeys(load_theme(None), Config(), None)
tags = [{"floods", "weather", "rain"}, frozenset({"Vienna", "Linz"})]
value = {
    "many": [*tags, *["river"] * 12], "plain": {str(n): f"v{n}" for n in range(12)},
    "rows": [(n, "sentence", f"s-{n}") for n in range(12)],
    "when": [datetime(2025, 6, 1, tzinfo=ZoneInfo("Europe/Vienna"))] * 12,
}
print(keys.key("event.html", "events/x/index.html", {"event": value}).hex())
"""


def test_large_value_keys_do_not_depend_on_the_hash_seed() -> None:
    assert len(keys_under_hash_seeds(KEY_SCRIPT)) == 1


def test_a_datetime_in_a_large_value_is_keyed_by_its_zone_and_fold() -> None:
    vienna = ZoneInfo("Europe/Vienna")
    instant = datetime(2025, 10, 26, 2, 30, tzinfo=vienna)
    keys = _keys()
    assert _key(keys, [instant] * MANY) != _key(keys, [instant.replace(fold=1)] * MANY)
    assert _key(keys, [instant] * MANY) != _key(keys, [instant.replace(tzinfo=UTC)] * MANY)
