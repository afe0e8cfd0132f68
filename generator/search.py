"""Takes the search records of a written site and gives it a Pagefind search index, or says
why it has none.

Pagefind indexes a small page made from each record (generator/searchable.py), handed to it in
memory, not the site's own pages from disk: 9 million words at 10,000 articles instead of 23,
and none of a page's furniture. Pagefind holds about 330 bytes per indexed word and 22 KB per
page until it writes (measured with 1.5.2; upstream issue #842), so a large site is indexed in
parts, one Pagefind run each, within a memory budget, and the search page merges them
(Pagefind's mergeIndex).

Pagefind 1.5 writes its filter indexes, and so the metadata index that names them, with values
in hash-map order, which changes from run to run (Pagefind issue #638). After it runs, each
filter index is rewritten with its values sorted and named as Pagefind names it, by the SHA-1 of
its CBOR, and so is the metadata index, so the same pages always give the same bytes. That is
done in memory, before a part's output is cached or written.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import math
import shutil
import zlib
from array import array
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import Any

import cbor2

from generator.errors import DatelineError, OutputError
from generator.model import SearchRecord
from generator.pagefind_service import ENTRY, PagefindService
from generator.search_cache import Files, PartCache, RecordLines, Spooled
from generator.searchable import Searchable, record_html, record_words
from generator.write import link_unchanged, write_new

INSTALL_HINT = "pip install 'pagefind[bin]', or set search = \"none\" in dateline.toml"
EMPTY_HINT = "add articles to the content folder and build again"
FORMAT_HINT = "search works, but two builds may differ; pin pagefind to a 1.x release"
TIMEOUT_SECONDS = 300
BUNDLE = "pagefind"
# Every compressed index file is gzip of this marker followed by the CBOR payload.
MARKER = b"pagefind_dcd"
FILTER_HASH_DIGITS = 7
META_FILTERS = 3  # the metadata index is [version, pages, index chunks, filters, sorts, fields]
# What one Pagefind run may hold, by the measured cost above: about 14,000 entries or 2,000
# articles. At 10,000 articles (9 million words, 61,000 pages) a single run held 4.4 GB.
BYTES_PER_WORD = 330
BYTES_PER_PAGE = 22_000
BYTES_PER_RUN = 512 * 2**20
SPOOL = ".search-pages"  # inside the staged site, so a killed build leaves none behind
PARTS_SCRIPT = "dateline-parts.js"  # names the bundles the search page merges into the first


def index_site(
    folder: Path,
    records: Callable[[], Iterable[Searchable]],
    language: str,
    bytes_per_run: int | None = None,
    cache: PartCache | None = None,
    jobs: int = 1,
    previous: Path | None = None,
    lines: RecordLines | None = None,
) -> tuple[DatelineError, ...]:
    """Indexes the records into FOLDER/pagefind, in as many bundles as memory asks; returns a
    warning, and leaves no index, if Pagefind is missing or fails. The records are made once
    and spooled to disk as they come, so they are never all held at once. A part whose pages
    are in the `cache` is taken from it instead of being indexed again; up to `jobs` parts are
    indexed at once, each by its own Pagefind process (each within the memory budget). A file
    the `previous` site's index has byte for byte is hard-linked from it, not written again.
    A record whose spooled line is in `lines` is not made again."""
    executable = _executable()
    if executable is None:
        return (_warning("search index skipped: the pagefind package is not installed"),)
    spool = folder / SPOOL
    try:
        budget = bytes_per_run or BYTES_PER_RUN
        parts = _spool_parts(records(), spool, language, budget, lines)
        if not parts:
            return (_warning("search index skipped: no entries or articles to search", EMPTY_HINT),)
        bundles = [folder / BUNDLE] + [
            folder / BUNDLE / f"part-{n}" for n in range(2, len(parts) + 1)
        ]
        index = partial(_index_part, executable, cache=cache, reuse=_reuse(folder, previous))
        work = [(p, b, b != bundles[0]) for p, b in zip(parts, bundles, strict=True)]
        keys = [cache.key(executable, part, merged) if cache else "" for part, _, merged in work]
        with ThreadPoolExecutor(max(1, jobs)) as pool:
            runs = {n: pool.submit(index, *work[n], keys[n]) for n in _uncached_first(keys, cache)}
            warnings = tuple(warning for n in range(len(work)) for warning in runs[n].result())
    except (OutputError, OSError) as exc:
        shutil.rmtree(folder / BUNDLE, ignore_errors=True)
        reason = exc.message if isinstance(exc, OutputError) else str(exc)
        return (_warning(f"search index skipped: {reason}"),)
    finally:
        shutil.rmtree(spool, ignore_errors=True)
    _name_parts(bundles)
    return warnings[:1]  # one format warning says it for every part


def _executable() -> Path | None:
    """Pagefind's binary, as the pagefind package finds it (PAGEFIND_BINARY_PATH, pagefind_bin
    or the PATH), or None."""
    if importlib.util.find_spec("pagefind") is None:
        return None
    from pagefind.service import get_executable

    return get_executable()


def record_cost(record: SearchRecord) -> int:
    """About how many bytes Pagefind holds for the record until it writes."""
    return record_words(record) * BYTES_PER_WORD + BYTES_PER_PAGE


def part_count(pages: int, held: int, bytes_per_run: int) -> int:
    """How many Pagefind runs keep each within the budget (0 for no pages)."""
    return min(pages, math.ceil(held / bytes_per_run))


def _spool_parts(
    records: Iterable[Searchable],
    spool: Path,
    language: str,
    bytes_per_run: int,
    lines: RecordLines | None = None,
) -> list[Path]:
    """Writes each record's page as a JSON line into one of as many part files as the budget
    asks, chosen by a hash of its path: each part is a sample of the whole site, and scores
    results as it would, and a page stays in its part from build to build, so an edit changes
    only the parts it touches. The records are made once: written to one file while their
    cost is counted, then its lines dealt to the parts; a record whose line `lines` keeps is
    not made at all. Returns the parts that hold pages."""
    spool.mkdir()
    pages = spool / "pages.jsonl"
    hashes = array("L")  # each line's URL hash, which says its part once the count is known
    held = 0
    with pages.open("wb") as out:
        for record in records:
            made = partial(_spooled, record.make, language)
            line, url_hash, cost = lines.spooled(record.source, made) if lines else made()
            out.write(line)
            hashes.append(url_hash)
            held += cost
    if lines:
        lines.save()
    count = part_count(len(hashes), held, bytes_per_run)
    parts = [spool / f"part-{number}.jsonl" for number in range(1, count + 1)]
    _deal(pages, hashes, parts)
    return [part for part in parts if part.stat().st_size]


def _spooled(make: Callable[[], SearchRecord], language: str) -> Spooled:
    """A record, made: its page as a JSON line, the hash of its URL, and its cost."""
    record = make()
    url = "/" + record.path.removesuffix("index.html")
    page = {"url": url, "html": record_html(record, language)}
    line = json.dumps(page, ensure_ascii=False) + "\n"
    return line.encode(), zlib.crc32(url.encode()), record_cost(record)


def _deal(pages: Path, hashes: Sequence[int], parts: list[Path]) -> None:
    """Moves each line of `pages` to the part its hash picks, in the order they came."""
    if len(parts) <= 1:
        for part in parts:
            pages.replace(part)
        return
    with ExitStack() as stack:
        files = [stack.enter_context(part.open("wb")) for part in parts]
        with pages.open("rb") as lines:
            for line, url_hash in zip(lines, hashes, strict=True):
                files[url_hash % len(files)].write(line)
    pages.unlink()


def _uncached_first(keys: list[str], cache: PartCache | None) -> list[int]:
    """The parts' numbers, those Pagefind must index first: the stored parts are then copied
    while it runs, not before it (after one article's edit, one part in nine is indexed)."""
    if cache is None:
        return list(range(len(keys)))
    return sorted(range(len(keys)), key=lambda number: cache.holds(keys[number]))


def _reuse(folder: Path, previous: Path | None) -> Callable[[Path], Path] | None:
    """Where a file bound for FOLDER's index was in the previous site's, if there is one."""
    if previous is None or not (previous / BUNDLE).is_dir():
        return None
    return lambda path: previous / path.relative_to(folder)


def _index_part(
    executable: Path,
    part: Path,
    bundle: Path,
    merged: bool,
    key: str,
    cache: PartCache | None,
    reuse: Callable[[Path], Path] | None,
) -> tuple[DatelineError, ...]:  # runs in a thread: Pagefind works in its own process
    """One Pagefind run, normalised, or the cache's copy of it: the part's pages into the bundle
    folder; a warning if Pagefind's output could not be normalised. A merged bundle is read
    only for its index; Pagefind's scripts, styles and WebAssembly come from the first. A file
    the previous site has unchanged is linked: most of a part's files (a fragment a page) are,
    after an edit, and a link costs a tenth of a write."""
    files = cache.load(key) if cache else None
    warnings: tuple[DatelineError, ...] = ()
    if files is None:
        files, warnings = _normalised_or_not(_run_pagefind(executable, part))
        if cache and not warnings:
            cache.save(key, files)
    folders: set[Path] = set()
    for name, data in files:
        if merged and not _index_file(name):
            continue
        path = bundle / name
        if path.parent not in folders:  # thousands of fragments share a folder
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        if reuse is None or not link_unchanged(reuse(path), path, data):
            write_new(path, data)
    return warnings


def _run_pagefind(executable: Path, part: Path) -> list[tuple[str, bytes]]:
    with PagefindService(executable, TIMEOUT_SECONDS) as service, part.open("rb") as lines:
        return service.bundle((page["url"], page["html"]) for page in map(json.loads, lines))


def _index_file(name: str) -> bool:
    """Whether a bundle's file is part of its index, not of Pagefind's UI."""
    return "/" in name or name == ENTRY or name.endswith(".pf_meta")


def _name_parts(bundles: list[Path]) -> None:
    """Names the merged bundles for the search page."""
    names = [bundle.name + "/" for bundle in bundles[1:]]
    script = f"window.datelineSearchParts = {json.dumps(names)};\n"
    write_new(bundles[0] / PARTS_SCRIPT, script.encode())


def _normalised_or_not(files: Files) -> tuple[Files, tuple[DatelineError, ...]]:
    """The bundle's files normalised, or as Pagefind wrote them and a warning."""
    try:
        return normalised(files), ()
    except (OSError, ValueError, LookupError, TypeError, cbor2.CBORError) as exc:
        message = f"search index not normalised: unexpected Pagefind output: {exc}"
        return files, (_warning(message, hint=FORMAT_HINT),)


def normalised(files: Files) -> Files:
    """A bundle's files (name, bytes) with each language's filter and metadata indexes
    rewritten in sorted order and named by content, and the entry file naming them."""
    bundle = dict(files)
    entry = json.loads(bundle[ENTRY])
    for language in entry["languages"].values():
        language["hash"] = _normalise_language(bundle, language["hash"])
    compact = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    bundle[ENTRY] = compact.encode()
    return sorted(bundle.items())


def _normalise_language(bundle: dict[str, bytes], meta_name: str) -> str:
    """Rewrites one language's indexes in `bundle`; returns the metadata index's new name."""
    language = meta_name.rsplit("_", 1)[0]
    meta = _taken(bundle, f"pagefind.{meta_name}.pf_meta")
    filters = sorted((str(name), str(old)) for name, old in meta[META_FILTERS])
    payloads = [_sorted_filter(_taken(bundle, f"filter/{n}.pf_filter")) for _, n in filters]
    meta[META_FILTERS] = _renamed(bundle, language, filters, payloads)
    payload = cbor2.dumps(meta, canonical=True)
    new_name = f"{language}_{_sha1(payload)[: len(language) + 8]}"
    bundle[f"pagefind.{new_name}.pf_meta"] = _packed(payload)
    return new_name


def _renamed(
    bundle: dict[str, bytes], language: str, filters: list[tuple[str, str]], payloads: list[bytes]
) -> list[list[str]]:
    """Puts the filter indexes in `bundle`; returns the metadata's list of them, `[[filter,
    name], ...]` in filter order, each named `<language>_<7 hex digits of SHA-1>` as Pagefind
    names them."""
    taken: set[str] = set()
    renamed = []
    for (name, _), payload in zip(filters, payloads, strict=True):
        new = _unique(f"{language}_{_sha1(payload)}", len(language) + 1 + FILTER_HASH_DIGITS, taken)
        bundle[f"filter/{new}.pf_filter"] = _packed(payload)
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


def _taken(bundle: dict[str, bytes], name: str) -> Any:
    """The payload of the index file `name`, which leaves the bundle (normalised, it is renamed)."""
    data = gzip.decompress(bundle.pop(name))
    if not data.startswith(MARKER):
        raise ValueError(f"{name.rsplit('/', 1)[-1]} does not start with {MARKER.decode()}")
    return cbor2.loads(data[len(MARKER) :])


def _packed(payload: bytes) -> bytes:
    return gzip.compress(MARKER + payload, compresslevel=9, mtime=0)


def _sha1(payload: bytes) -> str:
    return hashlib.sha1(payload, usedforsecurity=False).hexdigest()


def _warning(message: str, hint: str = INSTALL_HINT) -> DatelineError:
    return OutputError(message, hint=hint, severity="warning")
