"""Finds what the sources of one event disagree on: its day, and how many were killed or hurt."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.model import Candidate, Conflict, Figures, Version, When

_PRECISION_RANK = {
    "century": 0, "decade": 1, "year": 2, "season": 3, "quarter": 3, "month": 4,
    "week": 5, "day": 6, "part-of-day": 7, "time": 8,
}  # fmt: skip
FINE = frozenset({"day", "part-of-day", "time"})


def precision_rank(when: When) -> int:
    return _PRECISION_RANK[when.precision]


@dataclass(frozen=True, slots=True)
class Versions:
    """What the articles reporting one event say of it, each value with the articles that give
    it: the day (an article's first day-dated report's; one that names two days, the story
    going on overnight, counts for its first only) and the counts of killed and injured (its
    first report's that gives one)."""

    days: dict[str, set[str]]
    killed: dict[str, set[str]]
    injured: dict[str, set[str]]


def versions_of(members: Sequence[Candidate]) -> Versions:
    """The members' versions, worked out from one ordering of them for all three."""
    told = sorted(members, key=lambda m: (m.source.article, m.source.start))
    return Versions(
        days=_day_versions(told),
        killed=_count_versions(told, "killed"),
        injured=_count_versions(told, "injured"),
    )


def consensus_when(members: Sequence[Candidate], versions: Versions) -> When:
    """The day most articles give, then the value most sources give; on a tie the most precise,
    then the earliest."""
    if len(members) == 1:
        return members[0].when  # nothing to agree on
    days = {day: len(articles) for day, articles in versions.days.items()}
    values = Counter(m.when.value for m in members)
    return min(
        (m.when for m in members),
        key=lambda w: (
            -days.get(w.start.date().isoformat(), 0) if w.precision in FINE else 0,
            -values[w.value],
            -precision_rank(w),
            w.start,
        ),
    )


def find_conflicts(versions: Versions) -> tuple[Conflict, ...]:
    """A date conflict when articles put the event on different days; a count conflict when
    they give different numbers of killed or injured."""
    conflicts = []
    if len(versions.days) > 1:
        conflicts.append(Conflict("date", _versions(versions.days)))
    if len(versions.killed) > 1:
        conflicts.append(Conflict("killed", _versions(versions.killed)))
    if len(versions.injured) > 1:
        conflicts.append(Conflict("injured", _versions(versions.injured)))
    return tuple(conflicts)


def _day_versions(told: Sequence[Candidate]) -> dict[str, set[str]]:
    """Day -> articles, for fine-dated members (`told`: by article, then offset)."""
    first_day: dict[str, str] = {}
    for member in told:
        if member.when.precision in FINE:
            first_day.setdefault(member.source.article, member.when.start.date().isoformat())
    versions: dict[str, set[str]] = defaultdict(set)
    for article, day in first_day.items():
        versions[day].add(article)
    return versions


def _count_versions(told: Sequence[Candidate], fact: str) -> dict[str, set[str]]:
    versions: dict[str, set[str]] = defaultdict(set)
    seen: set[str] = set()
    for member in told:
        value = getattr(member.figures, fact)
        if value is not None and member.source.article not in seen:
            seen.add(member.source.article)
            versions[str(value)].add(member.source.article)
    return versions


def _versions(found: dict[str, set[str]]) -> tuple[Version, ...]:
    """Most-cited first, then by value."""
    return tuple(
        Version(value, tuple(sorted(articles)))
        for value, articles in sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )


def consensus_figures(versions: Versions) -> Figures:
    """The count most articles give, the larger on a tie."""
    return Figures(killed=_most_given(versions.killed), injured=_most_given(versions.injured))


def _most_given(versions: dict[str, set[str]]) -> int | None:
    if not versions:
        return None
    value, _ = max(versions.items(), key=lambda kv: (len(kv[1]), int(kv[0])))
    return int(value)
