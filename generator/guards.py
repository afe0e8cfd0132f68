"""Which characters a pattern's match can start with, as a lookahead put before the pattern.

The date grammar's master alternation tries every rule at every word start, and a search for a
few case-insensitive words tries them all at every character; where a guard fails, the rule or
the search moves on at once. A guard only lists what a match can start with, so the matches are
the same, found two to three times as fast.
"""

from __future__ import annotations

import importlib
import re
from itertools import product
from typing import Any

try:  # the parser behind `re`, private: without it the rules go unguarded and match the same
    _PARSER: Any = importlib.import_module("re._parser")
    _OPS: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another Python's layout
    _PARSER = _OPS = None

DEPTH = 5  # characters a guard looks at: 'the d' tells 'the day' from 'the company'
# A class wider than this (e.g. [^x]) is not worth listing: it is left unchecked.
_WIDEST_RANGE = 256
_DIGIT = r"\d"

# A prefix: the character choices it starts with (each a frozenset of characters, or of \d), and
# whether what follows it is still to be read (False: anything may follow).
Prefix = tuple[tuple[frozenset[str], ...], bool]
_EMPTY: frozenset[Prefix] = frozenset({((), True)})


def guarded(pattern: str, flags: int) -> re.Pattern[str]:
    """`pattern` compiled with its guard before it: the same matches."""
    return re.compile(f"{guard(pattern, flags)}(?:{pattern})", flags)


def guard(pattern: str, flags: int) -> str:
    r"""'(?=[...][...]...)': for each of the first DEPTH characters every match of `pattern`
    (compiled with `flags`) has, the characters it can be; '' when nothing is known of the first
    (e.g. it can be any letter, or the match empty). One class a character, not alternatives: a
    guard with alternatives costs more time than it saves.

    >>> guard(r"(?:early )?(?:May|June) \d", re.IGNORECASE)
    '(?=[EJMejm][AUau][NRYnry][\\ ELel][\\ Y\\dy])'
    """
    if _PARSER is None:
        return ""
    prefixes = _sequence(_PARSER.parse(pattern, flags))
    known = min(len(choices) for choices, _ in prefixes)
    if not known:
        return ""
    classes = (set().union(*(choices[i] for choices, _ in prefixes)) for i in range(known))
    return "(?=" + "".join(_class(chars, flags) for chars in classes) + ")"


def _class(chars: set[str], flags: int) -> str:
    if flags & re.IGNORECASE:  # both cases listed, so that the class reads as what it matches
        chars = {c for char in chars for c in {char, char.lower(), char.upper()} if c in chars
                 or len(c) == 1}  # fmt: skip
    return "[" + "".join(c if c == _DIGIT else re.escape(c) for c in sorted(chars)) + "]"


def _sequence(items: Any) -> frozenset[Prefix]:
    """The prefixes of up to DEPTH characters of a sequence of parsed items."""
    prefixes = _EMPTY
    for op, arg in items:
        if all(len(choices) == DEPTH or not open_ for choices, open_ in prefixes):
            break
        prefixes = _then(prefixes, _item(op, arg))
    return prefixes


def _then(before: frozenset[Prefix], after: frozenset[Prefix]) -> frozenset[Prefix]:
    joined: set[Prefix] = set()
    for (head, open_), (tail, tail_open) in product(before, after):
        if not open_ or len(head) == DEPTH:
            joined.add((head, False))
        elif len(head) + len(tail) >= DEPTH:
            joined.add(((head + tail)[:DEPTH], False))
        else:
            joined.add((head + tail, tail_open))
    return frozenset(joined)


def _item(op: Any, arg: Any) -> frozenset[Prefix]:
    if op in (_OPS.AT, _OPS.ASSERT, _OPS.ASSERT_NOT):
        return _EMPTY  # zero-width: the next item goes on with the match
    if op is _OPS.LITERAL:
        return frozenset({((frozenset({chr(arg)}),), True)})
    if op is _OPS.IN:
        chars = _class_chars(arg)
        return frozenset({((chars,), True) if chars else ((), False)})
    if op is _OPS.SUBPATTERN:
        return _sequence(arg[3])
    if op is _OPS.BRANCH:
        return frozenset().union(*(_sequence(alternative) for alternative in arg[1]))
    if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, _OPS.POSSESSIVE_REPEAT):
        return _repeat(*arg)
    return frozenset({((), False)})  # anything else: nothing known from here on


def _repeat(least: int, most: int, body: Any) -> frozenset[Prefix]:
    """Beyond DEPTH copies of the body the first DEPTH characters are all already seen."""
    once = _sequence(body)
    copies = _EMPTY
    for _ in range(least):
        copies = _then(copies, once)
    found = set(copies)
    for _ in range(least, min(most, max(least, DEPTH))):
        copies = _then(copies, once)
        found |= copies
    return frozenset(found)


def _class_chars(members: Any) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, arg in members:
        if op is _OPS.LITERAL:
            chars.add(chr(arg))
        elif op is _OPS.RANGE and arg[1] - arg[0] <= _WIDEST_RANGE:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        elif op is _OPS.CATEGORY and arg is _OPS.CATEGORY_DIGIT:
            chars.add(_DIGIT)
        else:
            return None  # a negated class, \w, \s: too wide to list
    return frozenset(chars)
