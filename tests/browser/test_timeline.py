"""The built site as a reader meets it in Chromium: the seed site and a two-month fixture."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SEED_PAGES = [
    "index.html",
    "newest/index.html",
    "events/2025-06-05-russia-launches-large-scale-drone-missile/index.html",
    "articles/2025-06-06-russia-strikes-kyiv/index.html",
    "tags/index.html",
    "places/kyiv/index.html",
    "search/index.html",
    "404.html",
]
LARGE_PAGES = [
    "index.html",
    "periods/2025-07/index.html",
    "newest/index.html",
    "sources/index.html",
    "tags/floods/periods/2025-07/index.html",
]


def visible_days(page: Any) -> list[str]:
    return page.eval_on_selector_all(".timeline .day:not([hidden])", "els => els.map(e => e.id)")


def in_viewport(page: Any, element_id: str) -> bool:
    """Whether the element's top reaches the top of the window (scrolling may be smooth)."""
    # A function, not an expression: Playwright polls expressions with eval, which the CSP forbids.
    script = f"() => {{ const t = document.getElementById({element_id!r}).getBoundingClientRect().top; return t >= 0 && t < 80; }}"
    page.wait_for_function(script, timeout=5_000)
    return True


@pytest.mark.parametrize("path", SEED_PAGES)
def test_seed_pages_render_without_console_errors(tab: Any, seed_url: str, path: str) -> None:
    reader = tab()
    reader.page.goto(seed_url + path)
    reader.page.wait_for_load_state("networkidle")
    assert reader.page.locator("main h1").count() == 1
    assert reader.errors == []


@pytest.mark.parametrize("path", LARGE_PAGES)
def test_large_pages_render_without_console_errors(tab: Any, large_url: str, path: str) -> None:
    reader = tab()
    reader.page.goto(large_url + path)
    reader.page.wait_for_load_state("networkidle")
    assert reader.errors == []


def test_every_page_shows_its_content_without_javascript(tab: Any, large_url: str) -> None:
    reader = tab(java_script_enabled=False)
    reader.page.goto(large_url + "index.html")
    assert reader.page.locator(".entry").count() == 9
    assert not reader.page.locator("form.filters").is_visible()
    assert reader.page.get_by_role("link", name="place", exact=True).is_visible()
    reader.page.goto(large_url + "places/budapest/index.html")
    assert reader.page.locator(".entry").count() == 2
    reader.page.get_by_role("link", name="July 2025 →").first.click()
    assert reader.page.url.endswith("places/budapest/periods/2025-07/index.html")
    assert reader.page.locator(".entry").count() == 1
    assert reader.page.locator(".counts").inner_text().startswith("1 entry this month, 3 in all.")


def test_a_filter_hides_other_entries_and_survives_a_reload(tab: Any, large_url: str) -> None:
    reader = tab()
    page = reader.page
    page.goto(large_url + "index.html")
    assert len(visible_days(page)) == 8
    in_vienna = page.eval_on_selector_all(
        ".entry", "els => els.filter(e => e.dataset.place.split(' ').includes('vienna')).length"
    )
    assert 0 < in_vienna < 8
    page.select_option("#filter-place", "vienna")
    assert page.url.endswith("index.html?place=vienna")
    shown = page.locator(".timeline .entries > li:not([hidden]) .entry")
    assert shown.count() == in_vienna
    for index in range(shown.count()):
        assert "vienna" in shown.nth(index).get_attribute("data-place").split()
    status = f"Showing {in_vienna} of 9 entries on this page."
    assert page.locator(".filter-status").inner_text() == status
    assert len(visible_days(page)) < 7
    page.reload()
    assert page.input_value("#filter-place") == "vienna"
    assert shown.count() == in_vienna
    page.get_by_role("button", name="Clear").click()
    page.wait_for_function("() => !location.search")
    assert len(visible_days(page)) == 8
    assert reader.errors == []


def test_filters_work_from_the_keyboard(tab: Any, large_url: str) -> None:
    page = tab().page
    page.goto(large_url + "index.html")
    page.focus("#filter-source")
    page.keyboard.press("ArrowDown")
    chosen = page.input_value("#filter-source")
    assert chosen
    entries = page.locator(".timeline .entries > li:not([hidden]) .entry")
    assert entries.count() >= 1
    for index in range(entries.count()):
        assert chosen in entries.nth(index).get_attribute("data-source").split()


