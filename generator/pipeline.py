"""The build, stage by stage: load, read (text, dates, events), merge, render, write."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path

from generator.apart import can_fork, while_child
from generator.cache import (
    CACHE_DIR,
    forget_last_build,
    last_build,
    save_last_build,
    site_fingerprint,
)  # fmt: skip
from generator.check import diagnose
from generator.collection import heap_frozen, release_freed_memory
from generator.config import Config
from generator.content import article_files, load_articles, load_paths, load_written
from generator.entries import EVENTS_DIR
from generator.errors import BuildFailed, DatelineError
from generator.hosting import hosting_files
from generator.merge import merge_events
from generator.model import Article, Reading, Timeline, Written
from generator.parallel import write_planned
from generator.reading import Progress, Work, article_work, read_article, read_articles
from generator.render import plan_keyed_site, plan_site, planned_file
from generator.reuse import Reuse, Stored, load_page_keys, save_page_keys
from generator.search import index_site
from generator.search_cache import LINES_FILE, SEARCH_DIR, PartCache, RecordLines
from generator.searchable import search_records
from generator.theme import Theme, default_templates, load_theme
from generator.workers import process_count
from generator.write import MARKER

__all__ = ["BuildResult", "Progress", "build", "check", "extract", "make_timeline", "read_article"]

Loaded = tuple[tuple[Written, ...], tuple[DatelineError, ...]]
# From this many articles on, a build of more than one process reads and merges them in a child
# (see generator.apart): the parent then holds the timeline in half the memory, and the stages
# after it run faster than the 5-6 s of sending it back cost (at 10,000 articles: 1.1 GB to
# 0.6 GB; about 8 s less in freeing memory, planning, loading the page keys and rendering).
APART_FROM = 2000


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did, for the one-line summary."""

    articles: int
    events: int
    pages: int
    seconds: float
    diagnostics: tuple[DatelineError, ...]


def make_timeline(
    loaded: tuple[tuple[Article, ...], tuple[DatelineError, ...]],
    progress: Progress | None = None,
    written: Loaded = ((), ()),
    prefix: str = "",
    stop_on_errors: bool = True,
) -> tuple[Timeline, tuple[DatelineError, ...]]:
    """Reads loaded articles, merges their events with the editors' entries and checks the
    result; a load error stops here unless `stop_on_errors` is off (then what loaded is read
    and checked too). Diagnostics come sorted by place, errors first."""
    chosen, diagnostics = loaded
    _ordered(diagnostics, written, stop_on_errors)
    shown = progress(chosen, len(chosen)) if progress else chosen
    read = (tuple(read_article(a) for a in shown), diagnostics)
    return merge_readings(read, written, prefix, stop_on_errors)


def merge_readings(
    read: tuple[tuple[Reading, ...], tuple[DatelineError, ...]],
    written: Loaded = ((), ()),
    prefix: str = "",
    stop_on_errors: bool = True,
) -> tuple[Timeline, tuple[DatelineError, ...]]:
    """Merges read articles with the editors' entries; a load or read error stops here."""
    readings, diagnostics = read
    ordered = _ordered(diagnostics, written, stop_on_errors)
    timeline = merge_events(readings, written[0])
    found = (*ordered, *diagnose(timeline, written[0], prefix))
    return timeline, tuple(sorted(found, key=_diagnostic_order))


def _ordered(
    diagnostics: tuple[DatelineError, ...], written: Loaded, stop_on_errors: bool
) -> tuple[DatelineError, ...]:
    ordered = tuple(sorted((*diagnostics, *written[1]), key=lambda d: d.sort_key()))
    if stop_on_errors and any(d.severity == "error" for d in ordered):
        raise BuildFailed(ordered)
    return ordered


def _diagnostic_order(diagnostic: DatelineError) -> tuple[object, ...]:
    return (diagnostic.severity != "error", diagnostic.sort_key(), diagnostic.message)


def check(config: Config) -> tuple[Timeline, tuple[DatelineError, ...]]:
    """Every diagnostic of the content folder's articles and entries; nothing is written."""
    return make_timeline(
        load_articles(config.content_dir, config),
        written=load_written(config.content_dir, config),
        prefix=shown_prefix(config.content_dir),
        stop_on_errors=False,
    )


def shown_prefix(content_dir: Path) -> str:
    """The content folder as the user sees it, to put before paths relative to it."""
    try:
        shown = content_dir.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        shown = content_dir.as_posix()
    return "" if shown == "." else shown + "/"


