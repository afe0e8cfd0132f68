"""Finds place names in a sentence with the GeoNames gazetteer and the sentence's own cues."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.gazetteer import NAME, load_gazetteer

# A place is where something happened only when the sentence says so: a locative phrase ('in',
# 'near', 'strikes on', 'over', 'hit', 'visited', 'a trip to', 'the city of', 'districts of', 'in
# the capital,'), maybe with a direction ('in central', 'in eastern'). A name without one is mostly
# who acted or was spoken of: 'Kyiv said', 'Moscow accused Kyiv', 'Kyiv's forces'.
_PREPOSITION = (
    r"in|at|on|onto|over|near|outside|inside|into|across|around|through|throughout|toward|towards"
    r"|within"
)
_LOCATIVE_BEFORE = re.compile(
    rf"(?:\b(?:{_PREPOSITION}|visit(?:ed|ing|s)?|tour(?:ed|ing|s)?|reach(?:ed|es|ing)?"
    r"|hits?|struck|strikes?|target(?:s|ed|ing)?|shell(?:s|ed|ing)?|bomb(?:s|ed|ing)?"
    r"|pound(?:s|ed|ing)?|attack(?:s|ed)?|besieg(?:e|es|ed|ing)|encircl(?:e|es|ed|ing)"
    r"|captur(?:e|es|ed|ing)|liberat(?:e|es|ed|ing)|evacuat(?:e|es|ed|ing)|fled)"
    r"|\b(?:trip|travel(?:l?ed)?|flew|returned) to|\b(?:battle|fight(?:ing)?) for"
    r"|\b(?:city|town|village|region|province|capital|port|suburbs?|districts?|outskirts"
    r"|cent(?:re|er)|streets|neighbou?rhoods?|residents|skies|siege|fall|capture|liberation"
    r"|evacuation|shelling|bombing)\s+of"
    rf"|\b(?:{_PREPOSITION})\s+(?:the|its|a)\s+(?:[\w-]+\s+){{0,3}}(?:capital|city|town|port),?)"
    r"\s+(?:(?:the|a|an)\s+)?"
    r"(?:(?:central|downtown|(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west))\s+)?$",
    re.IGNORECASE,
)
# ... but after 'pressure on', 'sanctions on', 'called on' or 'a dispute over' it is whom a demand
# is made of or what is argued about.
_ADDRESSED_BEFORE = re.compile(
    r"\b(?:pressure|sanctions|tariffs|restrictions|embargo|bans?|blame|demands|call(?:s|ed|ing)?"
    r"|rel(?:y|ies|ied|ying)|depend(?:s|ed|ing)?|focus(?:es|ed|ing)?|insist(?:s|ed|ing)?"
    r"|agree(?:s|d|ing)?|comment(?:s|ed|ing)?|dispute|row|tensions?|talks|negotiations|control"
    r"|influence|sovereignty|criticism|anger|outrage)\s+(?:on|over)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# After the name: 'the Poltava and Khmelnytskyi regions', and a city's own police or fire service,
# which are called to where it happened ('Chicago police said'); not its mayor, who speaks for it.
_LOCATIVE_AFTER = re.compile(
    r"^(?:\s+and\s+[A-Z][\w’'-]*)?\s+(?:regions?|oblasts?|provinces?|county|counties|state|district)\b"
    r"|^\s+(?i:police|sheriff|fire (?:department|service))\b"
)
# A place in the possessive is where only when what it has is part of a place: 'Kyiv's Darnytskyi
# district', 'Kyiv's residential and government buildings'; not 'Kyiv's forces', 'Hanna's death'.
_PART_OF_PLACE = re.compile(
    r"^[’']s\s+(?:(?:[A-Z][\w’'-]*|and|city|old|main|central|historic|residential|government"
    r"|industrial|civilian|energy|power|(?:north|south|east|west)(?:ern)?)\s+){0,3}"
    r"(?:districts?|neighbou?rhoods?|suburbs?|outskirts|cent(?:re|er)|downtown|streets?|squares?"
    r"|avenues?|airports?|ports?|harbou?rs?|metro|subway|stations?|buildings?|homes|houses"
    r"|apartments?|blocks|hospitals?|schools|skies|airspace|residents|infrastructure|grid"
    r"|bridges?|riverbanks?|regions?|oblasts?|provinces?|areas?|quarters?|north|south|east|west)\b"
)
# Names joined to a place already found share its phrase: 'in Kyiv, Lviv and Odesa', 'in Paris,
# Texas.'; after a bare comma only an item of a list that goes on, or a region that ends the
# phrase ('In Kyiv, Russia launched' and 'Greenville, Pa.' are not).
_JOINED = re.compile(r",?\s+(?:and|or)\s+(?:the\s+)?")
_LISTED = re.compile(r",\s*")
_LIST_GOES_ON = re.compile(r"^(?:,|\s+and\b|\s+or\b)")
_PHRASE_ENDS = re.compile(r"^(?:[.;:)]|\s+[-–—]|$)")
_POSSESSIVE = re.compile(r"[’']s$")
_WORDS = re.compile(r"[^ ]+")
_MONTH = re.compile(
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
# A preposition or conjunction opening a sentence is capitalised and runs into the name after it.
_OPENER = re.compile(
    r"In|At|On|Near|Outside|Inside|Across|Around|Over|Into|Through|Throughout|Within|From|To|And"
    r"|But|After|Before|Since|Besides"
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
    """Where the sentence says something happened, by the places' shown names: known cities and
    regions the sentence names in a locative phrase."""
    return tuple(dict.fromkeys(name for name, locative in _scan(sentence) if locative))


def mentioned_places(sentence: str) -> tuple[str, ...]:
    """Every known city and region the sentence names, as where or not ('Kyiv said')."""
    return tuple(dict.fromkeys(name for name, _ in _scan(sentence)))


@lru_cache(maxsize=4096)
def _scan(sentence: str) -> tuple[tuple[str, bool], ...]:
    """Each place the sentence names, by its shown name, and whether it is named as where."""
    gazetteer = load_gazetteer()
    cities, regions = gazetteer.cities, gazetteer.regions
    found: list[tuple[str, bool]] = []
    joined_from = -1  # where a name joined to the last locative one would start
    for match in NAME.finditer(sentence):
        for name, first, last in _name_variants(match.group()):
            start, end = match.start() + first, match.start() + last
            place = cities.get(name)
            if (place is None and name not in regions) or _MONTH.fullmatch(name):
                continue  # most capitalised words: no need to look around them
            region = place is None
            joined = joined_from >= 0 and _joined(sentence, joined_from, start, end, region)
            locative = joined or _locative(sentence, start, end)
            found.append((place.name if place else name, locative))
            joined_from = end if locative else -1
            break
    return tuple(found)


def _joined(sentence: str, previous_end: int, start: int, end: int, region: bool) -> bool:
    """Whether the name at start:end is joined to the place ending at previous_end."""
    if _JOINED.fullmatch(sentence, previous_end, start):
        return True
    after = sentence[end : end + 4]
    listed = bool(_LIST_GOES_ON.match(after) or (region and _PHRASE_ENDS.match(after)))
    return listed and bool(_LISTED.fullmatch(sentence, previous_end, start))


def _locative(sentence: str, start: int, end: int) -> bool:
    """Whether the name at start:end is named as where: after a locative phrase that is not a
    demand or a dispute, before 'region' or 'oblast', or owning a part of a place."""
    after = sentence[end : end + 80]
    if after.startswith(("'s", "’s")):
        return bool(_PART_OF_PLACE.match(after))
    before = sentence[max(0, start - 40) : start]
    if _ADDRESSED_BEFORE.search(before):
        return False
    return bool(_LOCATIVE_BEFORE.search(before) or _LOCATIVE_AFTER.match(after))


@lru_cache(maxsize=8192)  # an article names its places again and again: each run is cut once
def _name_variants(text: str) -> tuple[tuple[str, int, int], ...]:
    """The whole capitalised run, then the parts of it a place can be: the words before an
    institution ('Memphis Police', 'Little Rock Fire Department') or a day ('Elgin Friday
    afternoon') or after a direction or a word opening the sentence ('North Philadelphia', 'In
    Kyiv, ...') or in the possessive ('Kyiv's Darnytskyi district'); not a word of a person's or
    a street's name ('Sofia Chiddo', 'West Addison Street', 'Eagle View Mobile Home Park').
    Offsets are into `text`."""
    clean = _POSSESSIVE.sub("", text)
    words = [(word.group(), word.start(), word.end()) for word in _WORDS.finditer(clean)]
    variants = [(clean, 0, len(clean))]
    for cut in range(len(words) - 1, 0, -1):
        head, tail = words[:cut], words[cut:]
        if _INSTITUTION.fullmatch(tail[0][0]):
            variants.append(_variant(clean, head))
        if all(_DIRECTION.fullmatch(word) or _OPENER.fullmatch(word) for word, _, _ in head):
            variants.append(_variant(clean, tail))
        if _WEEKDAY.fullmatch(tail[0][0]) or _MONTH.fullmatch(tail[0][0]):
            variants.append(_variant(clean, head))
        if _POSSESSIVE.search(head[-1][0]):
            name, start, end = _variant(clean, head)
            variants.append((name[:-2], start, end - 2))
    return tuple(variants)


def _variant(text: str, words: list[tuple[str, int, int]]) -> tuple[str, int, int]:
    start, end = words[0][1], words[-1][2]
    return text[start:end], start, end
