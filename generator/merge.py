"""Merges event candidates from all articles into timeline entries that cite every source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.conflicts import consensus_figures, consensus_when, find_conflicts, precision_rank
from generator.editors import absorb
from generator.ids import assign_ids, candidate_id, lead_of
from generator.model import Candidate, Event, Reading, Source, Timeline, Written
from generator.similarity import WordWeights, disputes, similarity, word_weights


@dataclass(slots=True)
class _Cluster:
    members: list[Candidate] = field(default_factory=list)


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
    for candidate in candidates:
        best = _best_cluster(clusters, candidate, weights)
        if best is None:
            best = _disputed_cluster(clusters, candidate, weights)
        if best is None:
            clusters.append(_Cluster([candidate]))
        else:
            best.members.append(candidate)
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
        articles = {m.source.article for m in cluster.members}
        if candidate.source.article in articles:
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
