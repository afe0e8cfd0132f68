"""Takes a timeline (or facet) and gives its overview strip: an SVG bar per day, week, month or
year, whichever keeps the strip readable, each a link to the first day it holds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from itertools import pairwise
from typing import Any

from generator.labels import day_label, span_label
from generator.listing import day_groups

UNIT = 12  # viewBox units per day
HEIGHT = 40
LOWEST = 6  # the shortest bar, so a day with one entry is still easy to see and hit
INSET = 2  # viewBox units per day between a bar and the edges of its slot
# The strip draws a bar per day while that takes at most this many slots, else per week, month
# or year, the finest that fits: past that a bar is too thin to see, hit or read a label for.
MOST_SLOTS = 180
UNITS = ("day", "week", "month", "year")
# When a unit does not fit to scale, more empty slots than this between two bars (background
# from decades before the news, say) may be drawn as a break BREAK_SLOTS wide, as long as there
# is at most one break to four slots with entries: more, and the entries are spread out, not
# news with a little background, and a coarser unit draws them to scale.
GAP_SLOTS = MOST_SLOTS // 4
BREAK_SLOTS = 2
SLOT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
# The faint lines across the strip mark the next larger unit: months under days and weeks.
TICKS = {"day": "month", "week": "month", "month": "year", "year": "decade"}


@dataclass(frozen=True, slots=True)
class Bar:
    """A slot of the strip: the days from `start` to `end`, its days with entries and how many
    entries they have, and the page holding them with the heading of the first. A page of a
    paginated timeline starts on the first of a month; a week (or year) with entries on both
    sides of that day is drawn as two bars, one per page, so a bar's days are always on its page."""

    start: date
    end: date
    days: tuple[date, ...]
    count: int
    page: str
    anchor: str

    @property
    def label(self) -> str:
        """'Monday 2 June 2025: 3 entries', '2–8 June 2025: 14 entries', 'June 2025: 1 entry'."""
        entries = f"{self.count} entr{'y' if self.count == 1 else 'ies'}"
        return f"{span_label(self.start, self.end)}: {entries}"


@dataclass(frozen=True, slots=True)
class Strip:
    """The overview of a whole timeline or facet, the same on each of its pages: the unit of its
    bars, whether long empty stretches are drawn as breaks, the bars oldest first, and the
    heading of the newest day (on the last bar's page)."""

    unit: str
    breaks: bool
    bars: tuple[Bar, ...]
    latest: str


def overview_strip(family: list[dict[str, Any]], locate: dict[str, str]) -> Strip:
    """The strip of a timeline: `family` is all its entries, `locate` the page of each heading."""
    texts = Counter(e["date"] for e in family)
    counts = Counter({date.fromisoformat(text): count for text, count in texts.items()})
    if not counts:
        return Strip("day", False, (), "")
    anchors = _day_anchors(family)
    unit, breaks = strip_scale(counts)
    bars = tuple(_bars(counts, anchors, locate, unit))
    return Strip(unit, breaks, bars, anchors[max(counts)])


def strip_scale(days: Iterable[date]) -> tuple[str, bool]:
    """The unit of the strip's bars and whether it draws breaks: the finest unit that draws the
    days to scale in at most MOST_SLOTS slots, or else with readable breaks; a year to a bar when
    none does, with breaks when they are readable."""
    days = list(days)
    for unit in UNITS:
        slots = sorted({_ordinal(day, unit) for day in days})
        if slots[-1] - slots[0] < MOST_SLOTS:
            return unit, False
        gaps = [later - earlier - 1 for earlier, later in pairwise(slots)]
        breaks = sum(1 for gap in gaps if gap > GAP_SLOTS)
        width = len(slots) + sum(BREAK_SLOTS if gap > GAP_SLOTS else gap for gap in gaps)
        readable = 4 * breaks <= len(slots)
        if readable and (width <= MOST_SLOTS or unit == UNITS[-1]):
            return unit, breaks > 0
    return UNITS[-1], False


def overview_context(strip: Strip, path: str, root: str) -> dict[str, str]:
    """What index.html shows of the strip on the page at `path`: the SVG, its unit, the first and
    last day with entries, and the link to the newest day."""
    if not strip.bars:
        return {"overview": "", "overview_unit": "day", "first_day": "", "last_day": "",
                "latest": ""}  # fmt: skip
    return {
        "overview": overview_svg(strip, path, root),
        "overview_unit": strip.unit,
        "first_day": day_label(strip.bars[0].days[0]),
        "last_day": day_label(strip.bars[-1].days[-1]),
        "latest": _href(strip.bars[-1].page, strip.latest, path, root),
    }


def overview_svg(strip: Strip, path: str, root: str) -> str:
    """The strip as inline SVG markup for the page at `path`; empty when there are no entries."""
    if not strip.bars:
        return ""
    segments = _segments(strip.bars, strip.unit, strip.breaks)
    width = _segment_end(*segments[-1]) * UNIT
    tallest = max(bar.count for bar in strip.bars)
    first, last = strip.bars[0].days[0], strip.bars[-1].days[-1]
    label = f"Entries per {strip.unit}, {day_label(first)} to {day_label(last)}"
    parts = [
        f'<svg class="overview" viewBox="0 0 {width} {HEIGHT}" preserveAspectRatio="none" '
        f'role="group" aria-label="{escape(label)}">'
    ]
    for x, run in segments:
        parts.extend(_ticks(x, run[0].start, run[-1].end, TICKS[strip.unit]))
    for x, run in segments[:-1]:
        middle = (2 * _segment_end(x, run) + BREAK_SLOTS * SLOT_DAYS[strip.unit]) * UNIT // 2
        parts.append(f'<line class="gap" x1="{middle}" y1="0" x2="{middle}" y2="{HEIGHT}"/>')
    for x, run in segments:
        for bar in run:
            href = _href(bar.page, bar.anchor, path, root)
            parts.append(_bar_markup(bar, x + (bar.start - run[0].start).days, tallest, href))
    parts.append("</svg>")
    return "".join(parts)


