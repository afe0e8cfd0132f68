"""Takes the Timeline and gives what readers can search for: one record per entry and article.

A record holds the words a reader would look for, in the blocks a result shows them in, and
not the page's furniture (headings, attributions, the audit table, each detail's article
title), which repeated on 50,000 entry pages were most of what Pagefind had to index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from markupsafe import escape

from generator.labels import date_label, day_label
from generator.model import Article, Event, Filter, SearchRecord, Timeline
from generator.text import plain_text
from generator.views import event_outlets


@dataclass(frozen=True, slots=True)
class Searchable:
    """A search record to make, and the text of all it is made from (its `source`): records with
    the same source are the same, so what indexing makes of one can be kept by its source."""

    source: str
    make: Callable[[], SearchRecord]


def search_records(timeline: Timeline) -> Iterator[Searchable]:
    """A record for each entry, then for each article, each made only when asked for. An
    entry's record is quick to make and is its own source; an article's is made from its
    plain text, and its source is the article."""
    for event in timeline.events:
        yield as_searchable(entry_record(event))
    for reading in timeline.readings:
        yield Searchable(repr(reading.article), partial(article_record, reading.article))


def as_searchable(record: SearchRecord) -> Searchable:
    """A record already made, as a Searchable."""
    return Searchable(repr(record), partial(_given, record))


def _given(record: SearchRecord) -> SearchRecord:
    return record


def entry_record(event: Event) -> SearchRecord:
    """An entry: its date, summary and the sentences that report it; where and who as filters.
    Details are left out: they are their articles' sentences, which the articles' records hold."""
    quotes = dict.fromkeys(s.quote for s in event.sources if s.quote != event.summary)
    filters = (
        Filter("place", "Places", event.places),
        Filter("tag", "Tags", event.tags),
        Filter("source", "Sources", tuple(event_outlets(event))),
    )
    return SearchRecord(
        path=f"events/{event.id}/index.html",
        kind="Entry",
        title=event.title,
        date=event.when.start.date().isoformat(),
        blocks=(date_label(event.when), event.summary, *quotes),
        filters=tuple(f for f in filters if f.values),
    )


def article_record(article: Article) -> SearchRecord:
    """An article: its outlet, publication day and every paragraph of its text."""
    paragraphs = (p for p in plain_text(article.body).text.split("\n\n") if p.strip())
    source = (Filter("source", "Source", (article.source,)),) if article.source else ()
    return SearchRecord(
        path=f"articles/{article.slug}/index.html",
        kind="Article",
        title=article.title,
        date=article.published.date().isoformat(),
        blocks=(f"Published {day_label(article.published.date())}", *paragraphs),
        filters=source,
    )


def record_html(record: SearchRecord, language: str) -> str:
    """The record as the smallest page Pagefind indexes: its title as the result's heading,
    each block a paragraph, so no two run together, and each filter's values as facets."""
    blocks = "".join(f"<p>{escape(block)}</p>" for block in record.blocks if block.strip())
    filters = "".join(_filter_html(f) for f in record.filters)
    return (
        f'<!doctype html><html lang="{escape(language)}"><body data-pagefind-body'
        f' data-pagefind-filter="kind:{record.kind}" data-pagefind-meta="date:{record.date}"'
        f' data-pagefind-sort="date:{record.date}"><h1>{escape(record.title)}</h1>'
        f"{blocks}{filters}</body></html>"
    )


def _filter_html(found: Filter) -> str:
    values = (f'<span data-pagefind-filter="{found.name}">{escape(v)}</span>' for v in found.values)
    return f"<p>{escape(found.label)}: {', '.join(values)}</p>"


def record_words(record: SearchRecord) -> int:
    """About how many words Pagefind will index for the record."""
    texts = (record.title, *record.blocks, *(v for f in record.filters for v in f.values))
    return sum(len(text.split()) for text in texts)
