"""Loads content/articles/*.md into Article values, with file:line diagnostics for problems."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser
from slugify import slugify

from generator.config import Config
from generator.entries import EVENTS_DIR, written_entry
from generator.errors import ContentError, DatelineError, Location
from generator.escaping import url_scheme
from generator.intake import check_markdown, read_content_file, unsafe_links, without_controls

# Re-exported: callers read front matter through content.
from generator.matter import FrontMatter as FrontMatter
from generator.matter import split_front_matter as split_front_matter
from generator.matter import unknown_key_warnings
from generator.model import Article, Correction, Written
from generator.paths import is_reserved

ARTICLES_DIR = "articles"
KNOWN_KEYS = frozenset(
    {"title", "date", "timezone", "source", "url", "tags", "language", "extract", "events", "slug"}
)
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "YMD",
}
EARLIEST_YEAR, LATEST_YEAR = 1800, 2199
MAX_SLUG_CHARS = 80


def load_articles(
    content_dir: Path, config: Config
) -> tuple[tuple[Article, ...], tuple[DatelineError, ...]]:
    """Reads every article below content_dir/articles; a bad file is reported, the rest load."""
    return _load_files(article_files(content_dir), config)


def article_files(content_dir: Path) -> list[tuple[Path, str, Path]]:
    """Every article file below content_dir/articles, sorted: (path, path relative to the
    content folder, the content folder)."""
    return [
        (p, p.relative_to(content_dir).as_posix(), content_dir)
        for p in _markdown_files(content_dir / ARTICLES_DIR)
    ]


def load_file(
    path: Path, relative: str, root: Path, config: Config
) -> tuple[Article | None, tuple[DatelineError, ...]]:
    """One article file: the Article and its warnings, or None and the error that stopped it.
    Slugs are not checked here: check_unique_slug needs every article."""
    shown = shown_path(path)
    try:
        text, read_warnings = read_content_file(path, root, shown)
        article, warnings = parse_article(text, relative, shown, config)
    except DatelineError as error:
        return None, (error,)
    return article, read_warnings + warnings


def load_paths(
    paths: Iterable[Path], config: Config
) -> tuple[tuple[Article, ...], tuple[DatelineError, ...]]:
    """Reads articles named one by one or as folders (a content folder or a folder of articles)."""
    files: list[tuple[Path, str, Path]] = []
    for path in paths:
        if path.is_dir():
            folder = path / ARTICLES_DIR if (path / ARTICLES_DIR).is_dir() else path
            files.extend((p, p.relative_to(path).as_posix(), path) for p in _markdown_files(folder))
        else:
            files.append((path, path.name, path.parent))
    return _load_files(files, config)


def _load_files(
    files: list[tuple[Path, str, Path]], config: Config
) -> tuple[tuple[Article, ...], tuple[DatelineError, ...]]:
    articles: dict[str, tuple[Article, str]] = {}
    diagnostics: list[DatelineError] = []
    for path, relative, root in files:
        shown = shown_path(path)
        try:
            text, read_warnings = read_content_file(path, root, shown)
            article, warnings = parse_article(text, relative, shown, config)
            check_unique_slug(article, articles, shown)
        except DatelineError as error:
            diagnostics.append(error)
            continue
        articles[article.slug] = (article, shown)
        diagnostics.extend(read_warnings + warnings)
    return tuple(article for article, _ in articles.values()), tuple(diagnostics)


def check_unique_slug(article: Article, seen: dict[str, tuple[Article, str]], shown: str) -> None:
    """Two articles with one slug would write one page over the other."""
    if article.slug in seen:
        raise ContentError(
            f"slug '{article.slug}' is already used by {seen[article.slug][1]}",
            Location(shown, 1),
            "rename one of the files, or give it its own 'slug:' in the front matter",
        )


def _markdown_files(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return ()
    return sorted(p for p in folder.rglob("*.md") if p.is_file())


def shown_path(path: Path) -> str:
    try:  # the file's own name, not what a symbolic link points to
        return (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def parse_article(
    text: str, relative: str, shown: str, config: Config
) -> tuple[Article, tuple[DatelineError, ...]]:
    """Turns one file's text into an Article; raises ContentError on the first fatal problem."""
    matter = split_front_matter(text, shown)
    values, lines = matter.values, matter.lines

    def where(key: str) -> Location:
        return Location(shown, lines.get(key, 1))

    warnings = unknown_key_warnings(values, KNOWN_KEYS, where)
    timezone = _timezone(values.get("timezone", config.timezone), where("timezone"))
    check_markdown(matter.body, matter.body_line, shown)
    warnings += unsafe_links(matter.body, matter.body_line, shown)
    article = Article(
        path=relative,
        slug=_slug(_string(values, "slug", where, Path(relative).stem)),
        title=_required_string(values, "title", where, shown),
        published=_publication_datetime(values.get("date"), timezone, where("date"), shown),
        timezone=timezone,
        language=_string(values, "language", where, config.language),
        body=matter.body,
        body_line=matter.body_line,
        source=_optional_string(values, "source", where),
        url=_optional_url(values, "url", where),
        tags=_string_list(values, "tags", where),
        extract=_boolean(values, "extract", where, default=True),
        corrections=_corrections(values.get("events"), where("events")),
    )
    return article, warnings


def _slug(text: str) -> str:
    """A folder name safe on every OS: lower-case words and hyphens, never CON, NUL, ..."""
    slug = slugify(text, max_length=MAX_SLUG_CHARS, word_boundary=True) or "article"
    return f"{slug}-article" if is_reserved(slug) else slug


