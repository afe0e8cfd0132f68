"""Loads content/articles/*.md into Article values, with file:line diagnostics for problems."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser
import yaml
from frontmatter.default_handlers import YAMLHandler
from slugify import slugify

from generator.config import Config
from generator.entries import EVENTS_DIR, written_entry
from generator.errors import ContentError, DatelineError, Location
from generator.model import Article, Correction, Written

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


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The raw front matter of a file, with the line of each top-level key."""

    values: dict[str, Any]
    lines: dict[str, int]
    body: str
    body_line: int


def load_articles(
    content_dir: Path, config: Config
) -> tuple[tuple[Article, ...], tuple[DatelineError, ...]]:
    """Reads every article below content_dir/articles; a bad file is reported, the rest load."""
    return _load_files(article_files(content_dir), config)


def load_paths(
    paths: Iterable[Path], config: Config
) -> tuple[tuple[Article, ...], tuple[DatelineError, ...]]:
    """Reads articles named one by one or as folders (a content folder or a folder of articles)."""
    files: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            folder = path / ARTICLES_DIR if (path / ARTICLES_DIR).is_dir() else path
            files.extend((p, p.relative_to(path).as_posix()) for p in _markdown_files(folder))
        else:
            files.append((path, path.name))
    return _load_files(files, config)


def _load_files(
    files: list[tuple[Path, str]], config: Config
) -> tuple[tuple[Article, ...], tuple[DatelineError, ...]]:
    articles: list[Article] = []
    diagnostics: list[DatelineError] = []
    for path, relative in files:
        article, problems = load_file(path, relative, config)
        if article is not None:
            articles.append(article)
        diagnostics.extend(problems)
    return tuple(articles), tuple(diagnostics)


def article_files(content_dir: Path) -> list[tuple[Path, str]]:
    """Every article file below content_dir/articles, sorted, with its path relative to content."""
    return [
        (p, p.relative_to(content_dir).as_posix())
        for p in _markdown_files(content_dir / ARTICLES_DIR)
    ]


def load_file(
    path: Path, relative: str, config: Config
) -> tuple[Article | None, tuple[DatelineError, ...]]:
    """One article file: the Article and its warnings, or None and the error that stopped it."""
    shown = shown_path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
        article, warnings = parse_article(text, relative, shown, config)
    except OSError as exc:
        return None, (ContentError(f"cannot read file: {exc.strerror}", Location(shown)),)
    except UnicodeDecodeError as exc:
        return None, (
            ContentError(
                f"file is not UTF-8 (byte {exc.start} is 0x{exc.object[exc.start]:02x})",
                Location(shown, exc.object[: exc.start].count(b"\n") + 1),
                "save the file as UTF-8",
            ),
        )
    except DatelineError as error:
        return None, (error,)
    return article, warnings


def _markdown_files(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return ()
    return sorted(p for p in folder.rglob("*.md") if p.is_file())


def shown_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
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

    warnings = tuple(
        ContentError(f"unknown front matter key '{key}'", where(key), severity="warning")
        for key in values
        if key not in KNOWN_KEYS
    )
    timezone = _timezone(values.get("timezone", config.timezone), where("timezone"))
    stem = Path(relative).stem
    article = Article(
        path=relative,
        slug=slugify(_string(values, "slug", where, stem)) or "article",
        title=_required_string(values, "title", where, shown),
        published=_publication_datetime(values.get("date"), timezone, where("date"), shown),
        timezone=timezone,
        language=_string(values, "language", where, config.language),
        body=matter.body,
        body_line=matter.body_line,
        source=_optional_string(values, "source", where),
        url=_optional_string(values, "url", where),
        tags=_string_list(values, "tags", where),
        extract=_boolean(values, "extract", where, default=True),
        corrections=_corrections(values.get("events"), where("events")),
    )
    return article, warnings


def split_front_matter(text: str, shown: str) -> FrontMatter:
    """Separates `---` front matter from the body, keeping the body verbatim and its first line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContentError(
            "file does not start with front matter",
            Location(shown, 1),
            "begin the file with a '---' line, then 'title:' and 'date:', then '---'",
        )
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        raise ContentError(
            "front matter is not closed",
            Location(shown, 1),
            "add a line '---' after the last front matter key",
        )
    yaml_text = "\n".join(lines[1:closing])
    values = _parse_yaml(yaml_text, shown)
    key_lines = _key_lines(lines[1:closing], first_line=2)
    body = "\n".join(lines[closing + 1 :])
    return FrontMatter(values, key_lines, body, closing + 2)


class _PlainYAMLLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: dates stay strings, so we can check them ourselves."""


_PlainYAMLLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _PlainYAMLHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        return yaml.load(fm, Loader=_PlainYAMLLoader)


def _parse_yaml(yaml_text: str, shown: str) -> dict[str, Any]:
    try:
        metadata = _PlainYAMLHandler().load(yaml_text) if yaml_text.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        raise ContentError(
            f"front matter is not valid YAML: {problem}",
            Location(shown, line),
            "check quoting and indentation; values with ':' need quotes",
        ) from exc
    if not isinstance(metadata, dict):
        raise ContentError("front matter must be 'key: value' lines", Location(shown, 2))
    return {str(key): value for key, value in metadata.items()}


def _key_lines(lines: list[str], first_line: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, line in enumerate(lines, start=first_line):
        match = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if match and match.group(1) not in found:
            found[match.group(1)] = number
    return found


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
    if isinstance(value, datetime):
        return value.astimezone(zone) if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), zone)
    if isinstance(value, str):
        parsed = _parse_date_string(value)
        if parsed is not None:
            return parsed.astimezone(zone) if parsed.tzinfo else parsed.replace(tzinfo=zone)
    raise ContentError(f"date '{value}' is not a date", location, "use YYYY-MM-DD")


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
    return str(value).strip() if value is not None else default


def _optional_string(values: dict[str, Any], key: str, where: Any) -> str | None:
    text = _string(values, key, where, "")
    return text or None


def _string_list(values: dict[str, Any], key: str, where: Any) -> tuple[str, ...]:
    value = values.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [part for part in value.split(",")]
    if not isinstance(value, list) or any(isinstance(v, (list, dict)) for v in value):
        raise ContentError(f"'{key}' must be a list of words", where(key), f"write {key}: [a, b]")
    return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))


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
    return Correction(
        match=match.strip(),
        date=str(day) if day is not None else None,
        title=str(title) if title is not None else None,
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
            matter = split_front_matter(path.read_bytes().decode("utf-8-sig"), shown)
            entry, warnings = written_entry(
                matter.values, matter.lines, matter.body,
                path.relative_to(content_dir).as_posix(), shown, config.timezone,
            )  # fmt: skip
        except (OSError, UnicodeDecodeError) as exc:
            diagnostics.append(ContentError(f"cannot read file: {exc}", Location(shown)))
            continue
        except DatelineError as error:
            diagnostics.append(error)
            continue
        entries.append(entry)
        diagnostics.extend(warnings)
    return tuple(entries), tuple(diagnostics)
