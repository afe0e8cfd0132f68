"""What the build cache in `.dateline-cache/` (beside dateline.toml) is keyed by; the last build.

An article's Reading is kept under a key of its bytes, its config and Dateline's code (a hash of
every source file of the generator package and the Python version), so no entry can go stale;
readings_cache.py keeps them. A whole build is kept under the fingerprint of everything it was
made from, so a build with nothing changed does nothing.
"""

from __future__ import annotations

import hashlib
import operator
import os
import pickle
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator import model
from generator.config import Config
from generator.errors import ContentError, DatelineError, Location
from generator.model import Reading

CACHE_DIR = ".dateline-cache"
LAST_BUILD_FILE = "last-build.pickle"
# What unpickling a damaged or foreign cache file can raise: such a file is never trusted.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
              IndexError, TypeError, ValueError)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CachedReading:
    """What reading one article gave: the Reading and the article's load warnings."""

    reading: Reading
    warnings: tuple[DatelineError, ...]


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the generator package's source files and the Python version: any edit to the
    extractor, the tagger or the model makes old entries unreadable, so none can go stale."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=16)
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def article_key(data: bytes, relative: str, shown: str, config: Config) -> str:
    """The key of one article: its bytes, its paths and the config values reading depends on."""
    digest = hashlib.blake2b(data, digest_size=20)
    for part in (relative, shown, config.timezone, config.language):
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


def _by_constructor(names: tuple[str, ...]) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    if len(names) < 2:  # attrgetter gives a tuple only for two names or more
        return lambda value: (type(value), tuple(getattr(value, name) for name in names))
    values = operator.attrgetter(*names)  # the fields' tuple, made in C: sending a merged
    return lambda value: (type(value), values(value))  # timeline takes 0.6 s less of 3.7


# Frozen slotted dataclasses unpickle through a slow Python __setstate__; rebuilding them with
# their constructor loads the cache about twice as fast.
_MODEL_MODULES = (model.__name__, __name__)
BY_CONSTRUCTOR: dict[type, Any] = {
    kind: _by_constructor(tuple(f.name for f in fields(kind)))
    for kind in (*vars(model).values(), CachedReading)
    if isinstance(kind, type) and is_dataclass(kind) and kind.__module__ in _MODEL_MODULES
}


def ignore_in_git(folder: Path) -> None:
    marker = folder / ".gitignore"
    if not marker.exists():
        marker.write_text("# Dateline's build cache; safe to delete.\n*\n")


# A cache file is written to a temporary file in milliseconds, then renamed: one this old was left
# by a build killed while writing; a younger one may be another build's, being written now.
ABANDONED_AFTER = 600.0


def remove_abandoned(folder: Path, temporary: re.Pattern[str]) -> None:
    """Deletes the temporary files (their names match `temporary`) that builds killed while
    writing the cache left in `folder`; a file that cannot be deleted only takes room."""
    now = time.time()
    try:
        with os.scandir(folder) as entries:
            found = [entry for entry in entries if temporary.fullmatch(entry.name)]
        for entry in found:
            status = entry.stat(follow_symlinks=False)
            if now - status.st_mtime > ABANDONED_AFTER and not entry.is_dir(follow_symlinks=False):
                os.unlink(entry.path)
    except OSError:
        return


def load_kept(path: Path, header: tuple[object, ...]) -> object | None:
    """What `keep` stored at `path` under exactly this header, or None: a file that is missing,
    unreadable, or was kept by other code or for other inputs is never trusted."""
    try:
        kept = pickle.loads(path.read_bytes())
    except (*UNREADABLE, MemoryError):
        return None
    if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == header):
        return None
    value: object = kept[1]
    return value


def keep(path: Path, header: tuple[object, ...], value: object) -> None:
    """Stores the value under the header for `load_kept`, whole or not at all: written to a
    temporary file beside `path`, then renamed. A file that cannot be written only costs time."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((header, value), stream, pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
    remove_abandoned(folder, re.compile(rf"\.{re.escape(path.name)}-\w+"))


def cache_warning(path: Path, message: str) -> DatelineError:
    return ContentError(
        f"{message}; it is discarded and rebuilt",
        Location(path.as_posix()),
        severity="warning",
    )


def site_fingerprint(
    keys: list[str], config: Config, folders: list[Path], generated: object
) -> str:
    """What a whole build depends on: the articles' keys, the config, the templates, the code."""
    digest = hashlib.blake2b(code_version().encode(), digest_size=20)
    digest.update(repr((config, generated)).encode())
    digest.update("\0".join(keys).encode())
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(b"\0" + path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def last_build(folder: Path, fingerprint: str) -> object | None:
    """What the previous build returned, if it was made from exactly these inputs."""
    try:
        stored = pickle.loads((folder / LAST_BUILD_FILE).read_bytes())
    except UNREADABLE:
        return None
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == fingerprint):
        return None
    result: object = stored[1]
    return result


def save_last_build(folder: Path, fingerprint: str, result: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore_in_git(folder)
        temporary = folder / f".{LAST_BUILD_FILE}.new"
        temporary.write_bytes(pickle.dumps((fingerprint, result)))
        os.replace(temporary, folder / LAST_BUILD_FILE)
    except OSError:
        return


def forget_last_build(folder: Path) -> None:
    """Called before a build writes: if it fails, the next one must not be skipped."""
    (folder / LAST_BUILD_FILE).unlink(missing_ok=True)
