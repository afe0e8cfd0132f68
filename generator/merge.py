"""Merges event candidates from all articles into timeline entries that cite every source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from generator.conflicts import consensus_figures, consensus_when, find_conflicts, precision_rank
from generator.editors import absorb
from generator.ids import assign_ids, candidate_id, lead_of
from generator.model import Candidate, Event, Reading, Source, Timeline, When, Written
from generator.similarity import (
    DISPUTE_DAYS,
    FINE,
    WordWeights,
    days_of,
    disputes,
    restates,
    similarity,
    word_weights,
)

DISPUTE_SLACK = timedelta(days=DISPUTE_DAYS)


@dataclass(slots=True)
class _Cluster:
    """An entry being made: the candidates that date and name it, and the restatements of it
    (mentions, and coarse reports of it from other articles) that only add sources."""

    members: list[Candidate] = field(default_factory=list)
    restated: list[Candidate] = field(default_factory=list)
    first: date = date.max
    last: date = date.min

    def add(self, candidate: Candidate) -> None:
        self.members.append(candidate)
        first, last = days_of(candidate.when)
        self.first, self.last = min(self.first, first), max(self.last, last)

    def near(self, when: When, slack: timedelta = timedelta(0)) -> bool:
        """Do its members' days come within `slack` of the interval's days?"""
        first, last = days_of(when)
        return self.first - slack <= last and first <= self.last + slack


def merge_events(readings: tuple[Reading, ...], written: tuple[Written, ...] = ()) -> Timeline:
    """Candidates whose dates overlap and whose words agree become one entry, oldest first;
    reports of one event on nearby days join it as a dispute; editors' entries absorb theirs."""
    candidates = sorted(
        (c for reading in readings for c in reading.candidates), key=_candidate_order
    )
    mentions = sorted((m for reading in readings for m in reading.mentions), key=_candidate_order)
    weights = word_weights([*candidates, *mentions])
    clusters = _restatements(_cluster(candidates, weights), mentions, weights)
    extracted = [_event(cluster) for cluster in clusters]
    events = absorb(extracted, written, weights)
    named, redirects = assign_ids(events)
    return Timeline(
        events=tuple(sorted(named, key=_event_order)), readings=readings, redirects=redirects
    )


def _cluster(candidates: Sequence[Candidate], weights: WordWeights) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for candidate in candidates:
        best = _best_cluster(clusters, candidate, weights)
        if best is None:
            best = _disputed_cluster(clusters, candidate, weights)
        if best is None:
            best = _Cluster()
            clusters.append(best)
        best.add(candidate)
    return clusters


def _restatements(
    clusters: list[_Cluster], mentions: Sequence[Candidate], weights: WordWeights
) -> list[_Cluster]:
    """Coarse entries of one article that restate another's fine one ('shot in March') join it,
    and so does every mention that restates an entry; the other mentions are dropped."""
    kept: list[_Cluster] = []
    for cluster in clusters:
        coarse = all(m.when.precision not in FINE for m in cluster.members)
        single = len({m.source.article for m in cluster.members}) == 1
        target = _restated(clusters, cluster.members[0], weights) if coarse and single else None
        if target is None:
            kept.append(cluster)
        else:
            target.restated.extend(cluster.members)
    for mention in mentions:
        target = _restated(kept, mention, weights)
        if target is not None:
            target.restated.append(mention)
    return kept


def _restated(
    clusters: list[_Cluster], candidate: Candidate, weights: WordWeights
) -> _Cluster | None:
    """The entry, not yet citing the candidate's article, that it restates most surely."""
    best: tuple[float, int] | None = None
    for index, cluster in enumerate(clusters):
        if not cluster.near(candidate.when) or any(
            m.source.article == candidate.source.article for m in _all(cluster)
        ):
            continue
        score = max(restates(member, candidate, weights) for member in cluster.members)
        if score > 0 and (best is None or score > best[0]):
            best = (score, index)
    return clusters[best[1]] if best else None


def _all(cluster: _Cluster) -> list[Candidate]:
    return [*cluster.members, *cluster.restated]


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
        if not cluster.near(candidate.when):
            continue
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
        articles = {m.source.article for m in cluster.members}
        if not cluster.near(candidate.when, DISPUTE_SLACK) or candidate.source.article in articles:
            continue
        if any(disputes(member, candidate, weights) for member in cluster.members):
            return cluster
    return None


def _event(cluster: _Cluster) -> Event:
    members = cluster.members
    lead = lead_of(members)
    sources = sorted({m.source for m in _all(cluster)}, key=_source_order)
    details = sorted({d for m in _all(cluster) for d in m.details}, key=_source_order)
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
        aliases=tuple(sorted({candidate_id(m) for m in _all(cluster) if not m.mention} - {own_id})),
    )


def _source_order(source: Source) -> tuple[object, ...]:
    return (source.published, source.article, source.start)
