"""The overview strip: which unit its bars take, what each bar says and where it links."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from generator.listing import Listing, timeline_listings
from generator.overview import overview_context, overview_strip, strip_scale


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


def every(first: date, last: date, step: int = 1) -> list[str]:
    """A day every `step` days from first up to last, as ISO dates."""
    count = (last - first).days // step + 1
    return [(first + timedelta(days=step * n)).isoformat() for n in range(count)]


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
def test_a_timeline_with_entries_every_day_takes_the_finest_unit_with_at_most_180_bars(
    first: date, last: date, unit: str
) -> None:
    assert strip_scale(date.fromisoformat(day) for day in every(first, last)) == (unit, False)


@pytest.mark.parametrize(("days", "scale"), [
    # news with background from long before: the news keeps its unit, past a break
    (["1990-05-01", "2025-06-01", "2025-06-02", "2025-06-30"], ("day", True)),
    (["1990-05-01", "2025-06-01", "2025-06-30"], ("year", False)),  # a break to only 3 slots
    (["1900-01-01", "1950-01-01", *every(date(2025, 6, 1), date(2025, 6, 8))], ("day", True)),
    (["1900-01-01", *every(date(2024, 1, 1), date(2024, 12, 31))], ("week", True)),
    # 45 empty days between entries are drawn to scale (185 days), 46 would be a break ...
    (["2025-01-01", "2025-02-16", "2025-04-03", "2025-05-19", "2025-07-04"], ("week", False)),
    # ... but entries spread out evenly are drawn to scale in a coarser unit, not between breaks
    (["2025-01-01", "2025-02-17", "2025-04-05", "2025-05-22", "2025-07-08"], ("week", False)),
    ([f"{year}-06-01" for year in range(1800, 2025, 25)], ("year", False)),
    (["1600-01-01", "1700-01-01", *every(date(1800, 1, 1), date(2024, 12, 31), 30)], ("year", True)),
])  # fmt: skip
def test_a_long_stretch_without_entries_is_a_break_when_the_rest_is_dense(
    days: list[str], scale: tuple[str, bool]
) -> None:
    assert strip_scale(date.fromisoformat(day) for day in days) == scale


def test_a_medium_timeline_draws_a_bar_per_week_each_linking_to_its_first_day() -> None:
    wednesdays = every(date(2025, 1, 1), date(2025, 7, 30), 7)
    strip = shown(page(sorted([*wednesdays, "2025-06-08"])))
    assert strip["overview_unit"] == "week"
    shown_bars = bars(strip["overview"])
    assert len(shown_bars) == len(wednesdays)
    assert shown_bars[0] == (
        "#2025-01-01", "30 December 2024 – 5 January 2025: 1 entry", "2025-01-01")  # fmt: skip
    assert ("#2025-06-04", "2–8 June 2025: 2 entries", "2025-06-04 +4") in shown_bars
    assert strip["overview"].count('<line class="tick"') == 8  # the first of January to August
    assert (strip["first_day"], strip["last_day"]) == (
        "Wednesday 1 January 2025", "Wednesday 30 July 2025")  # fmt: skip
    first_bar = '<rect class="hit" x="0" y="0" width="84" height="40"/><rect class="bar" x="14"'
    assert first_bar in strip["overview"]  # a week wide, inset 2 a day on each side


def test_a_five_year_timeline_draws_a_bar_per_month_and_a_tick_per_year() -> None:
    days = [*every(date(2020, 3, 10), date(2024, 11, 19), 10), "2024-11-20"]
    strip = shown(page(days))
    assert strip["overview_unit"] == "month"
    shown_bars = bars(strip["overview"])
    assert len(shown_bars) == 57  # March 2020 to November 2024
    assert shown_bars[0] == ("#2020-03-10", "March 2020: 3 entries", "2020-03-10 +10 20")
    assert shown_bars[-1][1:] == ("November 2024: 3 entries", "2024-11-04 +10 16")
    assert strip["overview"].count('<line class="tick"') == 4  # 2021 to 2024
    assert strip["latest"] == "#2024-11-20"


def test_a_dense_timeline_of_decades_draws_a_bar_per_year_and_a_tick_per_decade() -> None:
    monthly = [f"{year}-{month:02d}-01" for year in range(2000, 2025) for month in range(1, 13)]
    strip = shown(page(monthly))
    assert strip["overview_unit"] == "year"
    assert bars(strip["overview"])[0] == ("#2000-01-01", "2000: 12 entries",
        "2000-01-01 +31 60 91 121 152 182 213 244 274 305 335")  # fmt: skip
    assert strip["overview"].count('<line class="tick"') == 2  # 2010 and 2020


def test_news_with_background_from_decades_before_is_drawn_past_a_break() -> None:
    strip = shown(page(["1990-05-01", *every(date(2025, 6, 1), date(2025, 6, 20))]))
    assert strip["overview_unit"] == "day"
    assert len(bars(strip["overview"])) == 21
    assert strip["overview"].count('<line class="gap"') == 1
    assert '<line class="gap" x1="24" y1="0" x2="24" y2="40"/>' in strip["overview"]
    assert '<rect class="hit" x="36" y="0" width="12"' in strip["overview"]  # 1 June, past it
    assert 'viewBox="0 0 276 40"' in strip["overview"]  # 1 + 2 + 20 days of 12


def test_a_week_across_two_month_pages_is_a_bar_on_each_page() -> None:
    days = [*every(date(2025, 1, 2), date(2025, 7, 31), 7), "2025-08-02"]
    strip = shown(page(days, "month", "periods/2025-07/index.html"), "../../")
    assert strip["overview_unit"] == "week"
    assert bars(strip["overview"])[0] == (
        "../../index.html#2025-01-02", "30 December 2024 – 5 January 2025: 1 entry", "2025-01-02"
    )  # fmt: skip
    assert bars(strip["overview"])[-2:] == [
        ("#2025-07-31", "28–31 July 2025: 1 entry", "2025-07-31"),
        ("../../periods/2025-08/index.html#2025-08-02", "1–3 August 2025: 1 entry", "2025-08-02"),
    ]  # fmt: skip
    assert strip["latest"] == "../../periods/2025-08/index.html#2025-08-02"


def test_the_newest_first_pages_draw_the_same_bars_oldest_first() -> None:
    days = [*every(date(2025, 1, 2), date(2025, 7, 31), 7), "2025-08-02"]
    oldest = shown(page(days, "month", "periods/2025-07/index.html"), "../../")
    newest = shown(page(days, "month", "newest/periods/2025-07/index.html"), "../../../")
    assert [label for _, label, _ in bars(newest["overview"])] == [
        label for _, label, _ in bars(oldest["overview"])]  # fmt: skip
    assert bars(newest["overview"])[-1][0] == "../../../newest/index.html#2025-08-02"


def test_a_day_with_only_a_coarse_entry_links_to_that_entry_heading() -> None:
    listing = timeline_listings([view("2025-06-02", "week"), view("2025-06-05")], "none")[0]
    hrefs = [href for href, _, _ in bars(shown(listing)["overview"])]
    assert hrefs == ["#2025-W23", "#2025-06-05"]


def test_a_timeline_without_entries_has_no_strip() -> None:
    listing = timeline_listings([], "none")[0]
    assert set(shown(listing).values()) == {"", "day"}
