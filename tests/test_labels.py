"""Date labels a reader sees: the spans of the overview strip's bars."""

from __future__ import annotations

from datetime import date

import pytest

from generator.labels import span_label


@pytest.mark.parametrize(("first", "last", "label"), [
    (date(2025, 6, 2), date(2025, 6, 2), "Monday 2 June 2025"),
    (date(2025, 6, 2), date(2025, 6, 8), "2–8 June 2025"),
    (date(2025, 5, 26), date(2025, 6, 1), "26 May – 1 June 2025"),
    (date(2024, 12, 30), date(2025, 1, 5), "30 December 2024 – 5 January 2025"),
    (date(2025, 6, 1), date(2025, 6, 30), "June 2025"),
    (date(2024, 2, 1), date(2024, 2, 29), "February 2024"),
    (date(2025, 1, 1), date(2025, 6, 30), "January–June 2025"),
    (date(2024, 11, 1), date(2025, 2, 28), "November 2024 – February 2025"),
    (date(2025, 1, 1), date(2025, 12, 31), "2025"),
    (date(2025, 6, 1), date(2025, 6, 29), "1–29 June 2025"),
])  # fmt: skip
def test_a_span_is_named_by_its_days_or_by_the_whole_months_or_year_it_is(
    first: date, last: date, label: str
) -> None:
    assert span_label(first, last) == label
