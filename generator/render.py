"""Renders a Timeline through the Jinja templates into the pages and files of the site."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from markupsafe import Markup, escape

from generator.collection import collection_paused
from generator.config import Config
from generator.exports import events_csv, events_ics, timelinejs_json
from generator.facets import KINDS, collect_facets
from generator.feeds import atom_feed, json_feed
from generator.highlight import Mark, mark_row, rows_html, sentence_anchor
from generator.labels import day_label
from generator.linking import absolute_url, canonical_url, event_json_ld
from generator.listing import COARSE, Listing, facet_listings, timeline_listings
from generator.model import Event, Reading, Source, Span, Timeline, Timex
from generator.overview import Strip, overview_context, overview_strip
from generator.page_keys import Deferred, PageKeys, StandIn, TemplatePage
from generator.theme import Theme, prints_only, render_template
from generator.views import entry_view, timeline_document, with_sources

# The feeds and exports every page links to: file, label, media type.
DOWNLOADS = (
    ("atom.xml", "Atom feed", "application/atom+xml"),
    ("feed.json", "JSON Feed", "application/feed+json"),
    ("timeline.json", "timeline.json", "application/json"),
    ("timelinejs.json", "TimelineJS", "application/json"),
    ("events.ics", "Calendar (.ics)", "text/calendar"),
    ("events.csv", "CSV", "text/csv"),
)


@dataclass(frozen=True, slots=True)
class Page:
    """One file of the site: its path below the site root and its bytes."""

    path: str
    content: bytes


# A page not yet rendered: its path and what makes its bytes.
Planned = tuple[str, Callable[[], bytes]]
# A page made from a template, not yet rendered: its path, template and what makes its context.
PlannedTemplate = tuple[str, str, Callable[[], dict[str, Any]]]


def render_site(
    timeline: Timeline, config: Config, theme: Theme, generated: datetime | None
) -> Iterator[Page]:
    """Every page and file of the site in a stable order (by path), each rendered only when it
    is asked for, so a writer holds one page at a time and never the whole site."""
    for path, make in plan_site(timeline, config, theme, generated):
        yield Page(path, make())


def plan_site(
    timeline: Timeline, config: Config, theme: Theme, generated: datetime | None
) -> list[Planned]:
    """Every page and file of the site by path, none rendered yet: what all templates see is
    computed here, once, so that any process can then render any page."""
    with collection_paused():
        return _planned(_SiteContext(timeline, config, theme, generated))


def plan_keyed_site(
    timeline: Timeline, config: Config, theme: Theme, generated: datetime | None
) -> tuple[list[Planned], PageKeys]:
    """The site planned as plan_site does, and the keys of its template pages (TemplatePage)."""
    with collection_paused():
        site = _SiteContext(timeline, config, theme, generated)
        return _planned(site), PageKeys(theme, config, generated, site.shared())


def _planned(site: _SiteContext) -> list[Planned]:
    theme = site.theme
    planned: list[Planned] = [
        *((path, TemplatePage(theme, template, context))
          for path, template, context in _template_pages(site)),
        *_data_files(site),
        *((path, partial(bytes, content)) for path, content in theme.static_files),
    ]  # fmt: skip
    return sorted(planned, key=lambda page: page[0])


def planned_file(page: Page) -> Planned:
    """A page already made, planned like the others."""
    return page.path, partial(bytes, page.content)


def _data_files(site: _SiteContext) -> Iterator[Planned]:
    events, config, generated = site.events, site.config, site.generated
    yield "timeline.json", site.timeline_file
    yield "atom.xml", lambda: atom_feed(events, config, generated)
    yield "feed.json", lambda: json_feed(events, config)
    yield "timelinejs.json", lambda: timelinejs_json(events, config)
    yield "events.ics", lambda: events_ics(events, config)
    yield "events.csv", lambda: events_csv(events, config).encode()


def _template_pages(site: _SiteContext) -> Iterator[PlannedTemplate]:
    for listing in site.listings:
        yield listing.path, "index.html", partial(site.listing_context, listing)
    for kind, folder, heading in KINDS:
        path = f"{folder}/index.html"
        yield path, "facets.html", partial(site.context, path, kind=kind, heading=heading)
    for view, event in zip(site.events, site.timeline.events, strict=True):
        path = f"events/{event.id}/index.html"
        yield path, "event.html", partial(site.event_context, path, view, event)
    for old, new in site.timeline.redirects:
        path = f"events/{old}/index.html"
        yield path, "redirect.html", partial(site.context, path, new=new)
    for reading in site.timeline.readings:
        path = f"articles/{reading.article.slug}/index.html"
        yield path, "article.html", partial(site.article_context, path, reading)
    if site.config.search == "pagefind":
        yield "search/index.html", "search.html", partial(site.context, "search/index.html")
    yield "404.html", "404.html", partial(site.context, "404.html", absolute=True)
    yield "sitemap.xml", "sitemap.xml", partial(site.context, "sitemap.xml")


class _SiteContext:
    """What every template sees, computed once per build."""

    def __init__(
        self, timeline: Timeline, config: Config, theme: Theme, generated: datetime | None
    ) -> None:
        self.timeline = timeline
        self.config = config
        self.theme = theme
        self.generated = generated
        self.slugs = {r.article.path: r.article.slug for r in timeline.readings}
        self.events = [entry_view(e) for e in timeline.events]
        self.facets = collect_facets(self.events)
        main = timeline_listings(self.events, config.paginate)
        self.listings = main + facet_listings(self.events, self.facets, config.paginate)
        self.locate = main[0].locate
        self.by_article = _sentences_by_article(self.events, timeline.events)
        self.positions = {event["id"]: index for index, event in enumerate(self.events)}
        self.articles = [r.article for r in timeline.readings]
        # Each entry's fragment, by root (or root_mark) and id: rendered once, on every listing.
        self.entries: dict[tuple[str, str], str] = {}
        self.mark: str | None = None  # root_mark, once it is known
        # Each timeline's and facet's overview strip, by its first page: made once, not per page.
        self.strips: dict[str, Strip] = {}

    def context(self, path: str, **extra: Any) -> dict[str, Any]:
        depth = path.count("/")
        root = self.config.base_path if extra.pop("absolute", False) else "../" * depth
        return {
            "site": self.config,
            "root": root,
            "path": path,
            "canonical": canonical_url(self.config, path),
            "social_image": absolute_url(self.config, "static/social.png"),
            "events": self.events,
            "facets": self.facets,
            "listings": self.listings,
            "downloads": DOWNLOADS,
            "articles": self.articles,
            "article_count": len(self.articles),
            "generated": self.generated,
            # Functions of the config, the theme and their arguments: keyed by name (and root).
            "absolute_url": StandIn("absolute_url", absolute_url, self.config),
            "entry_html": StandIn("entry_html", self.entry_html, root),
            **extra,
        }

    def shared(self) -> list[object]:
        """The values on many pages, for keys to encode once: the lists every page sees, each
        entry's view (on many timeline pages), each timeline page's listing (on its page and in
        the sitemap) and each timeline's or facet's entries."""
        families = {id(listing.family): listing.family for listing in self.listings}
        locates = {id(listing.locate): listing.locate for listing in self.listings}
        return [DOWNLOADS, self.config, self.events, *self.events, self.facets, self.listings,
                *self.listings, self.articles, self.slugs, *families.values(),
                *locates.values()]  # fmt: skip

    def entry_html(self, root: str, event: dict[str, Any]) -> Markup:
        """An entry as the listings show it (_entry.html): the same entry is on a timeline page
        each way and on the page of each of its facets, at different depths. Rendered once per
        entry with a mark for the root, each page's root put in its place, where the template
        does nothing with the root but print it; else once per root and entry."""
        mark = self.root_mark()
        shown = Markup(mark) if mark else root
        key = (shown, event["id"])
        if key not in self.entries:
            context = {"site": self.config, "root": shown, "event": event}
            self.entries[key] = render_template(self.theme, "_entry.html", context)
        html = self.entries[key]
        return Markup(html.replace(mark, escape(root)) if mark else html)

    def root_mark(self) -> str:
        """What entry_html renders in place of the root: unguessable, so no content can hold
        it; empty when _entry.html does more with the root than print it."""
        if self.mark is None:
            printed = prints_only(self.theme, "_entry.html", "root")
            self.mark = f"root-{secrets.token_hex(16)}" if printed else ""
        return self.mark

    def timeline_file(self) -> bytes:
        """timeline.json, its entries' sources made one entry at a time."""
        entries = zip(self.events, self.timeline.events, strict=True)
        return timeline_document(entries, self.config, self.generated)

    def listing_context(self, listing: Listing) -> dict[str, Any]:
        """A timeline page: its day groups, the overview strip, pager and order toggle."""
        context = self.context(listing.path, listing=listing)
        if listing.home not in self.strips:
            self.strips[listing.home] = overview_strip(listing.family, listing.locate)
        context |= overview_context(self.strips[listing.home], listing.path, context["root"])
        # Made only if the page is rendered: its key holds the entries the facets come from
        context["page_facets"] = Deferred("page_facets", collect_facets, listing.events)
        return context

    def event_context(self, path: str, view: dict[str, Any], entry: Event) -> dict[str, Any]:
        """An entry's page: made only when it is rendered, keyed by the entry and its view."""
        anchor = view["value"] if view["precision"] in COARSE else view["date"]
        event = Deferred("with_sources", with_sources, view, entry, self.slugs)
        return self.context(
            path,
            event=event,
            timeline_href=f"{self.locate[anchor]}#{anchor}",
            json_ld=Deferred("event_json_ld", _event_json_ld, event, self.config),
        )

    def article_context(self, path: str, reading: Reading) -> dict[str, Any]:
        return self.context(path, article=self.article_view(reading))

    def article_view(self, reading: Reading) -> dict[str, Any]:
        """The article with its sentences anchored and each dating phrase linked to its entry."""
        article = reading.article
        own = self.by_article.get(article.path, {})
        marks = [_sentence_mark(Span(start, s.end)) for start, (_, s) in own.items()]
        phrases = _phrases(own)
        marks += [_phrase_mark(timex, phrases) for timex in reading.timexes]
        events = sorted({e["id"]: e for e, s in own.values() if s.phrase}.values(),
                        key=lambda e: self.positions[e["id"]])  # fmt: skip
        return {
            "article": article,
            # Made only when the page is rendered: keyed by the body and marks, not by the HTML.
            "html": Deferred(
                "article_html",
                rows_html,
                article.body,
                tuple(map(mark_row, marks)),
                self.config.unsafe_html,
            ),
            "published_label": day_label(article.published.date()),
            "events": events,
        }


