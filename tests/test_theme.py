"""A site overrides any template or static file by putting one of the same name in templates/."""

from __future__ import annotations

from pathlib import Path

from generator.config import Config
from generator.pipeline import build


def test_a_site_template_overrides_the_default(tmp_path: Path, write_article) -> None:  # type: ignore[no-untyped-def]
    write_article(
        "a.md", "---\ntitle: T\ndate: 2025-06-06\n---\nTalks began in Istanbul on Monday."
    )
    templates = tmp_path / "templates"
    (templates / "static").mkdir(parents=True)
    (templates / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}Lost at sea{% endblock %}'
    )
    (templates / "static" / "style.css").write_text("body { color: teal }")
    build(Config(root=tmp_path))
    site = tmp_path / "site"
    assert "Lost at sea" in (site / "404.html").read_text()
    assert (site / "static" / "style.css").read_text() == "body { color: teal }"
    assert "Talks began in Istanbul" in (site / "index.html").read_text()
