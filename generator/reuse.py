"""Renders a planned page, or links the previous site's file when rendering would give it again.

A page made from a template is linked instead of rendered when its key (generator/page_keys.py)
is the key the previous build recorded for its path and the previous site's file is still the
file that build wrote (same inode, size and modification time: a hand-edited file is rendered
again). The keys are kept in `.dateline-cache/`, written after a build has replaced the site;
a missing, corrupt or stale keys file only means every page is rendered.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.cache import code_version, keep, load_kept
from generator.page_keys import PageKeys, TemplatePage
from generator.paths import unsafe_reason
from generator.render import Page
from generator.write import link_file, write_pages

PAGE_KEYS_FILE = "page-keys.pickle"
_MAGIC = "dateline-page-keys-2"

# A page's key and its file as written: inode, size, modification time (ns).
Stored = tuple[bytes, int, int, int]
# What writing a keyed page gives the parent: its path, what to store, whether it was linked.
Record = tuple[str, Stored, bool]


class Reuse:
    """This build's page keys, what the previous build stored for the site in the output folder,
    and (in the parent) what this build stores, gathered from every worker."""

    def __init__(self, keys: PageKeys, previous: dict[str, Stored]) -> None:
        self.keys = keys
        self.previous = previous
        self.stored: dict[str, Stored] = {}
        self.linked = 0  # pages linked, not rendered

    def gather(self, records: Iterable[Record]) -> None:
        for path, stored, linked in records:
            self.stored[path] = stored
            self.linked += linked

    def link(self, path: str, key: bytes, previous: Path, target: Path) -> bool:
        """Links the previous site's file of the page when it is still what `key` renders."""
        old = os.path.join(previous, *path.split("/"))  # a str: 70,000 Paths cost 0.2 s
        status = _regular(old)
        if status is None or self.previous.get(path) != (key, *_written(status)):
            return False
        if unsafe_reason(path):
            return False
        return link_file(old, status, target)


def write_page(
    path: str,
    make: Callable[[], bytes],
    staging: Path,
    previous: Path | None,
    reuse: Reuse | None,
) -> Record | None:
    """Writes one planned page into staging, or links it from the previous site; what to store
    of it, when it has a key."""
    if reuse is None or not isinstance(make, TemplatePage):
        write_pages((Page(path, make()),), staging, previous)
        return None
    context = make.context()
    key = reuse.keys.key(make.template, path, context)
    target = staging.joinpath(*path.split("/"))
    linked = key is not None and previous is not None and reuse.link(path, key, previous, target)
    if not linked:
        write_pages((Page(path, make.render(context)),), staging, previous)
    status = _status(target) if key is not None else None
    return None if key is None or status is None else (path, (key, *status), linked)


def _status(path: Path) -> tuple[int, int, int] | None:
    """A regular file's inode, size and modification time; while all three hold, the file was
    not rewritten."""
    status = _regular(path)
    return None if status is None else _written(status)


def _regular(path: Path | str) -> os.stat_result | None:
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return status if stat.S_ISREG(status.st_mode) else None


def _written(status: os.stat_result) -> tuple[int, int, int]:
    return status.st_ino, status.st_size, status.st_mtime_ns


def load_page_keys(folder: Path, out_dir: Path) -> dict[str, Stored]:
    """What the last build stored for the site in `out_dir`; nothing if the file is missing,
    unreadable, from other code or about another folder (its entries are only ever compared)."""
    pages = load_kept(folder / PAGE_KEYS_FILE, _header(out_dir))
    return pages if isinstance(pages, dict) else {}


def save_page_keys(folder: Path, out_dir: Path, reuse: Reuse) -> None:
    """Stores this build's keys atomically; a file that cannot be written only costs time."""
    keep(folder / PAGE_KEYS_FILE, _header(out_dir), reuse.stored)


def _header(out_dir: Path) -> tuple[str, str, str]:
    return _MAGIC, code_version(), str(out_dir.absolute())
