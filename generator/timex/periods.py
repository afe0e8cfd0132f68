"""Resolvers for phrases that name a week, month, quarter, season, year or decade."""

from __future__ import annotations

import re
from datetime import date, timedelta

from generator.timex.context import (
    Context,
    Resolution,
    monday_of,
    quarter_of,
    reference_day,
    week_value,
)
from generator.timex.days import date_mod, month_number, nearest_year
from generator.timex.intervals import add_months
from generator.timex.lexicon import HOLIDAYS, MONTHS, OUTSIDE, SEASONS, WEEKDAYS

SHIFT = {"last": -1, "this past": -1, "next": 1, "this coming": 1, "the coming": 1}


def period_value(unit: str, dct: date, shift: int) -> str | None:
    """The value of the week/month/quarter/year/decade/century `shift` units from the anchor's."""
    if unit == "week":
        return week_value(dct + timedelta(weeks=shift))
    if unit == "weekend":
        return week_value(dct + timedelta(weeks=shift)) + "-WE"
    if unit == "month":
        year, month = add_months(dct.year, dct.month, shift)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, quarter = quarter_of(dct)
        index = year * 4 + quarter - 1 + shift
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "year":
        return f"{dct.year + shift:04d}"
    if unit == "decade":
        return f"{dct.year // 10 + shift:03d}"
    if unit == "century":
        return f"{dct.year // 100 + shift:02d}"
    return None


def resolve_this_week(context: Context) -> Resolution | None:
    unit, earlier = context.part("unit"), context.part("when") == "earlier"
    value = period_value(unit, context.dct, 0)
    if value is None:
        return None
    first = {"week": monday_of(context.dct), "month": context.dct.replace(day=1),
             "year": context.dct.replace(month=1, day=1)}[unit]  # fmt: skip
    last = {"week": first + timedelta(days=7),
            "month": date(*add_months(first.year, first.month, 1), 1),
            "year": date(first.year + 1, 1, 1)}[unit]  # fmt: skip
    day_after = context.dct + timedelta(days=1)
    days = (first, day_after) if earlier else (context.dct, last)
    rule = f"this-{unit}-{'earlier' if earlier else 'later'}"
    return Resolution("DATE", value, rule, "START" if earlier else "END", days)


