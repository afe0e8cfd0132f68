"""Renders a Timeline through the Jinja templates into the pages and files of the site."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from generator.config import Config
from generator.highlight import Mark, article_html, sentence_anchor
from generator.labels import date_label, day_label
from generator.model import Event, Reading, Source, Span, Timeline, Timex
from generator.theme import Theme, render_template

COARSE = frozenset({"century", "decade", "year", "season", "quarter", "month", "week"})


@dataclass(frozen=True, slots=True)
class Page:
    """One file of the site: its path below the site root and its bytes."""

    path: str
    content: bytes


def render_site(
    timeline: Timeline, config: Config, theme: Theme, generated: datetime | None
) -> tuple[Page, ...]:
    """Every page and file of the site, in a stable order."""
    site = _SiteContext(timeline, config, generated)
    pages = [
        *_html_pages(site, theme),
        Page("timeline.json", timeline_json(timeline, config, generated).encode()),
        _template_page(theme, "atom.xml", "atom.xml", site.context("atom.xml")),
        _template_page(theme, "sitemap.xml", "sitemap.xml", site.context("sitemap.xml")),
        *(Page(path, content) for path, content in theme.static_files),
    ]
    return tuple(sorted(pages, key=lambda page: page.path))


def _html_pages(site: _SiteContext, theme: Theme) -> Iterator[Page]:
    yield _template_page(theme, "index.html", "index.html", site.context("index.html"))
    newest = site.context("newest/index.html", newest_first=True)
    yield _template_page(theme, "index.html", "newest/index.html", newest)
    for event in site.events:
        path = f"events/{event['id']}/index.html"
        yield _template_page(theme, "event.html", path, site.context(path, event=event))
    for old, new in site.timeline.redirects:
        yield redirect_page(site.config, old, new)
    for reading in site.timeline.readings:
        path = f"articles/{reading.article.slug}/index.html"
        article = site.article_view(reading)
        yield _template_page(theme, "article.html", path, site.context(path, article=article))
    yield _template_page(theme, "404.html", "404.html", site.context("404.html", absolute=True))


def redirect_page(config: Config, old: str, new: str) -> Page:
    """A small page at an entry's old address that sends readers and crawlers to its new one."""
    target = html.escape(f"../{new}/index.html")
    canonical = html.escape(absolute_url(config, f"events/{new}/"))
    text = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Moved to {html.escape(new)}</title>\n"
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<meta name="robots" content="noindex">\n</head>\n<body>\n'
        f'<p>This entry has moved: <a href="{target}">{html.escape(new)}</a>.</p>\n'
        "</body>\n</html>\n"
    )
    return Page(f"events/{old}/index.html", text.encode())


def _template_page(theme: Theme, template: str, path: str, context: dict[str, Any]) -> Page:
    return Page(path, render_template(theme, template, context).encode())


class _SiteContext:
    """What every template sees, computed once per build."""

    def __init__(self, timeline: Timeline, config: Config, generated: datetime | None) -> None:
        self.timeline = timeline
        self.config = config
        self.generated = generated
        self.slugs = {r.article.path: r.article.slug for r in timeline.readings}
        self.events = [event_view(e, self.slugs) for e in timeline.events]
        self.sentences = {
            (s["article"], s["start"]): (e, s) for e in self.events for s in e["details"]
        } | {(s["article"], s["start"]): (e, s) for e in self.events for s in e["sources"]}

    def context(self, path: str, **extra: Any) -> dict[str, Any]:
        depth = path.count("/")
        root = self.config.base_path if extra.pop("absolute", False) else "../" * depth
        newest_first = extra.pop("newest_first", False)
        events = list(reversed(self.events)) if newest_first else self.events
        return {
            "site": self.config,
            "root": root,
            "path": path,
            "canonical": absolute_url(self.config, path.removesuffix("index.html")),
            "events": events,
            "groups": day_groups(events),
            "newest_first": newest_first,
            "articles": [r.article for r in self.timeline.readings],
            "generated": self.generated,
            "absolute_url": lambda p: absolute_url(self.config, p),
            **extra,
        }

    def article_view(self, reading: Reading) -> dict[str, Any]:
        """The article with its sentences anchored and each dating phrase linked to its entry."""
        article = reading.article
        own = {
            start: pair for (path, start), pair in self.sentences.items() if path == article.path
        }
        marks = [
            Mark(Span(start, s["end"]), "sentence", s["anchor"]) for start, (_, s) in own.items()
        ]
        for timex in reading.timexes:
            marks.append(self._phrase_mark(timex, own))
        events = sorted({e["id"]: e for e, s in own.values() if s["phrase"]}.values(),
                        key=lambda e: self.events.index(e))  # fmt: skip
        return {
            "article": article,
            "html": article_html(article.body, tuple(marks), self.config.unsafe_html),
            "published_label": day_label(article.published.date()),
            "events": events,
        }

    def _phrase_mark(self, timex: Timex, own: dict[int, tuple[Any, Any]]) -> Mark:
        """A dated phrase; linked to the entry it dated, when it is the phrase that dated one."""
        title = f"{timex.value}, by rule {timex.rule}"
        for start, (event, source) in own.items():
            inside = start <= timex.span.start < source["end"]
            if inside and source["phrase"] == timex.text:
                href = f"../../events/{event['id']}/index.html"
                return Mark(timex.span, "phrase", href=href, title=title)
        return Mark(timex.span, "phrase", title=title)


