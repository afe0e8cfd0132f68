"""A search record whose source the last build spooled is not made again: its line is kept."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from generator import search, search_cache, searchable
from generator.cache import CACHE_DIR
from generator.config import Config, load_config
from generator.model import SearchRecord
from generator.pipeline import build
from generator.search_cache import LINES_FILE, RecordLines
from generator.searchable import Searchable
from tests.test_search import needs_pagefind, record

FIXTURE = Path(__file__).parent / "fixtures" / "danube-summer"


class Made:
    """The records spooled, each made only when its maker is called, and the names made."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def records(self, *names: str, place: str = "Kyiv") -> Iterator[Searchable]:
        for name in names:
            made = record(name, place)
            yield Searchable(repr(made), lambda made=made: self.made(made))

    def made(self, found: SearchRecord) -> SearchRecord:
        self.names.append(found.path.split("/")[1])
        return found


def spooled(folder: Path, records: Iterator[Searchable], lines: RecordLines | None) -> list[bytes]:
    """Each part's bytes, spooled into `folder`."""
    budget = 3 * search.record_cost(record("a"))
    return [p.read_bytes() for p in search._spool_parts(records, folder, "en", budget, lines)]


def test_a_record_the_last_build_spooled_is_not_made_again(tmp_path: Path) -> None:
    made = Made()
    spooled(tmp_path / "first", made.records(*"abcdef"), RecordLines(tmp_path / "lines", "en"))
    assert made.names == list("abcdef")
    made.names.clear()
    lines = RecordLines(tmp_path / "lines", "en")
    again = spooled(tmp_path / "again", made.records(*"abcdef", place="Lviv"), lines)
    assert made.names == list("abcdef"), "a record with another source is made"
    made.names.clear()
    edited = [
        *made.records(*"abc", place="Lviv"),
        *made.records("d"),
        *made.records(*"ef", place="Lviv"),
    ]
    kept = spooled(tmp_path / "edited", iter(edited), RecordLines(tmp_path / "lines", "en"))
    assert made.names == ["d"]
    assert kept != again
    assert kept == spooled(tmp_path / "fresh", iter(edited), None)


def test_lines_kept_with_other_code_or_language_or_unreadable_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Made()
    spooled(tmp_path / "first", made.records(*"abc"), RecordLines(tmp_path / "lines", "en"))
    made.names.clear()
    spooled(tmp_path / "uk", made.records(*"abc"), RecordLines(tmp_path / "lines", "uk"))
    assert made.names == list("abc"), "a record's page says its language"
    made.names.clear()
    monkeypatch.setattr(search_cache, "code_version", lambda: "another version")
    spooled(tmp_path / "code", made.records(*"abc"), RecordLines(tmp_path / "lines", "uk"))
    assert made.names == list("abc")
    monkeypatch.undo()
    for damaged in (b"", b"not a pickle", b"\x80\x05garbage"):
        (tmp_path / "lines").write_bytes(damaged)
        made.names.clear()
        spooled(tmp_path / "damaged", made.records(*"abc"), RecordLines(tmp_path / "lines", "en"))
        assert made.names == list("abc")
        shutil.rmtree(tmp_path / "damaged")


def test_only_the_last_builds_lines_are_kept(tmp_path: Path) -> None:
    made = Made()
    spooled(tmp_path / "first", made.records(*"abcdef"), RecordLines(tmp_path / "lines", "en"))
    spooled(tmp_path / "second", made.records(*"abc"), RecordLines(tmp_path / "lines", "en"))
    made.names.clear()
    spooled(tmp_path / "third", made.records(*"abcdef"), RecordLines(tmp_path / "lines", "en"))
    assert made.names == list("def")


def _config(root: Path, output: str = "site") -> Config:
    return replace(load_config(root / "dateline.toml"), output=output, search="pagefind")


@needs_pagefind
def test_after_one_articles_edit_only_its_record_is_made_and_the_site_is_a_cold_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    build(_config(root), jobs=1)
    assert (root / CACHE_DIR / LINES_FILE).is_file()
    made: list[str] = []
    real = searchable.article_record
    monkeypatch.setattr(
        searchable, "article_record", lambda article: made.append(article.slug) or real(article)
    )
    edited = sorted((root / "content" / "articles").glob("*.md"))[-1]
    edited.write_text(edited.read_text() + "\nThe committee thanked the volunteers.\n")
    build(_config(root), jobs=1)
    assert len(made) == 1
    build(_config(root, "cold"), jobs=1, cache=False)
    assert _files(root / "site") == _files(root / "cold")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
