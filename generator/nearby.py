"""Finds the members of the clusters being merged that a candidate could match: those of its
own article, and the day-dated ones on its days that name no place its sentence does not; so
merging compares each candidate with a handful of members, not with every member of every
cluster."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from generator.similarity import Profile

ONE_DAY = timedelta(days=1)

# The members of one cluster under one key (an article, a day, a day and a place), by the
# number of the cluster (the order clusters were made in): whether a cluster could take a
# report is asked once for all of them.
Groups = dict[int, list[Profile]]
Group = tuple[int, list[Profile]]


class Nearby:
    """Cluster members by article, and day-dated members by each calendar day they touch and
    each place their sentence names (or none), grouped by cluster."""

    def __init__(self) -> None:
        self._by_article: dict[str, Groups] = defaultdict(dict)
        self._by_day: dict[date, Groups] = defaultdict(dict)
        self._unplaced: dict[date, Groups] = defaultdict(dict)
        self._by_place: dict[tuple[date, str], Groups] = defaultdict(dict)

    def add(self, cluster: int, member: Profile) -> None:
        _join(self._by_article[member.article], cluster, member)
        if member.fine:
            day = member.first
            while day <= member.last:
                self._add_on(day, cluster, member)
                day += ONE_DAY

    def _add_on(self, day: date, cluster: int, member: Profile) -> None:
        _join(self._by_day[day], cluster, member)
        places = member.places
        if not places:
            _join(self._unplaced[day], cluster, member)
        for place in places:
            _join(self._by_place[day, place], cluster, member)

    def of_article(self, article: str) -> Iterable[Group]:
        found = self._by_article.get(article)
        return found.items() if found else ()

    def on_days(
        self, first: date, last: date, places: frozenset[str] = frozenset()
    ) -> Iterator[Group]:
        """Day-dated members touching a day from `first` to `last` (a cluster, and a member,
        may come more than once); with `places`, only those that name none or one of them:
        across articles two reports whose sentences name different places are never alike."""
        day = first
        while day <= last:
            if not places:
                yield from _items(self._by_day.get(day))
            else:
                yield from _items(self._unplaced.get(day))
                for place in places:
                    yield from _items(self._by_place.get((day, place)))
            day += ONE_DAY


def _join(groups: Groups, cluster: int, member: Profile) -> None:
    found = groups.get(cluster)
    if found is None:
        groups[cluster] = [member]
    else:
        found.append(member)


def _items(groups: Groups | None) -> Iterable[Group]:
    return groups.items() if groups else ()
