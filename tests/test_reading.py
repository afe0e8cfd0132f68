"""Parallel, cached and single-process builds give the same site; a bad cache is never trusted."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import pytest

from generator import parallel, pipeline, search
from generator.cache import CACHE_DIR
from generator.config import load_config
from generator.pipeline import build
from generator.readings_cache import READINGS_DIR, load_readings
from generator.render import Planned
from generator.reuse import Reuse
from generator.theme import default_templates
from generator.write import SPARE

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")
U = TypeVar("U")


def _make_corpus(count: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks/make_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    module.make_corpus(count, out)


def _site(folder: Path) -> dict[str, bytes]:
    """Every file of a built site, its Pagefind index too."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    _make_corpus(30, root)
    return root


def _build(root: Path, out: str, articles: int = 30, **options: object) -> dict[str, bytes]:
    config = replace(load_config(root / "dateline.toml"), output=out)
    result = build(config, **options)  # type: ignore[arg-type]
    assert result.articles == articles
    assert all(d.severity == "warning" for d in result.diagnostics)
    return _site(root / out) | {"(diagnostics)": "\n".join(map(str, result.diagnostics)).encode()}


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of workers of each build that rendered its pages in forked processes, which
    every build with more than one job then does, however few its pages."""
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 2)
    workers: list[int] = []
    real = parallel._write_forked

    def counted(
        planned: Sequence[Planned], processes: int, *places: Path | None
    ) -> tuple[str, ...]:
        workers.append(processes)
        return real(planned, processes, *places)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_write_forked", counted)
    return workers


@pytest.fixture
def apart(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What each build read and merged in a child process, which every build of more than one
    job then does, however few its articles."""
    monkeypatch.setattr(pipeline, "APART_FROM", 2)
    stages: list[str] = []
    real = pipeline.while_child

    def counted(stage: Callable[[], T], what: str, meanwhile: Callable[[], U]) -> tuple[T, U]:
        stages.append(what)
        return real(stage, what, meanwhile)

    monkeypatch.setattr(pipeline, "while_child", counted)
    return stages


def test_parallel_cached_and_single_process_builds_are_byte_identical(
    corpus: Path, forked: list[int], apart: list[str]
) -> None:
    single = _build(corpus, "single", jobs=1, cache=False)
    parallel = _build(corpus, "parallel", jobs=2)
    assert list((corpus / CACHE_DIR / READINGS_DIR).glob("*.pickle"))
    cached = _build(corpus, "cached", jobs=2)
    assert len(single) > 40
    assert forked == [2, 2], "read and rendered in parallel, then only rendered in parallel"
    assert len(apart) == 2, "the parallel builds read and merged in a child, the single one not"
    assert parallel == single
    assert cached == single


EDITORS_ENTRY = """---
title: {title}
date: 2022-02-03
sources: [{slug}]
places: [Odesa]
---

{summary}
"""


