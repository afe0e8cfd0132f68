"""Takes raw files (text, HTML, TimelineJS CSV/JSON), gives content files; never guesses."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from trafilatura.settings import Document

from generator.content import split_front_matter
from generator.errors import ContentError, DatelineError, Location
from generator.scaffold import ArticleDraft, article_path, article_text, checked_date, write_new
from generator.timelinejs import EventDraft, event_drafts, event_path, event_text

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TABLE_SUFFIXES = frozenset({".csv", ".json"})


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the editor passed; each fills what a file does not say, and nothing is made up."""

    timezone: str
    language: str
    date: str | None = None
    source: str | None = None
    title: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one article or entry: written to `path`, or skipped as already there."""

    path: Path
    skipped: bool = False


def import_file(path: Path, content_dir: Path, options: ImportOptions) -> tuple[Outcome, ...]:
    """Imports one file into content_dir; raises ContentError naming what is missing."""
    suffix = path.suffix.lower()
    shown = path.as_posix()
    text = _read(path)
    known = fingerprints(content_dir)
    if suffix in TABLE_SUFFIXES:
        drafts = event_drafts(text, suffix, shown, options.tags)
        return tuple(_write_event(draft, content_dir, known) for draft in drafts)
    if suffix in HTML_SUFFIXES:
        return (_write_article(draft_from_html(text, shown, options), content_dir, known),)
    if suffix in TEXT_SUFFIXES:
        return (_write_article(draft_from_text(text, shown, options), content_dir, known),)
    raise ContentError(
        f"cannot import '{path.suffix}' files", Location(shown), "use .txt, .html, .csv or .json"
    )


def draft_from_text(text: str, shown: str, options: ImportOptions) -> ArticleDraft:
    """A plain-text article: one paragraph a line (or blank-line separated); title from --title,
    or the first line when it reads as a headline (short, no full stop, a blank line after it)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip())]
    paragraphs = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    title = options.title
    if title is None and blocks and _is_headline(blocks[0]):
        title, paragraphs = blocks[0], paragraphs[1:]
    if title is None:
        raise ContentError(
            "no title: the first line is a paragraph, not a headline",
            Location(shown, 1),
            'pass --title "..."',
        )
    if options.date is None:
        raise ContentError("no publication date", Location(shown), "pass --date YYYY-MM-DD")
    return _draft(options, title, checked_date(options.date), options.source, "", paragraphs)


def draft_from_html(html: str, shown: str, options: ImportOptions) -> ArticleDraft:
    """A news page: its main text, title, date, outlet and address, read by trafilatura."""
    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(found, Document) or not found.text or not found.text.strip():
        raise ContentError("no article text found in the page", Location(shown))
    title = _found(options.title or found.title, "title", '--title "..."', shown)
    published = _found(options.date or found.date, "publication date", "--date YYYY-MM-DD", shown)
    paragraphs = [line.strip() for line in found.text.splitlines() if line.strip()]
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    source = options.source or found.sitename
    return _draft(options, title, checked_date(published), source, found.url or "", paragraphs)


def _found(value: str | None, what: str, option: str, shown: str) -> str:
    if not value:
        raise ContentError(f"no {what} found in the page", Location(shown), f"pass {option}")
    return value


def fingerprint(body: str) -> str:
    """The same text, whatever its line breaks and spacing."""
    return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()


def fingerprints(content_dir: Path) -> dict[str, Path]:
    """Fingerprints of every file in content_dir (whole, and an article's body), and source URLs."""
    known: dict[str, Path] = {}
    for path in sorted(content_dir.glob("*/*.md")):
        try:
            text = path.read_text(encoding="utf-8")
            matter = split_front_matter(text, path.as_posix())
        except (OSError, UnicodeDecodeError, DatelineError):
            continue  # `dateline build` reports a broken file; here it cannot be a duplicate
        known[fingerprint(text)] = path
        if path.parent.name == "articles":
            known[fingerprint(matter.body)] = path
        if isinstance(matter.values.get("url"), str) and matter.values["url"]:
            known[matter.values["url"]] = path
    return known


def _draft(
    options: ImportOptions,
    title: str,
    published: str,
    source: str | None,
    url: str,
    paragraphs: Iterable[str],
) -> ArticleDraft:
    return ArticleDraft(
        title=title, date=published, timezone=options.timezone, language=options.language,
        source=source or "", url=url, tags=options.tags, body="\n\n".join(paragraphs),
    )  # fmt: skip


def _is_headline(block: str) -> bool:
    return "\n" not in block and len(block) <= 150 and not block.rstrip().endswith((".", ":"))


def _write_article(draft: ArticleDraft, content_dir: Path, known: dict[str, Path]) -> Outcome:
    twin = known.get(fingerprint(draft.body)) or (known.get(draft.url) if draft.url else None)
    if twin is not None:
        return Outcome(twin, skipped=True)
    return Outcome(write_new(article_path(content_dir, draft), article_text(draft)))


def _write_event(draft: EventDraft, content_dir: Path, known: dict[str, Path]) -> Outcome:
    text = event_text(draft)
    twin = known.get(fingerprint(text))
    if twin is not None:
        return Outcome(twin, skipped=True)
    return Outcome(write_new(event_path(content_dir, draft), text))


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ContentError(f"cannot read file: {exc.strerror}", Location(path.as_posix())) from exc
    except UnicodeDecodeError as exc:
        raise ContentError(
            "file is not UTF-8", Location(path.as_posix()), "save it as UTF-8"
        ) from exc
