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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime, timezone
from enum import Enum
from operator import attrgetter
from pathlib import PurePath
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from generator.plain_values import LEAVES, Plain, flat
from generator.theme import Theme, render_template, theme_digest, theme_references


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


class Deferred(StandIn):
    """A context value made only when its page is rendered: what a pure function gives for
    `bound`, keyed by its name and `bound` (rendering a page whose key holds costs no more than
    that). TemplatePage.render makes it, at the top of the context or in a dict there."""

    __slots__ = ("_value",)

    def made(self) -> Any:
        """The value, made once (a page may use it in two places: an entry and its JSON-LD)."""
        try:
            return self._value
        except AttributeError:
            self._value: Any = self._function(*self._bound)
            return self._value


@dataclass(frozen=True, slots=True)
class TemplatePage:
    """A page made from a template: called, it renders (what a Planned page's maker does)."""

    theme: Theme
    template: str
    context: Callable[[], dict[str, Any]]

    def __call__(self) -> bytes:
        return self.render(self.context())

    def render(self, context: dict[str, Any]) -> bytes:
        return render_template(self.theme, self.template, made(context)).encode()


def made(context: dict[str, Any]) -> dict[str, Any]:
    """The context with each Deferred value made: at its top, or in a dict at its top."""
    return {name: _made(value) for name, value in context.items()}


