"""Rendering a site as a stream: pages made one at a time, in path order, entries rendered once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from generator import page_keys, render
from generator.config import load_config
from generator.pipeline import check
from generator.render import render_site
from generator.theme import Theme, load_theme

FIXTURE = Path(__file__).parent / "fixtures" / "danube-summer"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    """Every template render_site renders, with its context, in order."""
    made: list[tuple[str, dict[str, Any]]] = []
    real = render.render_template

    def recording(theme: Theme, name: str, context: dict[str, Any]) -> str:
        made.append((name, context))
        return real(theme, name, context)

    monkeypatch.setattr(render, "render_template", recording)  # _entry.html
    monkeypatch.setattr(page_keys, "render_template", recording)  # the pages
    return made


def fixture_pages() -> Any:
    config = load_config(FIXTURE / "dateline.toml")
    timeline, _ = check(config)
    return render_site(timeline, config, load_theme(None), None)


def test_pages_are_rendered_only_when_the_writer_asks(
    calls: list[tuple[str, dict[str, Any]]],
) -> None:
    pages = fixture_pages()
    assert calls == []
    first = next(pages)
    assert [name for name, _ in calls] == ["404.html"]
    rest = list(pages)
    paths = [first.path, *(page.path for page in rest)]
    assert paths == sorted(paths)
    assert len(paths) == len(set(paths))


def test_each_entry_is_rendered_once_for_all_the_listings_it_is_on(
    calls: list[tuple[str, dict[str, Any]]],
) -> None:
    pages = [page.content.decode() for page in fixture_pages() if page.path.endswith(".html")]
    entries = Counter(c["event"]["id"] for name, c in calls if name == "_entry.html")
    assert entries and set(entries.values()) == {1}
    listings = [name for name, _ in calls if name == "index.html"]
    shown = sum(page.count('<article class="entry ') for page in pages)
    assert len(listings) > 10 and shown > 2 * len(entries)


def test_entries_rendered_once_with_a_mark_for_the_root_are_those_rendered_per_root(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    once = {page.path: page.content for page in fixture_pages()}
    monkeypatch.setattr(render, "prints_only", lambda *_: False)
    per_root = {page.path: page.content for page in fixture_pages()}
    assert once == per_root
    roots = {"../" * path.count("/") for path, content in once.items() if b"entry-title" in content}
    assert len(roots) >= 3
