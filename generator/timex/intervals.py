"""TimeML values to calendar intervals: a value and a time zone in, aware [start, end) out."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.model import Precision

PART_HOURS: dict[str, tuple[int, int]] = {
    "MO": (6, 12), "MI": (11, 13), "AF": (12, 18), "EV": (18, 24), "NI": (21, 30), "DT": (6, 18),
}  # fmt: skip
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15),
}  # fmt: skip

_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?:(?P<part>MO|MI|AF|EV|NI|DT)|"
    r"(?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2})?))?)?|W(?P<w>\d{1,2})(?P<we>-WE)?|Q(?P<q>[1-4])|"
    r"H(?P<h>[12])|(?P<season>SP|SU|FA|WI)))?"
)
_DECADE = re.compile(r"(?P<dec>\d{3})X?|(?P<cent>\d{2})(?:XX)?")

Bounds = tuple[datetime, datetime, Precision]


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) `months` after (year, month); months may be negative."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _at(day: date, hours: int, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), zone) + timedelta(hours=hours)


def _days(first: date, last_exclusive: date, precision: Precision, zone: ZoneInfo) -> Bounds:
    return _at(first, 0, zone), _at(last_exclusive, 0, zone), precision


def _week_bounds(year: int, week: int, weekend: bool, zone: ZoneInfo) -> Bounds | None:
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    if weekend:
        return _days(monday + timedelta(days=5), monday + timedelta(days=7), "week", zone)
    return _days(monday, monday + timedelta(days=7), "week", zone)


def _month_span(year: int, first: int, months: int, precision: Precision, zone: ZoneInfo) -> Bounds:
    end_year, end_month = add_months(year, first, months)
    return _days(date(year, first, 1), date(end_year, end_month, 1), precision, zone)


def _day_bounds(
    day: date, part: str | None, hh: str | None, mm: str | None, zone: ZoneInfo
) -> Bounds:
    if part:
        first, last = PART_HOURS[part]
        return _at(day, first, zone), _at(day, last, zone), "part-of-day"
    if hh is not None and mm is not None:
        begin = _at(day, int(hh), zone) + timedelta(minutes=int(mm))
        return begin, begin + timedelta(minutes=1), "time"
    return _days(day, day + timedelta(days=1), "day", zone)


def _calendar_bounds(match: re.Match[str], zone: ZoneInfo) -> Bounds | None:
    year = int(match["y"])
    if match["d"]:
        day = date(year, int(match["m"]), int(match["d"]))
        return _day_bounds(day, match["part"], match["hh"], match["mm"], zone)
    if match["m"]:
        return _month_span(year, int(match["m"]), 1, "month", zone)
    if match["w"]:
        return _week_bounds(year, int(match["w"]), bool(match["we"]), zone)
    if match["q"]:
        return _month_span(year, int(match["q"]) * 3 - 2, 3, "quarter", zone)
    if match["h"]:
        return _month_span(year, int(match["h"]) * 6 - 5, 6, "quarter", zone)
    if match["season"]:
        first, last = SEASON_MONTHS[match["season"]]
        return _month_span(year, first, last - first, "season", zone)
    return _month_span(year, 1, 12, "year", zone)


def interval(value: str, timezone: str) -> Bounds | None:
    """The [start, end) bounds and precision of a calendar TimeML value, or None if it has none.

    >>> interval("2025-06-05TNI", "UTC")[0].isoformat()
    '2025-06-05T21:00:00+00:00'
    """
    zone = ZoneInfo(timezone)
    match = _VALUE.fullmatch(value)
    try:
        if match:
            return _calendar_bounds(match, zone)
    except ValueError:
        return None
    decade = _DECADE.fullmatch(value)
    if not decade:
        return None
    if decade["dec"]:
        first = int(decade["dec"]) * 10
        return _days(date(first, 1, 1), date(first + 10, 1, 1), "decade", zone)
    first = int(decade["cent"]) * 100
    return _days(date(first, 1, 1), date(first + 100, 1, 1), "century", zone)
