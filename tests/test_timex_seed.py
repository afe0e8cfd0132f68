"""The seed article (Kyiv, published Friday 2025-06-06): every phrase of the reference case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.timex import tag

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bd82c5051f033c0e.txt"

EXPECTED = [
    ("overnight", "2025-06-05TNI"),
    ("earlier this week", "2025-W23"),
    ("Friday", "2025-06-06"),
    ("Thursday night", "2025-06-05TNI"),
    ("Friday morning", "2025-06-06TMO"),
    ("early Friday", "2025-06-06"),
    ("early Friday", "2025-06-06"),
    ("earlier this week", "2025-W23"),
    ("Monday", "2025-06-02"),
    ("Wednesday", "2025-06-04"),
    ("Friday", "2025-06-06"),
    ("Monday", "2025-06-02"),
]


def test_seed_article_phrases() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = tag(text, dt.date(2025, 6, 6), "Europe/Kyiv")
    assert [(t.text, t.value) for t in found] == EXPECTED


def test_seed_early_friday_is_the_day_with_mod_start() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = tag(text, dt.date(2025, 6, 6), "Europe/Kyiv")
    early = [t for t in found if t.text == "early Friday"]
    expected = ("2025-06-06", "START", "weekday-early")
    assert [(t.value, t.mod, t.rule) for t in early] == [expected, expected]


def test_seed_overnight_rule_and_bounds() -> None:
    text = SEED.read_text(encoding="utf-8")
    first = tag(text, dt.date(2025, 6, 6), "Europe/Kyiv")[0]
    assert first.rule == "overnight"
    assert first.start is not None
    assert first.start.isoformat() == "2025-06-05T21:00:00+03:00"
