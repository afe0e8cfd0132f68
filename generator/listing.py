"""Takes entry views and gives the timeline pages: in either order, by month or year, by facet."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from generator.facets import KINDS, Facet, has_facet
from generator.labels import MONTHS, day_label

COARSE = frozenset({"century", "decade", "year", "season", "quarter", "month", "week"})
# Up to this many entries the timeline is one page; past it, one page per month (or year).
AUTO_LIMIT = 100
AUTO_MONTHS = 36

View = dict[str, Any]


@dataclass(frozen=True, slots=True)
class PageLink:
    """A page of a paginated timeline, as the pager shows it."""

    label: str
    path: str
    count: int


@dataclass(frozen=True, slots=True)
class Listing:
    """One timeline page. `family` is the whole timeline (or facet) it is a page of, in its order;
    `locate` maps each day anchor of the family to the page holding it (paths from the root)."""

    path: str
    title: str
    events: list[View]
    newest_first: bool
    family: list[View]
    locate: dict[str, str]
    toggle: str | None = None
    pager: tuple[PageLink, ...] = ()
    facet: Facet | None = None
    groups: list[View] = field(default_factory=list)


def pagination(events: list[View], paginate: str) -> str:
    """'none', 'month' or 'year': the configured choice, or for 'auto' what the size calls for."""
    if paginate != "auto":
        return paginate
    if len(events) <= AUTO_LIMIT:
        return "none"
    return "month" if len({e["date"][:7] for e in events}) <= AUTO_MONTHS else "year"


def period_of(event: View, mode: str) -> str:
    day: str = event["date"]
    return day[:7] if mode == "month" else day[:4]


def period_label(period: str) -> str:
    """'June 2025' for '2025-06', '2025' for '2025'."""
    if len(period) == 4:
        return period
    return f"{MONTHS[int(period[5:7]) - 1]} {period[:4]}"


def timeline_listings(events: list[View], paginate: str) -> list[Listing]:
    """The main timeline oldest first (index.html) and newest first (newest/), paged or not."""
    mode = pagination(events, paginate)
    periods = list(dict.fromkeys(period_of(e, mode) for e in events)) if mode != "none" else [""]
    listings: list[Listing] = []
    for newest_first in (False, True):
        family = list(reversed(events)) if newest_first else list(events)
        order = list(reversed(periods)) if newest_first else periods
        paths = _period_paths(order, newest_first)
        others = _period_paths(list(reversed(order)), not newest_first)
        pages = {p: [e for e in family if not p or period_of(e, mode) == p] for p in order}
        pager = tuple(PageLink(period_label(p), paths[p], len(pages[p])) for p in order if p)
        locate = {g["anchor"]: paths[period_of(g["events"][0], mode) if mode != "none" else ""]
                  for g in day_groups(family)}  # fmt: skip
        for period in order:
            title = period_label(period) if period else ""
            listing = Listing(paths[period], title, pages[period], newest_first, family, locate,
                              others[period], pager)  # fmt: skip
            listings.append(_grouped(listing))
    return listings


def _period_paths(order: list[str], newest_first: bool) -> dict[str, str]:
    """The first page in reading order is the index; the others live under periods/."""
    prefix = "newest/" if newest_first else ""
    return {
        period: f"{prefix}index.html" if number == 0 else f"{prefix}periods/{period}/index.html"
        for number, period in enumerate(order)
    }


def facet_listings(events: list[View], facets: dict[str, list[Facet]]) -> list[Listing]:
    """One timeline page per tag, place and source, oldest first."""
    listings = []
    for kind, _, heading in KINDS:
        for facet in facets[kind]:
            chosen = [e for e in events if has_facet(e, facet)]
            locate = {g["anchor"]: facet.url for g in day_groups(chosen)}
            title = f"{heading[:-1]}: {facet.name}"
            listing = Listing(facet.url, title, chosen, False, chosen, locate, facet=facet)
            listings.append(_grouped(listing))
    return listings


def _grouped(listing: Listing) -> Listing:
    return replace(listing, groups=day_groups(listing.events))


def day_groups(events: list[View]) -> list[View]:
    """Entries under one heading each: a day, or the week/month/year of coarse entries."""
    groups: dict[str, View] = {}
    for event in events:
        coarse = event["precision"] in COARSE
        anchor = event["value"] if coarse else event["date"]
        if anchor not in groups:
            heading = event["label"] if coarse else day_label(_start_day(event))
            groups[anchor] = {"anchor": anchor, "heading": heading, "date": event["date"],
                              "coarse": coarse, "events": []}  # fmt: skip
        groups[anchor]["events"].append(event)
    return list(groups.values())


def _start_day(event: View) -> date:
    return datetime.fromisoformat(event["start"]).date()
