"""The hostile corpus: each folder of tests/hostile/ is built and must give exactly its outcome.

A case holds `content/` (and `dateline.toml`, `templates/` when it needs them) and `expected.txt`:
the exit code on the first line (`exit 1`), then every line the build prints on stderr. Optional:
`args.txt` (extra arguments, one a line), `forbidden.txt` (strings no built HTML or XML may hold, in any case),
`contains.txt` (strings some built file must contain) and `files.txt` (files the site must have).
`pytest tests/test_hostile.py --update-golden` rewrites expected.txt: review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

CASES = Path(__file__).parent / "hostile"


def lines_of(case: Path, name: str) -> list[str]:
    path = case / name
    # Not splitlines(): it also splits at the control characters some cases are about.
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n") if path.is_file() else []


def built_files(site: Path) -> dict[str, str]:
    if not site.is_dir():
        return {}
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_hostile_case(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    source = CASES / case
    work = tmp_path / case
    shutil.copytree(source, work, symlinks=True)
    monkeypatch.chdir(work)
    result = CliRunner().invoke(main, ["build", *lines_of(source, "args.txt")])
    outcome = [f"exit {result.exit_code}", *result.stderr.splitlines()]
    if update_golden:
        (source / "expected.txt").write_text("\n".join(outcome) + "\n", encoding="utf-8")
    assert outcome == lines_of(source, "expected.txt"), result.output
    site = built_files(work / "site")
    markup = {path: text for path, text in site.items() if path.endswith((".html", ".xml"))}
    for forbidden in lines_of(source, "forbidden.txt"):
        leaks = [path for path, text in markup.items() if forbidden.lower() in text.lower()]
        assert not leaks, f"{forbidden!r} is in {leaks}"
    for wanted in lines_of(source, "contains.txt"):
        assert any(wanted in text for text in site.values()), f"{wanted!r} is in no built file"
    for path in lines_of(source, "files.txt"):
        assert path in site, f"{path} was not built"
    if result.exit_code != 0:
        assert not (work / "site").exists(), "a failed build wrote a site"
