"""A site overrides any template or static file by putting one of the same name in templates/."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from generator.config import Config
from generator.pipeline import build
from generator.theme import load_theme, prints_only, render_template


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


@pytest.mark.parametrize(("template", "expected"), [
    ('<a href="{{ root }}x">{{ event }}</a>{% for a in b %}{{ root }}{% endfor %}', True),
    ("{{ root|length }}", False),
    ("{% if root %}x{% endif %}{{ root }}", False),
    ('{% include "a.html" %}{{ root }}', False),
    ("{% filter upper %}{{ root }}{% endfilter %}", False),
    ("{% set root = 'x' %}{{ root }}", False),
    ("{% if %}", False),
])  # fmt: skip
def test_a_template_prints_a_variable_only(tmp_path: Path, template: str, expected: bool) -> None:
    (tmp_path / "t.html").write_text(template)
    assert prints_only(load_theme(tmp_path), "t.html", "root") is expected


def test_an_entry_template_that_reads_the_root_sees_each_pages_own(
    tmp_path: Path,
    write_article,  # type: ignore[no-untyped-def]
) -> None:
    for day in range(1, 4):
        write_article(f"a{day}.md", f"---\ntitle: T{day}\ndate: 2025-06-0{day}\ntags: [talks]\n---\n"
                      f"Talks began in Istanbul on 2 June 2025 ({day}).")  # fmt: skip
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "_entry.html").write_text("<p>depth {{ root|length // 3 }}</p>")
    build(Config(root=tmp_path))
    site = tmp_path / "site"
    assert "depth 0" in (site / "index.html").read_text()
    assert "depth 1" in (site / "newest" / "index.html").read_text()
    assert "depth 2" in (site / "tags" / "talks" / "index.html").read_text()


def test_a_key_of_a_dict_is_found_as_jinja_finds_it(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text(
        "{{ d.title }} {{ d.items()|list|length }} {{ d.missing is defined }} {{ o.real }}"
    )
    theme = load_theme(tmp_path)
    context = {"d": {"title": "T", "items": "shadowed by the method"}, "o": 3}
    assert render_template(theme, "t.html", context) == "T 2 False 3"


class Html:
    """A value that gives its own markup, as Markup and Jinja's own values do."""

    def __html__(self) -> str:
        return "<b>safe</b>"


class Text(str):
    """A str of another type: escaped as markupsafe escapes it, asked for __html__ first."""


# What templates print: text with every character HTML escapes, markup, and other values.
PRINTED = (
    st.text(alphabet=st.sampled_from("<>&'\"aé ")) | st.text() | st.text().map(Markup)
    | st.text().map(Text) | st.integers() | st.floats() | st.none() | st.just(Html())
)  # fmt: skip


PRINTS = (
    "{{ v }}|{{ v ~ 'x' }}|{{ [v, v]|join(v|string) }}|{% for c in v|string %}{{ c }}{% endfor %}"
)


@given(PRINTED)
def test_a_printed_value_is_escaped_as_markupsafe_escapes_it(value: object) -> None:
    printed = load_theme(None).environment.from_string(PRINTS).render(v=value)
    assert printed == jinja2.Environment(autoescape=True).from_string(PRINTS).render(v=value)
    assert printed.startswith(escape(value))
