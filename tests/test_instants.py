"""Datetimes as instants: the same order as datetimes, or the sort is told not to use them."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from generator.instants import compare_as_instants, microseconds

ZONES = [ZoneInfo(name) for name in ("Europe/Kyiv", "America/New_York", "UTC", "Asia/Tokyo")]


def test_instants_order_datetimes_of_many_zones_as_they_compare() -> None:
    rng = random.Random(7)
    base = datetime(2025, 1, 1)
    moments = [
        (base + timedelta(minutes=rng.randrange(0, 400_000))).replace(tzinfo=rng.choice(ZONES))
        for _ in range(500)
    ]
    assert compare_as_instants(moments)
    assert sorted(moments) == sorted(moments, key=microseconds)
    for one, other in pairwise(moments):
        assert (one < other) == (microseconds(one) < microseconds(other))
        assert (one == other) == (microseconds(one) == microseconds(other))


def test_a_repeated_or_skipped_hour_or_a_naive_datetime_keeps_datetime_order() -> None:
    new_york = ZoneInfo("America/New_York")
    repeated = datetime(2025, 11, 2, 1, 30, tzinfo=new_york)
    skipped = datetime(2025, 3, 9, 2, 30, tzinfo=new_york)
    assert not compare_as_instants([repeated])
    assert not compare_as_instants([skipped])
    assert not compare_as_instants([datetime(2025, 6, 1)])
    assert compare_as_instants([datetime(2025, 11, 2, 3, 30, tzinfo=new_york)])


def test_a_repeated_hour_is_found_among_equal_datetimes_of_other_zones() -> None:
    """Datetimes equal as instants, or of one wall time, are tested once: the one of a
    repeated hour still counts, whichever datetime equal to it comes first."""
    new_york = ZoneInfo("America/New_York")
    repeated = datetime(2025, 11, 2, 1, 30, tzinfo=new_york)  # 05:30 UTC
    same_instant = datetime(2025, 11, 2, 5, 30, tzinfo=ZONES[2])
    assert microseconds(same_instant) == microseconds(repeated)
    assert not compare_as_instants([same_instant, repeated])
    assert not compare_as_instants([repeated.replace(fold=1), repeated])
    assert compare_as_instants([same_instant, same_instant.replace(hour=6)])


def test_instants_are_microseconds_since_the_epoch() -> None:
    assert microseconds(datetime(1970, 1, 1, 9, tzinfo=ZoneInfo("Asia/Tokyo"))) == 0
    assert microseconds(datetime(1970, 1, 1, 0, 0, 1, 5, tzinfo=ZONES[2])) == 1_000_005
    assert microseconds(datetime(1970, 1, 2)) == 86_400_000_000
