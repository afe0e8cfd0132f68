"""Takes entry views and gives the timeline pages: in either order, by month or year, by facet."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from generator.facets import KINDS, Facet, facet_members
from generator.labels import MONTHS, day_label

COARSE = frozenset({"century", "decade", "year", "season", "quarter", "month", "week"})
# Up to this many entries the timeline is one page; past it, one page per month, or per year
# when that gives more than AUTO_MONTHS pages and no year holds more than AUTO_YEAR_LIMIT
# entries (a page of a year of a dense archive would be megabytes).
AUTO_LIMIT = 100
AUTO_MONTHS = 36
AUTO_YEAR_LIMIT = 1000

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
    `locate` maps each day anchor of the family to the page holding it (paths from the root);
    `home` is the family's first page, which names it; `period` names the month or year the page
    holds when the family is paged."""

    path: str
    title: str
    events: list[View]
    newest_first: bool
    family: list[View]
    locate: dict[str, str]
    home: str
    toggle: str | None = None
    pager: tuple[PageLink, ...] = ()
    facet: Facet | None = None
    period: str = ""
    groups: list[View] = field(default_factory=list)


def pagination(events: list[View], paginate: str) -> str:
    """'none', 'month' or 'year': the configured choice, or for 'auto' what the size calls for."""
    if paginate != "auto":
        return paginate
    if len(events) <= AUTO_LIMIT:
        return "none"
    few_months = len({e["date"][:7] for e in events}) <= AUTO_MONTHS
    full_year = max(Counter(e["date"][:4] for e in events).values()) > AUTO_YEAR_LIMIT
    return "month" if few_months or full_year else "year"


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
    periods = _periods(events, mode)
    listings: list[Listing] = []
    for newest_first in (False, True):
        family = list(reversed(events)) if newest_first else list(events)
        order = list(reversed(periods)) if newest_first else periods
        paging = _paging(family, order, mode, "newest/" if newest_first else "")
        others = _period_paths(list(reversed(order)), "" if newest_first else "newest/")
        for period in order:
            label = period_label(period) if period else ""
            listing = replace(paging.listing(period, label, family), newest_first=newest_first,
                              toggle=others[period])  # fmt: skip
            listings.append(listing)
    return listings


def facet_listings(
    events: list[View], facets: dict[str, list[Facet]], paginate: str = "auto"
) -> list[Listing]:
    """The timeline of each tag, place and source, oldest first, paged like the main one."""
    members = facet_members(events)
    listings = []
    for kind, _, heading in KINDS:
        for facet in facets[kind]:
            chosen = members[(kind, facet.slug)]
            mode = pagination(chosen, paginate)
            order = _periods(chosen, mode)
            paging = _paging(chosen, order, mode, f"{facet.folder}/{facet.slug}/")
            for period in order:
                label = period_label(period) if period else ""
                title = f"{heading[:-1]}: {facet.name}" + (f", {label}" if label else "")
                listings.append(replace(paging.listing(period, title, chosen), facet=facet))
    return listings


@dataclass(frozen=True, slots=True)
class _Paging:
    """A family of entries split into pages by period: each page's path and entries, the pager,
    and which page holds each day anchor."""

    paths: dict[str, str]
    pages: dict[str, list[View]]
    pager: tuple[PageLink, ...]
    locate: dict[str, str]

    def listing(self, period: str, title: str, family: list[View]) -> Listing:
        """The page of one period, oldest first, its entries grouped by day."""
        events = self.pages[period]
        label = period_label(period) if period else ""
        home = next(iter(self.paths.values()))
        return Listing(self.paths[period], title, events, False, family, self.locate, home,
                       pager=self.pager, period=label, groups=day_groups(events))  # fmt: skip


def _periods(events: list[View], mode: str) -> list[str]:
    """The periods the entries fall in, in their order; one nameless period when not paged."""
    if mode == "none":
        return [""]
    return list(dict.fromkeys(period_of(e, mode) for e in events))


def _paging(family: list[View], order: list[str], mode: str, prefix: str) -> _Paging:
    paths = _period_paths(order, prefix)
    pages: dict[str, list[View]] = {period: [] for period in order}
    for event in family:
        pages[_page_period(event, mode)].append(event)
    pager = tuple(PageLink(period_label(p), paths[p], len(pages[p])) for p in order if p)
    locate = {g["anchor"]: paths[_page_period(g["events"][0], mode)] for g in day_groups(family)}
    return _Paging(paths, pages, pager, locate)


def _page_period(event: View, mode: str) -> str:
    return period_of(event, mode) if mode != "none" else ""


def _period_paths(order: list[str], prefix: str) -> dict[str, str]:
    """The first page in reading order is the family's index; the others live under periods/."""
    return {
        period: f"{prefix}index.html" if number == 0 else f"{prefix}periods/{period}/index.html"
        for number, period in enumerate(order)
    }


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
