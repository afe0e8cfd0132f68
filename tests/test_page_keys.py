"""A page is linked from the previous site only when rendering it would give the same bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup

from generator import pipeline, render
from generator.cache import CACHE_DIR
from generator.config import Config, load_config
from generator.page_keys import PageKeys, StandIn
from generator.pipeline import build
from generator.reuse import PAGE_KEYS_FILE, Reuse, load_page_keys
from generator.theme import default_templates, load_theme, theme_references

FIXTURE = Path(__file__).parent / "fixtures" / "danube-summer"


def _site(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root


@pytest.fixture
def linked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Each cached build's pages linked and pages keyed."""
    counts: list[tuple[int, int]] = []
    real = pipeline.save_page_keys

    def counting(folder: Path, out_dir: Path, reuse: Reuse) -> None:
        counts.append((reuse.linked, len(reuse.stored)))
        real(folder, out_dir, reuse)

    monkeypatch.setattr(pipeline, "save_page_keys", counting)
    return counts


def _config(root: Path, output: str = "site") -> Config:
    return replace(load_config(root / "dateline.toml"), output=output, search="none")


def _cold(root: Path) -> dict[str, bytes]:
    build(_config(root, "cold"), jobs=1, cache=False)
    return _site(root / "cold")


def _touch_an_article(root: Path) -> None:
    """An edit that changes one article's page and no other (the build runs again)."""
    article = sorted((root / "content" / "articles").glob("*.md"))[-1]
    article.write_text(article.read_text() + "\nThe committee thanked the volunteers.\n")


def test_an_edited_template_renders_its_pages_again(
    project: Path, linked: list[tuple[int, int]]
) -> None:
    build(_config(project), jobs=1)
    templates = project / "templates"
    templates.mkdir()
    footer = "<p>Edited by the desk.</p>\n{% endblock %}"
    article = (default_templates() / "article.html").read_text()
    (templates / "article.html").write_text(article.replace("{% endblock %}", footer, 1))
    build(_config(project), jobs=1)
    assert _site(project / "site") == _cold(project)
    page = next((project / "site" / "articles").rglob("index.html"))
    assert "Edited by the desk." in page.read_text()
    assert linked[1][0] == 0, "the theme is in every key"


def test_a_hand_edited_page_is_rendered_again(project: Path, linked: list[tuple[int, int]]) -> None:
    build(_config(project), jobs=1)
    page = next((project / "site" / "events").rglob("index.html"))
    original = page.read_bytes()
    page.write_bytes(original.replace(b"</h1>", b" (edited)</h1>"))
    _touch_an_article(project)
    build(_config(project), jobs=1)
    assert page.read_bytes() == original
    assert _site(project / "site") == _cold(project)
    keyed = linked[1][1]
    assert 0 < linked[1][0] < keyed - 1, "the edited page and the article's page are rendered"


