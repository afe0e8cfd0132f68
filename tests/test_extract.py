"""One article's candidates: which dates start an entry, what is boilerplate, what restates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from generator.model import Article
from generator.pipeline import read_article


def read(*paragraphs: str, title: str = "Report") -> list[tuple[str, str]]:
    """(value, phrase) of each candidate of an article published on Thursday 2024-03-14."""
    body = "\n\n".join(paragraphs) + "\n"
    published = datetime(2024, 3, 14, 9, 0, tzinfo=UTC)
    article = Article("articles/a.md", "a", title, published, "UTC", "en", body, 5)
    return [(c.when.value, c.source.phrase or "") for c in read_article(article).candidates]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "He was shot about 4:47 p.m. Wednesday, deputies said.",
            [("2024-03-13T16:47", "4:47 p.m. Wednesday")],
        ),
        ("Wednesday, deputies said the boy had found the gun in a car.", []),
        ("Police announced Wednesday that the boy had died.", []),
    ],
)
def test_an_attribution_that_ends_the_sentence_does_not_date_a_report(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "Copyright 2024 WXYZ. All rights reserved.",
        "Boy shot in Springfield Posted: Wednesday, March 13, 2024 5:29 PM EDT",
        "(Published Wednesday, March 13, 2024)",
        "Campus not on lockdown. — State U (@StateU) March 13, 2024",
        "Details: https://t.co/abc on March 13, 2024",
        "Crews rushed to the 1800 block of N 20th Street.",
    ],
)
def test_page_furniture_and_street_numbers_make_no_entry(paragraph: str) -> None:
    assert read(paragraph) == []