def _event_json_ld(event: Deferred, config: Config) -> str:
    return event_json_ld(event.made(), config)


def _sentence_mark(span: Span) -> Mark:
    return Mark(span, "sentence", sentence_anchor(span))


# The cited sentences of an article by the phrase that dated them: their starts, ends and
# entries' ids, in the article's order of citation (a phrase is looked up, not every sentence
# tried for each of an article's phrases).
Phrases = dict[str, list[tuple[int, int, str]]]


def _phrases(own: dict[int, Sentence]) -> Phrases:
    phrases: Phrases = {}
    for start, (event, source) in own.items():
        if source.phrase is not None:
            phrases.setdefault(source.phrase, []).append((start, source.end, event["id"]))
    return phrases


def _phrase_mark(timex: Timex, phrases: Phrases) -> Mark:
    """A dated phrase; linked to the entry it dated, when it is the phrase that dated one: the
    first cited sentence it is in that the phrase dated."""
    title = f"{timex.value}, by rule {timex.rule}"
    for start, end, event_id in phrases.get(timex.text, ()):
        if start <= timex.span.start < end:
            href = f"../../events/{event_id}/index.html"
            return Mark(timex.span, "phrase", href=href, title=title)
    return Mark(timex.span, "phrase", title=title)


# A sentence an entry cites: the entry's view and the source, by its start in the article.
Sentence = tuple[dict[str, Any], Source]


def _sentences_by_article(
    views: list[dict[str, Any]], events: tuple[Event, ...]
) -> dict[str, dict[int, Sentence]]:
    """Every cited sentence of each article, built once, not per page (with 10,000 articles a
    per-page scan is quadratic); a sentence that is a source wins over the same one as a detail."""
    pairs = {(s.article, s.start): (v, s) for v, e in zip(views, events, strict=True)
             for s in e.details}  # fmt: skip
    pairs |= {(s.article, s.start): (v, s) for v, e in zip(views, events, strict=True)
              for s in e.sources}  # fmt: skip
    by_article: dict[str, dict[int, Sentence]] = {}
    for (article_path, start), pair in pairs.items():
        by_article.setdefault(article_path, {})[start] = pair
    return by_article
