"""`dateline serve`: a live preview that rebuilds on change, reports errors in the page, recovers."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest

from generator.config import Config
from generator.serve import BuildStatus, error_page, rebuild, with_reload_script

from .conftest import ROOT

SEED = ROOT / "tests" / "golden" / "seed"
ARTICLE = "content/articles/2025-06-06-russia-strikes-kyiv.md"
WAIT = 20.0  # seconds: a bound on each wait, not a speed target


@pytest.mark.parametrize(
    ("page", "expected_end"),
    [
        (b"<html><body><p>x</p></body></html>", b"</script>\n</body></html>"),
        (b"<p>no body tag</p>", b"</script>\n"),
    ],
)
def test_the_reload_script_goes_before_the_end_of_the_body(
    page: bytes, expected_end: bytes
) -> None:
    served = with_reload_script(page, 7)
    assert served.endswith(expected_end)
    assert b'<script src="/__dateline__/reload.js" data-version="7"></script>' in served


def test_the_error_page_lists_every_problem_escaped() -> None:
    page = error_page(BuildStatus(3, ("a.md:3: error: date 'Fryday' <x>", "1 error(s) found")))
    assert b"<pre>a.md:3: error: date &#x27;Fryday&#x27; &lt;x&gt;</pre>" in page
    assert b"<pre>1 error(s) found</pre>" in page and b'data-version="3"' in page


def test_a_failed_rebuild_is_a_status_with_problems_not_an_exception(tmp_path: Path) -> None:
    (tmp_path / "content" / "articles").mkdir(parents=True)
    (tmp_path / "content" / "articles" / "a.md").write_text("---\ntitle: A\ndate: Fryday\n---\n")
    said: list[tuple[str, bool]] = []
    config = Config(root=tmp_path, output=str(tmp_path / "out"))
    status = rebuild(lambda: config, 4, lambda message, error: said.append((message, error)))
    assert status.version == 4
    assert status.problems[0].endswith(
        "a.md:3: error: date 'Fryday' is not a date (hint: use YYYY-MM-DD)"
    )
    assert said[-1] == ("Build failed; the browser shows why. Waiting for a fix...", True)
    assert not (tmp_path / "out").exists()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"not within {WAIT:.0f} s: {what}")


def shows(url: str, status: int, text: str) -> Callable[[], bool]:
    def check() -> bool:
        answer = fetch(url)
        return answer[0] == status and text in answer[1]

    return check


def copy_lines(stream: IO[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path, queue.Queue[str]]]:
    """`dateline serve --port 0` on a copy of the seed project; yields its URL and folder."""
    project = tmp_path / "project"
    shutil.copytree(SEED, project, ignore=shutil.ignore_patterns("expected"))
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", "0"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    threading.Thread(target=copy_lines, args=(process.stdout, lines), daemon=True).start()
    try:
        url = ""
        while not url:
            line = lines.get(timeout=WAIT)
            found = re.search(r"Serving (http://\S+)", line)
            url = found.group(1) if found else ""
        yield url, project, lines
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=WAIT) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serve_rebuilds_reports_an_error_in_the_page_and_recovers(
    server: tuple[str, Path, queue.Queue[str]],
) -> None:
    url, project, lines = server
    status, index = fetch(url)
    assert status == 200 and 'src="/__dateline__/reload.js"' in index
    script_status, script = fetch(url + "__dateline__/reload.js")
    assert script_status == 200 and "/__dateline__/version" in script
    article_page = url + "articles/2025-06-06-russia-strikes-kyiv/index.html"
    article = project / ARTICLE
    original = article.read_text(encoding="utf-8")

    article.write_text(original.replace('title: "', 'title: "Edited: ', 1), encoding="utf-8")
    wait_for(shows(article_page, 200, "Edited: Russia strikes Kyiv"), "the edit shows")

    article.write_text(original.replace("date: 2025-06-06", "date: Fryday"), encoding="utf-8")
    broken = "date &#x27;Fryday&#x27; is not a date"
    wait_for(shows(url, 500, broken), "the error shows")
    assert shows(article_page, 500, broken)()

    article.write_text(original, encoding="utf-8")
    wait_for(shows(article_page, 200, "Russia strikes Kyiv"), "the recovery")
    assert "Edited:" not in fetch(article_page)[1]
    printed = []
    while not lines.empty():
        printed.append(lines.get())
    assert any("error: date 'Fryday' is not a date" in line for line in printed)


def test_serve_answers_a_missing_page_with_the_404_page_and_its_assets(
    server: tuple[str, Path, queue.Queue[str]],
) -> None:
    url, _, _ = server
    status, page = fetch(url + "no/such/deep/page/")
    assert status == 404 and "Page not found" in page
    stylesheet = re.search(r'href="([^"]*style\.css)"', page)
    assert stylesheet is not None
    assert fetch(urllib.parse.urljoin(url + "no/such/deep/page/", stylesheet.group(1)))[0] == 200
