"""Proper names: the evidence that two reports are about the same people and place."""

from __future__ import annotations

import pytest

from generator.wording import proper_names


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police said Kyle Markins of Findlay died.", {"kyle", "markin", "findlay"}),
        ("Kyle Markins died in March.", {"kyle", "markin"}),
        ("“It is sad,” Sheriff Brian Siefker said on Monday.", {"sheriff", "brian", "siefker"}),
        ("The boy died.", set()),
    ],
)
def test_proper_names_are_capitalised_words_not_a_sentence_opener_months_or_weekdays(
    sentence: str, expected: set[str]
) -> None:
    assert proper_names([sentence]) == expected
