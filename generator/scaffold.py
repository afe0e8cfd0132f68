"""Takes what an editor types, gives new files: an article (`dateline new`), a project (`init`)."""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slugify import slugify

from generator import __version__
from generator.errors import ContentError, Location, OutputError

ARTICLES = Path("content") / "articles"


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """Everything an article file's front matter holds, and its body."""

    title: str
    date: str
    timezone: str
    language: str
    source: str = ""
    url: str = ""
    tags: tuple[str, ...] = ()
    body: str = ""


def skeleton(name: str) -> str:
    """A file of the skeleton Dateline writes from (generator/skeleton/)."""
    return (resources.files("generator") / "skeleton" / name).read_text(encoding="utf-8")


def checked_date(text: str) -> str:
    """A publication date as front matter takes it: YYYY-MM-DD, or an ISO date and time."""
    try:
        date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        raise ContentError(
            f"date '{text}' is not a date", hint="use YYYY-MM-DD or 2025-06-06T09:30:00+03:00"
        ) from None
    return text


def checked_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ContentError(
            f"timezone '{name}' is not a known time zone", hint="use an IANA name like Europe/Kyiv"
        ) from None
    return name


def article_text(draft: ArticleDraft) -> str:
    """The article file: every front matter key (quoted as JSON, which YAML reads), body."""
    values = {
        "title": draft.title, "date": draft.date, "timezone": draft.timezone,
        "source": draft.source, "url": draft.url, "language": draft.language,
    }  # fmt: skip
    quoted = {key: json.dumps(value, ensure_ascii=False) for key, value in values.items()}
    quoted["date"] = draft.date  # a date stays unquoted, as editors write it
    quoted["tags"] = json.dumps(list(draft.tags), ensure_ascii=False)
    quoted["body"] = draft.body.strip()
    text = string.Template(skeleton("article.md")).substitute(quoted)
    return text.rstrip("\n") + "\n" if draft.body.strip() else text.rstrip("\n") + "\n\n"


def article_path(content_dir: Path, draft: ArticleDraft) -> Path:
    """content/articles/<date>-<slug>.md, the slug cut at a word within 60 characters."""
    slug = slugify(draft.title, max_length=60, word_boundary=True) or "article"
    return content_dir / "articles" / f"{draft.date[:10]}-{slug}.md"


def write_new(path: Path, text: str) -> Path:
    """Writes a file that must not exist yet; an existing file is an error, never overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        raise OutputError(
            "file exists; not overwritten", Location(str(path)), "choose another title or date"
        ) from None
    return path


def init_files(title: str, requirement: str) -> dict[Path, str]:
    """The files of a new project, by path below its folder."""
    fields = {"title": title}
    return {
        Path("dateline.toml"): _filled("dateline.toml", {"title": json.dumps(title)}),
        Path("README.md"): _filled("README.md", fields),
        Path(".gitignore"): skeleton("gitignore"),
        Path("requirements.txt"): requirement + "\n",
        Path(".github") / "workflows" / "pages.yml": skeleton("pages.yml"),
        ARTICLES / "2025-06-06-russia-strikes-kyiv.md": skeleton("example-article.md"),
        Path("templates") / "README.md": skeleton("templates-README.md"),
    }


def init_project(folder: Path, requirement: str) -> tuple[Path, ...]:
    """Writes a new project into `folder`; if any of its files exists, writes nothing at all."""
    files = init_files(folder.absolute().name.replace("-", " ").title(), requirement)
    existing = [folder / path for path in files if (folder / path).exists()]
    if existing:
        raise OutputError(
            "file exists; nothing was written",
            Location(str(existing[0])),
            "choose a new or empty folder",
        )
    return tuple(write_new(folder / path, text) for path, text in files.items())


def dateline_requirement() -> str:
    """How pip should install this Dateline: its git URL when it came from git, else by version."""
    try:
        recorded = distribution("dateline").read_text("direct_url.json")
    except PackageNotFoundError:
        recorded = None
    origin = json.loads(recorded) if recorded else {}
    vcs = origin.get("vcs_info", {})
    if vcs.get("vcs") == "git":
        return f"dateline @ git+{origin['url']}@{vcs['commit_id']}"
    return f"dateline=={__version__}"


def _filled(name: str, values: dict[str, str]) -> str:
    return string.Template(skeleton(name)).substitute(values)
