"""Finds place names in a sentence with the GeoNames gazetteer and the sentence's own cues."""

from __future__ import annotations

import re

from generator.gazetteer import NAME, Place, load_gazetteer

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


def find_places(sentence: str) -> tuple[str, ...]:
    """Places the sentence names, by their shown names: a known city or region in a locative
    phrase, or a big city by its own name."""
    gazetteer = load_gazetteer()
    cities, regions = gazetteer.cities, gazetteer.regions
    found: list[str] = []
    for match in NAME.finditer(sentence):
        if _MONTH.fullmatch(match.group()):
            continue
        for name, start, end in _name_variants(match.group(), match.start()):
            if name not in cities and name not in regions:
                continue  # most capitalised words: no need to look around them
            before, after = sentence[max(0, start - 40) : start], sentence[end : end + 40]
            locative = bool(_LOCATIVE_BEFORE.search(before) or _LOCATIVE_AFTER.match(after))
            place = cities.get(name)
            if place and _names(place, locative, sentence[end : end + 2]):
                found.append(place.name)
                break
            if name in regions and locative:
                found.append(name)
                break
    return tuple(dict.fromkeys(found))


def _names(place: Place, locative: bool, following: str) -> bool:
    """A big city's own name needs no cue ('Kyiv said'); another of its names needs one, and is
    not in the possessive, as a person's name often is ('in Hanna's death')."""
    if place.alternate:
        return locative and following not in ("'s", "’s")
    return locative or place.population >= _BIG_CITY


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
