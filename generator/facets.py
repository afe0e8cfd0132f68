"""Takes entry views and gives their facets: the tags, places and sources readers filter by."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from slugify import slugify

# kind, the folder of its pages, the heading of its index page
KINDS = (("tag", "tags", "Tags"), ("place", "places", "Places"), ("source", "sources", "Sources"))
FOLDERS = {kind: folder for kind, folder, _ in KINDS}
VIEW_KEYS = {"tag": "tags", "place": "places", "source": "outlets"}


@dataclass(frozen=True, slots=True)
class Facet:
    """One value of a facet and how many entries have it; `url` is relative to the site root."""

    kind: str
    name: str
    slug: str
    count: int

    @property
    def folder(self) -> str:
        return FOLDERS[self.kind]

    @property
    def kind_label(self) -> str:
        return self.kind.capitalize()

    @property
    def url(self) -> str:
        return f"{self.folder}/{self.slug}/index.html"


@lru_cache(maxsize=8192)  # a site has few facet names, slugified once per entry and page
def facet_slug(name: str) -> str:
    """The URL-safe name of a facet value; names with no letters or digits get a stable hash."""
    return slugify(name) or "x-" + hashlib.sha256(name.encode()).hexdigest()[:8]


def facet_links(kind: str, names: list[str]) -> list[dict[str, str]]:
    """What an entry shows for one facet: each value's name, slug and page."""
    facets = [Facet(kind, name, facet_slug(name), 0) for name in names]
    return [{"name": f.name, "slug": f.slug, "url": f.url} for f in facets]


def collect_facets(events: list[dict[str, Any]]) -> dict[str, list[Facet]]:
    """Every facet value of the entries, most frequent first, then by name."""
    collected: dict[str, list[Facet]] = {}
    for kind, _, _ in KINDS:
        counts: Counter[str] = Counter()
        names: dict[str, str] = {}
        for event in events:
            for name in set(event[VIEW_KEYS[kind]]):
                slug = facet_slug(name)
                counts[slug] += 1
                names.setdefault(slug, name)
        ranked = sorted(counts, key=lambda slug: (-counts[slug], names[slug].casefold(), slug))
        collected[kind] = [Facet(kind, names[slug], slug, counts[slug]) for slug in ranked]
    return collected


def facet_members(events: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The entries of each facet value, keyed by kind and slug, in timeline order: one pass over
    the entries, not one per value (a large archive has thousands of values)."""
    members: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for event in events:
        for kind, _, _ in KINDS:
            slugs = dict.fromkeys(facet_slug(name) for name in event[VIEW_KEYS[kind]])
            for slug in slugs:
                members.setdefault((kind, slug), []).append(event)
    return members