def test_a_listing_page_that_is_linked_makes_no_facets_of_its_own(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(_config(project), jobs=1)
    made: list[int] = []
    real = render.collect_facets
    monkeypatch.setattr(render, "collect_facets", lambda events: made.append(1) or real(events))
    _touch_an_article(project)
    build(_config(project), jobs=1)
    assert len(made) == 1, "the site's facets only: each page's are made when it is rendered"
    assert _site(project / "site") == _cold(project)


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_a_corrupt_keys_file_is_ignored(
    project: Path, linked: list[tuple[int, int]], content: bytes
) -> None:
    build(_config(project), jobs=1)
    (project / CACHE_DIR / PAGE_KEYS_FILE).write_bytes(content)
    assert load_page_keys(project / CACHE_DIR, _config(project).output_dir) == {}
    _touch_an_article(project)
    build(_config(project), jobs=1)
    assert linked[1][0] == 0
    assert _site(project / "site") == _cold(project)
    assert load_page_keys(project / CACHE_DIR, _config(project).output_dir)


def test_a_keys_file_a_killed_build_left_half_written_is_removed(project: Path) -> None:
    cache = project / CACHE_DIR
    cache.mkdir(exist_ok=True)
    abandoned = cache / f".{PAGE_KEYS_FILE}-k1llxd_9"
    young = cache / f".{PAGE_KEYS_FILE}-wr1t1ng"
    for path in (abandoned, young):
        path.write_bytes(b"half the keys")
    hour_ago = time.time() - 3600
    os.utime(abandoned, (hour_ago, hour_ago))
    build(_config(project), jobs=1)
    assert not abandoned.exists()
    assert young.exists(), "another build may be writing it now"


def test_keys_of_another_output_folder_are_not_used(
    project: Path, linked: list[tuple[int, int]]
) -> None:
    build(_config(project), jobs=1)
    build(_config(project, "elsewhere"), jobs=1)
    assert linked[1][0] == 0
    assert load_page_keys(project / CACHE_DIR, _config(project).output_dir) == {}


def test_no_cache_renders_every_page(project: Path, linked: list[tuple[int, int]]) -> None:
    build(_config(project), jobs=1)
    _touch_an_article(project)
    build(_config(project), jobs=1, cache=False)
    assert len(linked) == 1


DYNAMIC = """{% extends "base.html" %}
{% block main %}{% set part = "_csp.html" %}{% include part %}<p>{{ heading }}</p>{% endblock %}
"""


def test_a_template_with_a_computed_include_is_keyed_by_its_whole_context(
    project: Path, linked: list[tuple[int, int]]
) -> None:
    templates = project / "templates"
    templates.mkdir()
    (templates / "facets.html").write_text(DYNAMIC)
    references = theme_references(load_theme(templates).environment)
    assert references["facets.html"] == "all"
    assert isinstance(references["event.html"], frozenset)
    build(_config(project), jobs=1)
    _touch_an_article(project)
    build(_config(project), jobs=1)
    assert _site(project / "site") == _cold(project)
    assert "<p>Tags</p>" in (project / "site" / "tags" / "index.html").read_text()


@pytest.mark.parametrize(
    "source",
    ["{{ site._x }}", "{{ site['__class__'] }}", "{{ site|attr('title') }}",
     "{{ '{0.title}'.format(site) }}"],
)  # fmt: skip
def test_a_template_that_reaches_past_the_values_has_no_key(tmp_path: Path, source: str) -> None:
    (tmp_path / "peek.html").write_text(source)
    (tmp_path / "uses.html").write_text('{% include "peek.html" %}')
    references = theme_references(load_theme(tmp_path).environment)
    assert references["peek.html"] == references["uses.html"] == "unkeyable"
    assert references["event.html"] != "unkeyable"


def _keys() -> PageKeys:
    return PageKeys(load_theme(None), Config(), None)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("1", Markup("1")), (1, True), (1, 1.0), ([1], (1,)), ({"a": 1}, {"a": "1"}),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}), (["ab", "c"], ["a", "bc"]),
        (datetime(2025, 6, 1, tzinfo=UTC), datetime(2025, 6, 1)),
        (StandIn("a", print), StandIn("b", print)), (StandIn("a", print, 1), StandIn("a", print)),
    ],
)  # fmt: skip
def test_values_a_template_can_tell_apart_have_different_keys(first: Any, second: Any) -> None:
    keys = _keys()
    assert keys.key("event.html", "p", {"event": first}) != keys.key(
        "event.html", "p", {"event": second}
    )


def test_equal_values_have_equal_keys_and_unknown_ones_none() -> None:
    keys = _keys()
    page: dict[str, Any] = {"event": {"tags": {"b", "a"}}, "root": "../"}
    same: dict[str, Any] = {"event": {"tags": {"a", "b"}}, "root": "../", "unused": object()}
    assert keys.key("event.html", "p", page) == keys.key("event.html", "p", same) is not None
    assert keys.key("event.html", "q", page) != keys.key("event.html", "p", page)
    assert keys.key("event.html", "p", {"event": object()}) is None


KEY_SCRIPT = """
from generator.config import Config
from generator.page_keys import PageKeys
from generator.theme import load_theme
keys = PageKeys(load_theme(None), Config(), None)
value = {"tags": {"floods", "weather", "rain"}, "places": frozenset({"Vienna", "Linz"})}
print(keys.key("event.html", "events/x/index.html", {"event": value}).hex())
"""


def keys_under_hash_seeds(script: str) -> set[str]:
    """What the script prints (a key) under three hash seeds."""
    digests = set()
    for seed in ("1", "2", "3"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", script], check=True, capture_output=True, text=True,
            env=environment,
        )  # fmt: skip
        digests.add(run.stdout)
    return digests


def test_keys_do_not_depend_on_the_hash_seed() -> None:
    assert len(keys_under_hash_seeds(KEY_SCRIPT)) == 1
