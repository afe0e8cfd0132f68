"""Table-driven tests of news conventions measured on TimeML corpora: decades, deadlines,
fiscal periods and quarter anaphora. Each row: sentence, phrase as tagged, anchor, type, value."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.timex import tag

FRI = dt.date(2025, 6, 6)  # a Friday
MON = dt.date(2025, 6, 2)
OCT89 = dt.date(1989, 10, 26)  # a Thursday in an earnings season

CASES: list[tuple[str, str, dt.date, str, str]] = [
    # decades and centuries as TimeML writes them: "199" is the 1990s
    ("Prices fell through the nineties.", "the nineties", FRI, "DATE", "199"),
    ("It peaked in the late 1970s.", "the late 1970s", FRI, "DATE", "197"),
    ("The fad returned in the mid-1990s.", "the mid-1990s", FRI, "DATE", "199"),
    ("It was big in the '60s.", "the '60s", dt.date(1998, 1, 1), "DATE", "196"),
    ("Growth slowed last decade.", "last decade", dt.date(1998, 2, 6), "DATE", "198"),
    ("The 20th century ended.", "The 20th century", FRI, "DATE", "19"),
    # a preposition that sets a deadline or a start points to the future
    ("The dividend is payable Jan. 2 to holders.", "Jan. 2", OCT89, "DATE", "1990-01-02"),
    ("The change is effective Feb. 1.", "Feb. 1", OCT89, "DATE", "1990-02-01"),
    ("The pact takes force effective June 1.", "June 1", OCT89, "DATE", "1990-06-01"),
    ("Buyers could arrive as soon as Tuesday, he said.", "Tuesday", FRI, "DATE", "2025-06-10"),
    ("They could come as early as Monday.", "Monday", FRI, "DATE", "2025-06-09"),
    (
        "Officials postponed until Tuesday morning any action.",
        "Tuesday morning",
        FRI,
        "TIME",
        "2025-06-10TMO",
    ),
    (
        "They were given until 9 a.m. Tuesday to sign.",
        "9 a.m. Tuesday",
        FRI,
        "TIME",
        "2025-06-10T09:00",
    ),
    (
        "The carrier said it would double its flights between Sydney and Bombay by August.",
        "August",
        dt.date(1998, 2, 13),
        "DATE",
        "1998-08",
    ),
    ("It plans to repay the loan by February.", "February", OCT89, "DATE", "1990-02"),
    ("Stock traded as soon as markets opened Monday.", "Monday", OCT89, "DATE", "1989-10-23"),
    # initials and titles do not end a clause
    (
        "Mr. Smith will succeed Daniel P. Davison Feb. 1, the bank said.",
        "Feb. 1",
        OCT89,
        "DATE",
        "1990-02-01",
    ),
    ("Gov. Jones will sign the bill Monday.", "Monday", FRI, "DATE", "2025-06-09"),
    ("The group agreed to acquire the company in January.", "January", OCT89, "DATE", "1990-01"),
]


def _find(text: str, phrase: str, anchor: dt.date) -> tuple[str, str]:
    found = tag(text, anchor, "UTC")
    for timex in found:
        if timex.text == phrase:
            return timex.type, timex.value
    raise AssertionError(f"{phrase!r} not in {[(t.text, t.value) for t in found]}")


@pytest.mark.parametrize(("text", "phrase", "anchor", "kind", "value"), CASES)
def test_news_value(text: str, phrase: str, anchor: dt.date, kind: str, value: str) -> None:
    assert _find(text, phrase, anchor) == (kind, value)
