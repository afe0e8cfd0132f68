"""The orders of a merge: of candidates, of sources and of entries, by their wall-clock
datetimes as the model compares them, or by instants when those order them alike, which is
many times faster (datetimes of different zones compare by working out each one's offset)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain

from generator.conflicts import precision_rank
from generator.instants import compare_as_instants, microseconds
from generator.model import Candidate, Event, Source

Key = tuple[object, ...]


def source_order(source: Source) -> Key:
    """In the order the sources told it: by publication, then article path and offset."""
    return (source.published, source.article, source.start)


def source_order_of(sources: Iterable[Source]) -> Callable[[Source], Key]:
    """`source_order` of these sources (only these), by instants when that orders them alike;
    a merge's sources share a few publication datetimes, each made an instant once."""
    published = {id(s.published): s.published for s in sources}
    if not compare_as_instants(published.values()):
        return source_order
    instants = {key: microseconds(moment) for key, moment in published.items()}
    return lambda source: (instants[id(source.published)], source.article, source.start)


def candidate_order(candidate: Candidate) -> Key:
    source = candidate.source
    return (candidate.when.start, source.published, source.article, source.start)


def _candidate_instants(candidate: Candidate) -> Key:
    """`candidate_order`, by instants."""
    source = candidate.source
    return (microseconds(candidate.when.start), microseconds(source.published), *_place(source))


def candidate_order_of(candidates: Sequence[Candidate]) -> Callable[[Candidate], Key]:
    """The sort key of the candidates, by instants when that orders them alike."""
    moments = (t for c in candidates for t in (c.when.start, c.source.published))
    return _candidate_instants if compare_as_instants(moments) else candidate_order


def event_order(event: Event) -> Key:
    """Oldest first; coarser dates before finer; then in the order the first source told them."""
    first = source_order(event.sources[0]) if event.sources else ()
    return (event.when.start, precision_rank(event.when), first, event.id)


def _event_instants(event: Event) -> Key:
    """`event_order`, by instants."""
    lead = event.sources[0] if event.sources else None
    first = (microseconds(lead.published), *_place(lead)) if lead else ()
    return (microseconds(event.when.start), precision_rank(event.when), first, event.id)


def event_order_of(events: Sequence[Event]) -> Callable[[Event], Key]:
    """The sort key of the entries, by instants when that orders them alike."""
    starts = (e.when.start for e in events)
    leads = (e.sources[0].published for e in events if e.sources)
    return _event_instants if compare_as_instants(chain(starts, leads)) else event_order


def _place(source: Source) -> tuple[str, int]:
    return source.article, source.start
