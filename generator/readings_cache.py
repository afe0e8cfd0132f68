"""Keeps each article's Reading between builds in shard files that a build rewrites only in part.

The readings are in `.dateline-cache/readings/`, one pickle per first two hex digits of the key
(256 shards: about 40 articles each at 10,000), so a build that reads one article again rewrites
one shard, not the whole cache. Each shard is written atomically and trusted only when it was
written by exactly this code and every entry has the expected type and belongs in that shard;
anything else is discarded with a warning and its articles read again. Only this module reads or
writes these files.
"""

from __future__ import annotations

import io
import os
import pickle
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.cache import (
    BY_CONSTRUCTOR,
    UNREADABLE,
    CachedReading,
    cache_warning,
    code_version,
    ignore_in_git,
    remove_abandoned,
)
from generator.errors import DatelineError

READINGS_DIR = "readings"
# Measured at 10,000 articles: loading 16, 256, 4,096 or 10,000 files costs about the same (2.3
# to 2.9 s of CPU), but one changed article rewrites 11 MB of 16 shards and 0.7 MB of 256.
SHARD_DIGITS = 2
_SUFFIX = ".pickle"
_MAGIC = "dateline-readings-2"
_SINGLE_FILE = "readings.pickle"  # the whole cache in one file, as Dateline kept it before shards
_TEMPORARY = re.compile(r"\.[0-9a-f]{2}-\w+")  # a shard being written (tempfile.mkstemp)


@dataclass(frozen=True, slots=True)
class Stored:
    """What a build found in the cache: the readings of its keys, the keys each readable shard
    held (to rewrite only the shards whose keys change), and every shard file there was."""

    entries: dict[str, CachedReading]
    held: dict[str, frozenset[str]]
    files: frozenset[str]
    warnings: tuple[DatelineError, ...] = ()


def shard_of(key: str) -> str:
    """The shard an article key's entry is kept in."""
    return key[:SHARD_DIGITS]


def load_readings(cache_dir: Path, keys: Iterable[str]) -> Stored:
    """The cached readings of the shards that hold any of `keys`; a shard that is corrupt or
    from other code is discarded with a warning, and the others are used. (Best called with
    collection paused, as reading does: collections during a load only cost time.)"""
    folder = cache_dir / READINGS_DIR
    files = _shard_files(folder)
    wanted = {shard_of(key) for key in keys} & files
    entries: dict[str, CachedReading] = {}
    held: dict[str, frozenset[str]] = {}
    problems: dict[str, list[Path]] = {}
    for name in sorted(wanted):
        found = _load_shard(folder / f"{name}{_SUFFIX}", name)
        if isinstance(found, str):
            problems.setdefault(found, []).append(folder / f"{name}{_SUFFIX}")
            continue
        entries.update(found)
        held[name] = frozenset(found)
    return Stored(entries, held, frozenset(files), _warnings(folder, problems))


def save_readings(cache_dir: Path, entries: dict[str, CachedReading], stored: Stored) -> None:
    """Rewrites the shards whose keys changed and removes those left with none; a cache that
    cannot be written only costs time later."""
    folder = cache_dir / READINGS_DIR
    shards: dict[str, dict[str, CachedReading]] = {}
    for key, entry in entries.items():
        shards.setdefault(shard_of(key), {})[key] = entry
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore_in_git(cache_dir)
        (cache_dir / _SINGLE_FILE).unlink(missing_ok=True)
        for name in sorted(stored.files - shards.keys()):
            (folder / f"{name}{_SUFFIX}").unlink(missing_ok=True)
        for name, shard in sorted(shards.items()):
            if stored.held.get(name) != shard.keys():
                _write_shard(folder, name, shard)
    except OSError:
        return
    remove_abandoned(folder, _TEMPORARY)


def _shard_files(folder: Path) -> set[str]:
    try:
        names = [path.name for path in folder.iterdir()]
    except OSError:
        return set()
    stems = (name.removesuffix(_SUFFIX) for name in names if name.endswith(_SUFFIX))
    return {stem for stem in stems if len(stem) == SHARD_DIGITS and _is_hex(stem)}


def _is_hex(text: str) -> bool:
    return all(character in "0123456789abcdef" for character in text)


def _load_shard(path: Path, name: str) -> dict[str, CachedReading] | str:
    """The shard's entries, or why it cannot be trusted."""
    try:
        stored = pickle.loads(path.read_bytes())
        if not _is_current(stored):
            return "cache was written by another version of Dateline"
        entries = pickle.loads(stored[2])
    except UNREADABLE as exc:
        return f"cache is unreadable ({type(exc).__name__})"
    if not _valid_entries(entries, name):
        return "cache was written by another version of Dateline"
    return entries  # type: ignore[no-any-return]


def _is_current(stored: object) -> bool:
    """A shard is (magic, code version, entries pickled on their own): a shard of other code is
    told apart before its entries are unpickled, which could fail or take long."""
    return (
        isinstance(stored, tuple)
        and len(stored) == 3
        and stored[0] == _MAGIC
        and stored[1] == code_version()
        and isinstance(stored[2], bytes)
    )


def _valid_entries(entries: object, name: str) -> bool:
    return isinstance(entries, dict) and all(
        isinstance(key, str) and shard_of(key) == name and isinstance(value, CachedReading)
        for key, value in entries.items()
    )


def _write_shard(folder: Path, name: str, shard: dict[str, CachedReading]) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump((_MAGIC, code_version(), _pickled(shard)), stream, pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / f"{name}{_SUFFIX}")
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise


def _pickled(shard: dict[str, CachedReading]) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = BY_CONSTRUCTOR
    pickler.dump(shard)
    return buffer.getvalue()


def _warnings(folder: Path, problems: dict[str, list[Path]]) -> tuple[DatelineError, ...]:
    """One warning per problem: at the shard when one has it, at the folder when several do
    (after an upgrade every shard is from other code)."""
    return tuple(
        cache_warning(paths[0], message)
        if len(paths) == 1
        else cache_warning(folder, f"{message} ({len(paths)} shards)")
        for message, paths in sorted(problems.items())
    )
