"""Turns a markdown body into plain text that maps back to body offsets, and into sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from generator.model import Sentence, Span

_BLOCK_PREFIX = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)*")
_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
_RULE = re.compile(r"[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_LINK_DEFINITION = re.compile(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S")
_INLINE = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*\)"  # image: dropped
    r"|\[(?P<link>[^\]\n]+)\]\([^)\n]*\)"  # link: its text kept
    r"|\[(?P<reflink>[^\]\n]+)\]\[[^\]\n]*\]"  # reference link: its text kept
    r"|<[A-Za-z/!][^>\n]*>"  # inline HTML tag: dropped
    r"|\\(?=[\\`*_{}\[\]()#+\-.!])"  # backslash escape: dropped
    r"|\*\*|__|\*|`"  # emphasis and code markers: dropped
    r"|(?<![\w])_|_(?![\w])"
)


@dataclass(frozen=True, slots=True)
class PlainText:
    """Plain text with runs mapping it back to the body: (plain start, body start, length)."""

    text: str
    runs: tuple[tuple[int, int, int], ...]
    paragraph_starts: tuple[int, ...]

    def to_body(self, offset: int) -> int:
        """The body offset of plain-text offset `offset` (an end offset maps past its last char)."""
        if not self.runs:
            return 0
        index = max(bisect_right(self.runs, (offset, 1 << 62, 0)) - 1, 0)
        plain_start, body_start, length = self.runs[index]
        return body_start + min(offset - plain_start, length)

    def span_to_body(self, span: Span) -> Span:
        if span.end <= span.start:
            start = self.to_body(span.start)
            return Span(start, start)
        return Span(self.to_body(span.start), self.to_body(span.end - 1) + 1)


def plain_text(body: str) -> PlainText:
    """Strips markdown syntax; a paragraph's lines join with spaces, paragraphs with blank lines."""
    builder = _Builder()
    in_fence = False
    position = 0
    for line in body.split("\n"):
        line_start, position = position, position + len(line) + 1
        if _FENCE.match(line):
            in_fence = not in_fence
            builder.end_paragraph()
            continue
        if in_fence or not line.strip() or _RULE.match(line) or _LINK_DEFINITION.match(line):
            builder.end_paragraph()
            continue
        prefix = _BLOCK_PREFIX.match(line)
        skip = prefix.end() if prefix else 0
        heading = line.lstrip().startswith("#")
        if heading or (skip and builder.has_text_in_paragraph()):
            builder.end_paragraph()
        builder.add_line(line[skip:], line_start + skip)
        if heading:
            builder.end_paragraph()
    return builder.result()


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[tuple[int, int, int]] = []
        self.length = 0
        self.paragraph_starts: list[int] = []
        self.open = False

    def has_text_in_paragraph(self) -> bool:
        return self.open

    def end_paragraph(self) -> None:
        self.open = False

    def add_line(self, line: str, body_offset: int) -> None:
        if self.open:
            self._emit(" ", body_offset - 1)
        elif self.length:
            self._emit("\n\n", body_offset - 1)
        if not self.open:
            self.paragraph_starts.append(self.length)
            self.open = True
        cursor = 0
        for match in _INLINE.finditer(line):
            self._emit(line[cursor : match.start()], body_offset + cursor)
            for kept in ("link", "reflink"):
                if match.group(kept) is not None:
                    self._emit(match.group(kept), body_offset + match.start(kept))
            cursor = match.end()
        self._emit(line[cursor:].rstrip(), body_offset + cursor)

    def _emit(self, text: str, body_offset: int) -> None:
        if text:
            self.runs.append((self.length, body_offset, len(text)))
            self.parts.append(text)
            self.length += len(text)

    def result(self) -> PlainText:
        return PlainText("".join(self.parts), tuple(self.runs), tuple(self.paragraph_starts))


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt sen rep gov pres st jr sr rev gens adm cmdr jan
    feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun no
    nos vs etc inc corp co ltd dept univ est approx fig op vol u.s u.k u.n e.g i.e a.m
    p.m""".split()
)
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\n")


def split_sentences(plain: PlainText) -> tuple[Sentence, ...]:
    """Splits plain text into sentences; never across paragraphs, not after abbreviations."""
    sentences: list[Sentence] = []
    text = plain.text
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group() != "\n\n" and (
            _ends_in_abbreviation(text, match.start()) or _inside_quote(text, start, match.start())
        ):
            continue
        _append_sentence(sentences, plain, start, match.end())
        start = match.end()
    _append_sentence(sentences, plain, start, len(text))
    return tuple(sentences)


def _inside_quote(text: str, start: int, end: int) -> bool:
    """True while a curly quotation opened in this sentence is still open: keep quotes whole."""
    piece = text[start:end]
    return piece.count("“") > piece.count("”")


def _ends_in_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = _LAST_WORD.search(text[max(0, dot - 12) : dot])
    if word is None:
        return False
    token = word.group(1).lower().strip(".")
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append_sentence(sentences: list[Sentence], plain: PlainText, start: int, end: int) -> None:
    raw = plain.text[start:end]
    stripped_start = start + len(raw) - len(raw.lstrip())
    stripped_end = start + len(raw.rstrip())
    if stripped_end <= stripped_start:
        return
    paragraph = bisect_right(plain.paragraph_starts, stripped_start) - 1
    sentences.append(
        Sentence(
            text=plain.text[stripped_start:stripped_end],
            span=Span(stripped_start, stripped_end),
            paragraph=max(paragraph, 0),
        )
    )
