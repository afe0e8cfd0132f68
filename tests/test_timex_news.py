"""Table-driven tests of news conventions measured on TimeML corpora: decades, deadlines,
fiscal periods and quarter anaphora. Each row: sentence, phrase as tagged, anchor, type, value."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.timex import tag

FRI = dt.date(2025, 6, 6)  # a Friday
MON = dt.date(2025, 6, 2)
OCT89 = dt.date(1989, 10, 26)  # a Thursday in an earnings season

# fmt: off
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
    ("Officials postponed until Tuesday morning any action.", "Tuesday morning", FRI, "TIME", "2025-06-10TMO"),
    ("They were given until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday", FRI, "TIME", "2025-06-10T09:00"),
    ("The carrier said it would double its flights between Sydney and Bombay by August.", "August", dt.date(1998, 2, 13), "DATE", "1998-08"),
    ("It plans to repay the loan by February.", "February", OCT89, "DATE", "1990-02"),
    ("Stock traded as soon as markets opened Monday.", "Monday", OCT89, "DATE", "1989-10-23"),
    # initials and titles do not end a clause
    ("Mr. Smith will succeed Daniel P. Davison Feb. 1, the bank said.", "Feb. 1", OCT89, "DATE", "1990-02-01"),
    ("Gov. Jones will sign the bill Monday.", "Monday", FRI, "DATE", "2025-06-09"),
    ("The group agreed to acquire the company in January.", "January", OCT89, "DATE", "1990-01"),
    # quarters: the latest one begun, unless the clause looks ahead
    ("Profit rose 33% in the fiscal first quarter.", "the fiscal first quarter", OCT89, "DATE", "1989-Q1"),
    ("Sales will recover in the first quarter.", "the first quarter", OCT89, "DATE", "1990-Q1"),
    ("Third-quarter profit fell.", "Third-quarter", dt.date(1989, 11, 2), "DATE", "1989-Q3"),
    ("It expects to release third-quarter results soon.", "third-quarter", OCT89, "DATE", "1989-Q3"),
    ("Second-quarter sales fell.", "Second-quarter", dt.date(1998, 1, 26), "DATE", "1997-Q2"),
    # comparisons in earnings reports refer to the last quarter named
    ("Net fell in the third quarter. Sales ended Sept. 30 rose 5% from a year earlier.", "a year earlier", OCT89, "DATE", "1988-Q3"),
    ("Net fell in the second quarter ended Sept. 30, from $5 a year ago.", "a year ago", OCT89, "DATE", "1988-Q2"),
    ("Net fell in the third quarter. On Oct. 2 it said the year-ago period was weak.", "the year-ago period", OCT89, "DATE", "1988-Q3"),
    ("Net fell in the third quarter. In Sept. 30 filings it said the quarter was weak.", "the quarter", OCT89, "DATE", "1989-Q3"),
    # the reported year
    ("Revenue was $76 million for the year ended March 31.", "the year", OCT89, "DURATION", "P1Y"),
    ("It expects a loss for the fiscal year ending June 30, 1990.", "the fiscal year", OCT89, "DURATION", "P1Y"),
    ("For the year, pet food volume was flat.", "the year", OCT89, "DATE", "1989"),
    ("It forecast higher earnings for the full year.", "the full year", OCT89, "DATE", "1989"),
    ("Sales rose through the first nine months of the year.", "the year", OCT89, "DATE", "1989"),
    ("The year-ago results included a charge.", "year-ago", OCT89, "DATE", "1988"),
    # a month with a relative year, spoken years
    ("In January this year, police officers came.", "January this year", FRI, "DATE", "2025-01"),
    ("But in June last year, the leaders split.", "June last year", FRI, "DATE", "2024-06"),
    ("Members join in April next year.", "April next year", FRI, "DATE", "2026-04"),
    ("January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven", FRI, "DATE", "1997-01"),
    ("Prices hit that level in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", FRI, "DATE", "1994-WI"),
    ("It opened in two thousand and one.", "two thousand and one", FRI, "DATE", "2001"),
    # halves in the next smaller unit
    ("They lived in camps for 2 1/2 years.", "2 1/2 years", FRI, "DURATION", "P2Y6M"),
    ("She spent 5 1/2 hours in Nairobi.", "5 1/2 hours", FRI, "DURATION", "PT5H30M"),
    ("A minute and a half later, a pilot called.", "A minute and a half", FRI, "DURATION", "PT1M30S"),
    ("The talks took 1.5 days.", "1.5 days", FRI, "DURATION", "P1DT12H"),
    # the past year, the current fiscal year, the quarter a year ago
    ("Hate groups grew over the past year.", "the past year", dt.date(1998, 3, 3), "DATE", "1997"),
    ("It expects higher sales in the current fiscal year.", "the current fiscal year", OCT89, "DATE", "1989"),
    ("The plants will close over the next year or so.", "the next year or so", OCT89, "DATE", "1990"),
    ("Net rose in the third quarter. For the quarter a year ago, it earned $16 million.", "the quarter a year ago", OCT89, "DATE", "1988-Q3"),
    ("Net fell in the third quarter, against $2 for the corresponding period last year.", "the corresponding period last year", OCT89, "DATE", "1988-Q3"),
    ("It sees gains in the fourth quarter. Profit fell in the latest quarter.", "the latest quarter", OCT89, "DATE", "1989-Q3"),
    # clock times told with a part of the day, weeks named by a day
    ("The father will leave at 4 in the morning.", "4 in the morning", FRI, "TIME", "2025-06-06T04:00"),
    # a phrase in parentheses takes the tense of the clause around them
    ("''He will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said.", "4 a.m. EDT Thursday", FRI, "TIME", "2025-06-12T04:00"),
    ("The court will rule (probably on Tuesday) on the appeal.", "Tuesday", FRI, "DATE", "2025-06-10"),
    ("Guards fired (on Tuesday) into the crowd.", "Tuesday", FRI, "DATE", "2025-06-03"),
    ("The shots came at 9 o'clock in the evening.", "9 o'clock in the evening", FRI, "TIME", "2025-06-06T21:00"),
    ("It may be resolved in a hearing the week of March 6, he said.", "the week of March 6", dt.date(2000, 2, 24), "DATE", "2000-W10"),
]
# fmt: on


def _find(text: str, phrase: str, anchor: dt.date) -> tuple[str, str]:
    found = tag(text, anchor, "UTC")
    for timex in found:
        if timex.text == phrase:
            return timex.type, timex.value
    raise AssertionError(f"{phrase!r} not in {[(t.text, t.value) for t in found]}")


@pytest.mark.parametrize(("text", "phrase", "anchor", "kind", "value"), CASES)
def test_news_value(text: str, phrase: str, anchor: dt.date, kind: str, value: str) -> None:
    assert _find(text, phrase, anchor) == (kind, value)
