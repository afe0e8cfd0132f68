"""Resolvers for lengths and repetitions of time, and for dates counted from another date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from generator.timex.context import (
    Context,
    Resolution,
    day_value,
    reference_day,
    reference_quarter,
    week_value,
)
from generator.timex.days import named_day
from generator.timex.intervals import add_months
from generator.timex.lexicon import MODS, MONTHS, NUMBERS, PARTS_OF_DAY, UNITS, WEEKDAYS


def count(word: str) -> str | None:
    """ "three" -> "3", "1 1/2" -> "1.5", "several" -> "X"; None for a word that is no count."""
    word = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d+", word):
        return word
    if re.fullmatch(r"\d+ 1/2|\d+\.\d+", word):
        return str(float(word.replace(" 1/2", ".5")))
    if re.fullmatch(r"[a-z]+ty[- ][a-z]+", word):  # "twenty-four", "twenty four"
        tens, ones = re.split(r"[- ]", word, maxsplit=1)
        return str(NUMBERS.get(tens, 0) + NUMBERS.get(ones, 0))
    if word in NUMBERS:
        return str(NUMBERS[word]) if NUMBERS[word] else "0.5"
    if word.endswith(" thousand") and word[:-9] in NUMBERS:
        return str(NUMBERS[word[:-9]] * 1000)
    return "X" if word in ("several", "a few", "few", "many", "some") else None


def unit_of(word: str) -> str:
    singular = word.lower().removesuffix("s")
    return "century" if singular == "centurie" else singular


def duration_value(number: str, unit: str) -> str:
    """ "3", "day" -> "P3D"; "2", "hour" -> "PT2H"; "4", "decade" -> "P40Y"."""
    letter, is_time = UNITS[unit]
    if letter in ("DE", "CE"):
        scale = 10 if letter == "DE" else 100
        if number == "X":  # an open count of centuries keeps TimeML's century unit, C
            return "PXY" if letter == "DE" else "PXC"
        return f"P{int(float(number) * scale)}Y"
    if unit == "year" and number.isdigit() and int(number) % 1000 == 0:
        return f"P{int(number) // 1000}L"  # TimeML counts millennia with L
    if unit == "fortnight" and number != "X":
        return f"P{int(float(number) * 2)}W"
    if number.endswith(".0"):
        number = number[:-2]
    if number.endswith(".5") and unit in _HALVES:  # "half a year" is P6M, not P0Y6M
        return re.sub(r"(?<=[PT])0[YMDH]", "", _HALVES[unit].format(number[:-2]))
    return f"PT{number}{letter}" if is_time else f"P{number}{letter}"


# a unit and a half in the next smaller unit: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M
_HALVES = {
    "year": "P{}Y6M", "month": "P{}M15D", "day": "P{}DT12H", "hour": "PT{}H30M",
    "minute": "PT{}M30S",
}  # fmt: skip


def _mod(context: Context) -> str | None:
    return MODS.get(context.part("mod"))


_RATE = re.compile(r"(?:\d|times|once|twice|per cent|percent|%)\S*\s+\S*\s*$")


def _is_rate_or_fraction(context: Context, unit: str) -> bool:
    """ "$2 a year", "four flights a week" (a rate), "three-quarters of" (a fraction)."""
    if unit == "quarter" and context.text.startswith(" of", context.end):
        return True
    before = context.text[max(0, context.start - 20) : context.start]
    return context.part("num") in ("a", "an") and bool(_RATE.search(before))


# "it will one day be", "he may one day run": some day ahead, not a day's length
_SOME_DAY_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|can|should|shall|must|he|she|they|we|I|you)\s+$"
)


def _is_some_day(context: Context) -> bool:
    if context.text[context.start : context.end].lower() != "one day":
        return False
    return bool(_SOME_DAY_BEFORE.search(context.text, max(0, context.start - 8), context.start))


def resolve_duration(context: Context) -> Resolution | None:
    if _is_some_day(context):
        return Resolution("DATE", "FUTURE_REF", "some-day")
    unit, number = unit_of(context.part("unit")), count(context.part("num"))
    if number is None or (unit in ("second", "quarter") and context.part("num") in ("a", "an")):
        return None
    if context.part("half") and number.isdigit():
        number = f"{number}.5"
    if context.part("num") in ("some", "many") and not context.part("unit").endswith("s"):
        return None
    if context.part("long").endswith("old") or _is_rate_or_fraction(context, unit):
        return None
    return Resolution("DURATION", duration_value(number, unit), "duration", _mod(context))


def resolve_past_duration(context: Context) -> Resolution | None:
    unit = unit_of(context.part("unit"))
    number = count(context.part("num")) if context.part("num") else "X"
    if number is None:
        return None
    bare = not context.text.startswith(("the ", "The "), context.start) and number == "X"
    if bare and context.part("rel") in ("coming", "past"):
        return resolve_vague_duration(context)
    return Resolution("DURATION", duration_value(number, unit), "the-past-n-units", _mod(context))


_VAGUE_UNITS = ("unit", "unit2", "unit3", "unit4", "unit5", "unit6", "unit7")


def resolve_vague_duration(context: Context) -> Resolution:
    relation = context.part("rel")
    if relation in ("coming", "the coming"):
        return Resolution("DATE", "FUTURE_REF", "coming-units")
    if relation == "past":
        return Resolution("DATE", "PAST_REF", "past-units")
    if context.part("while"):  # "for a while": a stretch of no stated unit
        return Resolution("DURATION", "PXX", "vague")
    if context.part("one"):  # "a day-long meeting" lasts one day
        return Resolution("DURATION", duration_value("1", unit_of(context.part("one"))), "long")
    unit = unit_of(next(context.part(n) for n in _VAGUE_UNITS if context.part(n)))
    value = "PXM" if unit == "quarter" else duration_value("X", unit)
    return Resolution("DURATION", value, "recent-units" if relation else "vague")


def resolve_months_span(context: Context) -> Resolution:
    return Resolution("DURATION", f"P{count(context.part('num'))}M", "months-span")


def shift(day: date, unit: str, amount: int) -> str | None:
    """The value `amount` units from `day`, at the granularity of the unit."""
    if unit in ("day", "night"):
        return day_value(day + timedelta(days=amount))
    if unit in ("week", "fortnight"):
        return week_value(day + timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if unit in ("month", "quarter"):
        year, month = add_months(day.year, day.month, amount * (3 if unit == "quarter" else 1))
        return f"{year:04d}-{month:02d}"
    if unit == "year":
        return f"{day.year + amount:04d}"
    if unit == "decade":
        return f"{(day.year + 10 * amount) // 10:03d}"
    return None


def resolve_ago(context: Context) -> Resolution | None:
    unit, number = unit_of(context.part("unit")), count(context.part("num"))
    direction = context.part("dir")
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if number is None or unit in ("second", "minute", "hour"):
        return None
    if number == "X" or "." in number:
        return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "vague-ago")
    quarter = reference_quarter(context)
    if unit == "year" and number == "1" and quarter:
        return Resolution("DATE", f"{quarter[0] - 1}-Q{quarter[1]}", "year-earlier-quarter")
    counted = direction in ("ago", "from now", "hence")
    anchor = context.dct if counted else reference_day(context, unit)
    value = shift(anchor, unit, sign * int(number))
    if value is None:
        return None
    if value.startswith("-"):  # "two thousand years ago" lies before year 1
        return Resolution("DATE", "PAST_REF", "ago-before-year-one")
    rule = "ago" if direction == "ago" else f"anaphoric-{direction.replace(' ', '-')}"
    return Resolution("DATE", value, rule, _mod(context))


_APPOSITION = re.compile(r"(?:\d|day)(?:, \d{4})?,\s*$")


def _day_of_event(context: Context) -> Resolution | None:
    """ "Oct. 12, the day before the crash" is Oct. 12; without a date before it, the event's
    day is unknown."""
    if not context.day or not _APPOSITION.search(context.text, 0, context.start):
        return None
    return Resolution("DATE", context.day, "apposition-day")


def resolve_anaphoric_day(context: Context) -> Resolution | None:
    if context.part("unit5"):
        return _day_of_event(context)
    relation = context.part("rel") or context.part("dir")
    unit = (context.part("unit") or context.part("unit2") or context.part("unit3")
            or context.part("unit4"))  # fmt: skip
    amount = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1,
              "before": -1}.get(relation, 0)  # fmt: skip
    anchor = reference_day(context, unit)
    if context.part("base"):  # "the day before last Tuesday": a day counted from a named day
        anchor = named_day(context, context.part("base"))
    if unit == "weekend" and not relation:
        return _the_weekend(context)
    if unit in PARTS_OF_DAY:
        day = day_value(anchor + timedelta(days=amount))
        return Resolution("TIME", f"{day}T{PARTS_OF_DAY[unit]}", "anaphoric-part-of-day")
    if unit == "weekend":
        return Resolution("DATE", week_value(anchor + timedelta(weeks=amount)) + "-WE", "anaphoric")
    value = shift(anchor, unit, amount)
    mod = {"earlier": "START", "later": "END"}.get(context.part("mod"))
    named = bool(context.part("base"))
    return Resolution("DATE", value, f"anaphoric-{unit}", mod, anchor=named) if value else None


def _the_weekend(context: Context) -> Resolution:
    """ "the weekend": the one just past, or the coming one in a future clause."""
    dct = context.dct
    if context.direction() == "future" and dct.weekday() < 5:
        return Resolution("DATE", week_value(dct) + "-WE", "weekend-coming")
    back = 0 if dct.weekday() >= 5 else 7
    return Resolution("DATE", week_value(dct - timedelta(days=back)) + "-WE", "weekend-past")


_ADVERB_SETS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "quarterly": "P1Q", "hourly": "PT1H", "nightly": "P1D",
}  # fmt: skip


def resolve_set(context: Context) -> Resolution | None:
    if context.part("adv"):
        return Resolution("SET", _ADVERB_SETS[context.part("adv")], "set-adverb")
    if context.part("mon"):  # "every July" recurs each year in that month
        return Resolution("SET", f"XXXX-{MONTHS[context.part('mon').rstrip('.')]:02d}", "set-month")
    if context.part("per"):
        return Resolution("SET", duration_value("1", context.part("per")), "set-per")
    unit = unit_of(context.part("unit"))
    if unit in PARTS_OF_DAY:
        return Resolution("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", "set-part-of-day")
    number = count(context.part("num")) if context.part("num") else "1"
    if number is None or unit not in UNITS:
        return None
    return Resolution("SET", duration_value(number, unit), "set-every")


def resolve_weekday_set(context: Context) -> Resolution:
    number = WEEKDAYS[context.part("wd") or context.part("wd2")] + 1
    part = PARTS_OF_DAY.get(context.part("part") or context.part("shared"))
    return Resolution("SET", f"XXXX-WXX-{number}" + (f"T{part}" if part else ""), "set-weekday")


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "the time being": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
    "lately": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF",
    "once": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "soon": "FUTURE_REF", "future": "FUTURE_REF", "a later date": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
}  # fmt: skip


# "Now, he says, ...": "now" set off at the head of a sentence turns the talk, as a discourse
# marker, and is not tagged; "Now the court has ruled" is
_SENTENCE_HEAD = re.compile(r"(?:^|[.!?:]['\"\u201d]?\s+|\n)['\"`\u201c]*$")


def _is_discourse_now(context: Context) -> bool:
    if not context.text.startswith("Now,", context.start):
        return False
    return bool(_SENTENCE_HEAD.search(context.text, max(0, context.start - 6), context.start))


def resolve_ref(context: Context) -> Resolution | None:
    word = re.sub(r"\s+", " ", context.part("word"))
    if word == "once" or _is_discourse_now(context):
        return None
    return Resolution("DATE", _REFS[word], "reference-" + _REFS[word].split("_")[0].lower())
