"""Encodes the plain parts of a page's values for its key in one call each, at C speed.

A plain value holds only str, int, float, bool and None in lists, tuples and dicts (what most of
a page's values are: an entry's view, an article's marks). Its pickle, made without a memo,
says exactly what it holds (unpickled, it gives the value back) and is the same for equal values
in any process: no object's identity, nor the hash seed, changes it. The pickler refuses anything
else (a set, whose order the hash seed changes, or any object but the leaves and the
containers, which page_keys.PageKeys encodes its own way); a value it refuses is encoded item by
item.
"""

from __future__ import annotations

import io
import pickle
from itertools import chain
from typing import Any

LEAVES = frozenset({str, int, float, bool, type(None)})
_SEQUENCES = frozenset({list, tuple})


class _NotPlain(Exception):
    pass


class _Pickler(pickle.Pickler):
    """Protocol 2: a set or frozenset is pickled by a reduction (by its type, which this pickler
    refuses), not by its own opcode, which would pass it by."""

    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=2)
        self.fast = True  # no memo: equal values give equal bytes, however objects are shared

    def reducer_override(self, obj: Any) -> Any:
        raise _NotPlain  # called for every object but the leaves and the plain containers


class Plain:
    """Encodes a plain value as 'P', its pickle's length, ':' and the pickle; None for a value
    that is not plain."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        self._pickler = _Pickler(self._buffer)

    def __call__(self, value: Any) -> str | None:
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        try:
            self._pickler.dump(value)
        except (_NotPlain, pickle.PicklingError, ValueError):  # ValueError: a cycle
            return None
        data = buffer.getvalue()
        return f"P{len(data)}:{data.decode('latin-1')}"


def flat(value: list[Any] | tuple[Any, ...] | dict[Any, Any]) -> bool:
    """Whether a list or tuple holds only leaves, or only lists and tuples of leaves, or a dict
    only leaves (keys and values): plain, as a few passes in C tell. (A shared list of leaves in
    it is pickled whole: the same text whether or not its digest was made before.)"""
    if type(value) is dict:
        return set(map(type, value)) <= LEAVES and set(map(type, value.values())) <= LEAVES
    kinds = set(map(type, value))
    if kinds <= LEAVES:
        return True
    return kinds <= _SEQUENCES and set(map(type, chain.from_iterable(value))) <= LEAVES
