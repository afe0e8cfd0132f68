"""Takes a JSON object whose last member is a long list and gives its bytes, one item at a time;
and JSON indented as json.dumps(indent=...) writes it, made faster."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any

# json.dumps with an indent runs its pure-Python encoder, a generator per nested value: most of
# the time timeline.json and the JSON-LD of 60,000 entry pages take. These are the types the
# views hold; anything else (floats, tuples, subclasses) is left to json.dumps itself.
_SCALARS: dict[type, Any] = {
    str: encode_basestring,
    int: int.__repr__,
    bool: lambda value: "true" if value else "false",
    type(None): lambda _: "null",
}


def json_document(head: dict[str, Any], key: str, items: Iterable[dict[str, Any]]) -> bytes:
    """`head` (not empty) with `key` holding `items`, as json.dumps(indent=2,
    ensure_ascii=False) writes it, plus a final newline. Dumping a whole feed at once holds a
    list of every small string it is made of (hundreds of megabytes at 10,000 articles); this
    holds one item's at a time."""
    document = io.BytesIO()
    opening = indented_json(head).removesuffix("\n}")
    document.write(f"{opening},\n  {indented_json(key)}: [".encode())
    opened = document.tell()
    for item in items:
        document.write(b",\n    " if document.tell() > opened else b"\n    ")
        # An item is two levels deep, so its lines are indented four more spaces.
        document.write(indented_json(item, "\n    ").encode())
    document.write(b"\n  ]\n}\n" if document.tell() > opened else b"]\n}\n")
    return document.getvalue()


def indented_json(value: object, newline: str = "\n") -> str:
    """json.dumps(value, ensure_ascii=False, indent=2), each line break written as `newline`
    (a line break and the indent of the value's own line)."""
    parts: list[str] = []
    _encode(value, newline, parts)
    return "".join(parts)


def _encode(value: Any, newline: str, parts: list[str]) -> None:
    kind = type(value)
    scalar = _SCALARS.get(kind)
    if scalar is not None:
        parts.append(scalar(value))
    elif kind is dict and value and all(type(key) is str for key in value):
        inner = newline + "  "
        separator = "{" + inner
        for key, member in value.items():
            parts.append(separator + encode_basestring(key) + ": ")
            _encode(member, inner, parts)
            separator = "," + inner
        parts.append(newline + "}")
    elif kind is list and value:
        inner = newline + "  "
        separator = "[" + inner
        for member in value:
            parts.append(separator)
            _encode(member, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    else:
        text = json.dumps(value, ensure_ascii=False, indent=2)
        parts.append(text.replace("\n", newline))