def event_view(event: Event, slugs: dict[str, str]) -> dict[str, Any]:
    """An entry as templates and timeline.json see it."""
    return {
        "id": event.id,
        "title": event.title,
        "date": event.when.start.date().isoformat(),
        "value": event.when.value,
        "precision": event.when.precision,
        "start": event.when.start.isoformat(),
        "end": event.when.end.isoformat(),
        "label": date_label(event.when),
        "summary": event.summary,
        "tags": list(event.tags),
        "places": list(event.places),
        "url": f"events/{event.id}/",
        "sources": [source_view(s, slugs) for s in event.sources],
        "details": [source_view(s, slugs) for s in event.details],
        "outlets": sorted({s.outlet or s.title for s in event.sources}),
        "updated": max((s.published for s in event.sources), default=event.when.start).isoformat(),
        # Provenance and disagreement (merge): shown by the templates, exported in timeline.json.
        "first_reported": event.first_reported.isoformat(),
        "corroboration": event.corroboration,
        "disputed": event.disputed,
        "conflicts": [
            {
                "fact": c.fact,
                "versions": [{"value": v.value, "articles": list(v.articles)} for v in c.versions],
            }
            for c in event.conflicts
        ],
        "killed": event.figures.killed,
        "injured": event.figures.injured,
        "written": event.written,
        "aliases": list(event.aliases),
    }


def source_view(source: Source, slugs: dict[str, str]) -> dict[str, Any]:
    anchor = sentence_anchor(Span(source.start, source.end))
    return {
        "article": source.article,
        "title": source.title,
        "url": source.url,
        "outlet": source.outlet,
        "published": source.published.isoformat(),
        "published_label": day_label(source.published.date()),
        "quote": source.quote,
        "phrase": source.phrase,
        "start": source.start,
        "end": source.end,
        "rule": source.rule,
        "value": source.value,
        "anchor": anchor,
        "page": f"articles/{slugs[source.article]}/index.html#{anchor}",
    }


def day_groups(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive entries under one heading: a day, or the week/month/year of coarse entries."""
    groups: list[dict[str, Any]] = []
    for event in events:
        coarse = event["precision"] in COARSE
        anchor = event["value"] if coarse else event["date"]
        if not groups or groups[-1]["anchor"] != anchor:
            heading = (
                event["label"]
                if coarse
                else day_label(datetime.fromisoformat(event["start"]).date())
            )
            groups.append(
                {"anchor": anchor, "heading": heading, "date": event["date"], "events": []}
            )
        groups[-1]["events"].append(event)
    return groups


def absolute_url(config: Config, path: str) -> str:
    return config.base_url.rstrip("/") + "/" + path.lstrip("/")


TIMELINE_SOURCE_KEYS = ("article", "title", "url", "published", "quote", "phrase", "start", "end")
TIMELINE_EVENT_KEYS = (
    "id", "title", "date", "value", "precision", "start", "end", "label", "summary", "tags",
    "places", "url", "first_reported", "corroboration", "disputed", "conflicts", "killed",
    "injured", "written", "aliases",
)  # fmt: skip


def timeline_json(timeline: Timeline, config: Config, generated: datetime | None) -> str:
    """timeline.json, the contract other tools read: title, generated, events."""
    slugs = {r.article.path: r.article.slug for r in timeline.readings}
    events = []
    for event in timeline.events:
        view = event_view(event, slugs)
        entry = {key: view[key] for key in TIMELINE_EVENT_KEYS}
        entry["sources"] = [{k: s[k] for k in TIMELINE_SOURCE_KEYS} for s in view["sources"]]
        events.append(entry)
    document = {
        "title": config.title,
        "generated": generated.isoformat() if generated else None,
        "events": events,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
