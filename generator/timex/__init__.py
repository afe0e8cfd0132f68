"""The news temporal tagger: a plain-text article and its publication date in, timexes out."""

from __future__ import annotations

import datetime as _dt
import re
from zoneinfo import ZoneInfo

from generator.model import Span, Timex
from generator.timex import days, multilingual, periods, quarters, spans
from generator.timex.context import Context, Resolution, Resolver
from generator.timex.grammar import Hit, find_phrases
from generator.timex.intervals import interval
from generator.timex.lexicon import OUTSIDE

__all__ = ["interval", "tag"]

RESOLVERS: dict[str, Resolver] = {
    "iso-date": days.resolve_iso,
    "numeric-date": days.resolve_numeric,
    "time": days.resolve_time,
    "clock-part": days.resolve_clock_part,
    "part-day": days.resolve_part_day,
    "part-of-date": days.resolve_part_of_date,
    "half-year": quarters.resolve_half_year,
    "week-of": days.resolve_week_of,
    "weekday-date": days.resolve_month_day,
    "weekday-day-month": days.resolve_month_day,
    "month-day": days.resolve_month_day,
    "day-month": days.resolve_month_day,
    "day-range": days.resolve_month_day,
    "month-year": periods.resolve_month_year,
    "weekday": days.resolve_weekday,
    "weekday-plural": spans.resolve_weekday_set,
    "deictic": days.resolve_deictic,
    "this-week-earlier": periods.resolve_this_week,
    "ago": spans.resolve_ago,
    "past-duration": spans.resolve_past_duration,
    "day-count": days.resolve_day_count,
    "anaphoric-day": spans.resolve_anaphoric_day,
    "relative-period": periods.resolve_relative_period,
    "quarter": quarters.resolve_quarter,
    "months-span": spans.resolve_months_span,
    "ref-quarter": quarters.resolve_ref_quarter,
    "year-earlier": quarters.resolve_year_earlier,
    "fiscal-year": quarters.resolve_fiscal_year,
    "decade": periods.resolve_decade,
    "season": periods.resolve_season,
    "year": periods.resolve_year,
    "month": periods.resolve_month,
    "set": spans.resolve_set,
    "holiday": periods.resolve_holiday,
    "duration": spans.resolve_duration,
    "vague-duration": spans.resolve_vague_duration,
    "refs": spans.resolve_ref,
    "year-quarter": quarters.resolve_year_quarter,
    "period-end": periods.resolve_period_end,
    "spoken-year": periods.resolve_spoken_year,
    "century": periods.resolve_century,
    "reported-year": quarters.resolve_reported_year,
}


_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _to_timex(text: str, hit: Hit, resolution: Resolution, timezone: str) -> Timex:
    # "post-1959" lies outside the year it names: no calendar interval to date an event by
    dated = resolution.type in ("DATE", "TIME") and resolution.mod not in OUTSIDE
    bounds = interval(resolution.value, timezone) if dated else None
    start, end, precision = bounds if bounds else (None, None, None)
    if resolution.days and bounds:
        zone = ZoneInfo(timezone)
        first, last = resolution.days
        start = _dt.datetime.combine(first, _dt.time(0), zone)
        end = _dt.datetime.combine(last, _dt.time(0), zone)
    return Timex(
        span=Span(hit.start, hit.end),
        text=text[hit.start : hit.end],
        type=resolution.type,
        value=resolution.value,
        rule=resolution.rule,
        mod=resolution.mod,
        precision=precision,
        start=start,
        end=end,
    )


def tag(text: str, dct: _dt.date, timezone: str = "UTC", language: str = "en") -> tuple[Timex, ...]:
    """Every temporal expression in `text`, in order, resolved against the publication date `dct`.

    English gets the full grammar; uk, ru, de, fr and es get dates, weekdays and
    yesterday/today/tomorrow; any other language is read with the English grammar.

    >>> [t.value for t in tag("The talks will resume on Monday.", _dt.date(2025, 6, 6))]
    ['2025-06-09']
    """
    code = language.split("-")[0].lower()
    if multilingual.supports(code):
        pairs = multilingual.find_resolved(text, dct, code)
        return tuple(_to_timex(text, hit, resolution, timezone) for hit, resolution in pairs)
    found: list[Timex] = []
    reference: str | None = None
    quarter: str | None = None
    day: str | None = None
    for hit in find_phrases(text):
        context = Context(text, dct, hit.start, hit.end, hit.parts, reference, quarter, day)
        resolution = RESOLVERS[hit.rule](context)
        if resolution is None:
            continue
        if resolution.anchor:
            reference = resolution.value
        if resolution.anchor and _FULL_DAY.match(resolution.value):
            day = resolution.value[:10]
        if resolution.anchor and "-Q" in resolution.value:
            quarter = quarters.reported_quarter(quarter, resolution.value, dct)
        found.append(_to_timex(text, hit, resolution, timezone))
    return tuple(found)
