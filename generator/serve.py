"""Takes a config loader, gives a preview server: builds, serves, rebuilds, reloads open tabs."""

from __future__ import annotations

import html
import queue
import shutil
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import watchfiles

from generator.config import CONFIG_NAME, Config
from generator.errors import BuildFailed, DatelineError
from generator.pipeline import build

VERSION_PATH = "/__dateline__/version"
RELOAD_PATH = "/__dateline__/reload.js"
# Polls the build version; a page reloads itself when a newer build (or a fix) is out. Served
# as a file, not inlined, so the pages' Content-Security-Policy (script-src 'self') allows it.
RELOAD_JS = """(function () {
  var version = document.currentScript.dataset.version;
  function poll() {
    fetch("VERSION_PATH", {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (latest) {
        if (latest !== version) { location.reload(); } else { setTimeout(poll, 400); }
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 400);
})();
""".replace("VERSION_PATH", VERSION_PATH)
RELOAD_TAG = f'<script src="{RELOAD_PATH}" data-version="{{version}}"></script>\n'
Say = Callable[[str, bool], None]


@dataclass(frozen=True, slots=True)
class BuildStatus:
    """The outcome of the latest build: its number, and its problems (none when it succeeded)."""

    version: int
    problems: tuple[str, ...] = ()


class LiveSite:
    """What the request threads read: the output folder and the latest BuildStatus."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.status = BuildStatus(0)


def serve(load: Callable[[], Config], host: str, port: int, say: Say) -> None:
    """Serves until Ctrl-C; `load` reads the config afresh, so dateline.toml edits apply too."""
    scratch = Path(tempfile.mkdtemp(prefix="dateline-serve-"))
    site = LiveSite(scratch / "site")
    server = ThreadingHTTPServer((host, port), partial(PreviewHandler, site))
    server.daemon_threads = True
    address = f"http://{_browser_host(host)}:{server.server_address[1]}/"
    stop = threading.Event()
    try:
        first = load()
        changes = start_watching(first, stop)  # before the first build, so no edit is missed
        site.status = rebuild(_preview(load, site.out_dir, address), 1, say)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        shown = ", ".join(str(path) for path, _ in watch_plan(first))
        say(f"Serving {address} (Ctrl-C to stop); watching {shown}", False)
        for changed in batches(changes):
            say(f"Changed: {', '.join(sorted(changed))}", False)
            site.status = rebuild(
                _preview(load, site.out_dir, address), site.status.version + 1, say
            )
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        shutil.rmtree(scratch, ignore_errors=True)


def rebuild(load: Callable[[], Config], version: int, say: Say) -> BuildStatus:
    """One full build; a failure becomes the status's problems, shown in the page and terminal."""
    started = time.perf_counter()
    try:
        result = build(load(), remove_later=True)
    except BuildFailed as failure:
        problems = (*(str(d) for d in failure.diagnostics), failure.message)
    except DatelineError as error:
        problems = (str(error),)
    except Exception:  # a bug in Dateline: show it instead of stopping the preview
        problems = (traceback.format_exc(),)
    else:
        for diagnostic in result.diagnostics:
            say(str(diagnostic), True)
        say(f"Built {result.events} entries in {time.perf_counter() - started:.2f} s", False)
        return BuildStatus(version)
    for problem in problems:
        say(problem, True)
    say("Build failed; the browser shows why. Waiting for a fix...", True)
    return BuildStatus(version, problems)


def watch_plan(config: Config) -> tuple[tuple[Path, bool], ...]:
    """The content folder and templates/ (recursively), and the folder of dateline.toml.

    dateline.toml is watched through its folder, not recursively: editors save by replacing the
    file, which a watch on the file itself stops seeing, and the folder may hold a large .venv.
    """
    folders = (config.content_dir, config.root / "templates")
    plan = [(folder, True) for folder in folders if folder.is_dir()]
    return (*plan, (config.root, False))


