"""Gives entries ids that stay put as articles are added, and the redirects for those that move.

An entry is named after its *lead*: the source published first (then by article path and
offset), as if that sentence had been the only report: its own day and the first words of its
own title. A later article joining the entry cannot change the lead, so adding today's news
renames nothing. Only an article published earlier than an entry's lead (a back-filled archive)
or one that bridges two entries moves a name; every member sentence's own name is kept as an
alias, and the site leaves a redirect page at each alias, so an old address always lands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePosixPath

from slugify import slugify

from generator.model import Candidate, Event
from generator.wording import STOPWORDS

ID_WORDS = 6


def candidate_id(candidate: Candidate) -> str:
    """What the candidate's entry is called when it leads: '2025-06-05-russia-launched-…'."""
    return title_id(candidate.when.start.date().isoformat(), candidate.title)


def title_id(day: str, title: str) -> str:
    words = [w for w in slugify(title).split("-") if w and w not in STOPWORDS]
    return f"{day}-{'-'.join(words[:ID_WORDS]) or 'event'}"


def lead_of(members: Sequence[Candidate]) -> Candidate:
    return min(members, key=lambda c: (c.source.published, c.source.article, c.source.start))


def assign_ids(events: Sequence[Event]) -> tuple[tuple[Event, ...], tuple[tuple[str, str], ...]]:
    """Unique ids (a clash takes the lead article's slug, never a counter that shifts) and the
    (alias, id) redirects that do not shadow a live entry."""
    taken: set[str] = set()
    named: list[Event] = []
    leading = sorted(events, key=_lead_order)
    for event in leading:
        unique = event.id
        if unique in taken:
            unique = f"{event.id}-{slugify(PurePosixPath(event.sources[0].article).stem)}"
        counter = 2
        while unique in taken:  # the same article again: rare, and stable in lead order
            unique, counter = f"{event.id}-{counter}", counter + 1
        taken.add(unique)
        named.append(replace(event, id=unique))
    by_identity = {id(original): new for original, new in zip(leading, named, strict=True)}
    ordered = tuple(by_identity[id(e)] for e in events)
    redirects = {
        alias: event.id for event in ordered for alias in event.aliases if alias not in taken
    }
    return ordered, tuple(sorted(redirects.items()))


def _lead_order(event: Event) -> tuple[object, ...]:
    lead = (
        min(event.sources, key=lambda s: (s.published, s.article, s.start))
        if event.sources
        else None
    )
    if event.written is not None or lead is None:
        return (0, event.id)
    return (1, lead.published, lead.article, lead.start)