def _season_year(season: str, relation: str, dct: date) -> int:
    """The year of the season a relation names; a winter is dated by the year it starts."""
    order = ["WI", "SP", "SU", "FA"]
    now = "WI" if dct.month in (12, 1, 2) else order[(dct.month - 3) // 3 + 1]
    if season == "WI":
        upcoming = dct.year if dct.month >= 3 else dct.year - 1
        if relation in ("last", "this past"):
            return upcoming - 1
        return upcoming + 1 if relation == "next" and now == "WI" else upcoming
    year = dct.year
    passed = now != "WI" and order.index(season) < order.index(now)
    if relation in ("last", "this past"):
        return year if passed else year - 1
    if relation == "next":
        return year + 1 if passed or season == now else year
    return year


def resolve_relative_period(context: Context) -> Resolution | None:
    unit, relation = context.part("unit"), context.part("rel")
    if unit in SEASONS:
        year = _season_year(SEASONS[unit], relation, context.dct)
        return Resolution("DATE", f"{year}-{SEASONS[unit]}", "season-relative", date_mod(context))
    if relation == "the past" and unit == "year":  # TimeBank: the calendar year before
        return Resolution("DATE", str(context.dct.year - 1), "the-past-year")
    if relation == "the past":
        return Resolution("DURATION", "P1" + {"week": "W", "month": "M", "quarter": "Q",
                          "year": "Y", "weekend": "WE", "decade": "0Y", "century": "00Y"}[unit],
                          "the-past-unit")  # fmt: skip
    value = period_value(unit, context.dct, SHIFT.get(relation, 0))
    if value is None:
        return None
    rule = f"{relation.replace('the ', '').replace(' ', '-')}-{unit}"
    return Resolution("DATE", value, rule, date_mod(context))


_PERIOD_ENDS = {"year": "year", "month": "month", "week": "week", "quarter": "quarter"}
_NAMED_DECADES = {"nineties": "9", "eighties": "8", "seventies": "7", "sixties": "6"}
_PARTS = {"midday": "MI", "afternoon": "AF", "morning": "MO", "evening": "EV"}


def resolve_period_end(context: Context) -> Resolution | None:
    """ "year-end", "the end of the month", "these days", "the nineties", "mid-afternoon"."""
    word = context.part("word").replace("\u2019", "'")
    if word == "these days":
        return Resolution("DATE", "PRESENT_REF", "these-days")
    if word.startswith("the ") and word[4:] in _NAMED_DECADES:
        return Resolution("DATE", _named_decade(_NAMED_DECADES[word[4:]], context.dct), "decade")
    if word == "midday":
        return Resolution("TIME", f"{context.dct.isoformat()}T12:00", "midday")
    for name, code in _PARTS.items():
        if word.endswith(name):
            day = reference_day(context) if word.startswith("the ") else context.dct
            return Resolution("TIME", f"{day.isoformat()}T{code}", "part-of-day")
    unit = word.split()[-1] if word.startswith("the end") else "year"
    value = period_value(_PERIOD_ENDS[unit], context.dct, 0)
    return Resolution("DATE", value, "period-end", "END") if value else None


def _named_decade(digit: str, dct: date) -> str:
    """ "the nineties", "the '90s": the latest such decade that has begun by the anchor."""
    century = dct.year // 100 - (dct.year % 100 < int(digit) * 10)
    return f"{century}{digit}"


def resolve_decade(context: Context) -> Resolution | None:
    decade, tail = context.part("dec"), context.part("tail")
    value = _named_decade(tail[0], context.dct) if tail else decade[:3]
    return Resolution("DATE", value, "decade", date_mod(context))


def resolve_season(context: Context) -> Resolution | None:
    if not any(context.part(name) for name in ("rel", "y", "spoken", "mod")):
        return None
    season = SEASONS[context.part("season")]
    if context.part("y") or context.part("spoken"):
        named = context.part("y") or str(spoken_year(context.part("spoken")))
        return Resolution("DATE", f"{named}-{season}", "season-year", date_mod(context))
    year = _season_year(season, context.part("rel"), context.dct)
    return Resolution("DATE", f"{year}-{season}", "season-relative", date_mod(context))


# "a venture called Orion 1980", "Windows 2000": a year after a capitalised word mid-sentence
# names a thing, unless that word is itself a date word ("Christmas 1998", "Fiscal 1990")
_NAME_BEFORE = re.compile(r"[a-z,] ([A-Z][a-z]+) $")
_DATE_WORDS = {*MONTHS, *WEEKDAYS, *SEASONS, "christmas", "easter", "fiscal", "year", "since"}


def resolve_year(context: Context) -> Resolution | None:
    name = _NAME_BEFORE.search(context.text, max(0, context.start - 30), context.start)
    if name and name[1].lower() not in _DATE_WORDS and not context.part("mod"):
        return None
    mod = date_mod(context)
    return Resolution("DATE", context.part("y"), "year", mod, anchor=mod not in OUTSIDE)


def resolve_month_year(context: Context) -> Resolution:
    month = month_number(context.part("mon"))
    value = f"{context.part('y')}-{month:02d}"
    return Resolution("DATE", value, "month-year", date_mod(context), anchor=True)


def resolve_month(context: Context) -> Resolution:
    month, relation = month_number(context.part("mon")), context.part("rel")
    dct = context.dct
    if context.part("spoken"):
        year = spoken_year(context.part("spoken"))
    elif context.part("yrel"):
        year = dct.year + SHIFT.get(context.part("yrel"), 0)
    elif relation in ("last", "this past"):
        year = dct.year if month < dct.month else dct.year - 1
    elif relation == "next":
        year = dct.year if month > dct.month else dct.year + 1
    elif relation == "this":
        year = dct.year
    else:
        year = nearest_year(month, 15, dct, context.direction())
    rule = f"month-{relation.replace(' ', '-') or 'nearest'}"
    return Resolution("DATE", f"{year}-{month:02d}", rule, date_mod(context), anchor=True)


def _nth_weekday(year: int, month: int, weekday: int, nth: int, after: int = 0) -> date:
    first = date(year, month, 1 + after)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def easter_sunday(year: int) -> date:
    """Western Easter by the anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    golden, century, rest = year % 19, year // 100, year % 100
    epact = (19 * golden + century - century // 4 - (8 * century + 13) // 25 + 15) % 30
    weekday = (32 + 2 * (century % 4) + 2 * (rest // 4) - epact - rest % 4) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


_EASTER_OFFSETS = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2,
                   "easter week": 0}  # fmt: skip


def _holiday_date(name: str, year: int) -> date:
    if name in _EASTER_OFFSETS:
        return easter_sunday(year) + timedelta(days=_EASTER_OFFSETS[name])
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, 1, after=24)
    if name == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if name == "election day":
        return _nth_weekday(year, 11, 1, 1, after=1)
    month, day = (int(piece) for piece in HOLIDAYS[name].split("-"))
    return date(year, month, day)


def resolve_holiday(context: Context) -> Resolution:
    name, dct = context.part("name"), context.dct
    this_year = _holiday_date(name, dct.year)
    relation = context.part("rel")
    if relation == "last":
        year = dct.year if this_year < dct else dct.year - 1
    elif relation == "next":
        year = dct.year if this_year > dct else dct.year + 1
    else:
        year = nearest_year(this_year.month, this_year.day, dct, context.direction())
    day = _holiday_date(name, year)
    if name == "easter week":  # the week that ends on Easter Sunday
        return Resolution("DATE", week_value(day), "holiday-week", anchor=True)
    return Resolution("DATE", day.isoformat(), "holiday", anchor=True)


_SPOKEN = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip


def spoken_year(words: str) -> int:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    high, _, low = words.replace(" and ", " ").partition(" ")
    if high == "two":
        high, _, low = low.partition(" ")
    base = 1900 if high == "nineteen" else 2000
    return base + sum(_SPOKEN.get(word, 0) for word in low.split("-"))


def resolve_spoken_year(context: Context) -> Resolution:
    value = str(spoken_year(context.part("spoken")))
    return Resolution("DATE", value, "spoken-year", anchor=True)


def resolve_century(context: Context) -> Resolution:
    if context.part("n"):
        return Resolution("DATE", f"{int(context.part('n')) - 1:02d}", "ordinal-century")
    shift = SHIFT.get(context.part("rel"), 0)
    return Resolution("DATE", f"{context.dct.year // 100 + shift:02d}", "relative-century")
