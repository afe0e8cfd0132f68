"""Finds the members of the clusters being merged that a candidate could match: those of its
own article, and the day-dated ones on its days; so merging compares each candidate with a
handful of members, not with every member of every cluster."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from generator.similarity import Profile

ONE_DAY = timedelta(days=1)


class Nearby:
    """Cluster members by article, and day-dated members by each calendar day they touch;
    a member is stored with the number of its cluster (the order clusters were made in)."""

    def __init__(self) -> None:
        self._by_article: dict[str, list[tuple[int, Profile]]] = defaultdict(list)
        self._by_day: dict[date, list[tuple[int, Profile]]] = defaultdict(list)

    def add(self, cluster: int, member: Profile) -> None:
        self._by_article[member.article].append((cluster, member))
        if member.fine:
            day = member.first
            while day <= member.last:
                self._by_day[day].append((cluster, member))
                day += ONE_DAY

    def of_article(self, article: str) -> list[tuple[int, Profile]]:
        return self._by_article.get(article, [])

    def on_days(self, first: date, last: date) -> Iterator[tuple[int, Profile]]:
        """Day-dated members touching a day from `first` to `last` (one may come twice)."""
        day = first
        while day <= last:
            yield from self._by_day.get(day, ())
            day += ONE_DAY

    def around(self, report: Profile, reach: timedelta) -> Iterator[tuple[int, Profile]]:
        """Members that could match the report: of its article, or day-dated on its days (as
        its days widened by `reach`) when it is day-dated itself."""
        yield from self.of_article(report.article)
        if report.fine:
            yield from self.on_days(report.first - reach, report.last + reach)
