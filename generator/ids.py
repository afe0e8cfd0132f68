"""Gives entries ids that stay put as articles are added, and the redirects for those that move.

An entry is named after its *lead*: the source published first (then by article path and
offset), as if that sentence had been the only report: its own day and the first words of its
own title. A later article joining the entry cannot change the lead, so adding today's news
renames nothing. Only an article published earlier than an entry's lead (a back-filled archive)
or one that bridges two entries moves a name; every member sentence's own name is kept as an
alias, and the site leaves a redirect page at each alias, so an old address always lands.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from importlib import import_module
from pathlib import PurePosixPath
from typing import cast

from slugify import slugify

from generator.model import Candidate, Event, Source
from generator.ordering import Key, source_order
from generator.wording import STOPWORDS

ID_WORDS = 6
_QUOTES = re.compile(r"[']+")  # slugify's: a quote in the text parts words


def candidate_id(candidate: Candidate) -> str:
    """What the candidate's entry is called when it leads: '2025-06-05-russia-launched-…'."""
    return title_id(candidate.when.start.date().isoformat(), candidate.title)


def title_id(day: str, title: str) -> str:
    return f"{day}-{_id_words(title)}"


@lru_cache(maxsize=1 << 15)  # the titles of a merge repeat: 14,000 of 158,000 differ at 10k
def _id_words(title: str) -> str:
    words = [w for w in slug(title).split("-") if w and w not in STOPWORDS]
    return "-".join(words[:ID_WORDS]) or "event"


@lru_cache(maxsize=1 << 15)
def slug(text: str) -> str:
    """`slugify(text)`, made faster for non-ASCII text by transliterating it here as slugify
    would (after its first step): slugify's default backend tries to import the optional
    Unidecode again for every such text, which costs more than all the rest. A quote the
    transliteration makes slugify drops later, and so may drop it first, unless an '&' could
    begin a character reference the quote would then break or make."""
    if text.isascii():
        return slugify(text)
    plain = _transliteration()(unicodedata.normalize("NFKD", _QUOTES.sub("-", text)))
    if "'" in plain and "&" not in plain:
        plain = plain.replace("'", "")
    return slugify(plain) if plain.isascii() and "'" not in plain else slugify(text)


@cache
def _transliteration() -> Callable[[str], str]:
    """The transliteration slugify uses by default: Unidecode if installed, else text-unidecode."""
    try:
        module = import_module("unidecode")
    except ModuleNotFoundError as error:
        if error.name != "unidecode":
            raise
        module = import_module("text_unidecode")
    return cast(Callable[[str], str], module.unidecode)


def lead_of(
    members: Sequence[Candidate], told_by: Callable[[Source], Key] = source_order
) -> Candidate:
    """The member whose source told it first (`told_by`: `source_order` or a faster equal)."""
    return min(members, key=lambda c: told_by(c.source))


def assign_ids(
    events: Sequence[Event], told_by: Callable[[Source], Key] = source_order
) -> tuple[tuple[Event, ...], tuple[tuple[str, str], ...]]:
    """Unique ids (a clash takes the lead article's slug, never a counter that shifts) and the
    (alias, id) redirects that do not shadow a live entry; `told_by` orders the sources."""
    taken: set[str] = set()
    named: list[Event] = []
    leading = sorted(events, key=lambda event: _lead_order(event, told_by))
    for event in leading:
        unique = event.id
        if unique in taken:
            unique = f"{event.id}-{slug(PurePosixPath(event.sources[0].article).stem)}"
        counter = 2
        while unique in taken:  # the same article again: rare, and stable in lead order
            unique, counter = f"{event.id}-{counter}", counter + 1
        taken.add(unique)
        # Most keep their id, and stay as they are: `replace` makes every field over again.
        named.append(event if unique == event.id else replace(event, id=unique))
    by_identity = {id(original): new for original, new in zip(leading, named, strict=True)}
    ordered = tuple(by_identity[id(e)] for e in events)
    redirects = {
        alias: event.id for event in ordered for alias in event.aliases if alias not in taken
    }
    return ordered, tuple(sorted(redirects.items()))


def _lead_order(event: Event, told_by: Callable[[Source], Key]) -> Key:
    """Editors' entries first, by id; then by the source that told the entry first."""
    if event.written is not None or not event.sources:
        return (0, event.id)
    return (1, *min(map(told_by, event.sources)))
