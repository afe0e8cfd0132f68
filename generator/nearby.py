"""Finds the members of the clusters being merged that a candidate could match: those of its
own article, and the day-dated ones on its days; so merging compares each candidate with a
handful of members, not with every member of every cluster."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from generator.model import Candidate
from generator.similarity import FINE, days_of

ONE_DAY = timedelta(days=1)


class Nearby:
    """Cluster members by article, and day-dated members by each calendar day they touch;
    a member is stored with the number of its cluster (the order clusters were made in)."""

    def __init__(self) -> None:
        self._by_article: dict[str, list[tuple[int, Candidate]]] = defaultdict(list)
        self._by_day: dict[date, list[tuple[int, Candidate]]] = defaultdict(list)

    def add(self, cluster: int, member: Candidate) -> None:
        self._by_article[member.source.article].append((cluster, member))
        if member.when.precision in FINE:
            first, last = days_of(member.when)
            day = first
            while day <= last:
                self._by_day[day].append((cluster, member))
                day += ONE_DAY

    def of_article(self, article: str) -> list[tuple[int, Candidate]]:
        return self._by_article.get(article, [])

    def on_days(self, first: date, last: date) -> Iterator[tuple[int, Candidate]]:
        """Day-dated members touching a day from `first` to `last` (one may come twice)."""
        day = first
        while day <= last:
            yield from self._by_day.get(day, ())
            day += ONE_DAY

    def around(self, candidate: Candidate, reach: timedelta) -> Iterator[tuple[int, Candidate]]:
        """Members that could match `candidate`: of its article, or day-dated on its days (as
        its days widened by `reach`) when it is day-dated itself."""
        yield from self.of_article(candidate.source.article)
        if candidate.when.precision in FINE:
            first, last = days_of(candidate.when)
            yield from self.on_days(first - reach, last + reach)
