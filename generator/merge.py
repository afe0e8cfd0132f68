"""Merges event candidates from all articles into timeline entries that cite every source."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from generator.collection import collection_paused
from generator.conflicts import consensus_figures, consensus_when, find_conflicts, versions_of
from generator.editors import absorb
from generator.ids import assign_ids, candidate_id, lead_of
from generator.model import Candidate, Event, Reading, Source, Timeline, Written
from generator.nearby import Nearby
from generator.ordering import Key, candidate_order_of, event_order_of, source_order_of
from generator.similarity import (
    DISPUTE_DAYS,
    FINE,
    MENTION_PRECISIONS,
    TOP_SCORE,
    Profile,
    WordWeights,
    across,
    disputes,
    most_alike,
    restates,
    similarity,
    word_weights,
)

DISPUTE_SLACK = timedelta(days=DISPUTE_DAYS)
# Candidates are ordered by instant but dated in their own time zones (UTC-12 to UTC+14), so a
# later candidate's first day can come up to two days before an earlier one's.
ZONE_SLACK = timedelta(days=2)
# The most days apart two day-dated reports of one entry can be: a dispute's reach. Without a
# bound, boilerplate ("last night, police said") chains day to day into entries of thousands.
MAX_SPAN = DISPUTE_SLACK
DISPUTE_REACH = DISPUTE_SLACK + ZONE_SLACK


@dataclass(slots=True)
class _Cluster:
    """An entry being made: the report that began it, the candidates that date and name it,
    and the restatements of it (mentions, and coarse reports of it from other articles) that
    only add sources."""

    founder: Profile
    members: list[Candidate] = field(default_factory=list)
    restated: list[Candidate] = field(default_factory=list)
    first: date = date.max
    last: date = date.min
    fine_first: date = date.max
    fine_last: date = date.min
    articles: set[str] = field(default_factory=set)

    def add(self, report: Profile) -> None:
        self.members.append(report.candidate)
        self.articles.add(report.article)
        self.first, self.last = min(self.first, report.first), max(self.last, report.last)
        if report.fine:
            self.fine_first = min(self.fine_first, report.first)
            self.fine_last = max(self.fine_last, report.last)

    def restate(self, candidates: list[Candidate]) -> None:
        self.restated.extend(candidates)
        self.articles.update(c.source.article for c in candidates)

    def admits(self, report: Profile) -> bool:
        """Would its day-dated members still span at most MAX_SPAN with the report? Alike
        reports then join one entry only within a few days, never chained day after day."""
        if not report.fine:
            return True
        return max(self.fine_last, report.last) - min(self.fine_first, report.first) <= MAX_SPAN

    def touches(self, report: Profile) -> bool:
        """Do its members' days touch the report's days?"""
        return self.first <= report.last and report.first <= self.last

    def near(self, report: Profile, slack: timedelta) -> bool:
        """Do its members' days come within `slack` of the report's days?"""
        return self.first - slack <= report.last and report.first <= self.last + slack


def merge_events(readings: tuple[Reading, ...], written: tuple[Written, ...] = ()) -> Timeline:
    """Candidates whose dates overlap and whose words agree become one entry, oldest first;
    reports of one event on nearby days join it as a dispute; editors' entries absorb theirs."""
    with collection_paused():  # collections took a quarter of the time at 10,000 articles
        return _merged(readings, written)


def _merged(readings: tuple[Reading, ...], written: tuple[Written, ...]) -> Timeline:
    found = [c for reading in readings for c in reading.candidates]
    told = [m for reading in readings for m in reading.mentions]
    order = candidate_order_of([*found, *told])
    candidates, mentions = sorted(found, key=order), sorted(told, key=order)
    weights = word_weights([*candidates, *mentions])
    clusters = _restatements(*_cluster(candidates, weights), mentions, weights)
    told_by = source_order_of(_sources([*candidates, *mentions]))
    extracted = [_event(cluster, told_by) for cluster in clusters]
    events = absorb(extracted, written, weights)
    named, redirects = assign_ids(events, told_by)
    return Timeline(
        events=tuple(sorted(named, key=event_order_of(named))),
        readings=readings,
        redirects=redirects,
    )


def _cluster(
    candidates: Sequence[Candidate], weights: WordWeights
) -> tuple[list[_Cluster], Nearby]:
    """Each candidate joins the most alike cluster, else one it disputes, else starts one."""
    clusters: list[_Cluster] = []
    nearby = Nearby()
    for candidate in candidates:
        report = weights.profile(candidate)
        best = _best_cluster(clusters, nearby, report, weights)
        if best is None:
            best = _disputed_cluster(clusters, nearby, report, weights)
        if best is None:
            best = len(clusters)
            clusters.append(_Cluster(founder=report))
        clusters[best].add(report)
        nearby.add(best, report)
    return clusters, nearby


def _restatements(
    clusters: list[_Cluster], nearby: Nearby, mentions: Sequence[Candidate], weights: WordWeights
) -> list[_Cluster]:
    """Coarse entries of one article that restate another's fine one ('shot in March') join it,
    and so does every mention that restates an entry; the other mentions are dropped."""
    kept: list[_Cluster] = []
    for cluster in clusters:
        coarse = all(m.when.precision not in FINE for m in cluster.members)
        single = len(cluster.articles) == 1
        target = _restated(clusters, nearby, cluster.founder, weights) if coarse else None
        if not single or target is None:
            kept.append(cluster)
        else:
            target.restate(cluster.members)
    for mention in mentions:
        target = _restated(clusters, nearby, weights.profile(mention), weights)
        if target is not None:
            target.restate([mention])
    return kept


