"""The Pagefind step: an index when it runs, a clear warning when it cannot."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator import search


def test_pagefind_indexes_a_folder_of_pages(tmp_path: Path) -> None:
    if importlib.util.find_spec("pagefind") is None:
        pytest.skip("pagefind is not installed")
    (tmp_path / "index.html").write_text(
        "<html lang=en><body><main data-pagefind-body><h1>Istanbul talks</h1></main></body></html>"
    )
    assert search.index_site(tmp_path) == ()
    assert (tmp_path / "pagefind" / "pagefind-ui.js").is_file()


def test_a_missing_pagefind_is_a_warning_with_a_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    (warning,) = search.index_site(tmp_path)
    assert str(warning) == (
        "warning: search index skipped: the pagefind package is not installed "
        "(hint: pip install 'pagefind[bin]', or set search = \"none\" in dateline.toml)"
    )


def test_a_failing_pagefind_says_why(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def failed(*args: Any, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(args, 1, "", "Error: no html files\n")

    monkeypatch.setattr(subprocess, "run", failed)
    (warning,) = search.index_site(tmp_path)
    assert warning.severity == "warning"
    assert warning.message == "search index skipped: pagefind failed: Error: no html files"
