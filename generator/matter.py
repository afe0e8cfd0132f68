"""Splits `---` front matter from a body and reads it as YAML, keeping each key's line."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.errors import ContentError, Location


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The raw front matter of a file, with the line of each top-level key."""

    values: dict[str, Any]
    lines: dict[str, int]
    body: str
    body_line: int


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
    key_lines = _key_lines(lines[1:closing], first_line=2, shown=shown)
    body = "\n".join(lines[closing + 1 :])
    return FrontMatter(values, key_lines, body, closing + 2)


class _PlainYAMLLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: dates stay strings, so we can check them ourselves."""


_PlainYAMLLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastPlainYAMLLoader(getattr(yaml, "CSafeLoader", _PlainYAMLLoader)):  # type: ignore[misc]
    """The same, with libyaml's parser where PyYAML has it (its wheels do): the pure-Python
    parser took 1.5 of a 1,000-article build's 34 s of CPU. The values are the same."""

    yaml_implicit_resolvers = _PlainYAMLLoader.yaml_implicit_resolvers


class _PlainYAMLHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        try:
            return yaml.load(fm, Loader=_FastPlainYAMLLoader)
        except yaml.YAMLError:
            # libyaml places some errors past the end ("did not find expected ',' or ']'"):
            # the pure-Python parser's message names the line to look at.
            return yaml.load(fm, Loader=_PlainYAMLLoader)


def _parse_yaml(yaml_text: str, shown: str) -> dict[str, Any]:
    try:
        metadata = _PlainYAMLHandler().load(yaml_text) if yaml_text.strip() else {}
    except RecursionError as exc:
        raise ContentError(
            "front matter is nested too deeply", Location(shown, 2), "use plain 'key: value' lines"
        ) from exc
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


def _key_lines(lines: list[str], first_line: int, shown: str) -> dict[str, int]:
    """The line of each top-level key; a key given twice is an error (YAML keeps the last)."""
    found: dict[str, int] = {}
    for number, line in enumerate(lines, start=first_line):
        match = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if match and match.group(1) in found:
            raise ContentError(
                f"'{match.group(1)}' is given twice (first on line {found[match.group(1)]})",
                Location(shown, number),
                "keep one of the two lines",
            )
        if match:
            found[match.group(1)] = number
    return found


def unknown_key_warnings(
    values: dict[str, Any], known: Collection[str], where: Callable[[str], Location]
) -> tuple[ContentError, ...]:
    """A warning at each front matter key the file kind does not know (a typo, most often)."""
    return tuple(
        ContentError(f"unknown front matter key '{key}'", where(key), severity="warning")
        for key in values
        if key not in known
    )
