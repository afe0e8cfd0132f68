"""`dateline serve` reloads an open tab when an article is saved, under the pages' own CSP."""

from __future__ import annotations

import queue
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.test_serve import ARTICLE, server

__all__ = ["server"]


def test_an_open_tab_reloads_itself_after_an_edit(
    tab: Any, server: tuple[str, Path, queue.Queue[str]]
) -> None:
    url, project, _ = server
    reader = tab()
    violations: list[str] = []
    reader.page.on(
        "console", lambda m: "Content Security Policy" in m.text and violations.append(m.text)
    )
    page_url = url + "articles/2025-06-06-russia-strikes-kyiv/index.html"
    reader.page.goto(page_url)
    article = project / ARTICLE
    article.write_text(
        article.read_text(encoding="utf-8").replace('title: "', 'title: "Reloaded: ', 1),
        encoding="utf-8",
    )
    expect(reader.page.locator("h1")).to_contain_text("Reloaded:", timeout=20_000)
    assert violations == []
    assert reader.errors == []
