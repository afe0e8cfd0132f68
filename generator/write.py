"""Writes the rendered pages to the output folder atomically: all of the new site or none of it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from generator.errors import Location, OutputError
from generator.render import Page

MARKER = ".dateline-site"


def write_site(
    pages: Iterable[Page], out_dir: Path, finish: Callable[[Path], None] | None = None
) -> int:
    """Builds the site in a sibling temporary folder, then swaps it in; returns the pages written.

    An existing output folder is replaced only if Dateline made it (it holds the marker file) or
    it is empty, so a mistyped --out never deletes an editor's files. `finish` runs on the
    complete staged folder before the swap (the search indexer adds its files there).
    """
    out_dir = out_dir.absolute()
    _check_replaceable(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        count = _write_pages(pages, staging)
        if finish is not None:
            finish(staging)
        (staging / MARKER).write_text("Built by Dateline; this folder is replaced on each build.\n")
        _swap(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


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


def _write_pages(pages: Iterable[Page], staging: Path) -> int:
    count = 0
    for page in pages:
        target = staging / _safe_relative(page.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.content)
        count += 1
    return count


def _safe_relative(path: str) -> Path:
    parts = PurePosixPath(path).parts
    if not parts or PurePosixPath(path).is_absolute() or any(p in ("..", ".", "") for p in parts):
        raise OutputError(f"page path '{path}' would leave the output folder")
    return Path(*parts)


def _swap(staging: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        os.replace(staging, out_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    os.replace(out_dir, retired / "site")
    try:
        os.replace(staging, out_dir)
    except OSError:
        os.replace(retired / "site", out_dir)
        raise
    shutil.rmtree(retired, ignore_errors=True)
