"""Takes a written site folder and gives it a Pagefind search index, or says why it has none.

Pagefind 1.5 writes its filter indexes, and so the metadata index that names them, with values
in hash-map order, which changes from run to run (Pagefind issue #638). After it runs, each
filter index is rewritten with its values sorted and named as Pagefind names it, by the SHA-1 of
its CBOR, and so is the metadata index, so the same pages always give the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import cbor2

from generator.errors import DatelineError, OutputError

INSTALL_HINT = "pip install 'pagefind[bin]', or set search = \"none\" in dateline.toml"
EMPTY_HINT = "add articles to the content folder and build again"
FORMAT_HINT = "search works, but two builds may differ; pin pagefind to a 1.x release"
TIMEOUT_SECONDS = 300
BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"
# Every compressed index file is gzip of this marker followed by the CBOR payload.
MARKER = b"pagefind_dcd"
FILTER_HASH_DIGITS = 7
META_FILTERS = 3  # the metadata index is [version, pages, index chunks, filters, sorts, fields]
# Only entry and article pages carry data-pagefind-body (templates/event.html, article.html), so
# Pagefind indexes nothing else; shown only these folders, it no longer parses every listing
# page, megabytes each on a large site, only to drop them.
INDEXED_FOLDERS = ("events", "articles")
INDEXED_PAGES = "{" + ",".join(INDEXED_FOLDERS) + "}/**/*.html"


def index_site(folder: Path) -> tuple[DatelineError, ...]:
    """Runs `python -m pagefind` on the entry and article pages in FOLDER; returns a warning if
    it is missing or fails."""
    if importlib.util.find_spec("pagefind") is None:
        return (_warning("search index skipped: the pagefind package is not installed"),)
    if not any(next((folder / name).rglob("*.html"), None) for name in INDEXED_FOLDERS):
        return (_warning("search index skipped: no entries or articles to search", EMPTY_HINT),)
    command = [sys.executable, "-m", "pagefind", "--site", str(folder)]
    command += ["--glob", INDEXED_PAGES, "--silent"]
    try:
        finished = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return (_warning(f"search index skipped: pagefind did not run: {exc}"),)
    if finished.returncode != 0:
        said = (finished.stderr or finished.stdout).strip().splitlines()
        reason = said[-1] if said else f"exit code {finished.returncode}"
        return (_warning(f"search index skipped: pagefind failed: {reason}"),)
    try:
        normalise_index(folder / BUNDLE)
    except (OSError, ValueError, LookupError, TypeError, cbor2.CBORError) as exc:
        message = f"search index not normalised: unexpected Pagefind output: {exc}"
        return (_warning(message, hint=FORMAT_HINT),)
    return ()


def normalise_index(bundle: Path) -> None:
    """Rewrites each language's filter and metadata indexes in sorted order, named by content.
    The old files go only once the entry file names the new ones, so search never breaks."""
    entry_path = bundle / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    stale: list[Path] = []
    for language in entry["languages"].values():
        language["hash"], replaced = _normalise_language(bundle, language["hash"])
        stale.extend(replaced)
    compact = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    entry_path.write_text(compact, encoding="utf-8")
    for path in stale:
        path.unlink(missing_ok=True)


def _normalise_language(bundle: Path, meta_name: str) -> tuple[str, list[Path]]:
    """Rewrites one language's indexes; returns the metadata index's new name and the files
    it no longer uses."""
    language = meta_name.rsplit("_", 1)[0]
    meta_path = bundle / f"pagefind.{meta_name}.pf_meta"
    meta = _read(meta_path)
    old = [bundle / "filter" / f"{name}.pf_filter" for _, name in meta[META_FILTERS]]
    meta[META_FILTERS] = _rewrite_filters(bundle / "filter", language, meta[META_FILTERS])
    payload = cbor2.dumps(meta, canonical=True)
    new_name = f"{language}_{_sha1(payload)[: len(language) + 8]}"
    _write(bundle / f"pagefind.{new_name}.pf_meta", payload)
    kept = {bundle / "filter" / f"{name}.pf_filter" for _, name in meta[META_FILTERS]}
    kept.add(bundle / f"pagefind.{new_name}.pf_meta")
    return new_name, [path for path in [meta_path, *old] if path not in kept]


def _rewrite_filters(folder: Path, language: str, listed: Any) -> list[list[str]]:
    """Writes the filter indexes the metadata lists as `[[filter, name], ...]` again; returns the
    new list, in filter order, named `<language>_<7 hex digits of SHA-1>` as Pagefind names them."""
    filters = sorted((str(name), str(old)) for name, old in listed)
    payloads = [_sorted_filter(_read(folder / f"{old}.pf_filter")) for _, old in filters]
    taken: set[str] = set()
    renamed = []
    for (name, _), payload in zip(filters, payloads, strict=True):
        new = _unique(f"{language}_{_sha1(payload)}", len(language) + 1 + FILTER_HASH_DIGITS, taken)
        _write(folder / f"{new}.pf_filter", payload)
        renamed.append([name, new])
    return renamed


def _sorted_filter(index: Any) -> bytes:
    """A filter index `[name, [[value, [page, ...]], ...]]`, its values and pages sorted."""
    name, values = index
    ordered = sorted([str(value), sorted(int(p) for p in pages)] for value, pages in values)
    return cbor2.dumps([name, ordered], canonical=True)


def _unique(full: str, length: int, taken: set[str]) -> str:
    """The full name cut to `length`, one character longer while it clashes, as Pagefind does."""
    name = full[:length]
    while name in taken and len(name) < len(full):
        name = full[: len(name) + 1]
    taken.add(name)
    return name


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MARKER):
        raise ValueError(f"{path.name} does not start with {MARKER.decode()}")
    return cbor2.loads(data[len(MARKER) :])


def _write(path: Path, payload: bytes) -> None:
    path.write_bytes(gzip.compress(MARKER + payload, compresslevel=9, mtime=0))


def _sha1(payload: bytes) -> str:
    return hashlib.sha1(payload, usedforsecurity=False).hexdigest()


def _warning(message: str, hint: str = INSTALL_HINT) -> DatelineError:
    return OutputError(message, hint=hint, severity="warning")
