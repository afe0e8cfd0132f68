"""Titles: the event's clause, in the present tense, without a wire dateline."""

from __future__ import annotations

import pytest

from generator.headline import make_title, strip_dateline
from generator.model import Span
from generator.present import present_tense


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Russia launched a drone attack on Kyiv", "Russia launches a drone attack on Kyiv"),
        ("Negotiators met in Istanbul", "Negotiators meet in Istanbul"),
        (
            "More than 2,000 homes in Kyiv were without power",
            "More than 2,000 homes in Kyiv are without power",
        ),
        ("Russia had launched 400 drones", "Russia launches 400 drones"),
        (
            "The mayors of Vienna and Budapest agreed to meet",
            "The mayors of Vienna and Budapest agree to meet",
        ),
        ("A man wounded in the attack died", "A man wounded in the attack dies"),
        ("A joint warning system will be tested", "A joint warning system will be tested"),
        ("The crest is expected to reach Budapest", "The crest is expected to reach Budapest"),
        ("He ought to resign", "He ought to resign"),
        ("The car was on grass and remained there", "The car is on grass and remained there"),
        (
            "Ukraine’s surprise attack on Russia’s bomber fleet",
            "Ukraine’s surprise attack on Russia’s bomber fleet",
        ),
    ],
)
def test_a_title_is_in_the_present_tense(title: str, expected: str) -> None:
    assert present_tense(title) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("KYIV, Ukraine (AP) — Russia launched drones.", "Russia launched drones."),
        ("() — Russia launched drones.", "Russia launched drones."),
        ("ST. LOUIS (KTVI) - A girl died.", "A girl died."),
        ("NEW HAVEN>> One woman is dead.", "One woman is dead."),
        ("TACOMA, Wash. -- A man was shot.", "A man was shot."),
        ("Miami-Dade Police said a girl died.", "Miami-Dade Police said a girl died."),
        (
            "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG AGAIN AND AGAIN, AND THEN SOME",
            "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG AGAIN AND AGAIN, AND THEN SOME",
        ),
    ],
)
def test_a_wire_dateline_is_no_part_of_a_summary(sentence: str, expected: str) -> None:
    assert strip_dateline(sentence) == expected


def test_a_title_starts_after_the_dateline() -> None:
    sentence = "KYIV, Ukraine (AP) — Russia launched a drone attack on Kyiv overnight."
    start = sentence.index("overnight")
    assert make_title(sentence, Span(start, start + len("overnight"))) == (
        "Russia launches a drone attack on Kyiv"
    )