def _made(value: Any) -> Any:
    if type(value) is Deferred:
        return value.made()
    if type(value) is dict and any(type(item) is Deferred for item in value.values()):
        return {name: _made(item) for name, item in value.items()}
    return value


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
        self._plain = Plain()
        self._digests: dict[int, str] = {}
        self._datetimes: dict[tuple[datetime, object, int], str] = {}
        # The StandIn and Deferred values encoded so far for the page being keyed, by id (all
        # alive while it is), numbered: one met again is encoded as a reference to its number.
        self._page: dict[int, int] = {}
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
        self._page.clear()
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
        could tell apart; each part says its type and where it ends. The leaves of lists and
        dicts are encoded in their loops: a page's values are mostly str, and a call each was
        most of the time keys took; a list, tuple or dict of more than _FEW plain items is
        pickled whole, in C (plain_values.py)."""
        kind = type(value)
        if kind in LEAVES:  # no two leaves of other types share a repr (an int's has no '.', 'e'
            # or letters, a float's always has one of them, or is inf or nan)
            parts.append(f"s{len(value)}:{value}" if kind is str else f"{value!r};")
        elif id(value) in self._shared:
            parts.append(self._digest(value))
        elif kind is list or kind is tuple:
            self._encode_sequence(value, parts)
        elif kind is dict:
            plain = self._whole(value)
            if plain is not None:
                parts.append(plain)
                return
            parts.append("{")
            for key, item in value.items():
                if type(key) is str:
                    parts.append(f"s{len(key)}:{key}")
                else:
                    self._encode(key, parts)
                if type(item) is str:
                    parts.append(f"s{len(item)}:{item}")
                else:
                    self._encode(item, parts)
            parts.append("}")
        else:
            self._encode_object(value, parts)

    def _encode_sequence(self, value: list[Any] | tuple[Any, ...], parts: list[str]) -> None:
        plain = self._whole(value)
        if plain is not None:
            parts.append(plain)
            return
        parts.append("[" if type(value) is list else "(")
        # Items that are all shared values digested already (an id in _digests is one of them,
        # alive all build): their digests, looked up in one pass.
        digests = list(map(self._digests.get, map(id, value)))
        if None in digests:
            self._encode_items(value, parts)
        else:
            parts.extend(digests)  # type: ignore[arg-type]
        parts.append("]")

    def _encode_items(self, items: Iterable[Any], parts: list[str]) -> None:
        append, shared = parts.append, self._shared  # locals: this loop is most of the time
        for item in items:
            kind = type(item)
            if kind is str:
                append(f"s{len(item)}:{item}")
            elif item is None:
                append("None;")
            elif kind in LEAVES:
                append(f"{item!r};")
            elif id(item) in shared:
                append(self._digest(item))
            elif kind is datetime:
                append(self._datetime(item))
            elif (model := _MODELS.get(kind)) is not None:  # a source of an entry, say
                append(model[0])
                self._encode_items(model[1](item), parts)
                append(")")
            else:
                self._encode(item, parts)

    def _encode_object(self, value: Any, parts: list[str]) -> None:
        kind = type(value)
        model = _model(kind)
        if model is not None:
            tag, values = model
            parts.append(tag)
            self._encode_items(values(value), parts)
            parts.append(")")
        elif kind is Markup:
            parts.append(f"m{len(value)}:{value}")
        elif kind is set or kind is frozenset:
            parts.append(f"<{kind.__name__}:{''.join(sorted(map(self._encoded, value)))}>")
        elif kind is datetime:
            parts.append(self._datetime(value))
        elif kind is date:
            parts.append(f"d{value.isoformat()};")
        elif isinstance(value, PurePath) and kind.__module__ == "pathlib":
            parts.append(f"p{kind.__name__}{len(str(value))}:{value}")
        elif isinstance(value, Enum):
            parts.append(f"e{kind.__module__}.{kind.__qualname__}.{value.name}")
            self._encode(value.value, parts)
        elif kind is Deferred and id(value) in self._page:
            parts.append(f"r{self._page[id(value)]};")  # the same value again on this page
        elif kind is StandIn or kind is Deferred:
            self._page[id(value)] = len(self._page)
            parts.append(f"{'c' if kind is StandIn else 'v'}{value._name}")
            self._encode(value._bound, parts)
        else:
            raise Unkeyable(kind.__qualname__)

    def _datetime(self, value: datetime) -> str:
        """A datetime's encoding, worked out once per instant, zone and fold (an entry's sources
        share a few publication times)."""
        seen = (value, value.tzinfo, value.fold)  # equal instants in equal zones read alike
        encoded = self._datetimes.get(seen)
        if encoded is None:
            encoded = f"t{value.isoformat()}|{value.fold}|{_zone(value.tzinfo)};"
            self._datetimes[seen] = encoded
        return encoded

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
                text = self._plain(value) if self._holds_none_shared(value) else None
                text = text or self._encoded(value)
            finally:
                self._shared[id(value)] = value
            encoded = text.encode("utf-8", "surrogatepass")
            digest = f"h{hashlib.blake2b(encoded, digest_size=16).hexdigest()};"
            self._digests[id(value)] = digest
        return digest

    def _whole(self, value: list[Any] | tuple[Any, ...] | dict[Any, Any]) -> str | None:
        """A container of more than _FEW plain items, pickled whole; None for any other."""
        return self._plain(value) if len(value) > _FEW and flat(value) else None

    def _holds_none_shared(self, value: Any) -> bool:
        """Whether a shared list, tuple or dict holds no shared value as its item (an entry's
        view, not the list of a timeline's): pickled whole, should it be plain. (One deeper is
        encoded in full too: the same text whether or not its digest was made before.)"""
        kind = type(value)
        if kind is dict:
            return self._shared.keys().isdisjoint(map(id, value.values()))
        return (kind is list or kind is tuple) and self._shared.keys().isdisjoint(map(id, value))


# Items a list, tuple or dict has before pickling it whole is quicker than encoding them in turn.
_FEW = 8


# Per dataclass of the generator: its encoding's opening and what gives its fields' values, in
# order (None for any other type).
_MODELS: dict[type, tuple[str, Callable[[Any], Iterable[Any]]] | None] = {}


def _model(kind: type) -> tuple[str, Callable[[Any], Iterable[Any]]] | None:
    try:
        return _MODELS[kind]
    except KeyError:
        pass
    model = None
    if (
        is_dataclass(kind)
        and kind.__module__.startswith("generator.")
        and not issubclass(kind, Enum)
    ):
        names = tuple(field.name for field in fields(kind))
        values = (
            attrgetter(*names)
            if len(names) > 1
            else lambda value: [getattr(value, n) for n in names]
        )
        model = (f"D{kind.__module__}.{kind.__qualname__}(", values)
    _MODELS[kind] = model
    return model


def _zone(zone: object) -> str:
    """A time zone by what a template could see of it: its name and offsets follow from these."""
    if zone is None or type(zone) in (ZoneInfo, timezone):
        return repr(zone)
    raise Unkeyable(type(zone).__qualname__)