def start_watching(config: Config, stop: threading.Event) -> queue.Queue[set[str]]:
    """Watches in threads, until `stop` is set; each change puts the changed names in the queue."""
    changes: queue.Queue[set[str]] = queue.Queue()
    for path, recursive in watch_plan(config):
        only = watchfiles.DefaultFilter() if recursive else _config_file_only
        feed = partial(_feed, changes, path, recursive, only, stop)
        threading.Thread(target=feed, daemon=True).start()
    return changes


def batches(changes: queue.Queue[set[str]]) -> Iterator[set[str]]:
    """The changed names, one set per wait: changes made during a build come as one batch."""
    while True:
        batch = changes.get()
        while not changes.empty():
            batch |= changes.get_nowait()
        yield batch


def _feed(
    changes: queue.Queue[set[str]],
    path: Path,
    recursive: bool,
    only: Callable[[watchfiles.Change, str], bool],
    stop: threading.Event,
) -> None:
    for found in watchfiles.watch(
        path,
        watch_filter=only,
        recursive=recursive,
        stop_event=stop,
        raise_interrupt=False,
        rust_timeout=500,
    ):
        existing = {Path(name).name for _, name in found if Path(name).exists()}
        changes.put(existing or {Path(name).name for _, name in found})


def _config_file_only(_change: watchfiles.Change, path: str) -> bool:
    return Path(path).name == CONFIG_NAME


def _preview(load: Callable[[], Config], out_dir: Path, address: str) -> Callable[[], Config]:
    return lambda: replace(load(), output=str(out_dir.absolute()), base_url=address)


def _browser_host(host: str) -> str:
    return "localhost" if host in ("", "0.0.0.0", "::") else host


def with_reload_script(page: bytes, version: int) -> bytes:
    """The page with the reload script before </body> (or at the end when there is none)."""
    script = RELOAD_TAG.format(version=version).encode()
    head, marker, tail = page.rpartition(b"</body>")
    return head + script + marker + tail if marker else page + script


def error_page(status: BuildStatus) -> bytes:
    """The page every HTML address shows while the build is broken."""
    items = "\n".join(f"<li><pre>{html.escape(problem)}</pre></li>" for problem in status.problems)
    page = (
        '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8">'
        "<title>Build failed — Dateline</title></head>\n<body>\n"
        "<h1>Build failed</h1>\n<p>Fix the file below and save it; this page reloads itself.</p>\n"
        f'<ul class="build-errors">\n{items}\n</ul>\n</body>\n</html>\n'
    )
    return with_reload_script(page.encode(), status.version)


class PreviewHandler(SimpleHTTPRequestHandler):
    """Serves the output folder; HTML gets the reload script, or the error page while broken."""

    def __init__(self, site: LiveSite, *args: Any, **kwargs: Any) -> None:
        self.site = site
        super().__init__(*args, directory=str(site.out_dir), **kwargs)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        status = self.site.status
        if path == VERSION_PATH:
            self._send(200, str(status.version).encode(), "text/plain; charset=utf-8")
            return
        if path == RELOAD_PATH:
            self._send(200, RELOAD_JS.encode(), "text/javascript; charset=utf-8")
            return
        page = self._html_file(path)
        if page is None:
            super().do_GET()
        elif status.problems:
            self._send(500, error_page(status), "text/html; charset=utf-8")
        elif page.is_file():
            self._send(200, with_reload_script(page.read_bytes(), status.version))
        else:
            missing = self.site.out_dir / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"Not found"
            self._send(404, with_reload_script(body, status.version))

    def _html_file(self, path: str) -> Path | None:
        """The HTML file an address asks for (a missing file gets the 404 page), else None."""
        target = Path(self.translate_path(path))
        if target.is_dir():
            return target / "index.html" if path.endswith("/") else None
        return target if target.suffix == ".html" or not target.exists() else None

    def _send(self, code: int, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged: the terminal is for builds and their errors."""
