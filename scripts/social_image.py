"""Draws templates/static/social.png, the default OpenGraph/Twitter image, with headless Chromium.

Run by hand when the design changes: .venv/bin/python scripts/social_image.py
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "templates" / "static" / "social.png"
CARD = """<!doctype html><html><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:80px;background:#fbfaf7;
  color:#1d1d1b;font-family:Georgia,serif;display:flex;flex-direction:column;justify-content:space-between">
  <div style="font:700 44px system-ui,sans-serif;color:#a3281b">Dateline</div>
  <div style="font-size:64px;line-height:1.15;max-width:900px">A dated, sourced timeline of events,
    read from news reporting.</div>
  <svg width="1040" height="90" viewBox="0 0 1040 90">
    <line x1="0" y1="88" x2="1040" y2="88" stroke="#55534e" stroke-width="3"/>
    <g fill="#a3281b">
      <rect x="20" y="40" width="40" height="48"/><rect x="160" y="60" width="40" height="28"/>
      <rect x="230" y="10" width="40" height="78"/><rect x="440" y="60" width="40" height="28"/>
      <rect x="580" y="30" width="40" height="58"/><rect x="790" y="60" width="40" height="28"/>
      <rect x="930" y="45" width="40" height="43"/>
    </g>
  </svg>
</div></body></html>"""
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(CARD)
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
