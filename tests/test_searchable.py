"""Search records: the words a reader looks for on each entry and article, and nothing else."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from generator.model import Article, Event, Filter, Reading, SearchRecord, Source, Timeline, When
from generator.searchable import (
    article_record,
    entry_record,
    record_html,
    record_words,
    search_records,
)

PUBLISHED = datetime(2025, 6, 6, 8, 0, tzinfo=UTC)
SUMMARY = "Russia launched drones at Kyiv overnight, officials said."


def source(quote: str, outlet: str | None = "Kyiv Post", title: str = "Strikes") -> Source:
    return Source("content/a.md", title, None, outlet, PUBLISHED, quote, "overnight", 0, 10)


def event(**changes: object) -> Event:
    fields: dict[str, object] = {
        "id": "2025-06-05-drones-kyiv",
        "title": "Russia launches drones at Kyiv",
        "when": When("2025-06-05TNI", "part-of-day", PUBLISHED, PUBLISHED),
        "summary": SUMMARY,
        "sources": (source(SUMMARY), source("Drones hit Kyiv at night.", "Reuters")),
        "details": (source("Schools switched to remote lessons."),),
        "places": ("Kyiv", "Lviv"),
        "tags": ("drones",),
    }
    return Event(**(fields | changes))  # type: ignore[arg-type]


def article(body: str, outlet: str | None = "Kyiv Post") -> Reading:
    found = Article("content/a.md", "2025-06-06-strikes", "Strikes on Kyiv", PUBLISHED,
                    "Europe/Kyiv", "en", body, 5, source=outlet)  # fmt: skip
    return Reading(found, (), ())


def test_an_entry_holds_its_date_summary_and_each_reporting_sentence_once() -> None:
    record = entry_record(event())
    assert record == SearchRecord(
        path="events/2025-06-05-drones-kyiv/index.html",
        kind="Entry",
        title="Russia launches drones at Kyiv",
        date="2025-06-06",
        blocks=("Friday night, 6–7 June 2025", SUMMARY, "Drones hit Kyiv at night."),
        filters=(
            Filter("place", "Places", ("Kyiv", "Lviv")),
            Filter("tag", "Tags", ("drones",)),
            Filter("source", "Sources", ("Kyiv Post", "Reuters")),
        ),
    )


def test_an_entry_leaves_out_its_details_and_empty_filters() -> None:
    record = entry_record(event(places=(), tags=(), sources=(source(SUMMARY, outlet=None),)))
    assert "Schools switched to remote lessons." not in record.blocks
    assert record.filters == (Filter("source", "Sources", ("Strikes",)),)


def test_an_article_holds_every_paragraph_with_its_date_phrases_as_plain_text() -> None:
    body = "On **June 5**, drones hit [Kyiv](https://example.org).\n\nLast night, sirens sounded.\n"
    record = article_record(article(body).article)
    assert record.path == "articles/2025-06-06-strikes/index.html"
    assert (record.kind, record.title, record.date) == ("Article", "Strikes on Kyiv", "2025-06-06")
    assert record.blocks == (
        "Published Friday 6 June 2025",
        "On June 5, drones hit Kyiv.",
        "Last night, sirens sounded.",
    )
    assert record.filters == (Filter("source", "Source", ("Kyiv Post",)),)
    assert article_record(article(body, outlet=None).article).filters == ()


def test_the_timeline_gives_entries_then_articles_and_no_redirects() -> None:
    timeline = Timeline(
        events=(event(), event(id="2025-06-07-talks")),
        readings=(article("Talks began."),),
        redirects=(("2025-06-04-old-id", "2025-06-05-drones-kyiv"),),
    )
    assert [r.make().path for r in search_records(timeline)] == [
        "events/2025-06-05-drones-kyiv/index.html",
        "events/2025-06-07-talks/index.html",
        "articles/2025-06-06-strikes/index.html",
    ]


def test_a_record_page_keeps_each_block_and_filter_apart_and_escapes_text() -> None:
    record = SearchRecord(
        path="events/x/index.html",
        kind="Entry",
        title='<script>alert("x")</script>',
        date="2025-06-05",
        blocks=("5 June 2025", "Fish & chips", " "),
        filters=(Filter("place", "Places", ("Kyiv", 'Odesa "port"')),),
    )
    html = record_html(record, "uk")
    assert html.startswith('<!doctype html><html lang="uk"><body data-pagefind-body')
    assert 'data-pagefind-filter="kind:Entry"' in html
    assert 'data-pagefind-meta="date:2025-06-05" data-pagefind-sort="date:2025-06-05"' in html
    assert "<h1>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</h1>" in html
    assert re.findall(r"<p>(.*?)</p>", html) == [
        "5 June 2025",
        "Fish &amp; chips",
        'Places: <span data-pagefind-filter="place">Kyiv</span>, '
        '<span data-pagefind-filter="place">Odesa &#34;port&#34;</span>',
    ]
    assert record_words(record) == 1 + 3 + 3 + 1 + 2  # title, blocks, filter values
