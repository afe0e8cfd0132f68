"""One headless Chromium per session, driving built sites served over HTTP from a thread."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generator import search
from generator.config import load_config
from generator.pipeline import build

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ARTIFACTS = ROOT / "tests" / "artifacts"
LARGE = ROOT / "tests" / "fixtures" / "danube-summer"
# Warnings from January to May for the two-month fixture: the timeline then spans eight months
# with no six-week stretch empty, and its overview strip draws a bar per week.
WARNINGS = {
    "2025-01-08": "heavy snow in the Alps could bring floods in summer",
    "2025-02-19": "the snowpack was the deepest in twenty years",
    "2025-04-02": "the spring thaw had begun early",
    "2025-05-14": "reservoirs upstream were nearly full",
}
WARNING = """---
title: "Danube authority warns: {said}"
date: {day}
timezone: Europe/Vienna
source: Riverside Courier
url: https://courier.example/{day}/warning
tags: [floods]
---

The Danube river authority warned on Tuesday that {said}.
"""


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _built_and_served(folder: Path, out: Path) -> Iterator[str]:
    config = load_config(folder / "dateline.toml")
    result = build(replace(config, output=str(out), root=folder))
    assert not [d for d in result.diagnostics if "search" in d.message], result.diagnostics
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def long_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The two-month fixture and warnings from January to May: eight months, a bar per week."""
    folder = tmp_path_factory.mktemp("long") / "project"
    shutil.copytree(LARGE, folder)
    for day, said in WARNINGS.items():
        article = folder / "content" / "articles" / f"{day}-warning.md"
        article.write_text(WARNING.format(day=day, said=said))
    yield from _built_and_served(folder, folder / "site")


# Warnings over four years on one page, so the strip draws a bar per month; the last warning's
# "next week" is an entry for a week, the only entry on its Monday, a later day of its bar.
ARCHIVE = {
    "2021-01-13": "snow in the Alps was deep",
    "2021-10-13": "autumn rain had filled the reservoirs",
    "2022-07-13": "the river was low",
    "2023-04-12": "the thaw had begun early",
    "2024-01-10": "ice was forming upstream",
    "2024-10-16": "the river was rising. It expects the river to crest next week",
}


@pytest.fixture(scope="session")
def archive_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Six warnings from 2021 to 2024, unpaged: a bar per month."""
    folder = tmp_path_factory.mktemp("archive") / "project"
    (folder / "content" / "articles").mkdir(parents=True)
    (folder / "dateline.toml").write_text('title = "Danube warnings"\npaginate = "none"\n')
    for day, said in ARCHIVE.items():
        article = folder / "content" / "articles" / f"{day}-warning.md"
        article.write_text(WARNING.format(day=day, said=said).replace("on Tuesday", "on Monday"))
    yield from _built_and_served(folder, folder / "site")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def seed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shipped content/ built with the repository's dateline.toml."""
    yield from _built_and_served(ROOT, tmp_path_factory.mktemp("seed") / "site")


@pytest.fixture(scope="session")
def seed_parts_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed site with its search index in three parts, as a large site's would be."""
    out = tmp_path_factory.mktemp("seed-parts") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "part_count", lambda pages, held, budget: 3)
        served = _built_and_served(ROOT, out)
        url = next(served)
    assert sorted(p.name for p in (out / "pagefind").glob("part-*")) == ["part-2", "part-3"]
    yield url
    next(served, None)


@pytest.fixture(scope="session")
def large_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Six articles over two months, one page per month."""
    yield from _built_and_served(LARGE, tmp_path_factory.mktemp("large") / "site")


class Tab:
    """A page in a fresh browser context that remembers console errors and uncaught exceptions."""

    def __init__(self, browser: Any, **options: Any) -> None:
        self.context = browser.new_context(**options)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    opened: list[Tab] = []

    def open_tab(**options: Any) -> Tab:
        opened.append(Tab(browser, **options))
        return opened[-1]

    yield open_tab
    for each in opened:
        each.context.close()
