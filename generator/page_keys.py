"""Keys a template page by exactly what rendering it depends on: the theme, the code, the config,
its template and path, and the context values its templates name. Two renderings with the same key
give the same bytes, so a page whose key is the one the previous build recorded need not be
rendered again (generator/reuse.py links the previous file instead).

What a template names is found in its syntax tree (jinja2.meta), through every template it extends,
includes or imports. A template whose included names are computed names everything; one that
reaches past the values (an attribute starting with '_', the `attr` filter, str.format) gets no key,
and its pages are always rendered. Python methods of the values that read the disk or the clock
(`site.root.read_text()`) are outside the key, as they are outside a reproducible build.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass
from datetime import date, datetime, timezone
from enum import Enum
from importlib.metadata import version
from pathlib import Path, PurePath
from typing import Any, Literal
from zoneinfo import ZoneInfo

import jinja2
from jinja2 import meta, nodes
from markupsafe import Markup

from generator.cache import code_version
from generator.theme import Theme

# What a template's pages depend on of their context: these names, every name, or (when it
# reaches past the values) nothing a key can hold.
References = frozenset[str] | Literal["all", "unkeyable"]


class StandIn:
    """A function in a page's context whose result depends only on what every key holds (the
    config, the theme, the code), on `bound` and on the arguments a template passes it: keyed by
    its name and `bound`. Its parts start with '_', out of a keyed template's reach."""

    __slots__ = ("_bound", "_function", "_name")

    def __init__(self, name: str, function: Callable[..., Any], *bound: Any) -> None:
        self._name = name
        self._function = function
        self._bound = bound

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._function(*self._bound, *args, **kwargs)


class Unkeyable(Exception):
    """A value no key can stand for: its page is rendered."""


class PageKeys:
    """The keys of one build's template pages. Made before the workers fork: each then keys its
    own pages, the shared values (`shared`: the same objects on many pages) encoded once per
    process, by identity (they live as long as the build, so no other object takes their id)."""

    def __init__(
        self, theme: Theme, config: object, generated: object, shared: Iterable[object] = ()
    ) -> None:
        self._shared = {id(value): value for value in shared}
        self._digests: dict[int, str] = {}
        self._references = theme_references(theme.environment)
        parts: list[str] = [theme_digest(theme)]
        self._encode(config, parts)
        self._encode(generated, parts)
        self._base = "".join(parts)

    def key(self, template: str, path: str, context: dict[str, Any]) -> bytes | None:
        """The page's key, or None when its template or a value it names cannot be keyed."""
        references = self._references.get(template, "unkeyable")
        if references == "unkeyable":
            return None
        names = sorted(context if references == "all" else references)
        parts = [self._base]
        try:
            self._encode((template, path, names), parts)
            for name in names:
                if name in context:
                    self._encode(context[name], parts)
                else:
                    parts.append("A")
            text = "".join(parts).encode("utf-8", "surrogatepass")
        except (Unkeyable, RecursionError, UnicodeError):
            return None
        return hashlib.blake2b(text, digest_size=16).digest()

    def _encode(self, value: Any, parts: list[str]) -> None:
        """A canonical text for the value: the same for equal values in any process or run
        (never a hash of a str, which PYTHONHASHSEED changes), different for values a template
        could tell apart; each part says its type and where it ends."""
        kind = type(value)
        if kind is str:
            parts.append(f"s{len(value)}:{value}")
        elif id(value) in self._shared:
            parts.append(self._digest(value))
        elif kind in (list, tuple):
            parts.append("[" if kind is list else "(")
            for item in value:
                self._encode(item, parts)
            parts.append("]")
        elif kind is dict:
            parts.append("{")
            for key, item in value.items():
                self._encode(key, parts)
                self._encode(item, parts)
            parts.append("}")
        else:
            self._encode_scalar(value, parts)

    def _encode_scalar(self, value: Any, parts: list[str]) -> None:
        kind = type(value)
        if kind is Markup:
            parts.append(f"m{len(value)}:{value}")
        elif value is None or kind is bool:
            parts.append(f"{value};")
        elif kind in (int, float):
            parts.append(f"{kind.__name__[0]}{value!r};")
        elif kind in (set, frozenset):
            parts.append(f"<{kind.__name__}:{''.join(sorted(map(self._encoded, value)))}>")
        elif kind is datetime:
            parts.append(f"t{value.isoformat()}|{value.fold}|{_zone(value.tzinfo)};")
        elif kind is date:
            parts.append(f"d{value.isoformat()};")
        elif isinstance(value, PurePath) and kind.__module__ == "pathlib":
            parts.append(f"p{kind.__name__}{len(str(value))}:{value}")
        elif isinstance(value, Enum):
            parts.append(f"e{kind.__module__}.{kind.__qualname__}.{value.name}")
            self._encode(value.value, parts)
        elif kind is StandIn:
            parts.append(f"c{value._name}")
            self._encode(value._bound, parts)
        elif is_dataclass(value) and kind.__module__.startswith("generator."):
            parts.append(f"D{kind.__module__}.{kind.__qualname__}")
            self._encode(tuple(getattr(value, f.name) for f in fields(value)), parts)
        else:
            raise Unkeyable(kind.__qualname__)

    def _encoded(self, value: Any) -> str:
        parts: list[str] = []
        self._encode(value, parts)
        return "".join(parts)

    def _digest(self, value: Any) -> str:
        """A shared value's encoding, as a digest worked out once."""
        digest = self._digests.get(id(value))
        if digest is None:
            self._shared.pop(id(value))  # encode its parts, not itself again
            try:
                text = self._encoded(value).encode("utf-8", "surrogatepass")
            finally:
                self._shared[id(value)] = value
            digest = f"h{hashlib.blake2b(text, digest_size=16).hexdigest()};"
            self._digests[id(value)] = digest
        return digest