def _restated(
    clusters: list[_Cluster], nearby: Nearby, report: Profile, weights: WordWeights
) -> _Cluster | None:
    """The entry, not yet citing the report's article, that it restates most surely (only
    day-dated members on its days can be restated; only coarse entries are ever dropped)."""
    if report.candidate.when.precision not in MENTION_PRECISIONS:
        return None
    best: tuple[float, int] | None = None
    fits: dict[int, bool] = {}
    for article in sorted(weights.evidenced(report)):  # names are an article's
        for index, members in nearby.of_article(article):
            if index not in fits:
                cluster = clusters[index]
                fits[index] = cluster.touches(report) and report.article not in cluster.articles
            if fits[index]:
                score = max(restates(member, report, weights) for member in members)
                best = _better(best, score, index)
    return clusters[best[1]] if best else None


def _better(best: tuple[float, int] | None, score: float, index: int) -> tuple[float, int] | None:
    """The higher score, the earlier cluster on a tie; a score of 0 is no match."""
    if score > 0 and (best is None or (-score, index) < (-best[0], best[1])):
        return score, index
    return best


def _beaten(best: tuple[float, int] | None, index: int) -> bool:
    """Has an earlier cluster than this one the highest score there can be?"""
    return best is not None and best[0] >= TOP_SCORE and best[1] < index


def _all(cluster: _Cluster) -> list[Candidate]:
    return [*cluster.members, *cluster.restated]


def _best_cluster(
    clusters: list[_Cluster], nearby: Nearby, report: Profile, weights: WordWeights
) -> int | None:
    """The cluster of the member most alike the report (the earliest on a tie): of its own
    article, or day-dated of another on its days, in a cluster whose founder is alike too."""
    best: tuple[float, int] | None = None
    fits: dict[int, bool] = {}
    for index, members in nearby.of_article(report.article):
        fits[index] = _fits(clusters[index], report)
        if fits[index]:
            best = _better(best, most_alike(members, report, weights, similarity), index)
    if not report.fine:
        return best[1] if best else None
    founded: dict[int, bool] = {}  # per cluster, as its founder is one report
    for index, members in nearby.on_days(report.first, report.last, report.places):
        if _beaten(best, index):
            continue
        alike = founded.get(index)
        if alike is None:
            cluster = clusters[index]
            fit = fits[index] if index in fits else _fits(cluster, report)
            alike = founded[index] = fit and _founded_alike(cluster, report, weights)
        if alike:  # on the report's days, in no other place: `across` is `similarity`
            others = (m for m in members if m.article != report.article)  # scored above
            best = _better(best, most_alike(others, report, weights, across), index)
    return best[1] if best else None


def _fits(cluster: _Cluster, report: Profile) -> bool:
    """Could the report join the cluster, by its days?"""
    return cluster.touches(report) and cluster.admits(report)


def _founded_alike(cluster: _Cluster, report: Profile, weights: WordWeights) -> bool:
    """Across articles a report joins an entry only if it is also like the report that began
    it: alike reports of different events do not chain, one resembling the next, into one."""
    founder = cluster.founder
    return founder.article == report.article or similarity(founder, report, weights) > 0


def _disputed_cluster(
    clusters: list[_Cluster], nearby: Nearby, report: Profile, weights: WordWeights
) -> int | None:
    """The entry another article tells so alike that it must be this event on another day;
    only when this article has not already reported that entry. The earliest such entry.
    Only day-dated reports of other articles can dispute: the members on nearby days."""
    if not report.fine:
        return None
    found: int | None = None
    open_: dict[int, bool] = {}
    days = (report.first - DISPUTE_REACH, report.last + DISPUTE_REACH)
    for index, members in nearby.on_days(*days, report.places):
        if found is not None and index >= found:
            continue
        fit = open_.get(index)
        if fit is None:
            fit = open_[index] = _open_to_dispute(clusters[index], report)
        if fit and any(disputes(member, report, weights) for member in members):
            found = index
    return found


def _open_to_dispute(cluster: _Cluster, report: Profile) -> bool:
    return (
        cluster.near(report, DISPUTE_SLACK)
        and report.article not in cluster.articles
        and cluster.admits(report)
    )


def _sources(candidates: Sequence[Candidate]) -> Iterator[Source]:
    """The candidates' sources and those of their details."""
    for candidate in candidates:
        yield candidate.source
        yield from candidate.details


def _event(cluster: _Cluster, told_by: Callable[[Source], Key]) -> Event:
    members = cluster.members
    lead = lead_of(members, told_by)
    sources = sorted({m.source for m in _all(cluster)}, key=told_by)
    details = sorted({d for m in _all(cluster) for d in m.details}, key=told_by)
    # An id is a slug of a title, dear enough to make once a member.
    named = {id(m): candidate_id(m) for m in _all(cluster) if not m.mention}
    own_id = named.get(id(lead)) or candidate_id(lead)
    versions = versions_of(members)
    return Event(
        id=own_id,
        title=lead.title,
        when=consensus_when(members, versions),
        summary=lead.summary,
        sources=tuple(sources),
        details=tuple(details),
        places=_where(members),
        tags=tuple(dict.fromkeys(t for m in members for t in m.tags)),
        figures=consensus_figures(versions),
        conflicts=find_conflicts(versions),
        aliases=tuple(sorted(set(named.values()) - {own_id})),
    )


def _where(members: list[Candidate]) -> tuple[str, ...]:
    """Where the reports whose own sentences name a place say it happened; only if none does,
    where the others' details put it."""
    placed = [m for m in members if m.sentence_places] or members
    return tuple(dict.fromkeys(p for m in placed for p in m.places))
