"""Takes a JSON object whose last member is a long list and gives its bytes, one item at a time."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any


def json_document(head: dict[str, Any], key: str, items: Iterable[dict[str, Any]]) -> bytes:
    """`head` (not empty) with `key` holding `items`, as json.dumps(indent=2,
    ensure_ascii=False) writes it, plus a final newline. Dumping a whole feed at once holds a
    list of every small string it is made of (hundreds of megabytes at 10,000 articles); this
    holds one item's at a time."""
    document = io.BytesIO()
    opening = _dumps(head).removesuffix("\n}")
    document.write(f"{opening},\n  {_dumps(key)}: [".encode())
    opened = document.tell()
    for item in items:
        document.write(b",\n    " if document.tell() > opened else b"\n    ")
        # An item is two levels deep; JSON strings hold no raw newline, so each "\n" is a line.
        document.write(_dumps(item).replace("\n", "\n    ").encode())
    document.write(b"\n  ]\n}\n" if document.tell() > opened else b"]\n}\n")
    return document.getvalue()


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
