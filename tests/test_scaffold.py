"""`dateline new` and `dateline init`: complete files from the skeleton, never an overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.config import Config, load_config
from generator.content import parse_article
from generator.pipeline import build
from generator.scaffold import ArticleDraft, article_text

NEW_ARTICLE = """---
title: "Zelenskyy: “We need to act”"
date: 2025-06-07T09:30:00+03:00
timezone: "Europe/Kyiv"
source: "The Outlet"
url: "https://example.org/a"
tags: ["kyiv", "air-strikes"]
language: "en"
---

"""


def test_new_writes_complete_front_matter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    arguments = ["new", "Zelenskyy: “We need to act”", "--date", "2025-06-07T09:30:00+03:00",
                 "--timezone", "Europe/Kyiv", "--source", "The Outlet",
                 "--url", "https://example.org/a", "--tags", "kyiv, air-strikes"]  # fmt: skip
    result = CliRunner().invoke(main, arguments)
    path = Path("content/articles/2025-06-07-zelenskyy-we-need-to-act.md")
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {path}; paste the article text below its front matter.\n"
    assert path.read_text(encoding="utf-8") == NEW_ARTICLE
    article, warnings = parse_article(NEW_ARTICLE + "Text.\n", "a.md", "a.md", Config())
    assert (article.title, article.source, article.tags, warnings) == (
        "Zelenskyy: “We need to act”",
        "The Outlet",
        ("kyiv", "air-strikes"),
        (),
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["new", "T", "--date", "Fryday"],
         "error: date 'Fryday' is not a date (hint: use YYYY-MM-DD or 2025-06-06T09:30:00+03:00)"),
        (["new", "T", "--date", "2025-06-07", "--timezone", "Kyiv"],
         "error: timezone 'Kyiv' is not a known time zone (hint: use an IANA name like Europe/Kyiv)"),
    ],
)  # fmt: skip
def test_new_rejects_a_bad_date_or_timezone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arguments: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, arguments)
    assert (result.exit_code, result.output.splitlines()[0]) == (1, message)
    assert not Path("content").exists()


def test_new_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = Path("content/articles/2025-06-07-kyiv.md")
    path.parent.mkdir(parents=True)
    path.write_text("mine")
    result = CliRunner().invoke(main, ["new", "Kyiv", "--date", "2025-06-07"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{path}: error: file exists; not overwritten (hint: choose another title or date)"
    )
    assert path.read_text() == "mine"


def test_a_body_follows_the_front_matter() -> None:
    draft = ArticleDraft("T", "2025-06-07", "UTC", "en", body="\n\nFirst.\n\nSecond.\n\n")
    assert article_text(draft).endswith('language: "en"\n---\n\nFirst.\n\nSecond.\n')


def test_init_makes_a_project_that_builds(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "war-timeline"),
                                       "--requirement", "dateline @ git+https://example.org/d"])  # fmt: skip
    assert result.exit_code == 0, result.output
    project = tmp_path / "war-timeline"
    written = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    assert written == [
        ".github/workflows/pages.yml", ".gitignore", "README.md",
        "content/articles/2025-06-06-russia-strikes-kyiv.md", "dateline.toml",
        "requirements.txt", "templates/README.md",
    ]  # fmt: skip
    assert (project / "requirements.txt").read_text() == "dateline @ git+https://example.org/d\n"
    workflow = yaml.safe_load((project / ".github/workflows/pages.yml").read_text())
    assert workflow["permissions"]["pages"] == "write"
    config = load_config(project / "dateline.toml")
    assert config.title == "War Timeline"
    assert build(config).events > 0
    assert (project / "site" / ".nojekyll").is_file() and not (project / "site/CNAME").exists()


def test_init_writes_nothing_if_any_file_exists(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("mine\n")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert "error: file exists; nothing was written (hint: choose a new or empty folder)" in (
        result.output
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gitignore"]
