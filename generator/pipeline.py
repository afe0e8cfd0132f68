"""The build, stage by stage: load, read (text, dates, events), merge, render, write."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from generator.cache import CACHE_DIR
from generator.config import Config
from generator.content import article_files, load_paths
from generator.errors import BuildFailed, DatelineError
from generator.merge import merge_events
from generator.model import Reading, Timeline
from generator.reading import Progress, read_article, read_articles
from generator.render import render_site
from generator.theme import load_theme
from generator.write import write_site


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
    files = article_files(config.content_dir)
    cache_dir = config.root / CACHE_DIR if cache else None
    timeline, diagnostics = make_timeline(read_articles(files, config, jobs, cache_dir, progress))
    theme = load_theme(config.root / "templates")
    pages = render_site(timeline, config, theme, generated)
    write_site(pages, config.output_dir)
    return BuildResult(
        articles=len(timeline.readings),
        events=len(timeline.events),
        pages=sum(1 for p in pages if p.path.endswith(".html")),
        seconds=clock() - started,
        diagnostics=diagnostics,
    )


def extract(paths: Iterable[Path], config: Config) -> tuple[Timeline, tuple[DatelineError, ...]]:
    """The merged timeline of the articles at `paths` (files or folders), without a site."""
    articles, diagnostics = load_paths(paths, config)
    readings = tuple(read_article(a) for a in articles)
    if any(d.severity == "error" for d in diagnostics):
        readings = ()
    return make_timeline((readings, diagnostics))
