"""The built site works under a sub-path, as a GitHub Pages project site: a crawl finds no 404."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from generator.config import load_config
from generator.pipeline import build

from .conftest import ROOT

SEED = ROOT / "tests" / "golden" / "seed"
PREFIX = "/REPO/"


class PagesHandler(SimpleHTTPRequestHandler):
    """Like GitHub Pages for a project site: the site at /REPO/, 404.html for anything missing."""

    def __init__(self, site: Path, *args: Any, **kwargs: Any) -> None:
        self.site = site
        super().__init__(*args, directory=str(site), **kwargs)

    def translate_path(self, path: str) -> str:
        if not urlsplit(path).path.startswith(PREFIX):
            return str(self.site / "no such file")
        return super().translate_path(urlsplit(path).path.removeprefix(PREFIX[:-1]))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: failures are reported by the assertions."""


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name in ("href", "src") and value]


def links(content_type: str, body: bytes) -> list[str]:
    if "html" in content_type:
        parser = Links()
        parser.feed(body.decode())
        return parser.found
    if "xml" in content_type:
        root = ElementTree.fromstring(body)
        hrefs = [e.get("href", "") for e in root.iter() if e.tag.endswith("link")]
        return hrefs + [e.text or "" for e in root.iter() if e.tag.endswith("loc")]
    return []


def get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed site built for http://127.0.0.1:PORT/REPO/ and served there."""
    out = tmp_path_factory.mktemp("pages") / "site"
    out.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(PagesHandler, out))
    base_url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    config = load_config(SEED / "dateline.toml")
    build(replace(config, root=SEED, output=str(out), base_url=base_url))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base_url
    server.shutdown()
    server.server_close()


def crawl(start: str, *more: str) -> dict[str, int]:
    """Every address on the site reachable from `start` (and `more`), with its status."""
    statuses: dict[str, int] = {}
    queue = [start, *more]
    while queue:
        url = queue.pop()
        if url in statuses:
            continue
        status, content_type, body = get(url)
        statuses[url] = status
        for link in links(content_type, body):
            target = urldefrag(urljoin(url, link)).url
            if target.startswith(start) and target not in statuses:
                queue.append(target)
    return statuses


def test_every_link_asset_feed_and_export_answers_200_under_a_sub_path(site: str) -> None:
    statuses = crawl(site, site + "sitemap.xml")  # no page links the sitemap: crawlers are told
    assert {url: status for url, status in statuses.items() if status != 200} == {}
    found = {url.removeprefix(site) for url in statuses}
    assert {"", "index.html", "newest/index.html", "static/style.css", "atom.xml",
            "timeline.json", "sitemap.xml"} <= found  # fmt: skip
    assert sum(1 for path in found if path.startswith("events/")) >= 6
    assert any(path.startswith("articles/") for path in found)


@pytest.mark.parametrize("depth", ["nope", "a/b/c/deep-page/", "events/x/y/z.html"])
def test_the_404_page_renders_with_its_assets_at_any_depth(site: str, depth: str) -> None:
    status, content_type, body = get(site + depth)
    assert (status, content_type) == (404, "text/html")
    assert b"Page not found" in body
    found = [link for link in links(content_type, body) if not link.startswith("#")]
    targets = [urljoin(site + depth, link) for link in found]
    assert any(target.endswith("/REPO/static/style.css") for target in targets)
    assert {target: get(target)[0] for target in targets if target.startswith(site)} == {
        target: 200 for target in targets if target.startswith(site)
    }
