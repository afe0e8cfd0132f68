"""Escaping where HTML autoescaping does not reach: URLs, JSON in script, CSV, iCalendar."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.escaping import csv_cell, is_safe_link, script_json


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a", True), ("mailto:desk@example.org", True), ("../x.html", True),
        ("#s-12", True), ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
        (" \tjava\nscript:alert(1)", False), ("&#106;avascript:alert(1)", False),
        ("data:text/html,<script>", False), ("vbscript:msgbox", False), ("file:///etc/passwd", False),
    ],
)  # fmt: skip
def test_only_links_that_cannot_run_script_are_safe(url: str, safe: bool) -> None:
    assert is_safe_link(url) is safe


def test_json_in_a_script_element_cannot_close_it() -> None:
    value = {"name": "</script><script>alert(1)</script> & <!--", "line": "a\u2028b"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"),
     ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("Kyiv", "Kyiv"), ("", "")],
)  # fmt: skip
def test_csv_cells_never_start_a_formula(cell: str, safe: str) -> None:
    assert csv_cell(cell) == safe


def test_built_exports_guard_formulas_and_json_ld_cannot_close_its_script(
    tmp_path: Path, write_article
) -> None:  # type: ignore[no-untyped-def]
    content = write_article(
        "a.md",
        '---\ntitle: "</script><script>alert(1)</script>"\ndate: 2025-06-06\n'
        'source: "=HYPERLINK(\\"http://evil.example\\")"\ntags: ["@SUM(A1)", "-1+1"]\n---\n'
        "Negotiators met in Istanbul on Monday.\n",
    )
    result = CliRunner().invoke(
        main, ["build", "--content", str(content), "--out", str(tmp_path / "s")]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader((tmp_path / "s" / "events.csv").read_text().splitlines()))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert '\'=HYPERLINK("http://evil.example")' in cells
    for page in (tmp_path / "s" / "events").rglob("index.html"):
        scripts = re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', page.read_text(), re.S
        )
        for script in scripts:
            assert "<" not in script and json.loads(script)["subjectOf"][0]["headline"].startswith(
                "</script>"
            )
    calendar = (tmp_path / "s" / "events.ics").read_text()
    lines = calendar.replace("\r\n", "\n").rstrip("\n").split("\n")
    assert "SUMMARY" in calendar and all(re.match(r"([A-Z-]+[;:]| )", line) for line in lines)
