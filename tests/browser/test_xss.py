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

from ..conftest import ROOT

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


def build(content: Path, out: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out)])
    assert result.exit_code == 0, result.output


@pytest.fixture
def xss_tab(browser: Any) -> Iterator[Any]:
    """A page that records dialogs and console messages (browser: tests/browser/conftest.py)."""
    page = browser.new_page()
    page.dialogs, page.messages = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: page.messages.append(message.text))
    yield page
    page.close()


def pages_of(site: Path) -> list[Path]:
    """Every HTML page but the redirects at entries' old addresses, which hold no content (and
    would navigate away mid-check); their targets are checked themselves."""
    pages = sorted(site.rglob("*.html"))
    redirects = [p for p in pages if 'http-equiv="refresh"' in p.read_text()]
    assert all("<script" not in p.read_text() for p in redirects)
    return [p for p in pages if p not in redirects]


def visit(page: Any, page_path: Path) -> dict[str, Any]:
    """What one page did: dialogs it opened, whether a payload ran, risky links, CSP breaks."""
    page.dialogs.clear()
    page.messages.clear()
    page.goto(page_path.as_uri(), wait_until="load")
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


def test_no_payload_runs_on_any_page(xss_tab: Any, tmp_path: Path) -> None:
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    for number, payload in enumerate(PAYLOADS):
        (articles / f"p{number}.md").write_text(payload_article(number, payload))
    build(tmp_path / "content", tmp_path / "site")
    pages = pages_of(tmp_path / "site")
    assert len(pages) > len(PAYLOADS)
    for page_path in pages:
        seen = visit(xss_tab, page_path)
        assert not seen["pwned"] and not seen["dialogs"], page_path
        assert not seen["risky"], (page_path, seen["risky"])
        # Nothing even tried: the policy would have stopped it, but the sanitiser should first.
        assert not seen["policy"], (page_path, seen["policy"])


def test_the_sites_own_pages_satisfy_their_content_security_policy(
    xss_tab: Any, tmp_path: Path
) -> None:
    build(ROOT / "content", tmp_path / "site")
    for page_path in pages_of(tmp_path / "site"):
        assert not visit(xss_tab, page_path)["policy"], page_path
