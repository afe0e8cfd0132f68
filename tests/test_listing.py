"""Timeline pages, facets and the overview strip, from entry views made by hand."""

from __future__ import annotations

import re
from typing import Any

import pytest

from generator.facets import collect_facets, facet_slug
from generator.listing import day_groups, facet_listings, pagination, timeline_listings
from generator.overview import overview_context, overview_strip


def view(day: str, precision: str = "day", **extra: Any) -> dict[str, Any]:
    value = {"week": "2025-W23", "month": day[:7]}.get(precision, day)
    base = {"id": f"e-{day}-{precision}", "date": day, "value": value, "precision": precision,
            "start": f"{day}T00:00:00+03:00", "label": f"label {day}", "tags": [], "places": [],
            "outlets": ["Wire"]}  # fmt: skip
    return base | extra


@pytest.mark.parametrize(("count", "months", "setting", "expected"), [
    (5, 1, "auto", "none"),
    (100, 2, "auto", "none"),
    (101, 2, "auto", "month"),
    (101, 40, "auto", "year"),
    (1200, 40, "auto", "year"),
    (4000, 40, "auto", "month"),
    (5, 1, "month", "month"),
    (500, 3, "none", "none"),
])  # fmt: skip
def test_pagination_follows_the_setting_and_the_size(
    count: int, months: int, setting: str, expected: str
) -> None:
    events = [
        view(f"{2020 + (i % months) // 12}-{(i % months) % 12 + 1:02d}-01") for i in range(count)
    ]
    assert pagination(events, setting) == expected


def test_one_page_each_way_when_not_paginated() -> None:
    events = [view("2025-06-02"), view("2025-06-05")]
    listings = timeline_listings(events, "none")
    assert [(item.path, item.toggle) for item in listings] == [
        ("index.html", "newest/index.html"), ("newest/index.html", "index.html")]  # fmt: skip
    assert [g["anchor"] for g in listings[1].groups] == ["2025-06-05", "2025-06-02"]


def test_month_pages_link_each_day_to_the_page_holding_it() -> None:
    events = [view("2025-06-02"), view("2025-06-30"), view("2025-07-01")]
    listings = {item.path: item for item in timeline_listings(events, "month")}
    assert sorted(listings) == ["index.html", "newest/index.html", "newest/periods/2025-06/index.html",
                                "periods/2025-07/index.html"]  # fmt: skip
    june = listings["index.html"]
    assert [p.label for p in june.pager] == ["June 2025", "July 2025"]
    assert june.toggle == "newest/periods/2025-06/index.html"
    assert june.locate == {"2025-06-02": "index.html", "2025-06-30": "index.html",
                           "2025-07-01": "periods/2025-07/index.html"}  # fmt: skip
    svg = overview_context(overview_strip(june.family, june.locate), june.path, "")["overview"]
    assert re.findall(r'href="([^"]*)"', svg) == [
        "#2025-06-02", "#2025-06-30", "periods/2025-07/index.html#2025-07-01"]  # fmt: skip


def test_a_coarse_entry_gets_its_own_heading_and_a_day_keeps_its_anchor() -> None:
    groups = day_groups(
        [view("2025-06-02", "week"), view("2025-06-02"), view("2025-06-02", "week")]
    )
    assert [(g["anchor"], len(g["events"])) for g in groups] == [("2025-W23", 2), ("2025-06-02", 1)]


def test_facets_are_counted_slugged_and_paged() -> None:
    events = [view("2025-06-02", places=["Kyiv", "São Paulo"], tags=["war"]),
              view("2025-06-03", places=["Kyiv"], outlets=["The Wire", "Wire"])]  # fmt: skip
    facets = collect_facets(events)
    assert [(f.name, f.slug, f.count) for f in facets["place"]] == [
        ("Kyiv", "kyiv", 2), ("São Paulo", "sao-paulo", 1)]  # fmt: skip
    assert facets["place"][1].url == "places/sao-paulo/index.html"
    pages = {item.path: len(item.events) for item in facet_listings(events, facets)}
    assert pages["places/kyiv/index.html"] == 2
    assert pages["sources/the-wire/index.html"] == 1
    assert pages["tags/war/index.html"] == 1


def test_a_name_without_letters_still_gets_a_slug() -> None:
    assert facet_slug("!!!").startswith("x-") and facet_slug("!!!") == facet_slug("!!!")


def test_facet_pages_are_paged_by_month_like_the_timeline() -> None:
    days = ("2025-06-02", "2025-06-30", "2025-07-01")
    events = [view(day, places=["Kyiv"], outlets=[]) for day in days]
    listings = facet_listings(events, collect_facets(events), "month")
    june, july = listings
    paths = ["places/kyiv/index.html", "places/kyiv/periods/2025-07/index.html"]
    assert [june.path, july.path] == paths
    assert [len(june.events), len(july.events), len(june.family)] == [2, 1, 3]
    assert [(p.label, p.path, p.count) for p in june.pager] == [
        ("June 2025", "places/kyiv/index.html", 2),
        ("July 2025", "places/kyiv/periods/2025-07/index.html", 1)]  # fmt: skip
    assert (july.title, july.period, july.facet and july.facet.name) == (
        "Place: Kyiv, July 2025", "July 2025", "Kyiv")  # fmt: skip
    strip = overview_strip(july.family, july.locate)
    svg = overview_context(strip, july.path, "../../../../")["overview"]
    assert re.findall(r'href="([^"]*)"', svg) == ["../../../../places/kyiv/index.html#2025-06-02",
                     "../../../../places/kyiv/index.html#2025-06-30", "#2025-07-01"]  # fmt: skip


def test_facet_pages_past_the_page_size_are_split_and_keep_every_entry_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("generator.listing.AUTO_LIMIT", 3)
    days = [f"2025-{month:02d}-{day:02d}" for month in (5, 6, 7) for day in (3, 9)]
    events = [view(day, id=f"e{n}", tags=["war"], places=["Kyiv"] if n < 4 else [], outlets=[])
              for n, day in enumerate(days)]  # fmt: skip
    listings = facet_listings(events, collect_facets(events), "auto")
    shown: dict[str, list[str]] = {}
    for listing in listings:
        assert listing.facet is not None and len(listing.events) <= 2
        shown.setdefault(listing.facet.slug, []).extend(e["id"] for e in listing.events)
    assert shown == {"war": [f"e{n}" for n in range(6)], "kyiv": ["e0", "e1", "e2", "e3"]}
    assert [listing.path for listing in listings] == [
        "tags/war/index.html", "tags/war/periods/2025-06/index.html",
        "tags/war/periods/2025-07/index.html", "places/kyiv/index.html",
        "places/kyiv/periods/2025-06/index.html"]  # fmt: skip
