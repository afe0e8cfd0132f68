"""Loads content/articles/*.md into Article values, with file:line diagnostics for problems."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from slugify import slugify

from generator.config import Config
from generator.entries import EVENTS_DIR, written_entry
from generator.errors import ContentError, DatelineError, Location
from generator.fields import (
    boolean,
    corrections,
    optional_string,
    optional_url,
    publication_datetime,
    required_string,
    string,
    string_list,
    zone_name,
)
from generator.intake import check_markdown, read_content_file, unsafe_links

# Re-exported: callers read front matter through content.
from generator.matter import FrontMatter as FrontMatter
from generator.matter import split_front_matter as split_front_matter
from generator.matter import unknown_key_warnings
from generator.model import Article, Written
from generator.paths import is_reserved

ARTICLES_DIR = "articles"
KNOWN_KEYS = frozenset(
    {"title", "date", "timezone", "source", "url", "tags", "language", "extract", "events", "slug"}
)
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
    timezone = zone_name(values.get("timezone", config.timezone), where("timezone"))
    check_markdown(matter.body, matter.body_line, shown)
    warnings += unsafe_links(matter.body, matter.body_line, shown)
    article = Article(
        path=relative,
        slug=_slug(string(values, "slug", where, Path(relative).stem)),
        title=required_string(values, "title", where, shown),
        published=publication_datetime(values.get("date"), timezone, where("date"), shown),
        timezone=timezone,
        language=string(values, "language", where, config.language),
        body=matter.body,
        body_line=matter.body_line,
        source=optional_string(values, "source", where),
        url=optional_url(values, "url", where),
        tags=string_list(values, "tags", where),
        extract=boolean(values, "extract", where, default=True),
        corrections=corrections(values.get("events"), where("events")),
    )
    return article, warnings


def _slug(text: str) -> str:
    """A folder name safe on every OS: lower-case words and hyphens, never CON, NUL, ..."""
    slug = slugify(text, max_length=MAX_SLUG_CHARS, word_boundary=True) or "article"
    return f"{slug}-article" if is_reserved(slug) else slug


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
