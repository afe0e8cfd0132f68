"""Writing the site: a killed or interrupted build leaves the old site, and no path escapes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from unittest.mock import ANY

import pytest

from generator import write
from generator.errors import OutputError
from generator.paths import unsafe_reason
from generator.render import Page
from generator.write import MARKER, stage_site, write_pages, write_site

ARTICLES = 150  # enough pages that writing them takes a while the test can land a signal in


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def write_content(root: Path, count: int) -> None:
    articles = root / "content" / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (articles / f"a{number}.md").write_text(
            f"---\ntitle: Article {number}\ndate: 2025-06-06\nextract: false\n---\n"
            + f"Paragraph {number} about the talks. " * 40
        )


def build_and_signal(root: Path, signal_number: int) -> tuple[subprocess.Popen[bytes], bool]:
    """Starts a build and signals it as soon as its staging folder appears (if it does)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--content", "content", "--out", "site"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    while process.poll() is None:
        if any(p.name.startswith(".site.new-") for p in root.iterdir()):
            process.send_signal(signal_number)
            break
    process.wait(timeout=60)
    staged = any(p.name.startswith(".site.new-") for p in root.iterdir())
    return process, staged


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_a_build_stopped_while_writing_leaves_the_old_site(
    tmp_path: Path, signal_number: int
) -> None:
    write_content(tmp_path, 3)
    first = subprocess.run([sys.executable, "-m", "generator", "build", "--content", "content",
                            "--out", "site"], cwd=tmp_path, capture_output=True)  # fmt: skip
    assert first.returncode == 0, first.stderr
    old = snapshot(tmp_path / "site")
    write_content(tmp_path, ARTICLES)
    for _ in range(5):  # the signal may land after the swap on a busy machine: try again
        process, staged = build_and_signal(tmp_path, signal_number)
        if process.returncode != 0:
            break
        old = snapshot(tmp_path / "site")
    assert process.returncode in (-signal.SIGKILL, 130), process.stderr
    assert snapshot(tmp_path / "site") == old
    if signal_number == signal.SIGINT:
        assert not staged, "Ctrl-C left the half-written folder behind"
        assert (
            process.stderr.read()
            .decode()
            .strip()
            .endswith("interrupted; the output folder was left as it was")
        )  # type: ignore[union-attr]


