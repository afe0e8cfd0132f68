"""The overview strip: which unit its bars take, what each bar says and where it links."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from generator.listing import Listing, timeline_listings
from generator.overview import overview_context, overview_strip, strip_unit


def view(day: str, precision: str = "day") -> dict[str, Any]:
    value = {"week": "2025-W23", "month": day[:7]}.get(precision, day)
    return {"id": f"e-{day}-{precision}", "date": day, "value": value, "precision": precision,
            "start": f"{day}T00:00:00+03:00", "label": f"label {day}", "tags": [], "places": [],
            "outlets": ["Wire"]}  # fmt: skip


def page(days: list[str], paginate: str = "none", path: str = "index.html") -> Listing:
    listings = timeline_listings([view(day) for day in days], paginate)
    return next(listing for listing in listings if listing.path == path)


def shown(listing: Listing, root: str = "") -> dict[str, str]:
    return overview_context(overview_strip(listing.family, listing.locate), listing.path, root)


def bars(svg: str) -> list[tuple[str, str, str]]:
    """Each bar's link, label and days: data-day, then data-later when it has one."""
    found = re.findall(r'<a href="([^"]*)" aria-label="([^"]*)" data-day="([^"]*)"'
                       r'(?: data-later="([^"]*)")?>', svg)  # fmt: skip
    return [(href, label, f"{day} +{later}" if later else day) for href, label, day, later in found]


def test_a_short_timeline_draws_a_bar_per_day_each_linking_to_its_day() -> None:
    strip = shown(page(["2025-06-02", "2025-06-02", "2025-06-05"]))
    assert strip["overview_unit"] == "day"
    assert (
        'aria-label="Entries per day, Monday 2 June 2025 to Thursday 5 June 2025"'
        in (strip["overview"])
    )
    assert bars(strip["overview"]) == [
        ("#2025-06-02", "Monday 2 June 2025: 2 entries", "2025-06-02"),
        ("#2025-06-05", "Thursday 5 June 2025: 1 entry", "2025-06-05")]  # fmt: skip
    assert 'width="12" height="40"/><rect class="bar" x="2" y="0" width="8"' in strip["overview"]


@pytest.mark.parametrize(("first", "last", "unit"), [
    (date(2025, 6, 2), date(2025, 6, 2), "day"),
    (date(2025, 1, 1), date(2025, 6, 29), "day"),  # 180 days
    (date(2025, 1, 1), date(2025, 6, 30), "week"),  # 181 days
    (date(2024, 1, 1), date(2025, 12, 31), "week"),  # two years
    (date(2022, 1, 3), date(2022, 1, 3) + timedelta(weeks=179, days=6), "week"),  # 180 weeks
    (date(2022, 1, 3), date(2022, 1, 3) + timedelta(weeks=180), "month"),  # into a 181st
    (date(2011, 1, 31), date(2025, 12, 1), "month"),  # 180 months
    (date(2010, 12, 31), date(2025, 12, 1), "year"),  # 181 months
])  # fmt: skip
def test_the_strip_takes_the_finest_unit_with_at_most_180_bars(
    first: date, last: date, unit: str
) -> None:
    assert strip_unit(first, last) == unit


def test_a_medium_timeline_draws_a_bar_per_week_each_linking_to_its_first_day() -> None:
    strip = shown(page(["2024-11-30", "2025-06-04", "2025-06-08", "2025-06-09"]))
    assert strip["overview_unit"] == "week"
    assert bars(strip["overview"]) == [
        ("#2024-11-30", "25 November – 1 December 2024: 1 entry", "2024-11-30"),
        ("#2025-06-04", "2–8 June 2025: 2 entries", "2025-06-04 +4"),
        ("#2025-06-09", "9–15 June 2025: 1 entry", "2025-06-09")]  # fmt: skip
    assert strip["overview"].count('<line class="tick"') == 7  # the first of December to June
    assert (strip["first_day"], strip["last_day"]) == (
        "Saturday 30 November 2024",
        "Monday 9 June 2025",
    )
    assert 'width="84" height="40"/><rect class="bar" x="14" y="20" width="56"' in strip["overview"]


def test_a_five_year_timeline_draws_a_bar_per_month_and_a_tick_per_year() -> None:
    strip = shown(page(["2020-03-10", "2020-03-21", "2022-07-01", "2024-11-02", "2024-11-20"]))
    assert strip["overview_unit"] == "month"
    assert bars(strip["overview"]) == [
        ("#2020-03-10", "March 2020: 2 entries", "2020-03-10 +11"),
        ("#2022-07-01", "July 2022: 1 entry", "2022-07-01"),
        ("#2024-11-02", "November 2024: 2 entries", "2024-11-02 +18")]  # fmt: skip
    assert strip["overview"].count('<line class="tick"') == 4  # 2021 to 2024
    assert strip["latest"] == "#2024-11-20"


def test_a_timeline_of_decades_draws_a_bar_per_year() -> None:
    strip = shown(page(["1990-05-01", "2024-01-15", "2024-12-31"]))
    assert bars(strip["overview"]) == [
        ("#1990-05-01", "1990: 1 entry", "1990-05-01"),
        ("#2024-01-15", "2024: 2 entries", "2024-01-15 +351")]  # fmt: skip
    assert strip["overview"].count('<line class="tick"') == 3  # 2000, 2010 and 2020


def test_a_week_across_two_month_pages_is_a_bar_on_each_page() -> None:
    days = ["2025-01-02", "2025-07-29", "2025-07-31", "2025-08-02"]
    strip = shown(page(days, "month", "periods/2025-07/index.html"), "../../")
    assert bars(strip["overview"]) == [
        ("../../index.html#2025-01-02", "30 December 2024 – 5 January 2025: 1 entry", "2025-01-02"),
        ("#2025-07-29", "28–31 July 2025: 2 entries", "2025-07-29 +2"),
        ("../../periods/2025-08/index.html#2025-08-02", "1–3 August 2025: 1 entry", "2025-08-02"),
    ]  # fmt: skip
    assert strip["latest"] == "../../periods/2025-08/index.html#2025-08-02"


def test_the_newest_first_pages_draw_the_same_bars_oldest_first() -> None:
    days = ["2025-01-02", "2025-07-29", "2025-08-02"]
    oldest = shown(page(days, "month", "periods/2025-07/index.html"), "../../")
    newest = shown(page(days, "month", "newest/periods/2025-07/index.html"), "../../../")
    assert [label for _, label, _ in bars(newest["overview"])] == [
        label for _, label, _ in bars(oldest["overview"])]  # fmt: skip
    assert bars(newest["overview"])[2][0] == "../../../newest/index.html#2025-08-02"


def test_a_day_with_only_a_coarse_entry_links_to_that_entry_heading() -> None:
    listing = timeline_listings([view("2025-06-02", "week"), view("2025-06-05")], "none")[0]
    hrefs = [href for href, _, _ in bars(shown(listing)["overview"])]
    assert hrefs == ["#2025-W23", "#2025-06-05"]


def test_a_timeline_without_entries_has_no_strip() -> None:
    listing = timeline_listings([], "none")[0]
    assert set(shown(listing).values()) == {"", "day"}
