"""The build, stage by stage: load, read (text, dates, events), merge, render, write."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from generator.cache import (
    CACHE_DIR,
    forget_last_build,
    last_build,
    save_last_build,
    site_fingerprint,
)  # fmt: skip
from generator.config import Config
from generator.content import article_files, load_paths
from generator.errors import BuildFailed, DatelineError
from generator.merge import merge_events
from generator.model import Reading, Timeline
from generator.reading import Progress, Work, article_work, read_article, read_articles
from generator.render import render_site
from generator.theme import default_templates, load_theme
from generator.write import MARKER, write_site


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did, for the one-line summary."""

    articles: int
    events: int
    pages: int
    seconds: float
    diagnostics: tuple[DatelineError, ...]


def make_timeline(
    read: tuple[tuple[Reading, ...], tuple[DatelineError, ...]],
) -> tuple[Timeline, tuple[DatelineError, ...]]:
    """Merges the readings' events; any error while loading or reading stops here, sorted."""
    readings, diagnostics = read
    ordered = tuple(sorted(diagnostics, key=lambda d: d.sort_key()))
    if any(d.severity == "error" for d in ordered):
        raise BuildFailed(ordered)
    return merge_events(readings), ordered


def build(
    config: Config,
    generated: datetime | None = None,
    progress: Progress | None = None,
    clock: Callable[[], float] = time.perf_counter,
    jobs: int | None = None,
    cache: bool = True,
) -> BuildResult:
    """Builds the site from config.content_dir into config.output_dir, or writes nothing.

    Unchanged articles come from the cache (unless `cache` is False); the others are read by
    `jobs` processes (default: one per core).
    """
    started = clock()
    work = article_work(article_files(config.content_dir), config)
    cache_dir = config.root / CACHE_DIR if cache else None
    fingerprint = _fingerprint(work, config, generated)
    previous = _unchanged(cache_dir, fingerprint, config)
    if previous is not None:
        return replace(previous, seconds=clock() - started)
    timeline, diagnostics = make_timeline(read_articles(work, config, jobs, cache_dir, progress))
    theme = load_theme(config.root / "templates")
    pages = render_site(timeline, config, theme, generated)
    if cache_dir:
        forget_last_build(cache_dir)
    write_site(pages, config.output_dir)
    result = BuildResult(
        articles=len(timeline.readings),
        events=len(timeline.events),
        pages=sum(1 for p in pages if p.path.endswith(".html")),
        seconds=clock() - started,
        diagnostics=diagnostics,
    )
    if cache_dir:
        save_last_build(cache_dir, fingerprint, result)
    return result


def _fingerprint(work: list[Work], config: Config, generated: datetime | None) -> str:
    folders = [p for p in (config.root / "templates", default_templates()) if p.is_dir()]
    return site_fingerprint([w.key for w in work], config, folders, generated)


def _unchanged(cache_dir: Path | None, fingerprint: str, config: Config) -> BuildResult | None:
    """The previous build's result when nothing it was made from has changed and its site is
    still there: then there is nothing to read, render or write."""
    if cache_dir is None or not (config.output_dir / MARKER).is_file():
        return None
    previous = last_build(cache_dir, fingerprint)
    return previous if isinstance(previous, BuildResult) else None


def extract(paths: Iterable[Path], config: Config) -> tuple[Timeline, tuple[DatelineError, ...]]:
    """The merged timeline of the articles at `paths` (files or folders), without a site."""
    articles, diagnostics = load_paths(paths, config)
    readings = tuple(read_article(a) for a in articles)
    if any(d.severity == "error" for d in diagnostics):
        readings = ()
    return make_timeline((readings, diagnostics))
