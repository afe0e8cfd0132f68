"""Loads the templates and static assets: the site's own templates/ first, then Dateline's."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

from generator.errors import TemplateError

STATIC_DIR = "static"


@dataclass(frozen=True, slots=True)
class Theme:
    """A Jinja environment over the template folders, and the static files to copy as they are."""

    environment: jinja2.Environment
    static_files: tuple[tuple[str, bytes], ...]


def default_templates() -> Path:
    """Dateline's own templates: the repository's templates/, or the copy installed with it."""
    in_repository = Path(__file__).resolve().parent.parent / "templates"
    if (in_repository / "base.html").is_file():
        return in_repository
    return Path(str(resources.files("generator") / "templates"))


def load_theme(site_templates: Path | None) -> Theme:
    """Builds the environment (autoescape on, undefined names are errors) and reads static files."""
    folders = [p for p in (site_templates, default_templates()) if p is not None and p.is_dir()]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in folders]),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Theme(environment, _static_files(folders))


def _static_files(folders: list[Path]) -> tuple[tuple[str, bytes], ...]:
    found: dict[str, bytes] = {}
    for folder in reversed(folders):
        static = folder / STATIC_DIR
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            if path.is_file():
                try:
                    found[path.relative_to(folder).as_posix()] = path.read_bytes()
                except OSError as exc:
                    raise TemplateError(f"cannot read static file: {exc}") from exc
    return tuple(sorted(found.items()))