def test_the_order_toggle_shows_newest_first_and_back(tab: Any, seed_url: str) -> None:
    page = tab().page
    page.goto(seed_url + "index.html")
    oldest = visible_days(page)
    page.get_by_role("link", name="Show newest first").click()
    assert page.url.endswith("/newest/index.html")
    assert visible_days(page) == list(reversed(oldest))
    page.get_by_role("link", name="Show oldest first").click()
    assert visible_days(page) == oldest


def test_search_finds_istanbul(tab: Any, seed_url: str) -> None:
    reader = tab()
    page = reader.page
    page.goto(seed_url + "search/index.html?q=Istanbul")
    result = page.locator(".pagefind-ui__result").first
    result.wait_for(timeout=10_000)
    expect(page.locator(".pagefind-ui__results")).to_contain_text("Istanbul", timeout=10_000)
    result.locator("a").first.click()
    page.wait_for_load_state()
    assert "/events/" in page.url or "/articles/" in page.url
    assert reader.errors == []


def test_search_from_the_header_form(tab: Any, seed_url: str) -> None:
    page = tab().page
    page.goto(seed_url + "index.html")
    page.fill("#site-search-q", "Ternopil")
    page.keyboard.press("Enter")
    # Results render as placeholders first and fill in as their fragments load.
    expect(page.locator(".pagefind-ui__results")).to_contain_text("Ternopil", timeout=10_000)


def test_search_filters_by_place_from_the_rewritten_filter_index(tab: Any, seed_url: str) -> None:
    """The place facet reads a filter index Dateline re-sorted and renamed after Pagefind ran."""
    reader = tab()
    page = reader.page
    page.goto(seed_url + "search/index.html?q=Kyiv")
    message = page.locator(".pagefind-ui__message")
    expect(message).to_have_text("7 results for Kyiv", timeout=10_000)
    page.locator(".pagefind-ui__filter-name", has_text="Place").click()
    expect(page.locator("label[for='place-Ternopil']")).to_have_text("Ternopil (1)", timeout=10_000)
    page.locator("#place-Istanbul").check()
    expect(message).to_have_text("1 result for Kyiv", timeout=10_000)
    expect(page.locator(".pagefind-ui__results")).to_contain_text("Istanbul", timeout=10_000)
    assert reader.errors == []


def search_results(page: Any, url: str) -> tuple[str, list[str]]:
    """The result count message and every result's link, once all results have loaded."""
    page.goto(url)
    message = page.locator(".pagefind-ui__message")
    expect(message).to_contain_text("results for", timeout=10_000)
    links = page.locator(".pagefind-ui__result-link")
    expect(links.first).to_be_visible(timeout=10_000)
    more = page.locator("button.pagefind-ui__button", has_text="Load more")
    while more.count():
        more.click()
    expect(links).to_have_count(int(message.inner_text().split()[0]), timeout=10_000)
    return message.inner_text(), sorted(links.evaluate_all("links => links.map(a => a.href)"))


def test_an_index_in_parts_finds_and_filters_as_one_does(
    tab: Any, seed_url: str, seed_parts_url: str
) -> None:
    """A large site's index comes in parts the search page merges; the seed in three parts
    gives the same results, and its place filter counts across the parts."""
    reader = tab()
    page = reader.page
    whole = search_results(page, seed_url + "search/index.html?q=Kyiv")
    parts = search_results(page, seed_parts_url + "search/index.html?q=Kyiv")
    assert parts[0] == whole[0]
    assert [link.removeprefix(seed_parts_url) for link in parts[1]] == [
        link.removeprefix(seed_url) for link in whole[1]
    ]
    page.locator(".pagefind-ui__filter-name", has_text="Place").click()
    expect(page.locator("label[for='place-Ternopil']")).to_have_text("Ternopil (1)", timeout=10_000)
    page.locator("#place-Istanbul").check()
    expect(page.locator(".pagefind-ui__message")).to_have_text("1 result for Kyiv", timeout=10_000)
    assert reader.errors == []


def test_a_day_anchor_jumps_to_that_day_and_survives_a_reload(tab: Any, seed_url: str) -> None:
    page = tab().page
    page.goto(seed_url + "index.html#2025-06-05")
    assert in_viewport(page, "2025-06-05")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert in_viewport(page, "2025-06-05")


def test_a_day_anchor_on_another_month_page_follows_to_it(tab: Any, large_url: str) -> None:
    page = tab().page
    page.goto(large_url + "index.html#2025-07-10")
    page.wait_for_url("**/periods/2025-07/index.html#2025-07-10")
    assert in_viewport(page, "2025-07-10")


