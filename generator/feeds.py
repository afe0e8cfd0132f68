"""Takes entry views and the config and gives the feeds: Atom (feedgen) and JSON Feed 1.1."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from feedgen.feed import FeedGenerator

from generator import __version__
from generator.config import Config
from generator.jsondoc import json_document
from generator.linking import absolute_url

# A feed with no entries still needs an <updated>; the epoch keeps the build reproducible.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def atom_feed(events: list[dict[str, Any]], config: Config, generated: datetime | None) -> bytes:
    """atom.xml: the newest timeline entries (config.feed_entries of them), newest first."""
    feed = FeedGenerator()
    feed.id(absolute_url(config, ""))
    feed.title(config.title)
    feed.subtitle(config.description)
    feed.link(href=absolute_url(config, "atom.xml"), rel="self")
    feed.link(href=absolute_url(config, ""), rel="alternate")
    feed.language(config.language)
    feed.generator("Dateline", __version__)
    listed = newest_first(events, config.feed_entries)
    feed.updated(_updated(listed, generated))
    for event in listed:
        entry = feed.add_entry(order="append")
        entry.id(absolute_url(config, event["url"]))
        entry.title(f"{event['label']}: {event['title']}")
        entry.link(href=absolute_url(config, event["url"]), rel="alternate")
        entry.published(event["first_reported"])
        entry.updated(event["updated"])
        entry.summary(event["summary"])
        for outlet in event["outlets"]:
            entry.author({"name": outlet})
        for tag in event["tags"]:
            entry.category(term=tag)
    return bytes(feed.atom_str(pretty=True))


def json_feed(events: list[dict[str, Any]], config: Config) -> bytes:
    """feed.json in JSON Feed 1.1: the newest timeline entries, as atom.xml has them."""
    head = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": config.title,
        "home_page_url": absolute_url(config, ""),
        "feed_url": absolute_url(config, "feed.json"),
        "description": config.description,
        "language": config.language,
    }
    return json_document(
        head, "items", (_json_item(e, config) for e in newest_first(events, config.feed_entries))
    )


def _json_item(event: dict[str, Any], config: Config) -> dict[str, Any]:
    return {
        "id": absolute_url(config, event["url"]),
        "url": absolute_url(config, event["url"]),
        "title": f"{event['label']}: {event['title']}",
        "content_text": event["summary"],
        "date_published": event["first_reported"],
        "date_modified": event["updated"],
        "tags": event["tags"],
        "authors": [{"name": outlet} for outlet in event["outlets"]],
        "_dateline": {"date": event["date"], "value": event["value"], "label": event["label"]},
    }


def newest_first(events: list[dict[str, Any]], limit: int = 0) -> list[dict[str, Any]]:
    """Entries by when they happened, latest first (timeline order reversed); the first
    `limit` of them, or all if it is 0."""
    latest = events[-limit:] if limit else events
    return list(reversed(latest))


def _updated(events: list[dict[str, Any]], generated: datetime | None) -> datetime:
    if events:
        return max(datetime.fromisoformat(e["updated"]) for e in events)
    return generated or EPOCH
