"""Looks over a merged timeline for what an editor should know: every problem as a diagnostic."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta

from generator.editors import refers_to
from generator.errors import ContentError, DatelineError, Location
from generator.model import Article, Conflict, Event, Reading, Source, Timeline, Written

LOW_CONFIDENCE_BEFORE = timedelta(days=5 * 365)
LOW_CONFIDENCE_AFTER = timedelta(days=366)


def diagnose(
    timeline: Timeline, written: Sequence[Written] = (), prefix: str = ""
) -> tuple[DatelineError, ...]:
    """Warnings for undated articles, low-confidence dates, disputed entries and unknown sources,
    and the readings' own diagnostics; paths are shown under `prefix` (the content folder)."""
    articles = {r.article.path: r.article for r in timeline.readings}
    found = [
        *(d for r in timeline.readings for d in _relocated(r.diagnostics, prefix)),
        *(d for r in timeline.readings for d in _reading_warnings(r, prefix)),
        *(d for e in timeline.events for d in _conflict_warnings(e, articles, prefix)),
        *_unknown_sources(written, timeline.readings, prefix),
    ]
    return tuple(sorted(found, key=lambda d: (d.sort_key(), d.message)))


def _warning(message: str, path: str, line: int | None, hint: str | None = None) -> ContentError:
    return ContentError(message, Location(path, line), hint, severity="warning")


def _relocated(diagnostics: Sequence[DatelineError], prefix: str) -> Iterator[DatelineError]:
    for d in diagnostics:
        where = d.location or Location("")
        yield type(d)(d.message, Location(prefix + where.path, where.line), d.hint, d.severity)


def _reading_warnings(reading: Reading, prefix: str) -> Iterator[DatelineError]:
    article = reading.article
    path = prefix + article.path
    if article.extract and not reading.candidates:
        yield _warning(
            "no dated event found in this article", path, article.body_line,
            "pin one with 'events: [{sentence: ..., date: YYYY-MM-DD}]', or set 'extract: false'",
        )  # fmt: skip
    for candidate in reading.candidates:
        gap = candidate.when.start - article.published
        if -gap > LOW_CONFIDENCE_BEFORE or gap > LOW_CONFIDENCE_AFTER:
            yield _warning(
                f"low-confidence date: '{candidate.source.phrase}' read as {candidate.when.value},"
                f" far from the publication date {article.published.date().isoformat()}",
                path, source_line(article, candidate.source),
                f"correct it with 'events: [{{phrase: \"{candidate.source.phrase}\", date: ...}}]'",
            )  # fmt: skip


def source_line(article: Article, source: Source) -> int:
    """The file line of a source sentence."""
    return article.body_line + article.body[: source.start].count("\n")


def _conflict_warnings(
    event: Event, articles: dict[str, Article], prefix: str
) -> Iterator[DatelineError]:
    lead = event.sources[0] if event.sources else None
    for conflict in event.conflicts:
        path, line = (event.written, 1) if event.written else ("", None)
        if lead is not None and not event.written and lead.article in articles:
            path, line = lead.article, source_line(articles[lead.article], lead)
        yield _warning(
            f"entry '{event.id}' is disputed: {describe(conflict)}", prefix + path, line,
            "pin the right value with 'events:' in an article, or write content/events/"
            f"{event.id}.md",
        )  # fmt: skip


def describe(conflict: Conflict) -> str:
    """'date 2025-06-05 (a.md, b.md) vs 2025-06-06 (c.md)'."""
    sides = [f"{v.value} ({', '.join(v.articles)})" for v in conflict.versions]
    return f"{conflict.fact} " + " vs ".join(sides)


def _unknown_sources(
    written: Sequence[Written], readings: Sequence[Reading], prefix: str
) -> Iterator[DatelineError]:
    for entry in written:
        for name in entry.sources:
            if name.startswith(("http://", "https://")):
                continue
            if not any(refers_to(name, r.article.path, r.article.url) for r in readings):
                yield _warning(
                    f"unknown source '{name}'", prefix + entry.path, entry.line,
                    "name an article by its path, file name or slug, or give a URL",
                )  # fmt: skip
