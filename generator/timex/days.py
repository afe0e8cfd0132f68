"""Resolvers for phrases that name a day: dates, weekdays, yesterday/today/tomorrow, times."""

from __future__ import annotations

import re
from datetime import date, timedelta

from generator.timex.context import Context, Resolution, day_value, reference_day, week_value
from generator.timex.lexicon import MODS, MONTHS, PARTS_OF_DAY, WEEKDAYS
from generator.timex.tense import Direction


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


NEAR_DAYS = 90


def nearest_year(month: int, day: int, dct: date, direction: Direction) -> int:
    """The year that puts month/day nearest the anchor, looking the clause's way in time.

    News mostly reports the past, so a clause without tense counts as past; but a date only
    moves to last year when it lies over ~3 months after the anchor: "on June 10" in a
    past-tense June 6 article is this June, "on September 18" is last September.
    """
    day = min(day, 28) if month == 2 and day == 29 else day
    this_year = date(dct.year, month, day)
    if direction == "future" and (dct - this_year).days > 7:
        return dct.year + 1
    if direction != "future" and (this_year - dct).days > NEAR_DAYS:
        return dct.year - 1
    return dct.year


def date_mod(context: Context) -> str | None:
    mod = context.part("mod").rstrip("-").strip()
    return MODS.get(mod) if mod else None


def _full_date(context: Context, year: int, month: int, day: int, rule: str) -> Resolution | None:
    try:
        value = day_value(date(year, month, day))
    except ValueError:
        return None
    return Resolution("DATE", value, rule, date_mod(context), anchor=True)


def resolve_iso(context: Context) -> Resolution | None:
    return _full_date(context, int(context.part("y")), int(context.part("m")),
                      int(context.part("d")), "iso-date")  # fmt: skip


def resolve_numeric(context: Context) -> Resolution | None:
    year = int(context.part("y"))
    if year < 100:
        year += 1900 if year >= 50 else 2000
    return _full_date(context, year, int(context.part("m")), int(context.part("d")), "numeric-date")


_NON_DIGIT = re.compile(r"\D")


def _day_number(text: str) -> int:
    return int(_NON_DIGIT.sub("", text))


def resolve_month_day(context: Context) -> Resolution | None:
    month, day = month_number(context.part("mon")), _day_number(context.part("d"))
    if context.part("y"):
        return _full_date(context, int(context.part("y")), month, day, "month-day-year")
    if not 1 <= day <= 31:
        return None
    direction = context.direction()
    try:
        year = nearest_year(month, day, context.dct, direction)
    except ValueError:
        return None
    return _full_date(context, year, month, day, f"month-day-nearest-{direction or 'any'}")


def weekday_date(dct: date, weekday: int, direction: Direction, relation: str) -> tuple[date, str]:
    """The day a weekday names: past week by default, the coming one in a future clause."""
    if relation == "next":
        return dct + timedelta(days=(weekday - dct.weekday() - 1) % 7 + 1), "weekday-next"
    if relation in ("last", "this past"):
        return dct - timedelta(days=(dct.weekday() - weekday - 1) % 7 + 1), "weekday-last"
    if direction == "future" or relation == "this coming":
        return dct + timedelta(days=(weekday - dct.weekday()) % 7), "weekday-future"
    return dct - timedelta(days=(dct.weekday() - weekday) % 7), "weekday-past"


def resolve_part_day(context: Context) -> Resolution:
    """ "late afternoon Friday", "mid-morning yesterday": a part of a named day."""
    day = named_day(context, context.part("day"))
    mod = MODS.get(context.part("mod").rstrip("-"))
    return _with_part(day, context.part("part"), "part-of-named-day", mod)


def _with_part(day: date, part: str, rule: str, mod: str | None = None) -> Resolution:
    if not part:
        return Resolution("DATE", day_value(day), rule, mod, anchor=True)
    return Resolution("TIME", f"{day_value(day)}T{PARTS_OF_DAY[part]}", rule, mod, anchor=True)


def resolve_weekday(context: Context) -> Resolution:
    relation = context.part("rel")
    weekday = WEEKDAYS[context.part("wd")]
    if relation in ("the previous", "the preceding"):  # the one before the last date named
        day = reference_day(context) - timedelta(days=1)
        day -= timedelta(days=(day.weekday() - weekday) % 7)
        return Resolution("DATE", day_value(day), "weekday-previous", anchor=True)
    possessive = context.text.startswith(("'s", "\u2019s"), context.end)
    direction = "past" if possessive else context.direction()
    day, rule = weekday_date(context.dct, weekday, direction, relation)
    part = context.part("part")
    if relation == "early" and not part:  # TimeBank: "early Tuesday" is the day, mod START
        return Resolution("DATE", day_value(day), "weekday-early", "START", anchor=True)
    if relation == "late" and not part:
        return Resolution("DATE", day_value(day), rule, "END", anchor=True)
    return _with_part(day, part, rule)


