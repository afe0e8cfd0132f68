"""Finds the members of the clusters being merged that a candidate could match: those of its
own article, and the day-dated ones on its days that name no place its sentence does not; so
merging compares each candidate with a handful of members, not with every member of every
cluster."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from generator.similarity import Profile

ONE_DAY = timedelta(days=1)

Member = tuple[int, Profile]


class Nearby:
    """Cluster members by article, and day-dated members by each calendar day they touch and
    each place their sentence names (or none); a member is stored with the number of its
    cluster (the order clusters were made in)."""

    def __init__(self) -> None:
        self._by_article: dict[str, list[Member]] = defaultdict(list)
        self._by_day: dict[date, list[Member]] = defaultdict(list)
        self._unplaced: dict[date, list[Member]] = defaultdict(list)
        self._by_place: dict[tuple[date, str], list[Member]] = defaultdict(list)

    def add(self, cluster: int, member: Profile) -> None:
        self._by_article[member.article].append((cluster, member))
        if member.fine:
            day = member.first
            while day <= member.last:
                self._add_on(day, (cluster, member))
                day += ONE_DAY

    def _add_on(self, day: date, found: Member) -> None:
        self._by_day[day].append(found)
        places = found[1].places
        if not places:
            self._unplaced[day].append(found)
        for place in places:
            self._by_place[day, place].append(found)

    def of_article(self, article: str) -> list[Member]:
        return self._by_article.get(article, [])

    def on_days(
        self, first: date, last: date, places: frozenset[str] = frozenset()
    ) -> Iterator[Member]:
        """Day-dated members touching a day from `first` to `last` (one may come more than
        once); with `places`, only those that name none or one of them: across articles two
        reports whose sentences name different places are never alike."""
        day = first
        while day <= last:
            if not places:
                yield from self._by_day.get(day, ())
            else:
                yield from self._unplaced.get(day, ())
                for place in places:
                    yield from self._by_place.get((day, place), ())
            day += ONE_DAY
