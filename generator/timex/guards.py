"""Which characters a grammar rule can start with, as a lookahead put before the rule.

The master alternation tries every rule at every word start; a rule whose guard fails is skipped
at once instead of being walked through its optional modifiers and number words. A guard only
lists characters the rule can start with, so the master finds the same phrases, about twice as fast.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:  # the parser behind `re`, private: without it the rules go unguarded and match the same
    _PARSER: Any = importlib.import_module("re._parser")
    _OPS: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another Python's layout
    _PARSER = _OPS = None

# A class wider than this (e.g. [^x]) is not worth listing: the rule goes unguarded.
_WIDEST_RANGE = 256


def guard(pattern: str, flags: int) -> str:
    """'(?=[...])' of every character a match of `pattern` (compiled with `flags`) can start
    with, or '' when that is not known: a rule that can match nothing, or starts with any character.

    >>> guard(r"(?:early )?(?:May|June) \\d", re.IGNORECASE)
    '(?=[JMe])'
    """
    if _PARSER is None:
        return ""
    chars, nullable = _first(_PARSER.parse(pattern, flags))
    if chars is None or nullable:
        return ""
    listed = "".join(c if c == r"\d" else re.escape(c) for c in sorted(chars))
    return f"(?=[{listed}])"


def _first(items: Any) -> tuple[set[str] | None, bool]:
    """The characters a sequence of parsed items can start with (None: any), and whether it can
    match the empty string."""
    found: set[str] = set()
    for op, arg in items:
        if op in (_OPS.AT, _OPS.ASSERT, _OPS.ASSERT_NOT):
            continue  # zero-width: the next item starts the match
        chars, nullable = _first_of(op, arg)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _first_of(op: Any, arg: Any) -> tuple[set[str] | None, bool]:
    if op is _OPS.LITERAL:
        return {chr(arg)}, False
    if op is _OPS.IN:
        return _class_chars(arg), False
    if op is _OPS.SUBPATTERN:
        return _first(arg[3])
    if op is _OPS.BRANCH:
        return _branches(arg[1])
    if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, _OPS.POSSESSIVE_REPEAT):
        least, _, body = arg
        chars, nullable = _first(body)
        return chars, nullable or least == 0
    return None, False


def _branches(alternatives: Any) -> tuple[set[str] | None, bool]:
    found: set[str] = set()
    empty = False
    for alternative in alternatives:
        chars, nullable = _first(alternative)
        if chars is None:
            return None, False
        found |= chars
        empty = empty or nullable
    return found, empty


def _class_chars(members: Any) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in members:
        if op is _OPS.LITERAL:
            chars.add(chr(arg))
        elif op is _OPS.RANGE and arg[1] - arg[0] <= _WIDEST_RANGE:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        elif op is _OPS.CATEGORY and arg is _OPS.CATEGORY_DIGIT:
            chars.add(r"\d")
        else:
            return None  # a negated class, \w, \s: too wide to list
    return chars
