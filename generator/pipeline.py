"""The build, stage by stage: load, read (text, dates, events), merge, render, write."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from generator.check import diagnose
from generator.config import Config
from generator.content import load_articles, load_paths, load_written
from generator.corrections import apply_corrections
from generator.entries import EVENTS_DIR
from generator.errors import BuildFailed, DatelineError
from generator.extract import extract_events
from generator.hosting import hosting_files
from generator.mentions import find_mentions
from generator.merge import merge_events
from generator.model import Article, Reading, Timeline, Written
from generator.render import render_site
from generator.search import index_site
from generator.text import plain_text, split_sentences
from generator.theme import load_theme
from generator.timex import tag
from generator.write import write_site

Progress = Callable[[tuple[Article, ...]], Iterable[Article]]


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did, for the one-line summary."""

    articles: int
    events: int
    pages: int
    seconds: float
    diagnostics: tuple[DatelineError, ...]


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


def make_timeline(
    loaded: tuple[tuple[Article, ...], tuple[DatelineError, ...]],
    progress: Progress | None = None,
    written: tuple[tuple[Written, ...], tuple[DatelineError, ...]] = ((), ()),
    prefix: str = "",
    stop_on_errors: bool = True,
) -> tuple[Timeline, tuple[DatelineError, ...]]:
    """Reads loaded articles, merges their events with the editors' entries and checks the
    result; a load error stops here unless `stop_on_errors` is off (then what loaded is read
    and checked too). Diagnostics come sorted by place, errors first."""
    chosen, diagnostics = loaded
    entries, entry_diagnostics = written
    ordered = sorted((*diagnostics, *entry_diagnostics), key=lambda d: d.sort_key())
    if stop_on_errors and any(d.severity == "error" for d in ordered):
        raise BuildFailed(tuple(ordered))
    readings = tuple(read_article(a) for a in (progress(chosen) if progress else chosen))
    timeline = merge_events(readings, entries)
    found = (*ordered, *diagnose(timeline, entries, prefix))
    return timeline, tuple(sorted(found, key=_diagnostic_order))


def _diagnostic_order(diagnostic: DatelineError) -> tuple[object, ...]:
    return (diagnostic.severity != "error", diagnostic.sort_key(), diagnostic.message)


def check(config: Config) -> tuple[Timeline, tuple[DatelineError, ...]]:
    """Every diagnostic of the content folder's articles and entries, the files that fail to
    load as errors and the rest read and checked all the same; nothing is written."""
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
) -> BuildResult:
    """Builds the site from config.content_dir into config.output_dir, or writes nothing.

    With `strict`, any warning is an error and stops the build before it writes.
    """
    started = clock()
    loaded = load_articles(config.content_dir, config)
    written = load_written(config.content_dir, config)
    prefix = shown_prefix(config.content_dir)
    timeline, diagnostics = make_timeline(loaded, progress, written, prefix)
    if strict and diagnostics:
        raise BuildFailed(tuple(as_error(d) for d in diagnostics))
    theme = load_theme(config.root / "templates")
    pages = render_site(timeline, config, theme, generated) + hosting_files(config)
    search_warnings: list[DatelineError] = []

    def add_search_index(staged: Path) -> None:
        search_warnings.extend(index_site(staged))

    indexing = config.search == "pagefind"
    write_site(pages, config.output_dir, add_search_index if indexing else None)
    return BuildResult(
        articles=len(timeline.readings),
        events=len(timeline.events),
        pages=sum(1 for p in pages if p.path.endswith(".html")) - len(timeline.redirects),
        seconds=clock() - started,
        diagnostics=(*diagnostics, *search_warnings),
    )


def as_error(diagnostic: DatelineError) -> DatelineError:
    """The same diagnostic at error severity, as --strict reports warnings."""
    promoted = copy.copy(diagnostic)
    promoted.severity = "error"
    return promoted


def extract(paths: Iterable[Path], config: Config) -> tuple[Timeline, tuple[DatelineError, ...]]:
    """The merged timeline of the articles at `paths` (files or folders), without a site; a
    content folder's hand-written entries (its events/ folder) take part as in a build."""
    folders = [p for p in paths if p.is_dir() and (p / EVENTS_DIR).is_dir()]
    written = [load_written(folder, config) for folder in folders]
    entries = tuple(e for found, _ in written for e in found)
    diagnostics = tuple(d for _, found in written for d in found)
    return make_timeline(load_paths(paths, config), written=(entries, diagnostics))
