"""`dateline check`, hand-written entries and article corrections, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

ARTICLE = """---
title: Bar shooting
date: 2024-03-10
{extra}---

A gunman opened fire at the Blue Lantern bar in Springfield on Saturday night, killing two people.
"""
ENTRY = """---
title: Two killed at the Blue Lantern
date: 2024-03-09
sources: [bar, ghost]
places: [Springfield]
---

What the editor knows.
"""


def content(tmp_path: Path, extra: str = "", entry: str | None = None) -> Path:
    (tmp_path / "content" / "articles").mkdir(parents=True)
    (tmp_path / "content" / "articles" / "bar.md").write_text(ARTICLE.format(extra=extra))
    if entry is not None:
        (tmp_path / "content" / "events").mkdir()
        (tmp_path / "content" / "events" / "blue-lantern.md").write_text(entry)
    return tmp_path / "content"


def test_check_lists_warnings_and_fails_on_them_only_with_strict(tmp_path: Path) -> None:
    folder = content(tmp_path, entry=ENTRY)
    result = CliRunner().invoke(main, ["check", "--content", str(folder)])
    assert result.exit_code == 0, result.output
    assert (
        f"{folder.as_posix()}/events/blue-lantern.md:2: warning: unknown source 'ghost'"
        in result.output
    )
    assert "1 warning in" in result.output
    strict = CliRunner().invoke(main, ["check", "--content", str(folder), "--strict"])
    assert strict.exit_code == 1


def test_check_reports_a_broken_entry_as_an_error(tmp_path: Path) -> None:
    folder = content(tmp_path, entry=ENTRY.replace("date: 2024-03-09", "date: soon"))
    result = CliRunner().invoke(main, ["check", "--content", str(folder)])
    assert result.exit_code == 1
    assert "blue-lantern.md:3: error: date 'soon' is not a date" in result.output


def test_the_hand_written_entry_is_the_one_built(tmp_path: Path) -> None:
    folder = content(tmp_path, entry=ENTRY)
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    [event] = json.loads((out / "timeline.json").read_text())["events"]
    assert (event["id"], event["title"], event["summary"], event["written"]) == (
        "blue-lantern", "Two killed at the Blue Lantern", "What the editor knows.",
        "events/blue-lantern.md",
    )  # fmt: skip
    assert [s["article"] for s in event["sources"]] == ["articles/bar.md"]
    assert event["killed"] == 2
    assert (out / "events" / "blue-lantern" / "index.html").is_file()


def test_an_article_correction_moves_and_renames_its_event(tmp_path: Path) -> None:
    extra = 'events:\n  - {phrase: "Saturday night", date: 2024-03-08, title: "Bar shooting in Springfield"}\n'
    folder = content(tmp_path, extra=extra)
    result = CliRunner().invoke(main, ["extract", "--format", "json", str(folder)])
    assert result.exit_code == 0, result.output
    [event] = json.loads(result.output)
    assert (event["date"], event["title"]) == ("2024-03-08", "Bar shooting in Springfield")


def test_a_correction_that_matches_nothing_is_a_warning(tmp_path: Path) -> None:
    folder = content(tmp_path, extra='events:\n  - {phrase: "on Sunday", skip: true}\n')
    result = CliRunner().invoke(main, ["check", "--content", str(folder)])
    assert (
        "articles/bar.md:4: warning: correction 'on Sunday' matches no dated sentence"
        in result.output
    )


def test_check_prints_errors_first_and_the_other_files_warnings_too(tmp_path: Path) -> None:
    folder = content(tmp_path, entry=ENTRY)
    (folder / "articles" / "broken.md").write_text("---\ntitle: T\ndate: Fryday\n---\nBody.\n")
    result = CliRunner().invoke(main, ["check", "--content", str(folder)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == (
        f"{folder.as_posix()}/articles/broken.md:3: error: date 'Fryday' is not a date "
        "(hint: use YYYY-MM-DD)"
    )
    assert any("warning: unknown source 'ghost'" in line for line in lines[1:])
    assert "dateline: 1 error(s) found" in result.output


def test_extract_of_a_content_folder_takes_its_hand_written_entries(tmp_path: Path) -> None:
    folder = content(tmp_path, entry=ENTRY)
    result = CliRunner().invoke(main, ["extract", "--format", "json", str(folder)])
    [event] = json.loads(result.output[result.output.index("[") :])
    assert (event["id"], event["written"]) == ("blue-lantern", "events/blue-lantern.md")
    assert [s["article"] for s in event["sources"]] == ["articles/bar.md"]
