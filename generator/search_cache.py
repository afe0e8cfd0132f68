"""Keeps each search part's Pagefind output between builds, so a part whose pages did not change
is not indexed again: after a template edit none is, after one article's edit only the parts
holding its pages and entries are.

A part's key is a hash of its spooled pages (the exact input Pagefind gets), of which bundle it
becomes, and of the Pagefind binary (its path, size and modification time). Each part's files
are one pickle named by the key in `.dateline-cache/search/`, written whole or not at all; one
that cannot be read as a list of (name, bytes) pairs is deleted and the part indexed again.

What goes into the parts is kept too: each record's spooled line, by a digest of its source
(generator/searchable.py), in `.dateline-cache/search-lines.pickle`. After one article's edit, the
records of that article and of the entries it reports are made again, not all 61,000 of 10,000
articles (making them took 4 s: an article's record is made from its plain text).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.cache import code_version, keep, load_kept

SEARCH_DIR = "search"
_FORMAT = b"dateline-search-part-2"  # 2: stored normalised (generator.search.normalised)
Files = list[tuple[str, bytes]]
LINES_FILE = "search-lines.pickle"
_LINES_FORMAT = "dateline-search-lines-1"
# A record as spooled: its page as a JSON line, the CRC-32 of its URL (which picks its part),
# and about how many bytes Pagefind holds for it.
Spooled = tuple[bytes, int, int]


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


class RecordLines:
    """The spooled records of the last build, by a digest of each one's source, kept for the code
    and the language that made them (a file kept by others, or unreadable, holds none)."""

    def __init__(self, path: Path, language: str) -> None:
        self.path = path
        self._header = (_LINES_FORMAT, code_version(), language)
        kept = load_kept(path, self._header)
        self._kept: dict[bytes, Spooled] = kept if isinstance(kept, dict) else {}
        self._used: dict[bytes, Spooled] = {}

    def spooled(self, source: str, make: Callable[[], Spooled]) -> Spooled:
        """The record's spooled line as kept, or as `make` gives it."""
        key = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        found = self._kept.get(key) or self._used.get(key) or make()
        self._used[key] = found
        return found

    def save(self) -> None:
        """Keeps the lines this build spooled, and only those."""
        keep(self.path, self._header, self._used)