def test_after_edits_a_cached_build_is_byte_identical_to_a_cold_one(
    corpus: Path,
    forked: list[int],
    apart: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pages whose inputs did not change are linked from the previous site, not rendered: the
    site is still the one a cold single-process build gives, byte for byte."""
    root = tmp_path / "project"
    shutil.copytree(corpus / "content", root / "content")
    shutil.copy(corpus / "dateline.toml", root)
    articles = sorted((root / "content" / "articles").glob("*.md"))
    entry = root / "content" / "events" / "editors-note.md"
    entry.parent.mkdir()
    entry.write_text(EDITORS_ENTRY.format(title="Shelling", slug=articles[0].stem, summary="A."))
    linked = _linked_pages(monkeypatch)
    before = _build(root, "site", jobs=2)
    edited = next(a for a in articles[1:] if ", officials said." in a.read_text())
    edited.write_text(edited.read_text().replace(", officials said.", ", police told us.", 1))
    entry.write_text(EDITORS_ENTRY.format(title="Shelling at dawn", slug=articles[0].stem,
                                          summary="What the desk knows."))  # fmt: skip
    cached = _build(root, "site", jobs=2)
    cold = _build(root, "cold", jobs=1, cache=False)
    assert forked == [2, 2], "both cached builds rendered in forked workers"
    assert cached == cold
    changed = {path for path in before if before[path] != cached.get(path)}
    assert {"events/editors-note/index.html", "timeline.json"} <= changed
    assert sum(path.startswith("events/") for path in changed) > 2, "the article's entries"
    assert 0 < linked[-1] < len(before) - len(changed)
    spare = root / f".site.{SPARE}"
    assert spare.is_dir(), "the site replaced is kept for the next build to fill"
    articles[-1].unlink()  # its article page and some entries vanish
    spare_folder = spare.stat().st_ino
    third = _build(root, "site", jobs=2, articles=29)
    assert (root / "site").stat().st_ino == spare_folder, "the third build filled the spare"
    assert third == _build(root, "cold", jobs=1, cache=False, articles=29)
    assert cached.keys() - third.keys(), "pages vanished"
    assert len(apart) == 3, "the cached builds read and merged in a child"


def _linked_pages(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many pages each cached build linked from the previous site."""
    counts: list[int] = []
    real = pipeline.save_page_keys

    def counting(folder: Path, out_dir: Path, reuse: Reuse) -> None:
        counts.append(reuse.linked)
        real(folder, out_dir, reuse)

    monkeypatch.setattr(pipeline, "save_page_keys", counting)
    return counts


def test_a_cached_build_reads_no_article_again(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(corpus, "warm", jobs=1)
    monkeypatch.setattr("generator.reading.read_article", lambda article: pytest.fail(article.path))
    _build(corpus, "from-cache", jobs=1)


def test_a_corrupt_cache_is_rebuilt_and_the_site_is_unchanged(corpus: Path) -> None:
    expected = _build(corpus, "before", jobs=1)
    shards = sorted((corpus / CACHE_DIR / READINGS_DIR).glob("*.pickle"))
    for shard in shards:
        shard.write_bytes(b"\x80\x05garbage")
    config = load_config(corpus / "dateline.toml")
    result = build(config, jobs=1)
    unreadable = (
        f"cache is unreadable (UnpicklingError) ({len(shards)} shards); it is discarded and rebuilt"
    )
    assert [d.message for d in result.diagnostics].count(unreadable) == 1
    del expected["(diagnostics)"]
    assert _site(corpus / "site") == expected
    assert load_readings(corpus / CACHE_DIR, []).warnings == ()


def test_a_build_with_nothing_changed_writes_nothing_and_a_change_rebuilds(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = replace(load_config(corpus / "dateline.toml"), output="skip")
    first = build(config, jobs=1)
    monkeypatch.setattr("generator.pipeline.write_planned", lambda *a: pytest.fail("wrote"))
    again = build(config, jobs=1)
    assert (again.articles, again.events, again.pages) == (
        first.articles,
        first.events,
        first.pages,
    )
    article = sorted((corpus / "content" / "articles").glob("*.md"))[0]
    original = article.read_text(encoding="utf-8")
    article.write_text(
        original + "\nOfficials said on Tuesday that repairs had begun.\n", encoding="utf-8"
    )
    written: list[int] = []

    def count_pages(planned: Sequence[Planned], *rest: object) -> tuple[str, ...]:
        paths = tuple(path for path, _ in planned)
        written.append(len(paths))
        return paths

    monkeypatch.setattr("generator.pipeline.write_planned", count_pages)
    try:
        build(config, jobs=1)
    finally:
        article.write_text(original, encoding="utf-8")
    assert len(written) == 1 and written[0] > 40


@pytest.mark.parametrize("jobs", [1, 2], ids=["one process", "forked workers"])
def test_only_changed_pages_are_rewritten(corpus: Path, forked: list[int], jobs: int) -> None:
    config = replace(load_config(corpus / "dateline.toml"), output=f"linked-{jobs}")
    site = corpus / f"linked-{jobs}"
    build(config, jobs=jobs, cache=False)
    before = {p: (p.stat().st_ino, p.read_bytes()) for p in site.rglob("*.html")}
    build(replace(config, title="Another title"), jobs=jobs, cache=False)
    assert forked == [jobs, jobs] if jobs > 1 else not forked
    after = {p: (p.stat().st_ino, p.read_bytes()) for p in site.rglob("*.html")}
    assert after.keys() == before.keys()
    kept = {p for p in before if before[p][0] == after[p][0]}
    assert kept == {p for p in before if before[p][1] == after[p][1]}
    assert 0 < len(kept) < len(before)


def test_the_hash_seed_does_not_change_the_site(corpus: Path) -> None:
    """Set iteration order follows PYTHONHASHSEED; nothing the merge decides may depend on it."""
    sites = []
    for seed in ("2", "3"):
        out = corpus / f"seed-{seed}"
        subprocess.run(
            [sys.executable, "-m", "generator", "build", "--no-cache", "--jobs", "1",
             "--out", str(out)],
            cwd=corpus, check=True, capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        sites.append(_site(out))
    assert sites[0] == sites[1]


def test_a_template_edit_takes_the_search_index_from_the_cache(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Search records do not depend on templates: after an edit to one, every search part is
    the cached one, and the index is byte for byte the one Pagefind made."""
    before = _build(corpus, "template-before", jobs=1)
    templates = corpus / "templates"
    templates.mkdir()
    base = (default_templates() / "base.html").read_text(encoding="utf-8")
    (templates / "base.html").write_text(base + "<!-- edited -->\n", encoding="utf-8")
    monkeypatch.setattr(search, "_run_pagefind", lambda *_: pytest.fail("pagefind ran"))
    try:
        after = _build(corpus, "template-before", jobs=1)
    finally:
        shutil.rmtree(templates)
    index = {path: data for path, data in before.items() if path.startswith("pagefind/")}
    assert index and index.items() <= after.items()
    assert after["index.html"] != before["index.html"]
