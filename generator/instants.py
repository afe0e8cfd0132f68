"""Datetimes as whole microseconds since the epoch, which sort and compare many times faster
than datetimes of different time zones (those compare by working out each one's offset)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
ONE_MICROSECOND = timedelta(microseconds=1)


def microseconds(moment: datetime) -> int:
    """The instant of an aware datetime (a naive one is read as UTC: it compares only with
    naive ones, by wall clock, and callers then compare the datetimes themselves)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return (aware - EPOCH) // ONE_MICROSECOND


def compare_as_instants(moments: Iterable[datetime]) -> bool:
    """Do these datetimes compare exactly as their instants do? Datetimes of one zone compare
    by wall clock, and those of a clock change's repeated or skipped hour unlike their
    instants: only when none is (and none is naive) may a sort use `microseconds`."""
    # Each wall time of each zone once: many are shared (an article's publication time, the
    # start of a day), and the test is alike for equal ones (within a zone equal means the same
    # wall time, whatever the fold).
    unique = {(m, m.tzinfo) for m in moments}
    return all(
        m.tzinfo is not None and m.utcoffset() == m.replace(fold=1 - m.fold).utcoffset()
        for m, _ in unique
    )
