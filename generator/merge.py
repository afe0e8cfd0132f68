"""Merges event candidates from all articles into timeline entries that cite every source."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from slugify import slugify

from generator.model import Candidate, Event, Reading, Source, Timeline, When
from generator.wording import STOPWORDS, overlap

SAME_PRECISION_OVERLAP = 0.3
CROSS_PRECISION_OVERLAP = 0.5
ID_WORDS = 6
EARLIEST = datetime.min.replace(tzinfo=UTC)
_PRECISION_RANK = {
    "century": 0, "decade": 1, "year": 2, "season": 3, "quarter": 3, "month": 4,
    "week": 5, "day": 6, "part-of-day": 7, "time": 8,
}  # fmt: skip


@dataclass(slots=True)
class _Cluster:
    members: list[Candidate] = field(default_factory=list)
    reach: datetime = EARLIEST
    # One member per (interval, precision, words): _similarity sees nothing else, so a wire
    # story repeated by ten outlets is compared once, not ten times.
    distinct: dict[tuple[object, ...], Candidate] = field(default_factory=dict)

    def add(self, candidate: Candidate) -> None:
        self.members.append(candidate)
        self.reach = max(self.reach, candidate.when.end)
        when = candidate.when
        self.distinct.setdefault((when.start, when.end, when.precision, candidate.words), candidate)


def merge_events(readings: tuple[Reading, ...]) -> Timeline:
    """Candidates whose dates overlap and whose words agree become one entry, oldest first."""
    candidates = sorted(
        (c for reading in readings for c in reading.candidates), key=_candidate_order
    )
    clusters: list[_Cluster] = []
    open_clusters: list[_Cluster] = []
    for candidate in candidates:
        # Candidates come by start time: a cluster that ends before this one starts is closed
        # for good. Scanning only the open ones keeps merging near-linear at 10,000 articles.
        open_clusters = [c for c in open_clusters if c.reach > candidate.when.start]
        best = _best_cluster(open_clusters, candidate)
        if best is None:
            best = _Cluster()
            clusters.append(best)
            open_clusters.append(best)
        best.add(candidate)
    events = [_event(cluster.members) for cluster in clusters]
    events.sort(key=_event_order)
    return Timeline(events=_with_unique_ids(events), readings=readings)


def _event_order(event: Event) -> tuple[object, ...]:
    """Oldest first; coarser dates before finer; then in the order the first source told them."""
    return (
        event.when.start,
        _PRECISION_RANK[event.when.precision],
        _source_order(event.sources[0]),
    )


def _candidate_order(candidate: Candidate) -> tuple[object, ...]:
    source = candidate.source
    return (candidate.when.start, source.published, source.article, source.start)


def _best_cluster(clusters: list[_Cluster], candidate: Candidate) -> _Cluster | None:
    best: tuple[float, int] | None = None
    for index, cluster in enumerate(clusters):
        score = max(_similarity(member, candidate) for member in cluster.distinct.values())
        if score > 0 and (best is None or score > best[0]):
            best = (score, index)
    return clusters[best[1]] if best else None


def _similarity(first: Candidate, second: Candidate) -> float:
    """Word overlap of two candidates whose intervals overlap; 0 if they are not alike enough."""
    a, b = first.when, second.when
    if not (a.start < b.end and b.start < a.end):
        return 0.0
    score = overlap(first.words, second.words)
    needed = SAME_PRECISION_OVERLAP if a.precision == b.precision else CROSS_PRECISION_OVERLAP
    return score if score >= needed else 0.0


def _event(members: list[Candidate]) -> Event:
    lead = min(members, key=lambda c: (c.source.published, c.source.article, c.source.start))
    sources = sorted((m.source for m in members), key=_source_order)
    details = sorted({d for m in members for d in m.details}, key=_source_order)
    return Event(
        id="",
        title=lead.title,
        when=_consensus_when(members),
        summary=lead.summary,
        sources=tuple(sources),
        details=tuple(details),
        places=tuple(dict.fromkeys(p for m in members for p in m.places)),
        tags=tuple(dict.fromkeys(t for m in members for t in m.tags)),
    )


def _source_order(source: Source) -> tuple[object, ...]:
    return (source.published, source.article, source.start)


def _consensus_when(members: list[Candidate]) -> When:
    """The value most sources give; on a tie the most precise, then the earliest."""
    counts = Counter(m.when.value for m in members)
    return min(
        (m.when for m in members),
        key=lambda w: (-counts[w.value], -_PRECISION_RANK[w.precision], w.start),
    )


def _with_unique_ids(events: list[Event]) -> tuple[Event, ...]:
    seen: Counter[str] = Counter()
    unique: list[Event] = []
    for event in events:
        base = event_id(event)
        seen[base] += 1
        unique.append(replace(event, id=base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return tuple(unique)


def event_id(event: Event) -> str:
    """The start day and the title's words: '2025-06-05-russia-launched-drone-missile-attack'."""
    words = [w for w in slugify(event.title).split("-") if w and w not in STOPWORDS]
    return f"{event.when.start.date().isoformat()}-{'-'.join(words[:ID_WORDS]) or 'event'}"
