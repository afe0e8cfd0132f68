"""Whole sites kept byte for byte: tests/golden/<case>/ holds content and expected output.

Regenerate with `pytest tests/test_golden.py --update-golden`, then review the diff in git.
"""

from __future__ import annotations

import difflib
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import load_config
from generator.pipeline import build

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "content").is_dir())


def site_files(folder: Path) -> dict[str, bytes]:
    """Every file Dateline renders. Pagefind's bundle is left out: its scripts, wasm and index
    bytes belong to whichever Pagefind release is installed (test_reproducible covers it)."""
    files = sorted(
        p for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).parts[0] != "pagefind"
    )
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


@pytest.mark.parametrize("case", CASES)
def test_built_site_matches_the_golden_files(
    case: str, tmp_path: Path, update_golden: bool
) -> None:
    folder = GOLDEN / case
    config = load_config(folder / "dateline.toml")
    out = tmp_path / "site"
    build(replace(config, output=str(out), root=folder))
    actual = site_files(out)
    expected_dir = folder / "expected"
    if update_golden:
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(out, expected_dir, ignore=shutil.ignore_patterns("pagefind"))
        pytest.skip("golden files rewritten; review them with git diff")
    expected = site_files(expected_dir)
    assert sorted(actual) == sorted(expected), "the set of files differs"
    for name, content in expected.items():
        if actual[name] != content:
            diff = difflib.unified_diff(
                content.decode(errors="replace").splitlines(),
                actual[name].decode(errors="replace").splitlines(),
                f"expected/{name}", f"actual/{name}", lineterm="",
            )  # fmt: skip
            pytest.fail("\n".join(diff))
