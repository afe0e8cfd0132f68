"""Which date of a sentence dates its event: the event's own, not the report's."""

from __future__ import annotations

from datetime import datetime
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
def test_the_event_is_dated_by_its_own_clause(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert entries_of(sentence) == expected