_DEICTIC_OFFSETS: dict[str, tuple[int, str]] = {
    "the day before yesterday": (-2, ""), "the day after tomorrow": (2, ""),
    "yesterday": (-1, ""), "today": (0, ""), "tomorrow": (1, ""), "tonight": (0, "night"),
    "overnight": (-1, "night"), "this morning": (0, "morning"), "last night": (-1, "night"),
    "this afternoon": (0, "afternoon"), "this evening": (0, "evening"),
}  # fmt: skip


# "the people of tomorrow", "the heroes of yesterday": a generic time, no date; "the end of
# today" and "the victims of yesterday's shooting" are one
_GENERIC_OF = re.compile(
    r"\bthe (?!end|start|beginning|middle|rest|close|course|morning|afternoon|evening|night)"
    r"\w+ of $",
    re.IGNORECASE,
)


def _is_generic(context: Context) -> bool:
    word, after = context.part("word").lower(), context.text[context.end : context.end + 2]
    if word not in ("today", "tomorrow", "yesterday") or context.part("part"):
        return False  # "the victims of yesterday afternoon" name a day
    return after not in ("'s", "\u2019s") and bool(
        _GENERIC_OF.search(context.text, max(0, context.start - 40), context.start)
    )


def resolve_deictic(context: Context) -> Resolution | None:
    if _is_generic(context):
        return None
    offset, part = _DEICTIC_OFFSETS[re.sub(r"\s+", " ", context.part("word"))]
    day = context.dct + timedelta(days=offset)
    mod = MODS.get(context.part("mod"))
    rule = "overnight" if context.part("word") == "overnight" else context.part("word")
    if context.part("part"):
        part = context.part("part")
    return _with_part(day, part, rule.replace(" ", "-"), mod)


def resolve_day_count(context: Context) -> Resolution:
    return Resolution("DATE", day_value(context.dct), "day-count-today", anchor=True)


_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))? ?([ap])?", re.IGNORECASE)


def clock_value(text: str) -> str | None:
    """ "5 p.m." -> "17:00"; "noon" -> "12:00"."""
    lowered = text.lower()
    if lowered == "noon":
        return "12:00"
    if lowered == "midnight":
        return "24:00"
    match = _TIME.match(lowered)
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    if match[3] == "p" and hour < 12:
        hour += 12
    if match[3] == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def named_day(context: Context, phrase: str) -> date:
    """The day "yesterday", "(last) Tuesday" or "June 3" names in the phrase's clause."""
    lowered = phrase.lower()
    if lowered in _DEICTIC_OFFSETS:
        return context.dct + timedelta(days=_DEICTIC_OFFSETS[lowered][0])
    relation, _, name = lowered.rpartition(" ")
    if name in WEEKDAYS:
        return weekday_date(context.dct, WEEKDAYS[name], context.direction(), relation)[0]
    match = _MONTH_DAY.search(phrase)  # "June 3", "Tuesday, June 28th", "June 3, 2024"
    if not match:
        raise ValueError(phrase)
    month, day = month_number(match["mon"]), _day_number(match["d"])
    if match["y"]:
        return date(int(match["y"]), month, day)
    return date(nearest_year(month, day, context.dct, context.direction()), month, day)


_MONTH_DAY = re.compile(r"(?P<mon>[a-z]+\.?) (?P<d>\d{1,2})\w*(?:,? (?P<y>\d{4}))?$", re.IGNORECASE)


def resolve_part_of_date(context: Context) -> Resolution | None:
    """ "the morning of July 14": the part of day on the day named after "of"."""
    try:
        day = named_day(context, context.parts["day"])
    except (ValueError, KeyError):
        return None
    return _with_part(day, context.part("part"), "part-of-date")


def resolve_time(context: Context) -> Resolution | None:
    clock = clock_value(context.parts.get("time", ""))
    if clock is None:
        return None
    phrase = context.parts.get("day", "")
    try:
        day = named_day(context, phrase) if phrase else reference_day(context)
    except (ValueError, KeyError):
        return None
    if clock == "24:00":
        clock, day = "00:00", day + timedelta(days=1)
    rule = "time-on-day" if phrase else "time-reference-day"
    return Resolution("TIME", f"{day_value(day)}T{clock}", rule, anchor=bool(phrase))


def resolve_week_of(context: Context) -> Resolution | None:
    """The ISO week that holds the day of "the week of March 6"."""
    day = resolve_month_day(context)
    if day is None:
        return None
    week = week_value(date.fromisoformat(day.value))
    return Resolution("DATE", week, "week-of", anchor=True)


def resolve_clock_part(context: Context) -> Resolution:
    """A clock hour with a part of the day on the last day mentioned: "4 in the morning" is
    04:00, "8 in the evening" 20:00."""
    hour = int(context.part("hour")) % 12 + (0 if context.part("part") == "morning" else 12)
    value = f"{day_value(reference_day(context))}T{hour:02d}:00"
    return Resolution("TIME", value, "clock-part-of-day")
