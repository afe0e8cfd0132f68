"""English words of the grammar: month, weekday, number and unit names with their values."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "half a": 0, "half an": 0, "a couple of": 2,
    "couple of": 2, "a dozen": 12, "dozen": 12,
}  # fmt: skip

VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of", "numerous", "the")

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "last": 4, "final": 4,
}  # fmt: skip

# unit word -> (TimeML duration letter, is a time unit written after "PT")
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "weekend": ("WE", False),
}  # fmt: skip

# fmt: off
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
# fmt: on

# fmt: off
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "noon": "MI", "midday": "MI", "daytime": "DT",
}
# fmt: on

# "early June" -> START; TimeML's MOD values for words that qualify a date or a duration.
MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "late": "END", "later": "END", "the end of": "END", "mid": "MID", "the middle of": "MID",
    "about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "pre": "BEFORE", "post": "AFTER",
}  # fmt: skip
# The mods of a time outside the one named ("post-1959"): no interval of it, no anchor
OUTSIDE = frozenset({"BEFORE", "AFTER"})

HOLIDAYS: dict[str, str] = {
    "christmas eve": "12-24", "christmas day": "12-25", "christmas": "12-25",
    "new year's eve": "12-31", "new year's day": "01-01", "independence day": "07-04",
    "halloween": "10-31", "valentine's day": "02-14", "veterans day": "11-11",
}  # fmt: skip
