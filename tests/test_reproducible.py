"""Two builds of the same content are byte-identical, whatever the time zone, locale or file order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

EXTRA = {
    "b-later.md": "---\ntitle: Later talks\ndate: 2025-06-09T23:30:00-07:00\ntimezone: America/Los_Angeles\n"
    "tags: [talks, Ärger]\n---\nNegotiators met again on Monday night, after talks on Friday.\n",
    "a-earlier.md": "---\ntitle: Earlier talks\ndate: 6 June 2025\ntimezone: Asia/Tokyo\n---\n"
    "Ministers said on Thursday that a summit would be held next week.\n",
}


def copy_content(target: Path, reverse: bool) -> Path:
    """The seed article and two more, created in one order or the other."""
    articles = target / "content" / "articles"
    articles.mkdir(parents=True)
    files = {p.name: p.read_text() for p in (ROOT / "content" / "articles").glob("*.md")}
    files.update(EXTRA)
    for name in sorted(files, reverse=reverse):
        (articles / name).write_text(files[name])
    return target


def build(folder: Path, **env: str) -> dict[str, bytes]:
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1749196800", **env}
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", "content", "--out", "site"],
        cwd=folder, env=environment, check=True, capture_output=True,
    )  # fmt: skip
    site = folder / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_time_zone_locale_and_file_order_do_not_change_a_byte(tmp_path: Path) -> None:
    first = build(copy_content(tmp_path / "one", reverse=False), TZ="UTC", LC_ALL="C")
    second = build(
        copy_content(tmp_path / "two", reverse=True), TZ="Pacific/Kiritimati", LC_ALL="C.UTF-8",
        LANG="C.UTF-8", PYTHONHASHSEED="12345",
    )  # fmt: skip
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    assert b'"generated": "2025-06-06T08:00:00+00:00"' in first["timeline.json"]


def test_a_rebuild_in_place_changes_nothing(tmp_path: Path) -> None:
    folder = copy_content(tmp_path / "site-folder", reverse=False)
    first = build(folder, TZ="America/St_Johns")
    assert build(folder, TZ="Asia/Kathmandu") == first


def test_the_search_index_is_byte_identical_too(tmp_path: Path) -> None:
    """Pagefind 1.5 alone writes its filter indexes in hash-map order (Pagefind issue #638)."""
    folder = copy_content(tmp_path / "site-folder", reverse=False)
    first = build(folder)
    assert any(path.startswith("pagefind/filter/") for path in first)
    assert build(folder) == first
