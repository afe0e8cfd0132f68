"""Human date labels for an event's When: 'Thursday night, 5–6 June 2025', 'Week of 2 June 2025'."""

from __future__ import annotations

import re
from datetime import date, timedelta

from generator.model import When

MONTHS = (
    "January February March April May June July August September October November December".split()
)
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night"}
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
# What a reader should know about how exact a date is; a plain day needs no note.
PRECISION_NOTES = {
    "century": "some time in the century",
    "decade": "some time in the decade",
    "year": "some time in the year",
    "season": "some time in the season",
    "quarter": "some time in the quarter",
    "month": "some time in the month",
    "week": "some day that week",
    "part-of-day": "part of day",
    "time": "time of day",
}


def precision_note(precision: str) -> str:
    """'some day that week' for a week: how exact the date is; '' for a plain day."""
    return PRECISION_NOTES.get(precision, "")


def day_label(day: date) -> str:
    """'Monday 2 June 2025'."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def date_label(when: When) -> str:
    """The label a reader sees, at the event's precision."""
    day = when.start.date()
    if when.precision == "part-of-day":
        return _part_of_day_label(when.value, day)
    if when.precision == "time":
        return f"{day_label(day)}, {when.start.strftime('%H:%M')}"
    if when.precision == "week":
        return f"Week of {day.day} {MONTHS[day.month - 1]} {day.year}"
    if when.precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    if when.precision in ("season", "quarter"):
        return _season_label(when.value, day)
    if when.precision == "year":
        return str(day.year)
    if when.precision in ("decade", "century"):
        return when.value.replace("X", "0") + "s"
    return day_label(day)


def _part_of_day_label(value: str, day: date) -> str:
    part = PARTS_OF_DAY.get(value[-2:], "")
    weekday = WEEKDAYS[day.weekday()]
    if value.endswith("NI"):
        following = day + timedelta(days=1)
        return f"{weekday} night, {_day_range(day, following)}"
    return f"{weekday} {part}, {day.day} {MONTHS[day.month - 1]} {day.year}".replace("  ", " ")


def span_label(first: date, last: date) -> str:
    """'Monday 2 June 2025', '2–8 June 2025', 'June 2025', 'January–June 2025' or '2025': the days
    from first to last inclusive, named by the whole year or months they are when they are."""
    if first == last:
        return day_label(first)
    if first.day != 1 or (last + timedelta(days=1)).day != 1:
        return _day_range(first, last)
    if (first.month, last.month) == (1, 12) and first.year == last.year:
        return str(first.year)
    if (first.year, first.month) == (last.year, last.month):
        return f"{MONTHS[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{MONTHS[first.month - 1]}–{MONTHS[last.month - 1]} {first.year}"
    return f"{MONTHS[first.month - 1]} {first.year} – {MONTHS[last.month - 1]} {last.year}"


def _day_range(first: date, second: date) -> str:
    if (first.year, first.month) == (second.year, second.month):
        return f"{first.day}–{second.day} {MONTHS[first.month - 1]} {first.year}"
    if first.year == second.year:
        return f"{_day_month(first)} – {_day_month(second)} {first.year}"
    return f"{_day_month(first)} {first.year} – {_day_month(second)} {second.year}"


def _day_month(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def _season_label(value: str, day: date) -> str:
    found = re.search(r"-(SP|SU|FA|AU|WI|Q[1-4]|H[12])$", value)
    if not found:
        return f"{MONTHS[day.month - 1]} {day.year}"
    code = found.group(1)
    return f"{SEASONS.get(code, code)} {value[:4]}"
