"""Writes the rendered pages to the output folder atomically: all of the new site or none of it."""

from __future__ import annotations

import ctypes
import os
import re
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Collection, Iterable
from functools import partial
from pathlib import Path

from generator.errors import Location, OutputError
from generator.paths import unsafe_reason
from generator.render import Page

MARKER = ".dateline-site"
SPARE = "spare-site"  # matched by .gitignore's /.site.*-*/
_RENAME_EXCHANGE = 2  # linux/fs.h
_SHELL = "/bin/sh"


def write_site(
    pages: Iterable[Page], out_dir: Path, finish: Callable[[Path], None] | None = None
) -> tuple[str, ...]:
    """Builds the site in a sibling temporary folder, then swaps it in; returns the paths written.

    Pages are written as they come, so `pages` may be a stream rendered one page at a time.
    `finish` runs on the complete staged folder before the swap (the search indexer adds its
    files there). The output folder is replaced as `stage_site` says.
    """
    return stage_site(out_dir, partial(write_pages, pages), finish)


# Fills a staging folder, given the previous site (if any) to hard-link unchanged pages from;
# returns the paths it wrote.
Fill = Callable[[Path, Path | None], tuple[str, ...]]


def stage_site(
    out_dir: Path,
    fill: Fill,
    finish: Callable[[Path], None] | None = None,
    remove_later: bool = False,
    paths: Collection[str] | None = None,
) -> tuple[str, ...]:
    """Lets `fill` write the new site into a sibling temporary folder, runs `finish` on it, then
    swaps it in; returns what `fill` returned.

    An existing output folder is replaced only if Dateline made it (it holds the marker file) or
    it is empty, so a mistyped --out never deletes an editor's files. Whenever the build stops,
    even killed, the output folder is the old site or the new one, never a mix. With
    `remove_later`, the old site is deleted by a detached process, so the build need not wait
    for it (at 10,000 articles, 62,000 files in 51,000 folders); see `remove_folder`.

    Given the `paths` that `fill` writes, the replaced site is kept beside the output folder as
    its spare, and the next build fills the spare instead of an empty folder: the folders are
    there, and most files are already the live site's (see `take_spare`). `fill` and `finish`
    must then replace a file, never write into it (`write_new`): it may be a hard link to a page
    of the live site.
    """
    out_dir = out_dir.absolute()
    _recover(out_dir, remove_later)
    _check_replaceable(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    previous = out_dir if (out_dir / MARKER).is_file() else None
    staging = _unused_name(out_dir, "new")
    try:
        # Made inside the try, so that an interrupt landing just after it still removes it.
        if paths is None or not take_spare(out_dir, staging, paths, remove_later):
            staging.mkdir()  # the usual mode for the umask: a web server reads the site
        written = fill(staging, previous)
        if finish is not None:
            finish(staging)
        write_new(staging / MARKER, b"Built by Dateline; this folder is replaced on each build.\n")
        retired = _swap(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if retired is not None and not (paths is not None and _keep_spare(retired, out_dir)):
        remove_folder(retired, remove_later)
    return written


def spare_path(out_dir: Path) -> Path:
    """Where the site a build replaced waits to become the next build's staging folder."""
    return out_dir.parent / f".{out_dir.name}.{SPARE}"


def take_spare(out_dir: Path, staging: Path, paths: Collection[str], remove_later: bool) -> bool:
    """Moves the spare site to `staging` and removes from it what the new site will not have:
    every file that is not one of `paths`, and every folder left empty. A top-level folder that
    holds none of `paths` (the search index, which the indexer writes afresh) is moved aside
    and removed as a whole. False, and nothing moved, when there is no spare to take."""
    try:
        os.rename(spare_path(out_dir), staging)
    except OSError:  # none, or another build took it first
        return False
    try:
        _clear(staging, set(paths), out_dir, remove_later)
    except OSError:  # a spare that cannot be cleared is not used: the build goes on without
        gone = _unused_name(out_dir, "gone")
        os.rename(staging, gone)
        remove_folder(gone, remove_later)
        return False
    return True


def _clear(staging: Path, keep: set[str], out_dir: Path, remove_later: bool) -> None:
    tops = {path.split("/", 1)[0] for path in keep}
    with os.scandir(staging) as entries:
        aside = [entry.path for entry in entries if entry.is_dir(follow_symlinks=False)]
    for folder in aside:
        if Path(folder).name not in tops:
            gone = _unused_name(out_dir, "gone")
            os.rename(folder, gone)
            remove_folder(gone, remove_later)
    _prune(staging, "", keep)


def _prune(folder: Path | str, prefix: str, keep: set[str]) -> bool:
    """Removes every file under `folder` whose path (after `prefix`) is not in `keep`, and every
    folder that ends up empty but the top one; True if `folder` is then empty."""
    empty = True
    with os.scandir(folder) as entries:
        for entry in entries:
            path = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                if _prune(entry.path, path + "/", keep):
                    os.rmdir(entry.path)
                else:
                    empty = False
            elif path in keep:
                empty = False
            else:
                os.unlink(entry.path)
    return empty


def _keep_spare(retired: Path, out_dir: Path) -> bool:
    """Keeps the replaced site as the next build's spare; False if there is one already."""
    spare = spare_path(out_dir)
    if spare.exists():
        return False
    try:
        os.rename(retired, spare)
    except OSError:
        return False
    return True


def write_new(target: Path, data: bytes) -> None:
    """Writes `data` as a new file at `target`, never into the file there: in a spare site or a
    staged search index it may be a hard link to the live site's."""
    target.unlink(missing_ok=True)
    target.write_bytes(data)


def _recover(out_dir: Path, remove_later: bool) -> None:
    """Puts back a site that a killed build had moved aside, and removes its leftovers: a
    half-written site, a site moved aside, or a retired one whose removal was stopped."""
    pattern = re.compile(rf"\.{re.escape(out_dir.name)}\.(new|old|gone)-[a-z0-9_]+")
    if not out_dir.parent.is_dir():
        return
    leftovers = sorted(p for p in out_dir.parent.iterdir() if pattern.fullmatch(p.name))
    for leftover in leftovers:
        retired = leftover / "site"
        killed_mid_swap = leftover.name.startswith(f".{out_dir.name}.old-") and retired.is_dir()
        if killed_mid_swap and not out_dir.exists():
            os.replace(retired, out_dir)
        remove_folder(leftover, remove_later)


def _check_replaceable(out_dir: Path) -> None:
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise OutputError("output path exists and is not a folder", Location(str(out_dir)))
    if (out_dir / MARKER).is_file() or not any(out_dir.iterdir()):
        return
    raise OutputError(
        "refusing to replace a folder Dateline did not make",
        Location(str(out_dir)),
        "choose an empty or new folder with --out, or delete this one yourself",
    )


def _unused_name(out_dir: Path, kind: str) -> Path:
    """A name beside the output folder that nothing has yet, of a kind `_recover` knows."""
    while True:
        path = out_dir.parent / f".{out_dir.name}.{kind}-{secrets.token_hex(6)}"
        if not path.exists():
            return path


def write_pages(pages: Iterable[Page], staging: Path, previous: Path | None) -> tuple[str, ...]:
    """Writes each page into staging; a page the previous site has byte for byte is hard-linked
    from it instead, so only changed pages are rewritten and unchanged ones keep their mtime.
    Only the paths are kept: a page's bytes are let go once it is on disk."""
    written: list[str] = []
    for page in pages:
        reason = unsafe_reason(page.path)
        if reason:
            raise OutputError(f"page path '{page.path}' {reason}", hint="rename what it came from")
        target = staging.joinpath(*page.path.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        old = previous.joinpath(*page.path.split("/")) if previous else None
        if old is None or not link_unchanged(old, target, page.content):
            write_new(target, page.content)
        written.append(page.path)
    return tuple(written)


def link_unchanged(old: Path, target: Path, content: bytes) -> bool:
    """Hard-links `old` as `target` if it is a regular file holding `content`; False if not."""
    try:
        status = old.lstat()
        if not stat.S_ISREG(status.st_mode) or status.st_size != len(content):
            return False
        if old.read_bytes() != content:
            return False
        return link_file(old, status, target)
    except OSError:
        return False


def link_file(old: Path | str, status: os.stat_result, target: Path) -> bool:
    """Makes `target` a hard link to `old` (whose lstat is `status`), replacing what is there,
    and its folder if it has none; a spare site's file often is that link already. False if
    linking fails."""
    try:
        there = os.lstat(target)
    except FileNotFoundError:
        there = None
    except OSError:
        return False
    if there is not None and (there.st_ino, there.st_dev) == (status.st_ino, status.st_dev):
        return True
    try:
        if there is not None:
            target.unlink()
        _hard_link(old, target)
    except OSError:
        return False
    return True


def _hard_link(old: Path | str, target: Path) -> None:
    try:
        os.link(old, target)
    except FileNotFoundError:  # its folder is new: made only then (asking each time cost 0.5 s)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(old, target)


def _swap(staging: Path, out_dir: Path) -> Path | None:
    """Exchanges the folders in one step where the OS can; otherwise two renames, recoverable.
    Returns where the old site now is, under a name that marks it for removal, or None."""
    if not out_dir.exists():
        os.replace(staging, out_dir)
        return None
    if _exchange(staging, out_dir):
        return _marked_gone(staging, out_dir)
    retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    os.replace(out_dir, retired / "site")
    try:
        os.replace(staging, out_dir)
    except OSError:
        os.replace(retired / "site", out_dir)
        raise
    gone = _marked_gone(retired / "site", out_dir)
    if gone.parent != retired:
        retired.rmdir()
    return gone


def _marked_gone(old_site: Path, out_dir: Path) -> Path:
    """Renames the replaced site `.<out>.gone-*`, which `_recover` removes and never puts back;
    should the rename fail, the new site is in place all the same: it stays where it is."""
    gone = _unused_name(out_dir, "gone")
    try:
        os.replace(old_site, gone)
    except OSError:
        return old_site
    return gone


def _exchange(first: Path, second: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): both names swap atomically. False where unsupported."""
    if sys.platform != "linux":
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd = -100
    result = renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE)
    return bool(result == 0)


def remove_folder(folder: Path, later: bool = False) -> None:
    """Deletes the folder and all it holds; `later`, by a detached `rm` where there is one, so
    this returns at once and the removal outlives the build. A removal stopped halfway leaves a
    folder the next build's `_recover` finds by its name and removes."""
    if later and _remove_detached(folder):
        return
    shutil.rmtree(folder, ignore_errors=True)


def _remove_detached(folder: Path) -> bool:
    """Starts `rm -rf` in the background of a shell in its own session (so Ctrl-C in the
    terminal does not reach it) and waits only for the shell, which leaves no zombie behind.
    False where there is no POSIX shell, as on Windows."""
    if os.name != "posix" or not Path(_SHELL).is_file():
        return False
    script = 'rm -rf -- "$1" &'
    quiet = subprocess.DEVNULL
    try:
        started = subprocess.run(
            [_SHELL, "-c", script, "sh", str(folder)],
            stdin=quiet, stdout=quiet, stderr=quiet, start_new_session=True, check=False,
        )  # fmt: skip
    except OSError:
        return False
    return started.returncode == 0
