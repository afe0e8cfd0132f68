"""Places a sentence names: gazetteer cities and regions in locative phrases, not people or streets."""

from __future__ import annotations

import pytest

from generator.places import find_places, mentioned_places


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A boy died after a shooting Friday night in Bartow County.", ("Bartow",)),
        ("A man was shot in Tacoma on Monday.", ("Tacoma",)),
        ("A girl was shot inside a North Philadelphia home.", ("Philadelphia",)),
        ("Strikes hit Kyiv and the western city of Ternopil.", ("Kyiv", "Ternopil")),
        ("He was born in Newcastle upon Tyne.", ("Newcastle upon Tyne",)),
        ("He lived in the Eagle View Mobile Home Park.", ()),
        ("Sofia Chiddo was found dead with her mother.", ()),
        ("It happened in the 4700 block of West Addison Street.", ()),
        ("He was shot in March while shoveling snow.", ()),
    ],
)
def test_places_are_cities_and_regions_not_names_of_people_streets_or_months(
    sentence: str, expected: tuple[str, ...]
) -> None:
    assert find_places(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A boy shot himself in Tacoma Friday afternoon.", ("Tacoma",)),
        ("The minister visited Ternopil and met local officials.", ("Ternopil",)),
        ("A convoy of trucks reached Sumy on Monday.", ("Sumy",)),
        ("She made an unannounced trip to Poltava.", ("Poltava",)),
        ("Crowds rallied in central Kursk and in eastern Tacoma.", ("Kursk", "Tacoma")),
        ("Officials said Tacoma will vote.", ()),
    ],
)
def test_a_place_is_named_by_a_verb_of_going_a_direction_or_with_the_day_after_it(
    sentence: str, expected: tuple[str, ...]
) -> None:
    assert find_places(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shelling was reported in Mykolaiv.", ("Mykolaiv",)),
        ("Shelling was reported in Mykolayiv.", ("Mykolaiv",)),
        ("Shelling was reported in Nikolaev.", ("Mykolaiv",)),
        ("Power was cut in Zaporizhzhya, Zaporozhye and Zaporizhzhia.", ("Zaporizhzhia",)),
        ("Crowds marched in Vinnytsia and in Vinnytsya.", ("Vinnytsia",)),
        ("Sirens sounded in Kiev and near Kharkov.", ("Kyiv", "Kharkiv")),
        ("Ships left the port of Odessa.", ("Odesa",)),
        ("Trains from Lvov reached Odessa.", ("Odesa",)),
        ("Talks resumed in Gaza City.", ("Gaza",)),
        ("The cargo reached Bombay.", ("Mumbai",)),
    ],
)
def test_a_place_spelled_as_news_spells_it_is_one_place_shown_by_one_name(
    sentence: str, expected: tuple[str, ...]
) -> None:
    assert find_places(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 'White House' is an old English name of Casablanca, and every word of it English.
        ("Protesters gathered near the White House.", ()),
        # Canton, Ohio is called Canton; that Guangzhou once was too does not move it.
        ("A man was shot in Canton on Friday.", ("Canton",)),
        # 'Bexar' is a county in Texas before it is an old name of Béchar in Algeria.
        ("He was held in the Bexar County Jail.", ()),
        # A person's name in the possessive, though a city in India is also called Hanna.
        ("Police charged a boy in Hanna's death.", ()),
        ("Police charged a boy in Jackson's death.", ()),
    ],
)
def test_another_name_of_a_place_is_not_an_english_word_another_places_name_or_a_person(
    sentence: str, expected: tuple[str, ...]
) -> None:
    assert find_places(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Who acts, accuses, is accused or is spoken to is not where: the capital names its government.
        ("Kyiv said the talks would go on.", ()),
        ("Kiev said the talks would go on.", ()),
        ("Putin accused Kyiv of orchestrating terror attacks inside Russia.", ("Russia",)),
        ("Moscow blamed Kyiv for the blast and warned Washington.", ()),
        ("Kyiv’s forces pushed towards the river.", ()),
        ("Leaders called on the world to put pressure on Russia.", ()),
        ("The two sides traded accusations in a dispute over Crimea.", ()),
        ("Delegations from Kyiv and Moscow met in Istanbul.", ("Istanbul",)),
        # Where: a locative phrase, an attack on it, a part of it in the possessive, its own police.
        ("Russia launched a drone and missile attack on Kyiv overnight.", ("Kyiv",)),
        ("Air defences shot down drones over Kyiv.", ("Kyiv",)),
        ("Strikes on Kharkiv and Lviv killed three people.", ("Kharkiv", "Lviv")),
        ("Explosions shook Kyiv’s Darnytskyi district.", ("Kyiv",)),
        ("Debris fell on Kyiv's residential and government buildings.", ("Kyiv",)),
        ("Officials in the capital, Kyiv, counted the damage.", ("Kyiv",)),
        ("Shares closed lower in Paris, Zurich and Milan.", ("Paris", "Zürich", "Milan")),
        ("A man was shot in Bethesda, Maryland, on Friday.", ("Bethesda", "Maryland")),
        ("A man was shot in Greenville, Pa.", ("Greenville",)),
        ("Chicago police said the boy was shot twice.", ("Chicago",)),
        ("Kyiv Mayor Vitali Klitschko said the metro was shut.", ()),
        ("In Kyiv, the metro was shut after a strike.", ("Kyiv",)),
        ("In Kyiv, Russia hit the power grid.", ("Kyiv",)),
        ("In March, Kyiv and Moscow traded prisoners in Sumy.", ("Sumy",)),
        ("Near North Philadelphia, a man was shot.", ("Philadelphia",)),
    ],
)
def test_a_city_or_country_is_a_place_when_named_as_where_not_as_who_acts(
    sentence: str, expected: tuple[str, ...]
) -> None:
    assert find_places(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("In addition to Kyiv, Russia hit Ternopil.", ("Kyiv", "Russia", "Ternopil")),
        ("Kiev said the talks would go on.", ("Kyiv",)),
    ],
)
def test_every_place_a_sentence_names_is_mentioned_whether_as_where_or_not(
    sentence: str, named: tuple[str, ...]
) -> None:
    assert mentioned_places(sentence) == named
