"""Reads article files into Readings: unchanged ones from the cache, the rest across processes.

The result is in file order whatever the number of processes, so a parallel, a cached and a
single-process build give byte-identical sites.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from generator.apart import can_fork
from generator.cache import CachedReading, article_key
from generator.collection import made_apart
from generator.config import Config
from generator.content import check_unique_slug, load_file, shown_path
from generator.corrections import apply_corrections
from generator.errors import DatelineError
from generator.extract import extract_events
from generator.mentions import find_mentions
from generator.model import Article, Reading
from generator.places import find_places
from generator.readings_cache import Stored, load_readings, save_readings
from generator.text import plain_text, split_sentences
from generator.timex import tag
from generator.workers import die_with_parent, process_count

T = TypeVar("T")


class Progress(Protocol):
    """Wraps the stream of results of reading `count` articles, e.g. in a progress bar."""

    def __call__(self, items: Iterable[T], count: int) -> Iterable[T]: ...


# Below this many articles to read, starting processes costs more than it saves.
PARALLEL_THRESHOLD = 24


@dataclass(frozen=True, slots=True)
class Work:
    """One article file to read, and its cache key."""

    path: Path
    relative: str
    root: Path
    key: str


def read_article(article: Article) -> Reading:
    """Text, dates and event candidates of one article; dated phrases keep body offsets."""
    plain = plain_text(article.body)
    sentences = split_sentences(plain)
    timexes = tag(plain.text, article.published.date(), article.timezone, article.language)
    extracted = extract_events(article, plain, sentences, timexes)
    candidates, diagnostics = apply_corrections(article, extracted)
    mentions = find_mentions(article, plain, sentences, timexes, candidates)
    in_body = tuple(replace(t, span=plain.span_to_body(t.span)) for t in timexes)
    return Reading(article, in_body, candidates, diagnostics, mentions)


def article_work(files: list[tuple[Path, str, Path]], config: Config) -> list[Work]:
    """The files to read, each with the cache key of its current bytes."""
    return [_work(path, relative, root, config) for path, relative, root in files]


def read_articles(
    work: list[Work],
    config: Config,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> tuple[tuple[Reading, ...], tuple[DatelineError, ...]]:
    """Every file read (an error stops nothing: all are reported); the cache is then updated."""
    # The cached readings (millions of objects at 10,000 articles) are left out of the
    # collections that reading the other articles sets off: each full one walked them all.
    with made_apart(partial(_stored, work, cache_dir)) as stored:
        missing = [item for item in work if item.key not in stored.entries]
        outcomes = _read_all(missing, config, jobs, progress)
        fresh = dict(zip((m.key for m in missing), outcomes, strict=True))
        found = [stored.entries.get(item.key) or fresh[item.key] for item in work]
        if cache_dir:
            kept = {
                w.key: f for w, f in zip(work, found, strict=True) if isinstance(f, CachedReading)
            }
            save_readings(cache_dir, kept, stored)
    return _in_file_order(work, found, stored.warnings)


def _in_file_order(
    work: list[Work], found: list[Outcome], warnings: tuple[DatelineError, ...]
) -> tuple[tuple[Reading, ...], tuple[DatelineError, ...]]:
    """The readings, but for an article whose slug an earlier one has; every diagnostic."""
    readings: list[Reading] = []
    slugs: dict[str, tuple[Article, str]] = {}
    diagnostics: list[DatelineError] = list(warnings)
    for item, outcome in zip(work, found, strict=True):
        if not isinstance(outcome, CachedReading):
            diagnostics.extend(outcome)
            continue
        clash = _slug_clash(outcome.reading.article, slugs, shown_path(item.path))
        if clash is None:
            readings.append(outcome.reading)
        diagnostics.extend((clash,) if clash else outcome.warnings)
    return tuple(readings), tuple(diagnostics)


def _stored(work: list[Work], cache_dir: Path | None) -> Stored:
    if cache_dir is None:
        return Stored({}, {}, frozenset())
    return load_readings(cache_dir, (item.key for item in work))


def _slug_clash(
    article: Article, slugs: dict[str, tuple[Article, str]], shown: str
) -> DatelineError | None:
    """An error when an earlier file has this article's slug (one page would overwrite the
    other), as loading reports it; otherwise the slug is taken."""
    try:
        check_unique_slug(article, slugs, shown)
    except DatelineError as error:
        return error
    slugs[article.slug] = (article, shown)
    return None


def _work(path: Path, relative: str, root: Path, config: Config) -> Work:
    try:
        data = path.read_bytes()
    except OSError:
        data = b""  # load_file reports it; an empty key part never matches a real article
    return Work(path, relative, root, article_key(data, relative, shown_path(path), config))


Outcome = CachedReading | tuple[DatelineError, ...]


def _read_one(item: Work, config: Config) -> Outcome:
    article, problems = load_file(item.path, item.relative, item.root, config)
    if article is None:
        return problems
    return CachedReading(read_article(article), problems)


def _read_all(
    work: list[Work], config: Config, jobs: int | None, progress: Progress | None
) -> Iterator[Outcome]:
    processes = process_count(jobs)
    if processes == 1 or len(work) < PARALLEL_THRESHOLD:
        results: Iterable[Outcome] = (_read_one(item, config) for item in work)
        yield from _shown(results, len(work), progress)
        return
    find_places("")  # loads the gazetteer once, before the workers fork and share it
    chunk = max(1, min(32, len(work) // (processes * 8)))
    context = multiprocessing.get_context("fork" if can_fork() else None)
    with ProcessPoolExecutor(
        processes, context, initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        results = pool.map(_read_one, work, [config] * len(work), chunksize=chunk)
        yield from _shown(results, len(work), progress)


def _start_worker(parent: int) -> None:
    """A reading worker goes when the build goes, and collects garbage, though it was forked
    from a process that collects none (a build's reading and merging child, generator.apart)."""
    die_with_parent(parent)
    gc.enable()


def _shown(results: Iterable[Outcome], count: int, progress: Progress | None) -> Iterable[Outcome]:
    if progress is None:
        return results
    return progress(results, count)
