"""Takes a written site folder and gives it a Pagefind search index, or says why it has none."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from generator.errors import DatelineError, OutputError

INSTALL_HINT = "pip install 'pagefind[bin]', or set search = \"none\" in dateline.toml"
TIMEOUT_SECONDS = 300


def index_site(folder: Path) -> tuple[DatelineError, ...]:
    """Runs `python -m pagefind --site FOLDER`; returns a warning if it is missing or fails."""
    if importlib.util.find_spec("pagefind") is None:
        return (_warning("search index skipped: the pagefind package is not installed"),)
    command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--silent"]
    try:
        finished = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return (_warning(f"search index skipped: pagefind did not run: {exc}"),)
    if finished.returncode != 0:
        said = (finished.stderr or finished.stdout).strip().splitlines()
        reason = said[-1] if said else f"exit code {finished.returncode}"
        return (_warning(f"search index skipped: pagefind failed: {reason}"),)
    return ()


def _warning(message: str) -> DatelineError:
    return OutputError(message, hint=INSTALL_HINT, severity="warning")
