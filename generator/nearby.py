"""Which clusters a candidate could join while merging: an index by article and calendar day.

similarity() and disputes() give 0 for every other cluster, so merging compares a candidate
only with these and still gets the same entries, in near-linear time at 10,000 articles:
- its own article's clusters (within an article any precision may merge);
- for a finely dated candidate, clusters with a finely dated member on one of its days (across
  articles only fine dates on a shared calendar day merge);
- for disputes, clusters with a finely dated member starting within DISPUTE_DAYS, widened by
  two days because a time zone moves a calendar date by at most one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from generator.model import Candidate
from generator.similarity import DISPUTE_DAYS, FINE, day_range

DISPUTE_WINDOW = DISPUTE_DAYS + 2


@dataclass(slots=True)
class NearbyClusters:
    """Cluster numbers by article, by each day a fine member touches, by a fine member's start."""

    by_article: dict[str, set[int]] = field(default_factory=dict)
    by_day: dict[date, set[int]] = field(default_factory=dict)
    by_start: dict[date, set[int]] = field(default_factory=dict)

    def add(self, cluster: int, candidate: Candidate) -> None:
        self.by_article.setdefault(candidate.source.article, set()).add(cluster)
        if candidate.when.precision not in FINE:
            return
        first, last = day_range(candidate.when)
        for day in _days(first, last):
            self.by_day.setdefault(day, set()).add(cluster)
        self.by_start.setdefault(first, set()).add(cluster)

    def joinable(self, candidate: Candidate) -> list[int]:
        """Clusters that similarity() may score above 0 for this candidate, oldest first."""
        found = set(self.by_article.get(candidate.source.article, ()))
        if candidate.when.precision in FINE:
            for day in _days(*day_range(candidate.when)):
                found |= self.by_day.get(day, set())
        return sorted(found)

    def disputable(self, candidate: Candidate) -> list[int]:
        """Clusters that disputes() may find for this candidate, oldest first."""
        if candidate.when.precision not in FINE:
            return []
        start = day_range(candidate.when)[0]
        found: set[int] = set()
        for offset in range(-DISPUTE_WINDOW, DISPUTE_WINDOW + 1):
            found |= self.by_start.get(start + timedelta(days=offset), set())
        return sorted(found)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
