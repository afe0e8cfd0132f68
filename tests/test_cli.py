"""The command line through click's CliRunner: output, diagnostics and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import ROOT

SEED = str(ROOT / "content" / "articles" / "2025-06-06-russia-strikes-kyiv.md")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_prints_a_one_line_summary(tmp_path: Path) -> None:
    code, out, _ = run("build", "--content", str(ROOT / "content"), "--out", str(tmp_path / "s"))
    assert code == 0
    assert out.startswith(f"Built {tmp_path / 's'}/ from 1 article: 6 entries, 24 pages in ")
    assert (tmp_path / "s" / "index.html").is_file()


def test_extract_json_is_the_events_array_of_timeline_json() -> None:
    code, out, _ = run("extract", "--format", "json", SEED)
    assert code == 0
    events = json.loads(out)
    assert [e["value"] for e in events] == [
        "2025-W23", "2025-06-02", "2025-06-02", "2025-06-04", "2025-06-05TNI", "2025-06-06TMO",
    ]  # fmt: skip
    assert events[0]["sources"][0]["article"] == "2025-06-06-russia-strikes-kyiv.md"


def test_extract_table_is_readable() -> None:
    code, out, _ = run("extract", SEED)
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["WHEN", "SOURCES", "ENTRY"]
    assert "Thursday night, 5–6 June 2025        2  Russia launches a large-scale" in out


def test_extract_of_a_folder_reads_its_articles() -> None:
    code, out, _ = run("extract", "--format", "json", str(ROOT / "content"))
    assert code == 0 and len(json.loads(out)) == 6


def test_content_errors_exit_1_and_write_nothing(tmp_path: Path, write_article) -> None:  # type: ignore[no-untyped-def]
    content = write_article("bad.md", "---\ntitle: T\ndate: Fryday\n---\nBody.")
    code, _, err = run("build", "--content", str(content), "--out", str(tmp_path / "site"))
    assert code == 1
    assert "articles/bad.md:3: error: date 'Fryday' is not a date (hint: use YYYY-MM-DD)" in err
    assert "dateline: 1 error(s) found, nothing was written" in err
    assert not (tmp_path / "site").exists()


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path: Path, write_article) -> None:  # type: ignore[no-untyped-def]
    content = write_article("a.md", "---\ntitle: T\ndate: 2025-06-06\n---\nTalks began on Monday.")
    out = tmp_path / "site"
    assert run("build", "--content", str(content), "--out", str(out))[0] == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    write_article("a.md", "---\ntitle: T\n---\nbroken")
    assert run("build", "--content", str(content), "--out", str(out))[0] == 1
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_build_refuses_to_replace_a_folder_it_did_not_make(tmp_path: Path) -> None:
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "draft.md").write_text("mine")
    code, _, err = run("build", "--content", str(ROOT / "content"), "--out", str(precious))
    assert code == 1
    assert "error: refusing to replace a folder Dateline did not make" in err
    assert (precious / "draft.md").read_text() == "mine"


def test_unknown_config_key_exits_1_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("dateline.toml").write_text('title = "x"\nthem = "dark"\n')
    code, _, err = run("build")
    assert code == 1
    assert err.startswith("dateline.toml:2: error: unknown key 'them'")


def test_usage_errors_exit_2() -> None:
    assert run("extract")[0] == 2
    assert run("build", "--nope")[0] == 2


def test_help_shows_an_example() -> None:
    for command in ("build", "extract"):
        code, out, _ = run(command, "--help")
        assert code == 0 and "Example:" in out


def test_source_date_epoch_fixes_the_generation_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1749186000")
    run("build", "--content", str(ROOT / "content"), "--out", str(tmp_path / "s"))
    generated = json.loads((tmp_path / "s" / "timeline.json").read_text())["generated"]
    assert generated == "2025-06-06T05:00:00+00:00"