def test_the_next_build_removes_what_a_killed_one_left(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site([Page("index.html", b"old")], out)
    (tmp_path / ".site.new-abc123").mkdir()
    (tmp_path / ".site.new-abc123" / "index.html").write_bytes(b"half")
    write_site([Page("index.html", b"new")], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (out / "index.html").read_bytes() == b"new"


def test_a_site_moved_aside_by_a_killed_swap_is_put_back(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site([Page("index.html", b"old")], out)
    aside = tmp_path / ".site.old-xyz789"
    aside.mkdir()
    os.replace(out, aside / "site")  # killed between the two renames of the fallback swap
    with pytest.raises(OutputError):
        write_site([Page("../escape.html", b"x")], out)
    assert (out / "index.html").read_bytes() == b"old" and (out / MARKER).is_file()
    assert not aside.exists()


def test_a_retired_site_whose_removal_was_stopped_is_removed_not_put_back(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site([Page("index.html", b"old")], out)
    gone = tmp_path / ".site.gone-abc123"
    (gone / "site").mkdir(parents=True)
    (gone / "site" / "index.html").write_bytes(b"older")
    write.shutil.rmtree(out)  # even with no site, a retired one is never put back
    write_site([Page("index.html", b"new")], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (out / "index.html").read_bytes() == b"new"


def test_without_an_atomic_exchange_two_renames_swap_the_site(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(write, "_exchange", lambda first, second: False)
    out = tmp_path / "site"
    write_site([Page("index.html", b"old")], out)
    write_site([Page("index.html", b"new")], out)
    assert snapshot(out) == {"index.html": b"new", MARKER: ANY}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def wait_until_alone(folder: Path) -> list[str]:
    """The folder's names once only the site is left, or after ten seconds."""
    deadline = time.monotonic() + 10
    while len(list(folder.iterdir())) > 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.skipif(os.name != "posix", reason="the detached removal needs a POSIX shell")
def test_the_old_site_can_be_removed_by_another_process_after_the_swap(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    write_site([Page(f"events/{n}/index.html", b"old") for n in range(50)], out)
    removed_here: list[Path] = []
    monkeypatch.setattr(write.shutil, "rmtree", lambda path, **_: removed_here.append(path))
    stage_site(out, partial(write_pages, [Page("index.html", b"new")]), remove_later=True)
    monkeypatch.undo()
    assert removed_here == []
    assert snapshot(out) == {"index.html": b"new", MARKER: ANY}
    assert wait_until_alone(tmp_path) == ["site"]


def test_without_a_shell_the_old_site_is_removed_before_the_build_returns(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(write, "_SHELL", str(tmp_path / "no-shell"))
    out = tmp_path / "site"
    write_site([Page("index.html", b"old")], out)
    stage_site(out, partial(write_pages, [Page("index.html", b"new")]), remove_later=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (out / "index.html").read_bytes() == b"new"


def test_the_site_folder_is_readable_by_others(tmp_path: Path) -> None:
    write_site([Page("index.html", b"x")], tmp_path / "site")
    assert (tmp_path / "site").stat().st_mode & 0o055 == 0o055 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("index.html", None),
        ("events/2025-06-02-talks/index.html", None),
        ("../escape.html", "has a part '..' that leaves or repeats the folder"),
        ("events/../../x", "has a part '..' that leaves or repeats the folder"),
        ("/etc/passwd", "is absolute or empty"),
        ("\\\\server\\share", "is absolute or empty"),
        ("", "is absolute or empty"),
        ("a//b", "has a part '' that leaves or repeats the folder"),
        ("articles/CON/index.html", "has a part 'CON' that is a name Windows reserves"),
        ("nul.txt", "has a part 'nul.txt' that is a name Windows reserves"),
        ("articles/com1/index.html", "has a part 'com1' that is a name Windows reserves"),
        ("a:b.html", "has a part 'a:b.html' that contains a character that is not allowed in file names"),
        ("a\\b.html", "has a part 'a\\b.html' that contains a character that is not allowed in file names"),
        ("what?.html", "has a part 'what?.html' that contains a character that is not allowed in file names"),
        ("tab\there", "has a part 'tab\there' that contains a character that is not allowed in file names"),
        ("trailing.", "has a part 'trailing.' that ends with a space or dot (not allowed on Windows)"),
        ("x" * 121, f"has a part '{'x' * 121}' that is longer than 120 characters"),
    ],
)  # fmt: skip
def test_only_safe_relative_paths_are_written(path: str, reason: str | None) -> None:
    assert unsafe_reason(path) == reason


def test_an_unsafe_page_path_stops_the_write_and_keeps_the_old_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site([Page("index.html", b"old")], out)
    with pytest.raises(OutputError) as caught:
        write_site([Page("index.html", b"new"), Page("aux/index.html", b"x")], out)
    assert str(caught.value) == (
        "error: page path 'aux/index.html' has a part 'aux' that is a name Windows reserves "
        "(hint: rename what it came from)"
    )
    assert snapshot(out) == {"index.html": b"old", MARKER: (out / MARKER).read_bytes()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_pages_are_written_as_they_come_and_only_their_paths_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "site"

    def stream() -> Iterator[Page]:
        yield Page("a/index.html", b"first")
        staged = list(tmp_path.glob(".site.new-*/a/index.html"))
        assert [p.read_bytes() for p in staged] == [b"first"], "the first page is not on disk yet"
        yield Page("b.html", b"second")

    assert write_site(stream(), out) == ("a/index.html", "b.html")
    assert snapshot(out) == {"a/index.html": b"first", "b.html": b"second", MARKER: ANY}


def stage(out: Path, pages: dict[str, bytes], fail: bool = False) -> None:
    """Builds `pages` as a planned build does: its paths known, so a spare site is kept and
    used. With `fail`, the build stops after writing them."""

    def fill(staging: Path, previous: Path | None) -> tuple[str, ...]:
        written = write_pages([Page(p, c) for p, c in pages.items()], staging, previous)
        if fail:
            raise OutputError("stopped")
        return written

    stage_site(out, fill, paths=list(pages))


def test_the_replaced_site_is_kept_and_filled_by_the_next_build(tmp_path: Path) -> None:
    out, spare = tmp_path / "site", tmp_path / f".site.{write.SPARE}"
    stage(out, {"index.html": b"1", "a/index.html": b"a", "gone/index.html": b"g"})
    assert not spare.exists()
    stage(out, {"index.html": b"2", "a/index.html": b"a", "gone/index.html": b"g"})
    assert snapshot(spare) == {"index.html": b"1", "a/index.html": b"a",
                               "gone/index.html": b"g", MARKER: ANY}  # fmt: skip
    (spare / "a" / "stray.txt").write_bytes(b"left by hand")
    (spare / "pagefind").mkdir()  # a folder of no page: the indexer's, made afresh
    (spare / "pagefind" / "pagefind.js").write_bytes(b"old index")
    taken = (spare / "a").stat().st_ino
    stage(out, {"index.html": b"3", "a/index.html": b"a", "new/index.html": b"n"})
    assert snapshot(out) == {"index.html": b"3", "a/index.html": b"a",
                             "new/index.html": b"n", MARKER: ANY}  # fmt: skip
    assert (out / "a").stat().st_ino == taken, "the spare's folder, not a new one"
    assert snapshot(spare)["index.html"] == b"2", "the site just replaced is the spare now"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".site.{write.SPARE}", "site"]


def test_a_page_linked_into_the_spare_is_replaced_not_written_through(tmp_path: Path) -> None:
    """An unchanged page is a hard link shared by the live site and the spare: a build that
    changes it must leave the live site's file alone, even if it then fails."""
    out = tmp_path / "site"
    pages = {"index.html": b"front", "a/index.html": b"same"}
    stage(out, pages)
    stage(out, pages | {"index.html": b"front, again"})
    spare_page = tmp_path / f".site.{write.SPARE}" / "a" / "index.html"
    assert spare_page.stat().st_ino == (out / "a" / "index.html").stat().st_ino
    live = snapshot(out)
    with pytest.raises(OutputError):
        stage(out, {"index.html": b"new", "a/index.html": b"changed"}, fail=True)
    assert snapshot(out) == live
    stage(out, {"index.html": b"new", "a/index.html": b"changed"})
    assert snapshot(out) == {"index.html": b"new", "a/index.html": b"changed", MARKER: ANY}
    assert snapshot(tmp_path / f".site.{write.SPARE}") == live


def test_a_page_becoming_a_folder_and_back_takes_the_spare_in_its_stride(tmp_path: Path) -> None:
    out = tmp_path / "site"
    files = {"x.html": b"file", "y/index.html": b"in a folder"}
    folders = {"x.html/index.html": b"now a folder", "y": b"now a file"}
    for pages in (files, folders, folders, files, files):  # the spare is two builds behind
        stage(out, pages)
        assert snapshot(out) == pages | {MARKER: ANY}


def test_a_spare_that_cannot_be_cleared_is_let_go_and_the_build_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    for content in (b"1", b"2"):
        stage(out, {"index.html": content, "a/index.html": b"a"})

    def refuse(*_: object) -> bool:
        raise PermissionError("read-only")

    monkeypatch.setattr(write, "_prune", refuse)
    stage(out, {"index.html": b"3", "b/index.html": b"b"})
    assert snapshot(out) == {"index.html": b"3", "b/index.html": b"b", MARKER: ANY}
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".site.{write.SPARE}", "site"]
