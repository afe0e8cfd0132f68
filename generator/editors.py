"""Puts editors' hand-written entries in the timeline, each absorbing the extracted entries it
matches: the editor's date, title, text and places win; the sources of what it absorbs stay."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from generator.model import Event, Figures, Source, Written
from generator.ordering import source_order
from generator.similarity import MIN_SHARED_WEIGHT, WordWeights, same_days, weighted_overlap
from generator.wording import content_words

MATCH_OVERLAP = 0.3


def absorb(
    events: Sequence[Event], written: Sequence[Written], weights: WordWeights
) -> list[Event]:
    """The extracted entries no editor's entry claims, then one entry per hand-written file."""
    claimed: dict[int, list[Event]] = {index: [] for index in range(len(written))}
    free: list[Event] = []
    for event in events:
        owner = _owner(event, written, weights)
        (claimed[owner] if owner is not None else free).append(event)
    return free + [_written_event(entry, claimed[i]) for i, entry in enumerate(written)]


def cites(entry: Written, source: Source) -> bool:
    """Does the entry's `sources:` name this source's article?"""
    return any(refers_to(name, source.article, source.url) for name in entry.sources)


def refers_to(name: str, article: str, url: str | None) -> bool:
    """Is `name` the article's path, file name, slug (file stem) or URL?"""
    path = PurePosixPath(article)
    return name in (article, path.name, path.stem) or (url is not None and name == url)


def _owner(event: Event, written: Sequence[Written], weights: WordWeights) -> int | None:
    best: tuple[float, int] | None = None
    for index, entry in enumerate(written):
        score = _match(event, entry, weights)
        if score > 0 and (best is None or score > best[0]):
            best = (score, index)
    return best[1] if best else None


def _match(event: Event, entry: Written, weights: WordWeights) -> float:
    """Same days and either a cited article or words alike enough; 0 for no match."""
    if not same_days(event.when, entry.when):
        return 0.0
    if any(cites(entry, source) for source in event.sources):
        return 2.0
    mine = content_words(" ".join((entry.title, entry.description, *entry.places)))
    theirs = content_words(" ".join((event.title, event.summary, *event.places)))
    if weights.of(mine & theirs) < MIN_SHARED_WEIGHT:
        return 0.0
    score = weighted_overlap(mine, theirs, weights)
    return score if score >= MATCH_OVERLAP else 0.0


def _written_event(entry: Written, absorbed: list[Event]) -> Event:
    sources = sorted({s for e in absorbed for s in e.sources}, key=source_order)
    details = sorted({d for e in absorbed for d in e.details}, key=lambda s: (s.published, s.start))
    figures = next((e.figures for e in absorbed if e.figures != Figures()), Figures())
    return Event(
        id=entry.id,
        title=entry.title,
        when=entry.when,
        summary=entry.description or entry.title,
        sources=tuple(sources),
        details=tuple(details),
        places=entry.places or tuple(dict.fromkeys(p for e in absorbed for p in e.places)),
        tags=tuple(dict.fromkeys((*entry.tags, *(t for e in absorbed for t in e.tags)))),
        figures=figures,
        conflicts=tuple(c for e in absorbed for c in e.conflicts if c.fact != "date"),
        aliases=tuple(sorted({a for e in absorbed for a in (e.id, *e.aliases)} - {entry.id})),
        written=entry.path,
    )
