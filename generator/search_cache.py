"""Keeps each search part's Pagefind output between builds, so a part whose pages did not change
is not indexed again: after a template edit none is, after one article's edit only the parts
holding its pages and entries are.

A part's key is a hash of its spooled pages (the exact input Pagefind gets), of which bundle it
becomes, and of the Pagefind binary (its path, size and modification time). Each part's files
are one pickle named by the key in `.dateline-cache/search/`, written whole or not at all; one
that cannot be read as a list of (name, bytes) pairs is deleted and the part indexed again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

SEARCH_DIR = "search"
_FORMAT = b"dateline-search-part-2"  # 2: stored normalised (generator.search.normalised)
Files = list[tuple[str, bytes]]


class PartCache:
    """The search parts' Pagefind outputs of the last build, in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def key(self, executable: Path, part: Path, merged: bool) -> str:
        """The key of one part's output: its pages, its bundle's role and the binary."""
        found = executable.stat()
        digest = hashlib.blake2b(_FORMAT, digest_size=20)
        for value in (str(executable), found.st_size, found.st_mtime_ns, merged):
            digest.update(repr(value).encode() + b"\0")
        with part.open("rb") as pages:
            for block in iter(lambda: pages.read(1 << 20), b""):
                digest.update(block)
        self.used.add(digest.hexdigest())
        return digest.hexdigest()

    def holds(self, key: str) -> bool:
        """Whether a part's files are stored under the key (readable or not)."""
        return (self.folder / key).is_file()

    def load(self, key: str) -> Files | None:
        """The part's files from the last build, or None when they are missing or unreadable."""
        path = self.folder / key
        try:
            files = pickle.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        except Exception:  # a damaged cache file is never trusted, whatever unpickling raised
            path.unlink(missing_ok=True)
            return None
        return files if _well_formed(files) else None

    def save(self, key: str, files: Files) -> None:
        """Stores the part's files whole: written to a temporary file, then renamed."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(files, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / key)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def forget_unused(self) -> None:
        """Deletes every stored part this build did not use, so the folder holds one site's."""
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.name not in self.used:
                    path.unlink(missing_ok=True)


def _well_formed(files: object) -> bool:
    return isinstance(files, list) and all(
        isinstance(pair, tuple)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and isinstance(pair[1], bytes)
        for pair in files
    )
