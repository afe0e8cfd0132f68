"""Counts of killed and injured read from sentences."""

from __future__ import annotations

import pytest

from generator.figures import find_figures
from generator.model import Figures

CASES = [
    (
        "The strike hit the city overnight, killing at least four people and injuring around 20.",
        4,
        20,
    ),
    ("A shooting at a party left two people dead.", 2, None),
    ("Two men were killed and 3 others wounded.", 2, 3),
    ("At least 10 people were injured in the blast.", None, 10),
    ("The 17-year-old was charged on Monday.", None, None),
]


@pytest.mark.parametrize(("sentence", "killed", "injured"), CASES)
def test_find_figures(sentence: str, killed: int | None, injured: int | None) -> None:
    assert find_figures([sentence]) == Figures(killed, injured)


def test_the_first_sentence_that_gives_a_count_wins() -> None:
    assert find_figures(["Four people were killed.", "Five people were killed."]).killed == 4
