"""Finds what the sources of one event disagree on: its day, and how many were killed or hurt."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.model import Candidate, Conflict, Figures, Version, When

_PRECISION_RANK = {
    "century": 0, "decade": 1, "year": 2, "season": 3, "quarter": 3, "month": 4,
    "week": 5, "day": 6, "part-of-day": 7, "time": 8,
}  # fmt: skip
FINE = frozenset({"day", "part-of-day", "time"})


def precision_rank(when: When) -> int:
    return _PRECISION_RANK[when.precision]


def consensus_when(members: Sequence[Candidate]) -> When:
    """The day most articles give, then the value most sources give; on a tie the most precise,
    then the earliest."""
    days = Counter(day for day, articles in _day_versions(members).items() for _ in articles)
    values = Counter(m.when.value for m in members)
    return min(
        (m.when for m in members),
        key=lambda w: (
            -days[w.start.date().isoformat()] if w.precision in FINE else 0,
            -values[w.value],
            -precision_rank(w),
            w.start,
        ),
    )


def find_conflicts(members: Sequence[Candidate]) -> tuple[Conflict, ...]:
    """A date conflict when articles put the event on different days; a count conflict when
    they give different numbers of killed or injured."""
    conflicts = []
    days = _day_versions(members)
    if len(days) > 1:
        conflicts.append(Conflict("date", _versions(days)))
    for fact in ("killed", "injured"):
        counts = _count_versions(members, fact)
        if len(counts) > 1:
            conflicts.append(Conflict(fact, _versions(counts)))
    return tuple(conflicts)


def _day_versions(members: Sequence[Candidate]) -> dict[str, set[str]]:
    """Day -> articles, for fine-dated members; an article that names two days (the story
    went on overnight) counts for its first only."""
    first_day: dict[str, str] = {}
    for member in sorted(members, key=lambda m: (m.source.article, m.source.start)):
        if member.when.precision in FINE:
            first_day.setdefault(member.source.article, member.when.start.date().isoformat())
    versions: dict[str, set[str]] = defaultdict(set)
    for article, day in first_day.items():
        versions[day].add(article)
    return versions


def _count_versions(members: Sequence[Candidate], fact: str) -> dict[str, set[str]]:
    versions: dict[str, set[str]] = defaultdict(set)
    seen: set[str] = set()
    for member in sorted(members, key=lambda m: (m.source.article, m.source.start)):
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


def consensus_figures(members: Sequence[Candidate]) -> Figures:
    """The count most articles give, the larger on a tie."""

    def pick(fact: str) -> int | None:
        versions = _count_versions(members, fact)
        if not versions:
            return None
        value, _ = max(versions.items(), key=lambda kv: (len(kv[1]), int(kv[0])))
        return int(value)

    return Figures(killed=pick("killed"), injured=pick("injured"))
