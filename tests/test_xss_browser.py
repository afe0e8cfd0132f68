"""XSS in a real browser: a site built from payload-laden content runs none of the payloads.

Every page is opened in headless Chromium (Debian's, driven by Playwright); a payload that runs
sets window.__pwned or opens a dialog. The site's own pages must also load without breaking
their Content-Security-Policy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import ROOT

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")

RUN = "window.__pwned = 1"
PAYLOADS = [
    f"<script>{RUN}</script>",
    f'"><img src=x onerror="{RUN}">',
    f"'><svg onload='{RUN}'>",
    f"</script><script>{RUN}</script>",
    '<iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
    f"<details open ontoggle='{RUN}'>",
    f"<math><mtext><table><mglyph><style><img src=x onerror='{RUN}'>",
    f'<a href="javascript:{RUN}">raw link</a>',
    f"[markdown link](javascript:{RUN})",
    f"[entity link](&#106;avascript:{RUN})",
    f"![image](data:image/svg+xml,<svg onload='{RUN}'>)",
    f'<form action="javascript:{RUN}"><button>go</button></form>',
    f'<meta http-equiv="refresh" content="0;url=javascript:{RUN}">',
    f"{{{{ {RUN} }}}}",
]


def payload_article(number: int, payload: str) -> str:
    quoted = payload.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f'---\ntitle: "Strikes {quoted}"\ndate: 2025-06-06\nsource: "Outlet {quoted}"\n'
        f'tags: ["war", "{quoted}"]\nslug: payload-{number}\n---\n\n'
        f"Negotiators met on Monday {payload} in Istanbul.\n\n"
        f"> Putin said on Wednesday: {payload}\n"
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def build(content: Path, out: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out)])
    assert result.exit_code == 0, result.output


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    page = browser.new_page()
    page.dialogs, page.messages = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: page.messages.append(message.text))
    yield page
    page.close()


def visit(page: Any, page_path: Path) -> dict[str, Any]:
    """What one page did: dialogs it opened, whether a payload ran, risky links, CSP breaks."""
    page.dialogs.clear()
    page.messages.clear()
    page.goto(page_path.as_uri(), wait_until="load")
    try:
        seen = page.evaluate(CHECK)
    except playwright_api.Error:  # a redirect page moved on: check where it landed
        page.wait_for_load_state("load")
        seen = page.evaluate(CHECK)
    policy = [m for m in page.messages if "Content Security Policy" in m]
    return {**seen, "dialogs": list(page.dialogs), "policy": policy}


CHECK = """() => ({
            pwned: window.__pwned === 1,
            risky: [...document.querySelectorAll('[href],[src],[action]')]
                .map(e => e.href || e.src || e.action || '')
                .filter(u => /^(javascript|data|vbscript):/i.test(u))
                .filter(u => u !== 'javascript:void(0);'),  // Pagefind UI's own no-op buttons
        })"""


def test_no_payload_runs_on_any_page(tab: Any, tmp_path: Path) -> None:
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    for number, payload in enumerate(PAYLOADS):
        (articles / f"p{number}.md").write_text(payload_article(number, payload))
    build(tmp_path / "content", tmp_path / "site")
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) > len(PAYLOADS)
    for page_path in pages:
        seen = visit(tab, page_path)
        assert not seen["pwned"] and not seen["dialogs"], page_path
        assert not seen["risky"], (page_path, seen["risky"])
        # Nothing even tried: the policy would have stopped it, but the sanitiser should first.
        assert not seen["policy"], (page_path, seen["policy"])


def test_the_sites_own_pages_satisfy_their_content_security_policy(
    tab: Any, tmp_path: Path
) -> None:
    build(ROOT / "content", tmp_path / "site")
    for page_path in sorted((tmp_path / "site").rglob("*.html")):
        assert not visit(tab, page_path)["policy"], page_path
