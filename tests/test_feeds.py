"""Feeds and exports of the two-month fixture, read back with real parsers."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import feedparser
import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar.parser import Contentline

from generator.config import load_config
from generator.escaping import csv_cell
from generator.exports import folded_line, icalendar_vevent, vevent_lines
from generator.pipeline import build

LARGE = Path(__file__).parent / "fixtures" / "danube-summer"
BASE = "https://example.org/danube/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("feeds") / "site"
    config = load_config(LARGE / "dateline.toml")
    build(replace(config, output=str(out), root=LARGE, search="none"))
    return out


@pytest.fixture(scope="module")
def timeline(site: Path) -> list[dict[str, object]]:
    events: list[dict[str, object]] = json.loads((site / "timeline.json").read_text())["events"]
    return events


def test_atom_has_one_entry_per_event_newest_first(site: Path, timeline: list[dict]) -> None:  # type: ignore[type-arg]
    feed = feedparser.parse((site / "atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == "Danube summer floods (test fixture)"
    assert [e.link for e in feed.entries] == [BASE + e["url"] for e in reversed(timeline)]
    first = feed.entries[0]
    assert first.title == f"{timeline[-1]['label']}: {timeline[-1]['title']}"
    assert first.author_detail.name == "Central Europe Wire"
    assert {t.term for t in first.tags} == {"floods", "politics", "infrastructure"}


def test_json_feed_follows_version_1_1(site: Path, timeline: list[dict]) -> None:  # type: ignore[type-arg]
    feed = json.loads((site / "feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == BASE + "feed.json"
    assert [i["url"] for i in feed["items"]] == [BASE + e["url"] for e in reversed(timeline)]
    for item in feed["items"]:
        assert item["id"] and item["content_text"]
        datetime.fromisoformat(item["date_published"])
        assert item["authors"][0]["name"]


def test_timelinejs_json_has_the_documented_fields(site: Path, timeline: list[dict]) -> None:  # type: ignore[type-arg]
    document = json.loads((site / "timelinejs.json").read_text())
    assert document["title"]["text"]["headline"] == "Danube summer floods (test fixture)"
    slides = document["events"]
    assert [s["unique_id"] for s in slides] == [e["id"] for e in timeline]
    allowed = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
    for slide, event in zip(slides, timeline, strict=True):
        assert set(slide["start_date"]) <= allowed and isinstance(slide["start_date"]["year"], int)
        assert slide["text"]["headline"] and slide["display_date"] == event["label"]
        start = slide["start_date"]
        assert (
            date(start["year"], start.get("month", 1), start.get("day", 1)).isoformat()[:7]
            == str(event["date"])[:7]
        )
    by_precision = {e["precision"]: s for s, e in zip(slides, timeline, strict=True)}
    assert set(by_precision["month"]["start_date"]) == {"year", "month"}
    assert set(by_precision["part-of-day"]["start_date"]) == {
        "year",
        "month",
        "day",
        "hour",
        "minute",
    }
    assert "end_date" not in by_precision["day"]


def test_the_calendar_has_all_day_and_timed_events(site: Path, timeline: list[dict]) -> None:  # type: ignore[type-arg]
    calendar = icalendar.Calendar.from_ical((site / "events.ics").read_bytes())
    vevents = calendar.walk("VEVENT")
    assert [str(v["uid"]) for v in vevents] == [f"{e['id']}@dateline" for e in timeline]
    for vevent, event in zip(vevents, timeline, strict=True):
        start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
        if event["precision"] in ("part-of-day", "time"):
            assert start == datetime.fromisoformat(str(event["start"])).astimezone(UTC)
            assert end == datetime.fromisoformat(str(event["end"])).astimezone(UTC)
        else:
            assert not isinstance(start, datetime) and start.isoformat() == event["date"]
            assert end > start
    month = next(v for v, e in zip(vevents, timeline, strict=True) if e["precision"] == "month")
    assert (month.decoded("dtstart"), month.decoded("dtend")) == (
        date(2025, 6, 1),
        date(2025, 7, 1),
    )


def test_the_csv_has_a_row_per_entry(site: Path, timeline: list[dict]) -> None:  # type: ignore[type-arg]
    rows = list(csv.DictReader(io.StringIO((site / "events.csv").read_text())))
    assert [r["id"] for r in rows] == [e["id"] for e in timeline]
    assert rows[1]["sources"] == "Central Europe Wire; Riverside Courier"
    assert rows[1]["url"] == BASE + str(timeline[1]["url"])


@pytest.mark.parametrize(("cell", "expected"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1 555", "'+1 555"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"),
    ("Vienna", "Vienna"),
    ("2025-06-03", "2025-06-03"),
    ("", ""),
])  # fmt: skip
def test_csv_cells_never_start_a_formula(cell: str, expected: str) -> None:
    assert csv_cell(cell) == expected


def test_the_feeds_hold_only_the_newest_entries(
    tmp_path: Path,
    timeline: list[dict],  # type: ignore[type-arg]
) -> None:
    config = replace(load_config(LARGE / "dateline.toml"), root=LARGE, search="none")
    build(replace(config, output=str(tmp_path / "site"), feed_entries=2))
    newest = [BASE + e["url"] for e in reversed(timeline)][:2]
    atom = feedparser.parse((tmp_path / "site" / "atom.xml").read_bytes())
    assert [e.link for e in atom.entries] == newest
    items = json.loads((tmp_path / "site" / "feed.json").read_text())["items"]
    assert [i["url"] for i in items] == newest
    everything = json.loads((tmp_path / "site" / "timeline.json").read_text())["events"]
    assert len(everything) == len(timeline)


# Long lines, escapes and caret escapes at every place a fold could fall, and non-ASCII text.
LINE_TEXT = st.text(alphabet=st.sampled_from("ab\\^,; :é—") | st.characters(max_codepoint=127))


@given(LINE_TEXT.map(lambda text: text.replace("\r", "").replace("\n", "")))
def test_events_ics_folds_lines_as_icalendar_does(text: str) -> None:
    line = Contentline(text)
    assert folded_line(line) == bytes(line.to_ical()) + b"\r\n"


# Entry views with text icalendar escapes (backslashes, \\N, separators, every line end) and
# moments in several offsets and none, each precision timed or all-day.
ICS_TEXT = st.text(alphabet=st.sampled_from('aN\\;,\r\n é—^:"') | st.characters(max_codepoint=127))
OFFSETS = st.integers(-14, 14).map(lambda hours: timezone(timedelta(hours=hours)))
MOMENTS = st.datetimes(
    min_value=datetime(1000, 1, 2),
    max_value=datetime(9000, 12, 30),
    timezones=st.none() | st.just(UTC) | OFFSETS,
)
ENTRY_VIEWS = st.fixed_dictionaries({
    "id": st.from_regex(r"[0-9a-z-]{1,90}", fullmatch=True),
    "title": ICS_TEXT, "summary": ICS_TEXT, "outlets": st.lists(ICS_TEXT, max_size=3),
    "start": MOMENTS.map(datetime.isoformat), "end": MOMENTS.map(datetime.isoformat),
    "updated": MOMENTS.map(datetime.isoformat),
    "precision": st.sampled_from(["time", "part-of-day", "day", "week", "month", "year"]),
    "tags": st.lists(ICS_TEXT, max_size=3), "places": st.lists(ICS_TEXT, max_size=3),
}).map(lambda view: view | {"url": f"events/{view['id']}/"})  # fmt: skip
ICS_CONFIG = load_config(LARGE / "dateline.toml")


@given(ENTRY_VIEWS)
def test_events_ics_writes_each_entry_as_icalendar_does(event: dict[str, object]) -> None:
    written = b"".join(map(folded_line, vevent_lines(event, ICS_CONFIG)))
    assert written == bytes(icalendar_vevent(event, ICS_CONFIG).to_ical())
