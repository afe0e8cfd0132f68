"""Reads article files into Readings: unchanged ones from the cache, the rest across processes.

The result is in file order whatever the number of processes, so a parallel, a cached and a
single-process build give byte-identical sites.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, TypeVar

from generator.cache import CachedReading, article_key, load_cache, save_cache
from generator.config import Config
from generator.content import check_unique_slug, load_file, shown_path
from generator.corrections import apply_corrections
from generator.errors import DatelineError
from generator.extract import extract_events
from generator.mentions import find_mentions
from generator.model import Article, Reading
from generator.places import find_places
from generator.text import plain_text, split_sentences
from generator.timex import tag
from generator.workers import die_with_parent

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
    cached, notices = load_cache(cache_dir) if cache_dir else ({}, ())
    missing = [item for item in work if item.key not in cached]
    outcomes = _read_all(missing, config, jobs, progress)
    fresh = dict(zip((m.key for m in missing), outcomes, strict=True))
    readings: list[Reading] = []
    slugs: dict[str, tuple[Article, str]] = {}
    diagnostics: list[DatelineError] = list(notices)
    for item in work:
        found = cached.get(item.key) or fresh[item.key]
        if not isinstance(found, CachedReading):
            diagnostics.extend(found)
            continue
        clash = _slug_clash(found.reading.article, slugs, shown_path(item.path))
        if clash is None:
            readings.append(found.reading)
        diagnostics.extend((clash,) if clash else found.warnings)
    if cache_dir and (missing or len(cached) != len(work)):
        entries = {item.key: cached.get(item.key) or fresh[item.key] for item in work}
        save_cache(cache_dir, {k: v for k, v in entries.items() if isinstance(v, CachedReading)})
    return tuple(readings), tuple(diagnostics)


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
    processes = max(1, jobs or os.cpu_count() or 1)
    if processes == 1 or len(work) < PARALLEL_THRESHOLD:
        results: Iterable[Outcome] = (_read_one(item, config) for item in work)
        yield from _shown(results, len(work), progress)
        return
    find_places("")  # loads the gazetteer once, before the workers fork and share it
    chunk = max(1, min(32, len(work) // (processes * 8)))
    context = multiprocessing.get_context("fork" if "fork" in _methods() else None)
    with ProcessPoolExecutor(
        processes, context, initializer=die_with_parent, initargs=(os.getpid(),)
    ) as pool:
        results = pool.map(_read_one, work, [config] * len(work), chunksize=chunk)
        yield from _shown(results, len(work), progress)


def _methods() -> list[str]:
    return multiprocessing.get_all_start_methods()


def _shown(results: Iterable[Outcome], count: int, progress: Progress | None) -> Iterable[Outcome]:
    if progress is None:
        return results
    return progress(results, count)