def _zone(zone: object) -> str:
    """A time zone by what a template could see of it: its name and offsets follow from these."""
    if zone is None or type(zone) in (ZoneInfo, timezone):
        return repr(zone)
    raise Unkeyable(type(zone).__qualname__)


def theme_digest(theme: Theme) -> str:
    """Everything a page's bytes depend on besides its context: every file of the template folders
    (templates and static files, in the order they override each other), the code (the generator
    package, Python, Jinja and MarkupSafe) and the static files loaded."""
    digest = hashlib.blake2b(code_version().encode(), digest_size=16)
    digest.update(f"{sys.version}\0{version('jinja2')}\0{version('markupsafe')}".encode())
    for number, folder in enumerate(getattr(theme.environment.loader, "searchpath", ())):
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            digest.update(f"\0{number}\0{name}\0".encode() + path.read_bytes())
    for name, content in theme.static_files:
        digest.update(f"\0{name}\0".encode() + content)
    return f"T{digest.hexdigest()};"


def theme_references(environment: jinja2.Environment) -> dict[str, References]:
    """What each template of the theme names of its context, through the templates it uses."""
    trees = _trees(environment)
    reaching = {name for name, tree in trees.items() if tree is None or _reaches_past(tree)}
    return {name: _references(name, trees, reaching) for name in trees}


def _trees(environment: jinja2.Environment) -> dict[str, nodes.Template | None]:
    """Each template's syntax tree; None for one that does not parse (rendering it fails)."""
    loader = environment.loader
    names = loader.list_templates() if loader else []
    trees: dict[str, nodes.Template | None] = {}
    for name in names:
        try:
            source = loader.get_source(environment, name)[0] if loader else ""
            trees[name] = environment.parse(source)
        except UnicodeDecodeError:
            continue  # a static file: including it fails the render, so never keyed anyway
        except (jinja2.TemplateError, OSError):
            trees[name] = None
    return trees


def _references(
    name: str, trees: dict[str, nodes.Template | None], reaching: set[str]
) -> References:
    names: set[str] = set()
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen or current not in trees:
            continue  # a missing template fails the render, unless it was `ignore missing`
        seen.add(current)
        if current in reaching:
            return "unkeyable"
        tree = trees[current]
        assert tree is not None
        names |= meta.find_undeclared_variables(tree)
        for used in meta.find_referenced_templates(tree):
            if used is None:
                return "unkeyable" if reaching else "all"  # it may use any template
            todo.append(used)
    return frozenset(names)


def _reaches_past(tree: nodes.Template) -> bool:
    """Whether the template looks past the values: a private attribute, which could reach the
    render's context or a function's globals, or a lookup that names its attribute at run time."""
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        if isinstance(node, nodes.Getattr):
            if node.attr.startswith("_") or node.attr in ("format", "format_map"):
                return True
        elif isinstance(node, nodes.Getitem):
            constant = node.arg.value if isinstance(node.arg, nodes.Const) else None
            if isinstance(constant, str) and constant.startswith("_"):
                return True
        elif isinstance(node, nodes.Filter) and node.name == "attr":
            return True
    return False
