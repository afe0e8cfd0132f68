"""Search parts whose pages did not change come from the cache, byte for byte, not Pagefind."""

from __future__ import annotations

import os
import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator import search
from generator.errors import OutputError
from generator.model import SearchRecord
from generator.search_cache import PartCache
from generator.write import write_new
from tests.test_search import needs_pagefind, ready, record

BUDGET = 10 * search.BYTES_PER_WORD + search.BYTES_PER_PAGE  # about one record a part


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


class Counted:
    """Pagefind runs, counted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.runs = 0
        real = search._run_pagefind

        def run(executable: Path, part: Path) -> list[tuple[str, bytes]]:
            self.runs += 1
            return real(executable, part)

        monkeypatch.setattr(search, "_run_pagefind", run)


def index(site: Path, records: list[SearchRecord], cache: PartCache | None) -> dict[str, bytes]:
    site.mkdir()
    assert search.index_site(site, lambda: ready(records), "en", BUDGET * 3, cache) == ()
    return site_files(site)


@needs_pagefind
def test_unchanged_parts_come_from_the_cache_normalised(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pagefind = Counted(monkeypatch)
    normalised: list[int] = []
    real = search.normalised
    monkeypatch.setattr(search, "normalised", lambda files: normalised.append(1) or real(files))
    cache = PartCache(tmp_path / "cache")
    records = [record(name) for name in "abcdef"]
    first = index(tmp_path / "first", records, cache)
    made = pagefind.runs
    assert made >= 2
    assert len(normalised) == made
    assert index(tmp_path / "again", records, PartCache(tmp_path / "cache")) == first
    assert pagefind.runs == made
    assert len(normalised) == made, "the cache keeps each part normalised"


@needs_pagefind
def test_an_edited_page_reindexes_only_its_part(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pagefind = Counted(monkeypatch)
    records = [record(name) for name in "abcdef"]
    index(tmp_path / "first", records, PartCache(tmp_path / "cache"))
    made = pagefind.runs
    edited = [record("c", "Lviv") if r.path.startswith("events/c/") else r for r in records]
    cached = index(tmp_path / "edited", edited, PartCache(tmp_path / "cache"))
    assert pagefind.runs == made + 1
    assert cached == index(tmp_path / "uncached", edited, None)


@needs_pagefind
def test_the_edited_part_is_indexed_before_the_stored_ones_are_copied(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    records = [record(name) for name in "abcdef"]
    index(tmp_path / "first", records, PartCache(tmp_path / "cache"))
    begun: list[str] = []
    real_load = PartCache.load

    def load(cache: PartCache, key: str) -> list[tuple[str, bytes]] | None:
        files = real_load(cache, key)
        begun.append("index" if files is None else "copy")
        return files

    monkeypatch.setattr(search, "ThreadPoolExecutor", lambda workers: ThreadPoolExecutor(1))
    monkeypatch.setattr(PartCache, "load", load)
    for name in "abcdef":  # whichever part holds the edited page
        begun.clear()
        edited = [
            record(name, "Lviv") if r.path == f"events/{name}/index.html" else r for r in records
        ]
        index(tmp_path / f"edited-{name}", edited, PartCache(tmp_path / "cache"))
        assert begun[0] == "index" and begun.count("index") == 1
        assert begun.count("copy") >= 2, "the other parts come from the cache, after it"


@needs_pagefind
def test_a_damaged_cache_file_is_indexed_again_and_replaced(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    records = [record(name) for name in "abcdef"]
    first = index(tmp_path / "first", records, PartCache(tmp_path / "cache"))
    for number, stored in enumerate(sorted((tmp_path / "cache").iterdir())):
        stored.write_bytes(b"not a pickle" if number else pickle.dumps(["not", "files"]))
    pagefind = Counted(monkeypatch)
    assert index(tmp_path / "again", records, PartCache(tmp_path / "cache")) == first
    assert pagefind.runs == len(list((tmp_path / "cache").iterdir()))


@needs_pagefind
def test_the_cache_keeps_only_the_last_builds_parts(tmp_path: Path) -> None:
    cache = PartCache(tmp_path / "cache")
    index(tmp_path / "first", [record(name) for name in "abcdef"], cache)
    cache.forget_unused()
    kept = set((tmp_path / "cache").iterdir())
    cache = PartCache(tmp_path / "cache")
    index(tmp_path / "second", [record(name, "Lviv") for name in "abcdef"], cache)
    cache.forget_unused()
    assert set((tmp_path / "cache").iterdir()).isdisjoint(kept)
    assert {p.name for p in (tmp_path / "cache").iterdir()} == cache.used


@needs_pagefind
def test_parts_indexed_at_once_give_the_same_index(tmp_path: Path) -> None:
    records = [record(name) for name in "abcdefgh"]
    one, three = tmp_path / "one", tmp_path / "three"
    for site, jobs in ((one, 1), (three, 3)):
        site.mkdir()
        assert search.index_site(site, lambda: ready(records), "en", BUDGET * 2, jobs=jobs) == ()
    assert len(list((one / search.BUNDLE).glob("part-*"))) >= 2
    assert site_files(three) == site_files(one)


@needs_pagefind
def test_a_part_failing_among_others_at_once_leaves_no_index(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = search._run_pagefind

    def run(executable: Path, part: Path) -> list[tuple[str, bytes]]:
        if "/events/c/" in part.read_text():
            raise OutputError("pagefind stopped: no answer")
        return real(executable, part)

    monkeypatch.setattr(search, "_run_pagefind", run)
    records = [record(name) for name in "abcdefgh"]
    (warning,) = search.index_site(tmp_path, lambda: ready(records), "en", BUDGET * 2, jobs=3)
    assert warning.message == "search index skipped: pagefind stopped: no answer"
    assert list(tmp_path.iterdir()) == []


@needs_pagefind
def test_a_rebuild_links_what_the_previous_index_has_and_never_writes_into_it(
    tmp_path: Path,
) -> None:
    records = [record(name) for name in "abcdef"]
    old = index(tmp_path / "old", records, None)
    edited = [record("c", "Lviv") if r.path.startswith("events/c/") else r for r in records]
    new = tmp_path / "new"
    new.mkdir()
    assert (
        search.index_site(new, lambda: ready(edited), "en", BUDGET * 3, previous=tmp_path / "old")
        == ()
    )
    assert site_files(tmp_path / "old") == old
    assert site_files(new) == index(tmp_path / "fresh", edited, None)
    linked = {p.relative_to(new).as_posix() for p in new.rglob("*") if p.stat().st_nlink > 1}
    fragments = {name for name in linked if name.endswith(".pf_fragment")}
    assert len(fragments) >= 5, "the unchanged pages' fragments were written again"


def test_a_file_the_index_rewrites_is_a_new_one_not_the_linked_previous_one(tmp_path: Path) -> None:
    live, staged = tmp_path / "live.pf_meta", tmp_path / "staged.pf_meta"
    live.write_bytes(b"served")
    os.link(live, staged)
    write_new(staged, b"rewritten")
    assert live.read_bytes() == b"served" and staged.read_bytes() == b"rewritten"
