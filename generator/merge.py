"""Merges event candidates from all articles into timeline entries that cite every source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from generator.conflicts import consensus_figures, consensus_when, find_conflicts, precision_rank
from generator.editors import absorb
from generator.ids import assign_ids, candidate_id, lead_of
from generator.model import Candidate, Event, Reading, Source, Timeline, Written
from generator.similarity import (
    DISPUTE_DAYS,
    FINE,
    WordWeights,
    disputes,
    similarity,
    word_weights,
)  # fmt: skip

# Across articles only finely dated reports merge, on a shared calendar day (time zones shift a
# day by at most one), or dispute each other, at most DISPUTE_DAYS apart: a finely dated member
# that ended this long before a candidate starts can no longer matter to it.
REACH = timedelta(days=DISPUTE_DAYS + 2)


@dataclass(slots=True)
class _Cluster:
    index: int
    members: list[Candidate] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    fine_reach: datetime | None = None
    in_fine: bool = False


@dataclass(slots=True)
class _Open:
    """The clusters a candidate could join: those with a member from its own article, and, for a
    finely dated candidate, those with a finely dated member near enough in time. Any other
    cluster scores 0 in similarity() and disputes(), so leaving it out changes nothing and
    keeps merging near-linear at 10,000 articles."""

    by_article: dict[str, list[_Cluster]] = field(default_factory=dict)
    fine: list[_Cluster] = field(default_factory=list)

    def near(self, candidate: Candidate) -> list[_Cluster]:
        start = candidate.when.start
        for cluster in self.fine:
            cluster.in_fine = cluster.fine_reach is not None and cluster.fine_reach > start
        self.fine = [c for c in self.fine if c.in_fine]
        found = {c.index: c for c in self.by_article.get(candidate.source.article, ())}
        if candidate.when.precision in FINE:
            found.update((c.index, c) for c in self.fine)
        return [found[index] for index in sorted(found)]

    def add(self, cluster: _Cluster, candidate: Candidate) -> None:
        cluster.members.append(candidate)
        article = candidate.source.article
        if article not in cluster.articles:
            cluster.articles.add(article)
            self.by_article.setdefault(article, []).append(cluster)
        if candidate.when.precision in FINE:
            reach = candidate.when.end + REACH
            cluster.fine_reach = max(cluster.fine_reach or reach, reach)
            if not cluster.in_fine:
                cluster.in_fine = True
                self.fine.append(cluster)


def merge_events(readings: tuple[Reading, ...], written: tuple[Written, ...] = ()) -> Timeline:
    """Candidates whose dates overlap and whose words agree become one entry, oldest first;
    reports of one event on nearby days join it as a dispute; editors' entries absorb theirs."""
    candidates = sorted(
        (c for reading in readings for c in reading.candidates), key=_candidate_order
    )
    weights = word_weights(candidates)
    clusters = _cluster(candidates, weights)
    extracted = [_event(cluster.members) for cluster in clusters]
    events = absorb(extracted, written, weights)
    named, redirects = assign_ids(events)
    return Timeline(
        events=tuple(sorted(named, key=_event_order)), readings=readings, redirects=redirects
    )


def _cluster(candidates: Sequence[Candidate], weights: WordWeights) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    reachable = _Open()
    for candidate in candidates:  # by start time, so what is out of reach now stays so
        near = reachable.near(candidate)
        best = _best_cluster(near, candidate, weights)
        if best is None:
            best = _disputed_cluster(near, candidate, weights)
        if best is None:
            best = _Cluster(len(clusters))
            clusters.append(best)
        reachable.add(best, candidate)
    return clusters


def _event_order(event: Event) -> tuple[object, ...]:
    """Oldest first; coarser dates before finer; then in the order the first source told them."""
    first = _source_order(event.sources[0]) if event.sources else ()
    return (event.when.start, precision_rank(event.when), first, event.id)


def _candidate_order(candidate: Candidate) -> tuple[object, ...]:
    source = candidate.source
    return (candidate.when.start, source.published, source.article, source.start)


def _best_cluster(
    clusters: list[_Cluster], candidate: Candidate, weights: WordWeights
) -> _Cluster | None:
    best: tuple[float, int] | None = None
    for index, cluster in enumerate(clusters):
        score = max(similarity(member, candidate, weights) for member in cluster.members)
        if score > 0 and (best is None or score > best[0]):
            best = (score, index)
    return clusters[best[1]] if best else None


def _disputed_cluster(
    clusters: list[_Cluster], candidate: Candidate, weights: WordWeights
) -> _Cluster | None:
    """The entry another article tells so alike that it must be this event on another day;
    only when this article has not already reported that entry."""
    for cluster in clusters:
        if candidate.source.article in cluster.articles:
            continue
        if any(disputes(member, candidate, weights) for member in cluster.members):
            return cluster
    return None


def _event(members: list[Candidate]) -> Event:
    lead = lead_of(members)
    sources = sorted((m.source for m in members), key=_source_order)
    details = sorted({d for m in members for d in m.details}, key=_source_order)
    own_id = candidate_id(lead)
    return Event(
        id=own_id,
        title=lead.title,
        when=consensus_when(members),
        summary=lead.summary,
        sources=tuple(sources),
        details=tuple(details),
        places=tuple(dict.fromkeys(p for m in members for p in m.places)),
        tags=tuple(dict.fromkeys(t for m in members for t in m.tags)),
        figures=consensus_figures(members),
        conflicts=find_conflicts(members),
        aliases=tuple(sorted({candidate_id(m) for m in members} - {own_id})),
    )


def _source_order(source: Source) -> tuple[object, ...]:
    return (source.published, source.article, source.start)