def _timezone(value: object, location: Location) -> str:
    if not isinstance(value, str):
        raise ContentError(
            "timezone must be a string", location, "use an IANA name like Europe/Kyiv"
        )
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ContentError(
            f"timezone '{value}' is not a known time zone",
            location,
            "use an IANA name like Europe/Kyiv",
        ) from exc
    return value


def _publication_datetime(value: object, timezone: str, location: Location, shown: str) -> datetime:
    zone = ZoneInfo(timezone)
    if value is None:
        raise ContentError(
            "missing publication date",
            Location(shown, 1),
            "add 'date: YYYY-MM-DD' to the front matter",
        )
    if isinstance(value, (list, dict)):
        raise ContentError(f"'date' must be a single value, not a {type(value).__name__}", location)
    parsed = _parse_date_string(value) if isinstance(value, str) else value
    if isinstance(parsed, date) and not isinstance(parsed, datetime):
        parsed = datetime.combine(parsed, time(0, 0))
    if not isinstance(parsed, datetime):
        raise ContentError(f"date '{value}' is not a date", location, "use YYYY-MM-DD")
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise ContentError(
            f"date '{value}' is out of range",
            location,
            f"publication dates run from {EARLIEST_YEAR} to {LATEST_YEAR}; use YYYY-MM-DD",
        )
    return parsed.astimezone(zone) if parsed.tzinfo else parsed.replace(tzinfo=zone)


def _parse_date_string(value: str) -> datetime | None:
    text = value.strip()
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    if not re.search(r"\d{4}", text):
        return None
    return dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)


def _required_string(values: dict[str, Any], key: str, where: Any, shown: str) -> str:
    if key not in values or values[key] is None or str(values[key]).strip() == "":
        raise ContentError(
            f"missing {key}", Location(shown, 1), f"add '{key}: ...' to the front matter"
        )
    return _string(values, key, where, "")


def _string(values: dict[str, Any], key: str, where: Any, default: str) -> str:
    value = values.get(key, default)
    if isinstance(value, (list, dict)):
        raise ContentError(
            f"'{key}' must be a single value, not a {type(value).__name__}", where(key)
        )
    return without_controls(str(value)).strip() if value is not None else default


def _optional_string(values: dict[str, Any], key: str, where: Any) -> str | None:
    text = _string(values, key, where, "")
    return text or None


def _optional_url(values: dict[str, Any], key: str, where: Any) -> str | None:
    """A web address: http(s) only, so a link from the site can never run script."""
    url = _optional_string(values, key, where)
    if url is not None and url_scheme(url) not in ("http", "https"):
        scheme = url_scheme(url)
        problem = f"uses the '{scheme}:' scheme" if scheme else "is not an absolute web address"
        raise ContentError(
            f"{key} '{url}' {problem}",
            where(key),
            "paste the article's address, starting with https://",
        )
    return url


def _string_list(values: dict[str, Any], key: str, where: Any) -> tuple[str, ...]:
    value = values.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [part for part in value.split(",")]
    if not isinstance(value, list) or any(isinstance(v, (list, dict)) for v in value):
        raise ContentError(f"'{key}' must be a list of words", where(key), f"write {key}: [a, b]")
    words = (without_controls(str(v)).strip() for v in value)
    return tuple(dict.fromkeys(word for word in words if word))


def _boolean(values: dict[str, Any], key: str, where: Any, default: bool) -> bool:
    value = values.get(key, default)
    if not isinstance(value, bool):
        raise ContentError(f"'{key}' must be true or false", where(key))
    return value


def _corrections(value: object, location: Location) -> tuple[Correction, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ContentError(
            "'events' must be a list", location, "each item: {phrase: ..., date: ..., title: ...}"
        )
    return tuple(_correction(item, location) for item in value)


def _correction(item: object, location: Location) -> Correction:
    if not isinstance(item, dict):
        raise ContentError("each item of 'events' must be a mapping", location)
    match = item.get("phrase") or item.get("sentence")
    if not isinstance(match, str) or not match.strip():
        raise ContentError("each item of 'events' needs 'phrase' or 'sentence'", location)
    day = item.get("date")
    title = item.get("title")
    if isinstance(day, (list, dict)) or isinstance(title, (list, dict)):
        raise ContentError("'date' and 'title' of an item of 'events' must be single values",
                           location)  # fmt: skip
    return Correction(
        match=match.strip(),
        date=without_controls(str(day)) if day is not None else None,
        title=without_controls(str(title)) if title is not None else None,
        skip=bool(item.get("skip", False)),
        line=location.line,
    )


def load_written(
    content_dir: Path, config: Config
) -> tuple[tuple[Written, ...], tuple[DatelineError, ...]]:
    """Reads the editors' entries in content_dir/events; a bad file is reported, the rest load."""
    entries: list[Written] = []
    diagnostics: list[DatelineError] = []
    for path in _markdown_files(content_dir / EVENTS_DIR):
        shown = shown_path(path)
        try:
            text, read_warnings = read_content_file(path, content_dir, shown)
            matter = split_front_matter(text, shown)
            check_markdown(matter.body, matter.body_line, shown)
            entry, warnings = written_entry(
                matter.values, matter.lines, matter.body,
                path.relative_to(content_dir).as_posix(), shown, config.timezone,
            )  # fmt: skip
        except DatelineError as error:
            diagnostics.append(error)
            continue
        entries.append(entry)
        diagnostics.extend(read_warnings + warnings)
    return tuple(entries), tuple(diagnostics)
