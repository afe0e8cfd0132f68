"""Renders an article body to safe HTML, source sentences anchored and dated phrases marked."""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass
from html import escape
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generator.escaping import SAFE_LINK_SCHEMES, is_safe_link
from generator.model import Span

ALLOWED_TAGS = frozenset(
    """a abbr b blockquote br code del em h1 h2 h3 h4 h5 h6 hr i img li ol p pre q s small strong
    sub sup table tbody td th thead tr ul""".split()
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "abbr": {"title"}}


@dataclass(frozen=True, slots=True)
class Mark:
    """Something to show in the body: a source sentence (anchor) or a dated phrase (mark)."""

    span: Span
    kind: str
    anchor: str = ""
    href: str = ""
    title: str = ""


# A mark as plain values (start, end, kind, anchor, href, title): a page's key reads a tuple of
# these in one call, where it reads a Mark and its Span field by field.
MarkRow = tuple[int, int, str, str, str, str]


def mark_row(mark: Mark) -> MarkRow:
    return (mark.span.start, mark.span.end, mark.kind, mark.anchor, mark.href, mark.title)


def rows_html(body: str, rows: tuple[MarkRow, ...], unsafe_html: bool = False) -> str:
    """article_html with the marks given as rows."""
    marks = tuple(Mark(Span(start, end), *rest) for start, end, *rest in rows)
    return article_html(body, marks, unsafe_html)


def article_html(body: str, marks: tuple[Mark, ...], unsafe_html: bool = False) -> str:
    """Markdown to sanitised HTML; marks are placed through the conversion by unguessable tokens.

    Raw HTML in the body is kept as written only with `unsafe_html`; links written in markdown
    never keep a URL that could run script either way.
    """
    nonce = hashlib.sha256(body.encode()).hexdigest()[:10]
    tokens = _token_positions(marks)
    pieces: list[str] = []
    cursor = 0
    for offset, index, opening in tokens:
        pieces.append(body[cursor:offset])
        pieces.append(f"X{nonce}{'O' if opening else 'C'}{index}X")
        cursor = offset
    pieces.append(body[cursor:])
    html = _converter().reset().convert("".join(pieces))
    if not unsafe_html:
        html = sanitise(html)
    return re.sub(rf"X{nonce}([OC])(\d+)X", lambda m: _markup(marks, m), html)


def _converter() -> markdown.Markdown:
    """This thread's Markdown converter, made once and reset for each article (as markdown.markdown
    makes a new one): making one, its extensions and patterns, is a tenth of converting one."""
    converter: markdown.Markdown | None = getattr(_CONVERTERS, "markdown", None)
    if converter is None:
        converter = markdown.Markdown(output_format="html", extensions=[_SafeLinks()])
        _CONVERTERS.markdown = converter
    return converter


_CONVERTERS = threading.local()


def sanitise(html: str) -> str:
    """Only the tags and attributes an article needs; no script, styles, handlers or risky URLs."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(SAFE_LINK_SCHEMES),
    )


class _SafeLinks(Extension):
    """Drops javascript:, data: and other risky URLs from links and images written in markdown."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_DropUnsafeUrls(md), "dateline-safe-links", 0)


class _DropUnsafeUrls(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is not None and not is_safe_link(url):
                    del element.attrib[attribute]


def _token_positions(marks: tuple[Mark, ...]) -> list[tuple[int, int, bool]]:
    """Openings and closings in body order; at one offset, close before open, outer before inner."""
    positions: list[tuple[int, int, int, int, bool]] = []
    for index, mark in enumerate(marks):
        length = mark.span.end - mark.span.start
        positions.append((mark.span.start, 1, -length, index, True))
        positions.append((mark.span.end, 0, length, index, False))
    positions.sort()
    return [(offset, index, opening) for offset, _, _, index, opening in positions]


def _markup(marks: tuple[Mark, ...], match: re.Match[str]) -> str:
    mark = marks[int(match.group(2))]
    element = "span" if mark.kind == "sentence" else "mark"
    if match.group(1) == "C":
        return "</a></mark>" if mark.kind == "phrase" and mark.href else f"</{element}>"
    attributes = f' class="{escape(mark.kind)}"'
    if mark.anchor:
        attributes += f' id="{escape(mark.anchor)}"'
    if mark.title:
        attributes += f' title="{escape(mark.title)}"'
    if mark.kind == "phrase" and mark.href:
        return f'<mark{attributes}><a href="{escape(mark.href)}">'
    return f"<{element}{attributes}>"


def sentence_anchor(span: Span) -> str:
    """The id of a source sentence in its article page."""
    return f"s-{span.start}"
