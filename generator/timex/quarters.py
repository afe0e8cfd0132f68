"""Resolvers for the periods of company reports: quarters, halves, fiscal and reported years."""

from __future__ import annotations

from datetime import date

from generator.timex.context import Context, Resolution, quarter_of, reference_quarter
from generator.timex.periods import SHIFT


def reported_quarter(known: str | None, named: str, dct: date) -> str | None:
    """The quarter a report's comparisons ("a year ago", "the year-earlier period") refer to:
    the latest quarter named that had ended by publication; an outlook for the running quarter
    or a look back at an older one does not change it."""
    year, number = quarter_of(dct)
    ended = [q for q in (known, named) if q and q[:7] < f"{year:04d}-Q{number}"]
    return max(ended, default=known)


def resolve_quarter(context: Context) -> Resolution | None:
    ordinal = context.part("ord") or context.part("ord2")
    number = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(ordinal, 4)
    year = _quarter_year(context, number)
    if context.part("unit") == "half":
        return Resolution("DATE", f"{year}-H{min(number, 2)}", "half-year", anchor=True)
    if context.part("unit") == "period":
        return None
    return Resolution("DATE", f"{year}-Q{number}", "quarter", anchor=True)


def _quarter_year(context: Context, number: int) -> int:
    """An explicit year, else the year of the latest such quarter that has begun by the anchor
    (results are reported afterwards); in a future clause, of the nearest such quarter."""
    explicit = context.part("y") or context.part("y2")
    if explicit:
        return int(explicit)
    relation = context.part("yrel")
    if relation:
        return context.dct.year + SHIFT.get(relation, 0)
    year, current = quarter_of(context.dct)
    if context.direction() == "future":
        return min((year - 1, year, year + 1),
                   key=lambda y: (abs(y * 4 + number - year * 4 - current), y > year))  # fmt: skip
    return year if number <= current else year - 1


def resolve_half_year(context: Context) -> Resolution:
    """ "the first two quarters of 1990", "the last half of 1989": a half of a named year."""
    half = 1 if context.part("which") == "first" else 2
    return Resolution("DATE", f"{context.part('y')}-H{half}", "half-of-year", anchor=True)


def resolve_year_quarter(context: Context) -> Resolution | None:
    """Quarters named with their year: "the 1988 third quarter", "this year's quarter"."""
    shift = SHIFT.get(context.part("yrel"), 0)
    year = int(context.part("y")) if context.part("y") else context.dct.year + shift
    ordinal = context.part("ord")
    if context.part("unit") == "half":
        number = 2 if ordinal in ("second", "2nd") else 1
        return Resolution("DATE", f"{year}-H{number}", "year-half", anchor=True)
    if ordinal:
        number = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(ordinal, 4)
    else:
        number = (reference_quarter(context) or _last_quarter(context.dct))[1]
    return Resolution("DATE", f"{year}-Q{number}", "year-quarter", anchor=bool(ordinal))


def resolve_ref_quarter(context: Context) -> Resolution | None:
    relation = context.part("rel")
    if context.part("unit") == "period" and not relation:
        return None
    year, quarter = reference_quarter(context) or _last_quarter(context.dct)
    if relation in ("latest", "most recent", "latest fiscal"):
        year, quarter = min((year, quarter), _last_quarter(context.dct))
    if relation in ("year-earlier", "year-ago", "year-before") or context.part("ago"):
        year -= 1
    return Resolution("DATE", f"{year}-Q{quarter}", "reference-quarter")


def _last_quarter(dct: date) -> tuple[int, int]:
    year, quarter = quarter_of(dct)
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def resolve_year_earlier(context: Context) -> Resolution | None:
    quarter = reference_quarter(context)
    if quarter:
        return Resolution("DATE", f"{quarter[0] - 1}-Q{quarter[1]}", "year-earlier-quarter")
    reference = context.reference or ""
    if "ago" in context.part("word") or not reference[:4].isdigit():
        return Resolution("DATE", str(context.dct.year - 1), "year-ago")
    if context.part("word").startswith("a "):
        earlier = f"{int(reference[:4]) - 1:04d}{reference[4:10]}"
        return Resolution("DATE", earlier.replace("-02-29", "-02-28"), "year-earlier")
    return Resolution("DATE", str(int(reference[:4]) - 1), "year-earlier")


def resolve_fiscal_year(context: Context) -> Resolution:
    return Resolution("DATE", context.part("y"), "fiscal-year", anchor=True)


def resolve_reported_year(context: Context) -> Resolution:
    """ "for the year ended Sept. 30" is a year's length; "for the full year" the current year."""
    if context.part("ended"):
        return Resolution("DURATION", "P1Y", "year-ended")
    return Resolution("DATE", str(context.dct.year), "reported-year")
