"""Takes entry views and the config and gives links out of the site: absolute URLs, text
fragments into original articles, and schema.org JSON-LD."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from generator.config import Config
from generator.escaping import script_json

# A fragment quotes the first and last words of a long sentence, so small edits in between
# (a corrected figure, a changed quote mark) still let the browser find it.
FRAGMENT_WORDS = 5
# Each byte of a text directive (its UTF-8 read as Latin-1) as urllib.parse.quote(safe="")
# writes it, '-' percent-encoded as well: quote loops in Python over every byte of 200,000
# sentence ends at 10,000 articles.
_FRAGMENT_BYTES = {byte: quote(chr(byte).encode("latin-1"), safe="").replace("-", "%2D")
                   for byte in range(256)}  # fmt: skip


def absolute_url(config: Config, path: str) -> str:
    return config.base_url.rstrip("/") + "/" + path.lstrip("/")


def canonical_url(config: Config, path: str) -> str | None:
    """The page's full URL, or None while base_url has no scheme and host (e.g. the default '/'):
    a canonical link must be absolute, and a wrong one is worse than none."""
    if not re.match(r"^https?://[^/]+", config.base_url, flags=re.IGNORECASE):
        return None
    return absolute_url(config, path.removesuffix("index.html"))


def text_fragment_url(url: str, sentence: str) -> str:
    """The URL with a `#:~:text=` fragment that scrolls to and highlights the sentence."""
    words = sentence.split()
    if not words:
        return url
    page = url.split("#", 1)[0]
    if len(words) <= 2 * FRAGMENT_WORDS:
        directive = _fragment_text(" ".join(words))
    else:
        start = _fragment_text(" ".join(words[:FRAGMENT_WORDS]))
        directive = start + "," + _fragment_text(" ".join(words[-FRAGMENT_WORDS:]))
    return f"{page}#:~:text={directive}"


def _fragment_text(text: str) -> str:
    """Percent-encodes everything a text directive treats as syntax, '-', ',' and '&' included:
    quote(text, safe="") with '-' encoded too, by one table lookup per byte."""
    return text.encode().decode("latin-1").translate(_FRAGMENT_BYTES)


def event_json_ld(event: dict[str, Any], config: Config) -> str:
    """A schema.org Event for an entry page, safe inside <script type=application/ld+json>."""
    document = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event["title"],
        "description": event["summary"],
        "startDate": event["start"],
        "endDate": event["end"],
        "url": absolute_url(config, event["url"]),
        "location": [{"@type": "Place", "name": place} for place in event["places"]],
        "keywords": ", ".join(event["tags"]),
        "subjectOf": [_news_article(source) for source in event["sources"]],
    }
    return script_json(document, indent=2, sort_keys=False)


def _news_article(source: dict[str, Any]) -> dict[str, Any]:
    article: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": source["title"],
        "datePublished": source["published"],
    }
    if source["url"]:
        article["url"] = source["url"]
    if source["outlet"]:
        article["publisher"] = {"@type": "Organization", "name": source["outlet"]}
    return article
