"""`dateline import`: plain text, a news page and a TimelineJS sheet become content, once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.config import Config
from generator.content import parse_article, split_front_matter

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "import"
SEED = ROOT / "seeds" / "000_bd82c5051f033c0e.txt"
KYIV = ["--timezone", "Europe/Kyiv"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*arguments: str | Path) -> Result:
    return CliRunner().invoke(main, ["import", *map(str, arguments)])


def test_plain_text_becomes_an_article_once(project: Path) -> None:
    result = run("--date", "2025-06-06", *KYIV, "--title", "Russia strikes Kyiv", SEED)
    path = Path("content/articles/2025-06-06-russia-strikes-kyiv.md")
    assert (result.exit_code, result.output) == (0, f"Wrote {path}\n")
    article, warnings = parse_article(path.read_text(), path.name, path.name, Config())
    assert (article.title, article.published.isoformat(), article.timezone, warnings) == (
        "Russia strikes Kyiv",
        "2025-06-06T00:00:00+03:00",
        "Europe/Kyiv",
        (),
    )
    paragraphs = [line for line in SEED.read_text().splitlines() if line.strip()]
    assert article.body.strip().split("\n\n") == paragraphs
    again = run("--date", "2025-06-06", *KYIV, "--title", "Another title", SEED)
    assert (again.exit_code, again.output) == (
        0,
        f"Skipped {path} ({SEED} is already imported there)\n",
    )
    assert len(list(Path("content/articles").iterdir())) == 1


def test_a_first_line_that_reads_as_a_headline_is_the_title(project: Path) -> None:
    raw = project / "raw.txt"
    raw.write_text("Kyiv hit overnight\n\nRussia struck Kyiv overnight.\nPower failed.\n")
    assert run("--date", "2025-06-06", raw).exit_code == 0
    text = Path("content/articles/2025-06-06-kyiv-hit-overnight.md").read_text()
    assert 'title: "Kyiv hit overnight"' in text
    assert text.endswith("---\n\nRussia struck Kyiv overnight.\n\nPower failed.\n")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--title", "T", SEED],
         f"{SEED}: error: no publication date (hint: pass --date YYYY-MM-DD)"),
        (["--date", "2025-06-06", SEED],
         f"{SEED}:1: error: no title: the first line is a paragraph, not a headline "
         '(hint: pass --title "...")'),
        (["--date", "6 June", "--title", "T", SEED],
         "error: date '6 June' is not a date (hint: use YYYY-MM-DD or 2025-06-06T09:30:00+03:00)"),
    ],
)  # fmt: skip
def test_missing_metadata_is_asked_for_never_invented(
    project: Path, arguments: list[str | Path], message: str
) -> None:
    result = run(*arguments)
    assert result.exit_code == 1
    assert result.output.splitlines() == [message, "dateline: 1 of 1 file(s) not imported"]
    assert not Path("content").exists()


def test_a_news_page_gives_its_text_and_metadata_without_the_clutter(project: Path) -> None:
    result = run(*KYIV, FIXTURES / "news-page.html")
    path = Path(
        "content/articles/2025-06-06-russia-strikes-kyiv-with-hundreds-of-drones-and-missiles.md"
    )
    assert (result.exit_code, result.output) == (0, f"Wrote {path}\n")
    article, _ = parse_article(path.read_text(), path.name, path.name, Config())
    assert (article.title, article.published.date().isoformat(), article.source, article.url) == (
        "Russia strikes Kyiv with hundreds of drones and missiles", "2025-06-06",
        "The Kyiv Ledger", "https://kyivledger.example/news/2025/06/06/russia-strikes-kyiv",
    )  # fmt: skip
    paragraphs = article.body.strip().split("\n\n")
    assert len(paragraphs) == 4 and paragraphs[0].startswith("Russia launched a large-scale")
    assert paragraphs[3].endswith("another round of peace talks.")
    for clutter in ("Advertisement", "Subscribe", "Related stories", "Share on", "Sign up",
                    "Markets open", "SuperPhone", "Photo: Reuters", "All rights reserved"):  # fmt: skip
        assert clutter not in article.body
    assert run(FIXTURES / "news-page.html").output == (
        f"Skipped {path} ({FIXTURES / 'news-page.html'} is already imported there)\n"
    )


def test_a_page_without_a_date_asks_for_one(project: Path) -> None:
    page = project / "undated.html"
    text = (FIXTURES / "news-page.html").read_text()
    undated = text.replace("2025-06-06T", "").replace("/2025/06/06/", "/")
    page.write_text(undated.replace("6 June 2025, 09:30", ""))
    result = run(page)
    assert result.output.splitlines()[0] == (
        f"{page}: error: no publication date found in the page (hint: pass --date YYYY-MM-DD)"
    )
    assert run("--date", "2025-06-06", page).exit_code == 0


ENTRY = """---
title: "Russia strikes Kyiv with drones and missiles"
start: 2025-06-05T21:00
end: 2025-06-06T06:00
tags: ["war", "military"]
places: []
sources: ["https://example.org/news/kyiv-strikes"]
---

