"""Reads dateline.toml into a frozen Config; every key has a default, unknown keys are errors."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.errors import ConfigError, Location

CONFIG_NAME = "dateline.toml"


@dataclass(frozen=True, slots=True)
class Config:
    """Site settings. Paths are resolved against the folder that holds dateline.toml."""

    title: str = "Dateline"
    description: str = "A dated, sourced timeline of events from news reporting."
    base_url: str = "/"
    timezone: str = "UTC"
    language: str = "en"
    content: str = "content"
    output: str = "site"
    paginate: str = "auto"
    search: str = "pagefind"
    # Feed readers want what is new, not the archive: timeline.json and the exports hold it all.
    feed_entries: int = 100
    domain: str = ""
    # Raw HTML in article markdown is sanitised unless the site's owner trusts every author.
    unsafe_html: bool = False
    root: Path = Path(".")

    @property
    def content_dir(self) -> Path:
        return self.root / self.content

    @property
    def output_dir(self) -> Path:
        return self.root / self.output

    @property
    def base_path(self) -> str:
        """The URL path the site lives under, always with a trailing slash: '/', '/repo/'."""
        path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", self.base_url, flags=re.IGNORECASE)
        return "/" + path.strip("/") + "/" if path.strip("/") else "/"


CHOICES = {
    "paginate": ("auto", "month", "year", "none"),
    "search": ("pagefind", "none"),
}
_SETTABLE = {f.name: type(f.default) for f in fields(Config) if f.name != "root"}


def load_config(path: Path | None, root: Path | None = None) -> Config:
    """Reads `path` (default: ./dateline.toml if it exists) and checks every key and type."""
    if path is None:
        candidate = (root or Path(".")) / CONFIG_NAME
        if not candidate.is_file():
            return Config(root=root or Path("."))
        path = candidate
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", Location(str(path))) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(str(exc))
        raise ConfigError(
            f"not valid TOML: {exc}", Location(str(path), line), "see https://toml.io"
        ) from exc
    config = Config(root=root if root is not None else path.parent)
    return replace(config, **_checked_values(data, text, str(path)))


def _checked_values(data: dict[str, Any], text: str, path: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in data.items():
        location = Location(path, _key_line(text, key))
        if key not in _SETTABLE:
            known = ", ".join(sorted(_SETTABLE))
            raise ConfigError(f"unknown key '{key}'", location, f"known keys: {known}")
        if type(value) is not _SETTABLE[key]:
            raise ConfigError(
                f"'{key}' must be {_TYPE_WORDS[_SETTABLE[key]]}, not {type(value).__name__}",
                location,
                _TYPE_HINTS[_SETTABLE[key]].format(key=key),
            )
        values[key] = value
    if "timezone" in values:
        _check_timezone(values["timezone"], Location(path, _key_line(text, "timezone")))
    for key, allowed in CHOICES.items():
        if key in values and values[key] not in allowed:
            raise ConfigError(
                f"'{key}' must be one of {', '.join(allowed)}, not '{values[key]}'",
                Location(path, _key_line(text, key)),
            )
    if values.get("feed_entries", 0) < 0:
        raise ConfigError(
            f"'feed_entries' must be 0 or more, not {values['feed_entries']}",
            Location(path, _key_line(text, "feed_entries")),
            "0 puts every entry in the feeds",
        )
    if values.get("domain"):
        _check_domain(values["domain"], Location(path, _key_line(text, "domain")))
    return values


_TYPE_WORDS = {str: "a string", bool: "true or false", int: "a whole number"}
_TYPE_HINTS = {
    str: 'write it in quotes: {key} = "..."',
    bool: "write {key} = true or {key} = false",
    int: "write it without quotes: {key} = 100",
}


def _check_timezone(name: str, location: Location) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"timezone '{name}' is not a known time zone",
            location,
            "use an IANA name like Europe/Kyiv",
        ) from exc


def _check_domain(name: str, location: Location) -> None:
    """GitHub Pages wants a bare host name in CNAME: no scheme, path or port."""
    if not _HOST_NAME.fullmatch(name):
        raise ConfigError(
            f"domain '{name}' is not a host name",
            location,
            'write only the host, e.g. domain = "timeline.example.org"',
        )


_HOST_NAME = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}", re.I)


def _key_line(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _toml_error_line(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None