def build(
    config: Config,
    generated: datetime | None = None,
    progress: Progress | None = None,
    clock: Callable[[], float] = time.perf_counter,
    strict: bool = False,
    jobs: int | None = None,
    cache: bool = True,
    remove_later: bool = False,
) -> BuildResult:
    """Builds the site from config.content_dir into config.output_dir, or writes nothing.

    With `strict`, any warning is an error and stops the build before it writes. Unchanged
    articles come from the cache (unless `cache` is False); the others are read, and then the
    pages rendered and written, by `jobs` processes (default: one per core), except the pages
    whose inputs are those of the previous build: their files are linked from it. When nothing
    changed, nothing is done. With `remove_later`, the replaced site is deleted in the
    background after the build returns (see write.stage_site).
    """
    started = clock()
    work = article_work(article_files(config.content_dir), config)
    written = load_written(config.content_dir, config)
    cache_dir = config.root / CACHE_DIR if cache else None
    fingerprint = _fingerprint(work, written, config, generated)
    previous = _unchanged(cache_dir, fingerprint, config)
    if previous is not None:
        _stop_if_strict(strict, previous.diagnostics)
        return replace(previous, seconds=clock() - started)
    merged = partial(_read_and_merge, work, written, config, jobs, cache_dir, progress)
    kept = partial(_kept, config, cache_dir)
    if len(work) >= APART_FROM and process_count(jobs) > 1 and can_fork():
        what = "reading and merging the articles"
        (timeline, diagnostics), (theme, stored_keys) = while_child(merged, what, kept)
    else:
        timeline, diagnostics = merged()
        release_freed_memory()
        theme, stored_keys = kept()
    _stop_if_strict(strict, diagnostics)
    # What is alive now lives to the end of the build and is no garbage: collections would walk
    # it all, over and over (seconds of reading the search index and the page keys at 10,000).
    with heap_frozen():
        reuse: Reuse | None = None
        if cache_dir:  # keys only for a build that keeps them
            pages, keys = plan_keyed_site(timeline, config, theme, generated)
            reuse = Reuse(keys, stored_keys)
        else:
            pages = plan_site(timeline, config, theme, generated)
        planned = [*pages, *map(planned_file, hosting_files(config))]
        search_warnings: list[DatelineError] = []
        search_cache = PartCache(cache_dir / SEARCH_DIR) if cache_dir else None

        def add_search_index(staged: Path) -> None:
            records = partial(search_records, timeline)
            out = config.output_dir
            lines = RecordLines(cache_dir / LINES_FILE, config.language) if cache_dir else None
            found = index_site(
                staged,
                records,
                config.language,
                cache=search_cache,
                jobs=process_count(jobs),
                previous=out if (out / MARKER).is_file() else None,
                lines=lines,
            )
            search_warnings.extend(found)

        if cache_dir:
            forget_last_build(cache_dir)
        indexing = config.search == "pagefind"
        finish = add_search_index if indexing else None
        paths = write_planned(planned, config.output_dir, finish, jobs, reuse, remove_later)
        result = BuildResult(
            articles=len(timeline.readings),
            events=len(timeline.events),
            pages=sum(1 for path in paths if path.endswith(".html")) - len(timeline.redirects),
            seconds=clock() - started,
            diagnostics=(*diagnostics, *search_warnings),
        )
        if cache_dir and reuse:
            save_page_keys(cache_dir, config.output_dir, reuse)
            save_last_build(cache_dir, fingerprint, result)
        if search_cache and indexing:
            search_cache.forget_unused()
        return result


def _kept(config: Config, cache_dir: Path | None) -> tuple[Theme, dict[str, Stored]]:
    """What the build needs besides the timeline, loaded while a child reads and merges: the
    theme and the previous build's page keys (0.9 s at 10,000 articles). The search records'
    lines are loaded when the index is made: 60 MB more at the child's peak would cost more
    than the 0.2 s they take."""
    theme = load_theme(config.root / "templates")
    return theme, load_page_keys(cache_dir, config.output_dir) if cache_dir else {}


def _read_and_merge(
    work: list[Work],
    written: Loaded,
    config: Config,
    jobs: int | None,
    cache_dir: Path | None,
    progress: Progress | None,
) -> tuple[Timeline, tuple[DatelineError, ...]]:
    """The merged timeline as the pages need it, and the diagnostics of reading and merging."""
    read = read_articles(work, config, jobs, cache_dir, progress)
    timeline, diagnostics = merge_readings(read, written, shown_prefix(config.content_dir))
    del read
    return for_pages(timeline), diagnostics


def for_pages(timeline: Timeline) -> Timeline:
    """The timeline without what only merging and checking needed: the readings' candidates
    and mentions (their word sets are most of a reading's memory) are in the entries by now,
    and no page shows them; the pages need each article and its dated phrases."""
    readings = tuple(replace(r, candidates=(), mentions=()) for r in timeline.readings)
    return replace(timeline, readings=readings)


def _stop_if_strict(strict: bool, diagnostics: tuple[DatelineError, ...]) -> None:
    if strict and diagnostics:
        raise BuildFailed(tuple(as_error(d) for d in diagnostics))


def as_error(diagnostic: DatelineError) -> DatelineError:
    """The same diagnostic at error severity, as --strict reports warnings."""
    promoted = copy.copy(diagnostic)
    promoted.severity = "error"
    return promoted


def _fingerprint(
    work: list[Work], written: Loaded, config: Config, generated: datetime | None
) -> str:
    folders = [p for p in (config.root / "templates", default_templates()) if p.is_dir()]
    inputs = [w.key for w in work] + [repr(written)]
    return site_fingerprint(inputs, config, folders, generated)


def _unchanged(cache_dir: Path | None, fingerprint: str, config: Config) -> BuildResult | None:
    """The previous build's result when nothing it was made from has changed and its site is
    still there: then there is nothing to read, render or write."""
    if cache_dir is None or not (config.output_dir / MARKER).is_file():
        return None
    previous = last_build(cache_dir, fingerprint)
    return previous if isinstance(previous, BuildResult) else None


def extract(paths: Iterable[Path], config: Config) -> tuple[Timeline, tuple[DatelineError, ...]]:
    """The merged timeline of the articles at `paths` (files or folders), without a site; a
    content folder's hand-written entries (its events/ folder) take part as in a build."""
    paths = list(paths)
    folders = [p for p in paths if p.is_dir() and (p / EVENTS_DIR).is_dir()]
    written = [load_written(folder, config) for folder in folders]
    entries = tuple(e for found, _ in written for e in found)
    diagnostics = tuple(d for _, found in written for d in found)
    return make_timeline(load_paths(paths, config), written=(entries, diagnostics))
