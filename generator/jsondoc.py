"""Takes a JSON object whose last member is a long list and gives its bytes, one item at a time;
and JSON indented as json.dumps(indent=...) writes it, made faster."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any, NoReturn

import orjson

# json.dumps with an indent runs its pure-Python encoder, a generator per nested value: most of
# the time timeline.json and the JSON-LD of 60,000 entry pages took. orjson writes the same text
# about four times as fast. What json.dumps refuses, orjson must not write: a datetime or a
# dataclass goes to `default` (which refuses it), not to orjson's own forms for them.
_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


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
    (a line break and the indent of the value's own line). orjson writes it, in C; what orjson
    refuses (a key that is not a string, an int beyond 64 bits, a type JSON has no form for) is
    left to json.dumps, which writes or refuses it as it always did. A finite float is written in
    orjson's shortest form, which reads back the same (1e16 where json.dumps writes 1e+16); NaN
    and the infinities, which JSON has no form for, as null. Dateline's documents hold none."""
    try:
        text = orjson.dumps(value, default=_refused, option=_OPTIONS).decode()
    except orjson.JSONEncodeError:
        text = json.dumps(value, ensure_ascii=False, indent=2)
    return text if newline == "\n" else text.replace("\n", newline)


def _refused(value: object) -> NoReturn:
    raise TypeError(type(value).__qualname__)
