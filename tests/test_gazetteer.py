"""The gazetteer shows a place by one name: GeoNames' own, or its country's official romanisation."""

from __future__ import annotations

import pytest

from generator.gazetteer import load_gazetteer


@pytest.mark.parametrize(
    ("spelling", "shown"),
    [
        # GeoNames spells these in an older system; Ukraine's 2010 one is what news uses.
        ("Zaporizhzhya", "Zaporizhzhia"),
        ("Mykolayiv", "Mykolaiv"),
        ("Vinnytsya", "Vinnytsia"),
        ("Kryvyy Rih", "Kryvyi Rih"),
        ("Slovyansk", "Sloviansk"),
        ("Izyum", "Izium"),
        # Already in it: unchanged.
        ("Kyiv", "Kyiv"),
        ("Odesa", "Odesa"),
        ("Kharkiv", "Kharkiv"),
        ("Dnipro", "Dnipro"),
        # Not a Ukrainian city: GeoNames' name.
        ("Kraków", "Kraków"),
    ],
)
def test_a_ukrainian_city_is_shown_in_ukraines_official_romanisation(
    spelling: str, shown: str
) -> None:
    assert load_gazetteer().cities[spelling].name == shown


def test_a_former_name_is_not_taken_for_a_romanisation() -> None:
    # GeoNames lists Stakhanov, the Soviet name of Kadiyivka, among its names.
    assert load_gazetteer().cities["Kadiyivka"].name == "Kadiyivka"


@pytest.mark.parametrize(("spelling", "read"), [("Kiev", True), ("Kyiw", True), ("IEV", False),
    ("Civ", False), ("Kijów", False), ("Київ", False)])  # fmt: skip
def test_a_citys_other_names_are_read_in_plain_latin_letters_not_codes_or_short_forms(
    spelling: str, read: bool
) -> None:
    place = load_gazetteer().cities.get(spelling)
    assert (place is not None and place.name == "Kyiv") == read


@pytest.mark.parametrize(
    ("spelling", "shown", "population"),
    [
        # A Ukrainian city's Russian name romanised is its own name, and a far bigger place than
        # the town in Texas or Moscow Oblast that GeoNames calls so.
        ("Odessa", "Odesa", 1_010_537),
        ("Odesa", "Odesa", 1_010_537),
        ("Kharkov", "Kharkiv", 1_421_125),
        ("Lvov", "Lviv", 717_273),
        ("Nikolaev", "Mykolaiv", 470_011),
        ("Kiev", "Kyiv", 2_952_301),
        # Unchanged: the biggest place of the name, whatever else is called so.
        ("Paris", "Paris", 2_138_551),
        ("Birmingham", "Birmingham", 1_157_603),
        ("Moscow", "Moscow", 10_381_222),
        ("Sumy", "Sumy", 256_474),
        # A name another country's city is also written as is another place's (Sydney, Hannover,
        # Monterrey, Guangzhou): only Cyrillic names romanised count as the city's own.
        ("Sidney", "Sidney", 20_858),
        ("Hanover", "Hanover", 38_088),
        ("Monterey", "Monterey", 28_338),
        ("Canton", "Canton", 86_825),
    ],
)
def test_a_name_is_the_biggest_place_it_is_the_own_name_of_in_any_romanisation(
    spelling: str, shown: str, population: int
) -> None:
    assert load_gazetteer().cities[spelling] == (shown, population)


def test_a_country_or_state_is_a_region_not_a_city() -> None:
    gazetteer = load_gazetteer()
    assert "Georgia" in gazetteer.regions and "Georgia" not in gazetteer.cities
