"""Checks a content file's bytes and markdown before parsing: size, encoding, nesting, links."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from generator.errors import ContentError, Location
from generator.escaping import is_safe_link, url_scheme

MAX_FILE_BYTES = 1_048_576
MAX_LINE_CHARS = 100_000
# Python-Markdown recurses once per nesting level and rescans unclosed brackets: past these
# depths a few kilobytes of text take minutes or overflow the stack.
MAX_BLOCK_DEPTH = 32
MAX_BRACKET_DEPTH = 64
# Characters XML 1.0 forbids (feeds would not parse) and that no article means to contain.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BLOCK_PREFIX = re.compile(r"[ \t>]*")
_BRACKET = re.compile(r"[][()]")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_content_file(path: Path, root: Path, shown: str) -> tuple[str, tuple[ContentError, ...]]:
    """Reads one file below `root`: refuses links out of it and oversized files before reading."""
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
            raise ContentError(
                "file is a symbolic link to outside the content folder",
                Location(shown),
                "copy the file into the content folder instead of linking to it",
            )
        size = path.stat().st_size
        data = path.read_bytes() if size <= MAX_FILE_BYTES else b""
    except OSError as exc:
        raise ContentError(f"cannot read file: {exc.strerror}", Location(shown)) from exc
    return decode_content(data, shown, size)


def decode_content(
    data: bytes, shown: str, size: int | None = None
) -> tuple[str, tuple[ContentError, ...]]:
    """The text of a file (a UTF-8 BOM dropped), or a ContentError saying why it is not text."""
    size = len(data) if size is None else size
    if size > MAX_FILE_BYTES:
        raise ContentError(
            f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
            Location(shown),
            "split it into several articles, or remove pasted page furniture",
        )
    if not data.strip():
        raise ContentError(
            "file is empty",
            Location(shown, 1),
            "write front matter ('---', 'title:', 'date:', '---') and the article, or delete it",
        )
    if data.startswith(_UTF16_BOMS):
        raise ContentError("file is UTF-16, not UTF-8", Location(shown, 1), "save it as UTF-8")
    text = _utf8(data, shown)
    _check_line_lengths(text, shown)
    return _without_controls(text, shown)


def _utf8(data: bytes, shown: str) -> str:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ContentError(
            f"file is binary, not text (NUL byte at offset {nul})",
            _byte_location(data, nul, shown),
            "articles are UTF-8 markdown files; move this file out of the content folder",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(
            f"file is not UTF-8 (byte {exc.start} is 0x{data[exc.start]:02x})",
            _byte_location(data, exc.start, shown),
            "save the file as UTF-8",
        ) from exc


def _byte_location(data: bytes, offset: int, shown: str) -> Location:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return Location(shown, data.count(b"\n", 0, offset) + 1, offset - line_start + 1)


def _check_line_lengths(text: str, shown: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise ContentError(
                f"line is {len(line):,} characters long; the limit is {MAX_LINE_CHARS:,}",
                Location(shown, number),
                "break the text into paragraphs with blank lines",
            )


def _without_controls(text: str, shown: str) -> tuple[str, tuple[ContentError, ...]]:
    """Control characters become spaces (offsets stay put), with one warning for the file."""
    found = _CONTROL.search(text)
    if found is None:
        return text, ()
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    count = len(_CONTROL.findall(text))
    warning = ContentError(
        f"{count} control character(s) replaced by spaces, the first U+{ord(found.group()):04X}",
        Location(shown, line, column),
        "they usually come from copying out of a word processor or PDF",
        severity="warning",
    )
    return _CONTROL.sub(" ", text), (warning,)


def without_controls(value: str) -> str:
    """A front matter string without the control characters a YAML escape ("\\v") can put in."""
    return _CONTROL.sub(" ", value)


def check_markdown(body: str, body_line: int, shown: str) -> None:
    """Refuses markdown nested so deeply that converting it would hang or overflow the stack."""
    bracket_depth = 0
    for number, line in enumerate(body.split("\n"), start=body_line):
        if not line.strip():
            bracket_depth = 0
            continue
        prefix = _BLOCK_PREFIX.match(line)
        indent = prefix.group().expandtabs(4) if prefix else ""
        if indent.count(">") > MAX_BLOCK_DEPTH or len(indent) > 4 * MAX_BLOCK_DEPTH:
            _too_deep(shown, number, "quotes or lists", MAX_BLOCK_DEPTH)
        bracket_depth = _bracket_depth(line, bracket_depth, shown, number)


def _bracket_depth(line: str, depth: int, shown: str, number: int) -> int:
    for bracket in _BRACKET.finditer(line):
        if bracket.group() in "[(":
            depth += 1
            if depth > MAX_BRACKET_DEPTH:
                _too_deep(shown, number, "brackets", MAX_BRACKET_DEPTH)
        elif depth:
            depth -= 1
    return depth


def _too_deep(shown: str, line: int, what: str, limit: int) -> None:
    raise ContentError(
        f"markdown is nested too deeply: more than {limit} levels of {what}",
        Location(shown, line),
        "flatten the quotes and lists, or close the brackets",
    )


_LINK_TARGETS = re.compile(
    r"\]\(\s*<?(?P<inline>[^\s)>]+)"  # [text](url)
    r"|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<reference>[^\s>]+)"  # [label]: url
    r"|<(?P<autolink>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>"  # <scheme:...>
    r"|\b(?:href|src|action|formaction)\s*=\s*[\"']?(?P<attribute>[^\"'\s>]+)",  # raw HTML
    re.MULTILINE | re.IGNORECASE,
)


def unsafe_links(body: str, body_line: int, shown: str) -> tuple[ContentError, ...]:
    """A warning for each link in the body whose URL could run script; rendering drops them."""
    warnings = []
    for found in _LINK_TARGETS.finditer(body):
        url = next(group for group in found.groups() if group is not None)
        if not is_safe_link(url):
            line = body_line + body.count("\n", 0, found.start())
            warnings.append(
                ContentError(
                    f"link to a '{url_scheme(url)}:' URL is removed",
                    Location(shown, line),
                    "links must be http(s), mailto or relative",
                    severity="warning",
                )
            )
    return tuple(warnings)
