"""Takes a timeline page and gives its overview strip: an SVG bar per day, each a link to it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from html import escape

from generator.labels import day_label
from generator.listing import Listing, day_groups

UNIT = 12  # viewBox units per day
HEIGHT = 40
LOWEST = 6  # the shortest bar, so a day with one entry is still easy to see and hit


@dataclass(frozen=True, slots=True)
class Bar:
    """One day of the strip: how many entries it has and where they are."""

    day: date
    count: int
    href: str
    label: str


def overview_bars(listing: Listing, root: str) -> list[Bar]:
    """A bar per day of the page's whole timeline, linking to the page and heading of that day."""
    counts: Counter[str] = Counter(e["date"] for e in listing.family)
    anchors: dict[str, str] = {}
    for group in day_groups(listing.family):
        if group["date"] not in anchors or not group["coarse"]:
            anchors[group["date"]] = group["anchor"]
    bars = []
    for day_text in sorted(counts):
        anchor = anchors[day_text]
        page = listing.locate[anchor]
        href = f"#{anchor}" if page == listing.path else f"{root}{page}#{anchor}"
        day = date.fromisoformat(day_text)
        count = counts[day_text]
        label = f"{day_label(day)}: {count} entr{'y' if count == 1 else 'ies'}"
        bars.append(Bar(day, count, href, label))
    return bars


def overview_svg(bars: list[Bar]) -> str:
    """The strip as inline SVG markup; empty when there are no entries."""
    if not bars:
        return ""
    first, last = bars[0].day, bars[-1].day
    width = ((last - first).days + 1) * UNIT
    tallest = max(bar.count for bar in bars)
    label = f"Entries per day, {day_label(first)} to {day_label(last)}"
    parts = [
        f'<svg class="overview" viewBox="0 0 {width} {HEIGHT}" preserveAspectRatio="none" '
        f'role="group" aria-label="{escape(label)}">',
        *_month_ticks(first, last),
    ]
    for bar in bars:
        x = (bar.day - first).days * UNIT
        height = max(LOWEST, round(HEIGHT * bar.count / tallest))
        parts.append(
            f'<a href="{escape(bar.href)}" aria-label="{escape(bar.label)}" '
            f'data-day="{bar.day.isoformat()}"><title>{escape(bar.label)}</title>'
            f'<rect class="hit" x="{x}" y="0" width="{UNIT}" height="{HEIGHT}"/>'
            f'<rect class="bar" x="{x + 2}" y="{HEIGHT - height}" width="{UNIT - 4}" '
            f'height="{height}"/></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _month_ticks(first: date, last: date) -> list[str]:
    """A faint line at the first day of each month inside the strip."""
    ticks: list[str] = []
    month = date(first.year, first.month, 1)
    while True:
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        if month > last:
            return ticks
        x = (month - first).days * UNIT
        ticks.append(f'<line class="tick" x1="{x}" y1="0" x2="{x}" y2="{HEIGHT}"/>')