About 400 drones and 40 missiles; at least four killed.
"""


def test_a_timelinejs_sheet_becomes_hand_written_entries(project: Path) -> None:
    sheet = FIXTURES / "timeline.csv"
    result = run("--tags", "war", sheet)
    names = [
        "2025-06-01-ukraine-strikes-russia-s-bomber-fleet.md",
        "2025-06-02-peace-talks-in-istanbul.md",
        "2025-06-05-russia-strikes-kyiv-with-drones-and-missiles.md",
        "2025-06-power-cuts-across-kyiv.md",
    ]
    assert result.exit_code == 0
    assert result.output == "".join(f"Wrote content/events/{name}\n" for name in names)
    events = Path("content/events")
    assert sorted(p.name for p in events.iterdir()) == names
    assert (events / names[2]).read_text() == ENTRY
    month = split_front_matter((events / names[3]).read_text(), names[3])
    assert (month.values["date"], month.values["tags"], month.values["sources"]) == (
        "2025-06",
        ["war"],
        [],
    )
    assert "Skipped" in run("--tags", "war", sheet).output
    assert len(list(events.iterdir())) == 4


def test_timelinejs_json_slides_give_the_same_entry(project: Path) -> None:
    slides = {"title": {"text": {"headline": "War"}}, "events": [{
        "start_date": {"year": 2025, "month": 6, "day": 5, "time": "21:00"},
        "end_date": {"year": "2025", "month": "6", "day": "6", "time": "06:00"},
        "text": {"headline": "Russia strikes Kyiv with drones and missiles",
                 "text": "About 400 drones and 40 missiles; at least four killed."},
        "media": {"url": "https://example.org/news/kyiv-strikes"}, "group": "Military"}]}  # fmt: skip
    (project / "timeline.json").write_text(json.dumps(slides))
    assert run("--tags", "war", project / "timeline.json").exit_code == 0
    path = Path("content/events/2025-06-05-russia-strikes-kyiv-with-drones-and-missiles.md")
    assert path.read_text() == ENTRY


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (",,,,Kyiv struck", "rows.csv:2: error: row has no Year (hint: every event needs a Year)"),
        ("2025,6,5,x,", "rows.csv:2: error: row has no Headline (hint: every event needs a Headline)"),
        ("2025,,5,,Kyiv struck", "rows.csv:2: error: day given without a month"),
    ],
)  # fmt: skip
def test_a_bad_row_is_named(project: Path, row: str, message: str) -> None:
    Path("rows.csv").write_text(f"Year,Month,Day,Type,Headline\n{row}\n")
    result = run("rows.csv")
    assert (result.exit_code, result.output.splitlines()[0]) == (1, message)


def test_an_existing_file_is_never_overwritten(project: Path) -> None:
    path = Path("content/articles/2025-06-06-kyiv-hit-overnight.md")
    path.parent.mkdir(parents=True)
    path.write_text("mine")
    (project / "raw.txt").write_text("Kyiv hit overnight\n\nRussia struck Kyiv.\n")
    result = run("--date", "2025-06-06", "raw.txt")
    assert result.exit_code == 1 and path.read_text() == "mine"
    assert "error: file exists; not overwritten" in result.output
