"""The same generated articles as a Pelican and a Hugo site, each with a minimal config.

Pelican 4.12 is looked for in /tmp/peers-venv (python3 -m venv /tmp/peers-venv &&
/tmp/peers-venv/bin/pip install pelican markdown) or on PATH; Hugo on PATH (apt-get install hugo).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

PELICAN_CANDIDATES = (Path("/tmp/peers-venv/bin/pelican"),)
PELICAN_CONFIG = """AUTHOR = "Bench"
SITENAME = "Generated war timeline"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
"""
HUGO_CONFIG = 'baseURL = "/"\ntitle = "Generated war timeline"\nlanguageCode = "en"\n'
HUGO_LAYOUTS = {
    "_default/baseof.html": "<!doctype html><html><head><title>{{ .Title }}</title></head>"
    '<body>{{ block "main" . }}{{ end }}</body></html>\n',
    "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>'
    '<p>{{ .Date.Format "2 January 2006" }}</p>{{ .Content }}{{ end }}\n',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
}
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def pelican_command() -> list[str] | None:
    for candidate in PELICAN_CANDIDATES:
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which("pelican")
    return [found] if found else None


def hugo_command() -> list[str] | None:
    found = shutil.which("hugo")
    return [found] if found else None


def make_pelican_site(articles: list[Path], site: Path) -> None:
    """Pelican reads 'Key: value' metadata lines, so the YAML front matter is rewritten."""
    content = site / "content"
    content.mkdir(parents=True, exist_ok=True)
    (site / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
    for path in articles:
        text = path.read_text(encoding="utf-8")
        front = _FRONT.match(text)
        assert front is not None, path
        meta = dict(line.split(": ", 1) for line in front.group(1).splitlines())
        header = (
            f"Title: {meta['title'].strip(chr(34))}\nDate: {meta['date']}\n"
            f"Tags: {meta['tags'].strip('[]')}\nCategory: news\nSlug: {path.stem}\n\n"
        )
        (content / path.name).write_text(header + text[front.end() :], encoding="utf-8")


def make_hugo_site(articles: list[Path], site: Path) -> None:
    """Hugo reads the same YAML front matter; three layouts render articles and lists."""
    content = site / "content" / "articles"
    content.mkdir(parents=True, exist_ok=True)
    (site / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, layout in HUGO_LAYOUTS.items():
        target = site / "layouts" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(layout, encoding="utf-8")
    for path in articles:
        # Hugo's own `url` key sets the page's address; the outlet's link is a custom field.
        text = path.read_text(encoding="utf-8").replace("\nurl: ", "\nsource_url: ", 1)
        (content / path.name).write_text(text, encoding="utf-8")
