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
