"""The reference case: the shipped seed article gives exactly these entries on these days."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import ROOT

SEED_ARTICLE = ROOT / "content" / "articles" / "2025-06-06-russia-strikes-kyiv.md"


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("build") / "site"
    result = CliRunner().invoke(
        main, ["build", "--content", str(ROOT / "content"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return json.loads((out / "timeline.json").read_text())  # type: ignore[no-any-return]


def entry_with(events: list[dict[str, object]], *words: str) -> dict[str, object]:
    """The one entry whose title and summary contain every word."""
    found = [
        e for e in events
        if all(w.lower() in f"{e['title']} {e['summary']}".lower() for w in words)
    ]  # fmt: skip
    assert len(found) == 1, f"{len(found)} entries mention {words}: {[e['title'] for e in found]}"
    return found[0]


def test_the_seed_body_is_the_seed_text_unchanged_in_wording() -> None:
    seed = next((ROOT / "seeds").glob("*.txt")).read_text()
    body = SEED_ARTICLE.read_text().split("---\n", 2)[2]
    assert body.split() == seed.split()


EXPECTED = [
    # words in the entry, TimeML value, precision, start day
    (("bomber fleet",), "2025-06-02", "day", "2025-06-02"),
    (("Istanbul", "peace talks"), "2025-06-02", "day", "2025-06-02"),
    (("Putin", "accused"), "2025-W23", "week", "2025-06-02"),
    (("phone call", "Trump"), "2025-06-04", "day", "2025-06-04"),
    (("drone and missile attack", "Kyiv"), "2025-06-05TNI", "part-of-day", "2025-06-05"),
    (("electricity", "metro"), "2025-06-06TMO", "part-of-day", "2025-06-06"),
]


@pytest.mark.parametrize(("words", "value", "precision", "day"), EXPECTED)
def test_each_event_of_the_seed_is_an_entry_on_its_day(
    timeline: dict[str, list[dict[str, object]]],
    words: tuple[str, ...],
    value: str,
    precision: str,
    day: str,
) -> None:
    entry = entry_with(timeline["events"], *words)
    assert (entry["value"], entry["precision"], entry["date"]) == (value, precision, day)


def test_the_seed_gives_exactly_these_entries_and_none_after_publication(
    timeline: dict[str, list[dict[str, object]]],
) -> None:
    assert len(timeline["events"]) == len(EXPECTED)
    assert all(str(e["date"]) <= "2025-06-06" for e in timeline["events"])


def test_the_strikes_entry_cites_both_sentences_and_names_every_city(
    timeline: dict[str, list[dict[str, object]]],
) -> None:
    strikes = entry_with(timeline["events"], "drone and missile attack")
    quotes = [s["quote"] for s in strikes["sources"]]  # type: ignore[attr-defined]
    assert any(q.startswith("Russia launched") for q in quotes)
    assert any("Thursday night" in q for q in quotes)
    assert strikes["places"] == ["Kyiv", "Ternopil", "Poltava", "Khmelnytskyi"]
    assert strikes["label"] == "Thursday night, 5–6 June 2025"
    assert strikes["start"] == "2025-06-05T21:00:00+03:00"
    assert strikes["end"] == "2025-06-06T06:00:00+03:00"


def test_a_capital_named_as_who_is_accused_is_not_where_it_happened(
    timeline: dict[str, list[dict[str, object]]],
) -> None:
    # "Putin accused Kyiv ... of orchestrating terror attacks inside Russia": Kyiv is Ukraine's
    # government here; the alleged attacks were inside Russia.
    accusation = entry_with(timeline["events"], "Putin", "accused")
    assert accusation["places"] == ["Russia"]


def test_casualty_sentences_and_quotes_are_details_not_entries(
    timeline: dict[str, list[dict[str, object]]],
) -> None:
    text = " ".join(f"{e['title']} {e['summary']}" for e in timeline["events"])
    for detail in ("killed at least four", "emergency workers", "act decisively", "not be pretty"):
        assert detail not in text


def test_every_source_quote_is_the_sentence_at_its_offsets(
    timeline: dict[str, list[dict[str, object]]],
) -> None:
    body = SEED_ARTICLE.read_text().split("---\n", 2)[2]
    for event in timeline["events"]:
        for source in event["sources"]:  # type: ignore[attr-defined]
            assert body[source["start"] : source["end"]] == source["quote"]
            assert source["article"] == "articles/2025-06-06-russia-strikes-kyiv.md"
            assert source["phrase"] in source["quote"]


def test_timeline_json_has_the_contracted_fields(
    timeline: dict[str, list[dict[str, object]]],
) -> None:
    assert set(timeline) == {"title", "generated", "events"}
    event_keys = {"id", "title", "date", "value", "precision", "start", "end", "label",
                  "summary", "tags", "places", "url", "sources"}  # fmt: skip
    source_keys = {"article", "title", "url", "published", "quote", "phrase", "start", "end"}
    for event in timeline["events"]:
        assert event_keys <= set(event)  # fields may be added, never renamed or removed
        assert event["url"] == f"events/{event['id']}/"
        assert all(set(s) == source_keys for s in event["sources"])  # type: ignore[attr-defined]


def test_titles_are_short_headlines_not_whole_sentences(
    timeline: dict[str, list[dict[str, object]]],
) -> None:
    for event in timeline["events"]:
        assert len(str(event["title"]).split()) <= 12
        assert event["title"] != event["summary"]


def test_titles_are_the_events_clauses_in_the_present_tense(
    timeline: dict[str, list[dict[str, object]]],
) -> None:
    assert [e["title"] for e in timeline["events"]] == [
        "Russian President Vladimir Putin accuses Kyiv of orchestrating terror attacks inside Russia",
        "Ukraine’s surprise attack on Russia’s bomber fleet",
        "Negotiators meet in Istanbul to conduct another round of peace talks",
        "Putin vows to respond to the strikes",
        "Russia launches a large-scale drone and missile attack on Kyiv",
        "More than 2,000 homes in Kyiv are without electricity",
    ]


def test_the_build_is_byte_identical_twice(tmp_path: Path) -> None:
    outputs = []
    for name in ("one", "two"):
        out = tmp_path / name
        CliRunner().invoke(main, ["build", "--content", str(ROOT / "content"), "--out", str(out)])
        files = [p for p in out.rglob("*") if p.is_file()]
        assert any(p.relative_to(out).parts[0] == "pagefind" for p in files)
        outputs.append({p.relative_to(out): p.read_bytes() for p in files})
    assert outputs[0] == outputs[1]
