"""Makes content safe where HTML autoescaping does not reach: URLs, JSON in scripts, CSV."""

from __future__ import annotations

import html
import json
import re

from generator.jsondoc import indented_json

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# Browsers ignore ASCII tabs, newlines and controls inside a URL: "java\tscript:" is "javascript:".
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_SCRIPT_JSON = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})  # fmt: skip
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see in `url`, lower-cased, or None for a relative URL."""
    found = _SCHEME.match(_IGNORED_IN_URL.sub("", html.unescape(url)))
    return found.group(1).lower() if found else None


def is_safe_link(url: str) -> bool:
    """A relative URL or one with a scheme that cannot run script (not javascript:, data:, ...)."""
    scheme = url_scheme(url)
    return scheme is None or scheme in SAFE_LINK_SCHEMES


def script_json(value: object, indent: int | None = None, sort_keys: bool = True) -> str:
    """JSON to put inside <script type="application/ld+json">: no '</script>' can close it."""
    if indent == 2 and not sort_keys:
        text = indented_json(value)  # the same text, made faster
    else:
        text = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=sort_keys)
    return text.translate(_SCRIPT_JSON)


def csv_cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula: risky first characters get a "'"."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value