# A run of bars drawn to scale: where it starts, in days from the strip's left edge, and its bars.
Segment = tuple[int, list[Bar]]


def _segments(bars: tuple[Bar, ...], unit: str, breaks: bool) -> list[Segment]:
    """The bars in runs: with breaks, a run ends where the next bar is more than GAP_SLOTS empty
    slots away, and the next begins after a break BREAK_SLOTS wide."""
    segments: list[Segment] = [(0, [bars[0]])]
    for bar in bars[1:]:
        x, run = segments[-1]
        if breaks and _ordinal(bar.start, unit) - _ordinal(run[-1].end, unit) - 1 > GAP_SLOTS:
            segments.append((_segment_end(x, run) + BREAK_SLOTS * SLOT_DAYS[unit], [bar]))
        else:
            run.append(bar)
    return segments


def _segment_end(x: int, run: list[Bar]) -> int:
    return x + (run[-1].end - run[0].start).days + 1


def _bar_markup(bar: Bar, left: int, tallest: int, href: str) -> str:
    """A bar as a link, `left` days from the strip's edge. data-day is its first day with entries
    and data-later its other days with entries, in days after that one, so timeline.js can find
    any day's page."""
    x = left * UNIT
    days = (bar.end - bar.start).days + 1
    height = max(LOWEST, round(HEIGHT * bar.count / tallest))
    later = " ".join(str((day - bar.days[0]).days) for day in bar.days[1:])
    label = escape(bar.label)
    later_days = f' data-later="{later}"' if later else ""
    return (
        f'<a href="{escape(href)}" aria-label="{label}" data-day="{bar.days[0].isoformat()}"'
        f"{later_days}><title>{label}</title>"
        f'<rect class="hit" x="{x}" y="0" width="{days * UNIT}" height="{HEIGHT}"/>'
        f'<rect class="bar" x="{x + days * INSET}" y="{HEIGHT - height}" '
        f'width="{days * (UNIT - 2 * INSET)}" height="{height}"/></a>'
    )


def _href(page: str, anchor: str, path: str, root: str) -> str:
    return f"#{anchor}" if page == path else f"{root}{page}#{anchor}"


def _day_anchors(family: list[dict[str, Any]]) -> dict[date, str]:
    """The heading each day with entries links to: its own, else that of a coarse entry on it."""
    anchors: dict[date, str] = {}
    for group in day_groups(family):
        day = date.fromisoformat(group["date"])
        if day not in anchors or not group["coarse"]:
            anchors[day] = group["anchor"]
    return anchors


def _bars(
    counts: Counter[date], anchors: dict[date, str], locate: dict[str, str], unit: str
) -> list[Bar]:
    """A bar per slot with entries, or per page where a page starts inside the slot."""
    parts: dict[tuple[date, str], list[date]] = {}
    for day in sorted(counts):
        parts.setdefault((_period(day, unit)[0], locate[anchors[day]]), []).append(day)
    keys = list(parts)
    bars = []
    for index, (slot, page) in enumerate(keys):
        days = parts[(slot, page)]
        split_before = index > 0 and keys[index - 1][0] == slot
        split_after = index + 1 < len(keys) and keys[index + 1][0] == slot
        start = days[0].replace(day=1) if split_before else slot
        following = parts[keys[index + 1]][0].replace(day=1) if split_after else None
        end = following - timedelta(days=1) if following else _period(slot, unit)[1]
        count = sum(counts[day] for day in days)
        bars.append(Bar(start, end, tuple(days), count, page, anchors[days[0]]))
    return bars


def _period(day: date, unit: str) -> tuple[date, date]:
    """The first and last day of the day, ISO week, month, year or decade holding `day`."""
    if unit == "day":
        return day, day
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return day.replace(day=1), following - timedelta(days=1)
    years = 10 if unit == "decade" else 1
    first = day.year - day.year % years
    return date(first, 1, 1), date(first + years - 1, 12, 31)


def _ordinal(day: date, unit: str) -> int:
    """The number of the slot holding `day`, counted in `unit`s."""
    if unit == "month":
        return day.year * 12 + day.month - 1
    if unit == "year":
        return day.year
    return _period(day, unit)[0].toordinal() // (7 if unit == "week" else 1)


def _ticks(x: int, first: date, last: date, unit: str) -> list[str]:
    """A faint line at the start of each month (or year, or decade) after `first` up to `last`,
    in a run that starts `x` days from the strip's edge."""
    ticks: list[str] = []
    boundary = _period(first, unit)[1] + timedelta(days=1)
    while boundary <= last:
        left = (x + (boundary - first).days) * UNIT
        ticks.append(f'<line class="tick" x1="{left}" y1="0" x2="{left}" y2="{HEIGHT}"/>')
        boundary = _period(boundary, unit)[1] + timedelta(days=1)
    return ticks