def test_jump_to_a_date_goes_to_the_first_day_on_or_after_it(tab: Any, large_url: str) -> None:
    page = tab().page
    page.goto(large_url + "index.html")
    page.fill("#jump-date", "2025-07-01")
    page.get_by_role("button", name="Go").click()
    page.wait_for_url("**/periods/2025-07/index.html#2025-07-07")
    assert in_viewport(page, "2025-07-07")


def test_an_overview_bar_links_to_its_day(tab: Any, seed_url: str) -> None:
    page = tab().page
    page.goto(seed_url + "index.html")
    page.locator('svg.overview a[data-day="2025-06-04"]').click()
    page.wait_for_url("**#2025-06-04")
    assert in_viewport(page, "2025-06-04")


def test_a_long_timeline_draws_a_bar_per_week_linking_to_its_first_day(
    tab: Any, long_url: str
) -> None:
    page = tab().page
    page.goto(long_url + "index.html")
    assert page.locator("#overview-heading").inner_text() == "Entries per week"
    bar = page.get_by_role("link", name="2–8 June 2025: 4 entries")
    assert bar.count() == 1
    bar.click()
    page.wait_for_url("**/periods/2025-06/index.html#2025-06-03")
    assert in_viewport(page, "2025-06-03")


def test_a_day_inside_a_week_bar_on_another_page_follows_to_it(tab: Any, long_url: str) -> None:
    page = tab().page
    page.goto(long_url + "index.html#2025-07-10")
    page.wait_for_url("**/periods/2025-07/index.html#2025-07-10")
    assert in_viewport(page, "2025-07-10")


def test_jump_to_a_date_inside_a_week_bar_goes_to_the_first_day_on_or_after_it(
    tab: Any, long_url: str
) -> None:
    page = tab().page
    page.goto(long_url + "periods/2025-07/index.html")
    page.fill("#jump-date", "2025-06-05")
    page.get_by_role("button", name="Go").click()
    page.wait_for_url("**/periods/2025-06/index.html#2025-06-07")
    assert in_viewport(page, "2025-06-07")
    page.fill("#jump-date", "2025-06-08")
    page.get_by_role("button", name="Go").click()
    page.wait_for_url("**/periods/2025-06/index.html#2025-06-08")
    assert in_viewport(page, "2025-06-08")


def test_a_later_day_with_only_a_week_entry_scrolls_to_that_week(
    tab: Any, archive_url: str
) -> None:
    page = tab(viewport={"width": 800, "height": 300}).page
    page.goto(archive_url + "index.html")
    assert page.locator("#overview-heading").inner_text() == "Entries per month"
    page.fill("#jump-date", "2024-10-15")
    page.get_by_role("button", name="Go").click()
    page.wait_for_url("**#2024-10-21")
    assert in_viewport(page, "2024-W43")
    page.goto(archive_url + "index.html#2024-01-08")
    page.goto(archive_url + "index.html#2024-10-21")
    assert in_viewport(page, "2024-W43")


def test_the_seed_index_weighs_under_50_kb(tab: Any, seed_url: str) -> None:
    reader = tab()
    sizes: dict[str, int] = {}
    reader.page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())))
    reader.page.goto(seed_url + "index.html")
    reader.page.wait_for_load_state("networkidle")
    assert sum(sizes.values()) < 50_000, sizes


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("site", "path"), [
    ("seed", p) for p in SEED_PAGES[:-1]] + [("large", "periods/2025-07/index.html")])  # fmt: skip
def test_axe_finds_no_violations(
    tab: Any, seed_url: str, large_url: str, site: str, path: str, scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = tab(color_scheme=scheme).page
    page.goto((seed_url if site == "seed" else large_url) + path)
    page.wait_for_load_state("networkidle")
    if path.startswith("search/"):
        page.fill(".pagefind-ui__search-input", "Kyiv")
        page.locator(".pagefind-ui__result").first.wait_for(timeout=10_000)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    violations = Axe().run(page, options=options).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []


@pytest.mark.parametrize(("width", "scheme"), [(390, "light"), (1280, "light"), (390, "dark")])
def test_screenshots_for_review(
    tab: Any, seed_url: str, large_url: str, width: int, scheme: str
) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = tab(viewport={"width": width, "height": 900}, color_scheme=scheme).page
    for name, url in (("seed", seed_url + "index.html"), ("large", large_url + "index.html")):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        target = ARTIFACTS / f"{name}-{width}-{scheme}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
