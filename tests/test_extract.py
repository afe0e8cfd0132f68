"""Which date of a sentence dates its event (its own, not the report's); what is page furniture."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from generator.model import Article
from generator.pipeline import read_article


def entries_of(body: str) -> list[tuple[str, str]]:
    article = Article(
        path="a.md", slug="a", title="A", published=datetime(2025, 6, 13, tzinfo=ZoneInfo("UTC")),
        timezone="UTC", language="en", body=body, body_line=5,
    )  # fmt: skip
    return [(c.when.value, c.source.phrase or "") for c in read_article(article).candidates]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The crest passed Budapest on Thursday, officials said.", [("2025-06-12", "Thursday")]),
        ("Zelenskyy announced Friday that Russia had launched 400 drones Thursday night.", [("2025-06-12TNI", "Thursday night")]),
        ("On Friday, officials said the road had reopened.", []),
        ("Friday's strikes were the worst of the war.", []),
        ("The mayor wrote early Friday that rescue work goes on.", []),
        ("Bratislava raised its flood barriers on Sunday, 8 June.", [("2025-06-08", "Sunday, 8 June")]),
    ],
)  # fmt: skip
def test_the_event_is_dated_by_its_own_clause(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert entries_of(sentence) == expected


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


def test_a_reports_context_holds_its_words_so_merging_copies_neither() -> None:
    body = (
        "On Monday, drones struck an airfield near Olenya. "
        "The strike destroyed several bombers, officials said.\n\n"
        "Talks in Istanbul followed on Tuesday."
    )
    reading = read_article(
        Article(
            path="a.md", slug="a", title="Drones strike airfield", body=body, body_line=5,
            published=datetime(2025, 6, 13, tzinfo=ZoneInfo("UTC")), timezone="UTC",
            language="en",
        )
    )  # fmt: skip
    assert reading.candidates
    for candidate in (*reading.candidates, *reading.mentions):
        assert candidate.words <= candidate.context
        assert candidate.all_words is candidate.context
    first = reading.candidates[0]
    apart = replace(first, context=frozenset({"elsewhere"}))
    assert apart.all_words == first.words | {"elsewhere"}
