"""What a rule resolves with and what it gives: the phrase's context in, a TimeML resolution out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from generator.model import TimexType
from generator.timex.tense import Direction, clause_direction


@dataclass(frozen=True, slots=True)
class Context:
    """A recognised phrase in its document: named parts, offsets, anchor, and the last absolute
    date, quarter and full day mentioned."""

    text: str
    dct: date
    start: int
    end: int
    parts: dict[str, str]
    reference: str | None = None
    quarter: str | None = None
    day: str | None = None

    def part(self, name: str) -> str:
        """The lower-cased text of a named part, "" when the phrase has none."""
        return self.parts.get(name, "").lower().strip()

    def direction(self) -> Direction:
        return clause_direction(self.text, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Resolution:
    """A TimeML type, value and mod; `days` overrides the value's bounds (first, last exclusive)."""

    type: TimexType
    value: str
    rule: str
    mod: str | None = None
    days: tuple[date, date] | None = None
    anchor: bool = False


Resolver = Callable[[Context], Resolution | None]

_DAY_VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\dXWQHSFP])")
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


_COARSE_UNITS = ("month", "quarter", "year", "decade", "century")


def reference_day(context: Context, unit: str = "day") -> date:
    """The day a phrase counts from: for a count of days, weeks or hours the last full day
    mentioned ("in 1997" has no day to be "the next day" of); for a count of months or years
    the last date of any precision; else the publication date."""
    reference = context.reference if unit in _COARSE_UNITS else context.day
    match = _DAY_VALUE.match(reference or "")
    if match:
        try:
            return date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
        except ValueError:
            return context.dct
    return context.dct


def reference_quarter(context: Context) -> tuple[int, int] | None:
    """The (year, quarter) of the last quarter mentioned, if the document has mentioned one.

    Earnings reports compare with "a year earlier" and "the year-ago period" long after the
    quarter itself was named, with dates such as "ended Sept. 30" in between.
    """
    match = _QUARTER_VALUE.match(context.quarter or context.reference or "")
    return (int(match[1]), int(match[2])) if match else None


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1
