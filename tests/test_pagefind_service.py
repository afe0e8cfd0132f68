"""Pagefind's service, spoken to directly: pages in, their bundle out, or an error that says why."""

from __future__ import annotations

import base64
import importlib.util
import json
from collections.abc import Iterator

import pytest

from generator import pagefind_service
from generator.errors import OutputError
from generator.pagefind_service import PagefindService

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pagefind") is None, reason="pagefind is not installed"
)


def page(name: str) -> tuple[str, str]:
    body = f"<html lang=en><body data-pagefind-body><h1>{name} talks</h1></body></html>"
    return f"/events/{name}/", body


@pytest.fixture
def service() -> Iterator[PagefindService]:
    from pagefind.service import get_executable

    executable = get_executable()
    assert executable is not None
    with PagefindService(executable, timeout=60) as running:
        yield running


def test_pages_sent_give_a_bundle_holding_every_page(service: PagefindService) -> None:
    files = dict(service.bundle(page(name) for name in ("kyiv", "lviv", "odesa")))
    entry = json.loads(files[pagefind_service.ENTRY])
    assert entry["languages"]["en"]["page_count"] == 3
    assert "pagefind-ui.js" in files
    assert sum(name.startswith("fragment/") for name in files) == 3


def test_a_failure_while_sending_stops_the_service(service: PagefindService) -> None:
    def pages() -> Iterator[tuple[str, str]]:
        yield page("kyiv")
        raise ValueError("the spool is unreadable")

    with pytest.raises(ValueError, match="spool"):
        service.bundle(pages())
    assert service._process.wait(timeout=5) == -9  # killed, so the reader stopped too


def test_a_bundle_missing_pages_is_an_error() -> None:
    entry = {"languages": {"en": {"page_count": 1}}}
    files = [
        {"path": "pagefind-entry.json", "content": base64.b64encode(json.dumps(entry).encode())}
    ]
    with pytest.raises(OutputError, match="pagefind indexed 1 of 2 pages"):
        pagefind_service._decoded(files, 2)
