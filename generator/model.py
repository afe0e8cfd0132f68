"""The values that flow between Dateline's stages: frozen, slotted, made of tuples."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from generator.errors import DatelineError

Precision = Literal[
    "century", "decade", "year", "season", "quarter", "month", "week", "day", "part-of-day", "time"
]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into a text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a text, with its TimeML value and the rule that gave it.

    `start`/`end` bound the interval it denotes (aware datetimes in the anchor's time zone) for
    DATE and TIME expressions that resolved to a calendar value; they are None otherwise.
    """

    span: Span
    text: str
    type: TimexType
    value: str
    rule: str
    mod: str | None = None
    precision: Precision | None = None
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    """An editor's fix from an article's front matter: the phrase or sentence it applies to."""

    match: str
    date: str | None = None
    title: str | None = None
    skip: bool = False
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article as loaded: front matter made explicit, body kept verbatim."""

    path: str
    slug: str
    title: str
    published: datetime
    timezone: str
    language: str
    body: str
    body_line: int
    source: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    extract: bool = True
    corrections: tuple[Correction, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article's plain text; `span` is in the body, `text` is plain text."""

    text: str
    span: Span
    paragraph: int


@dataclass(frozen=True, slots=True)
class When:
    """When an event happened: a TimeML value at its precision and the interval it covers."""

    value: str
    precision: Precision
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Source:
    """A sentence of an article that reports an event, and the phrase that dated it."""

    article: str
    title: str
    url: str | None
    outlet: str | None
    published: datetime
    quote: str
    phrase: str | None
    start: int
    end: int
    rule: str | None = None
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Figures:
    """Counts a report gives for an event: people killed and injured (None: not said)."""

    killed: int | None = None
    injured: int | None = None


@dataclass(frozen=True, slots=True)
class Version:
    """One side of a disagreement: a value ('2025-06-05', '4') and the articles that give it."""

    value: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources disagree on a fact of one event: its `date`, or how many were `killed`/`injured`."""

    fact: Literal["date", "killed", "injured"]
    versions: tuple[Version, ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event as one sentence of one article tells it, before merging.

    `places` are where it happened, as its entry shows them; `sentence_places` are those its own
    sentence names, what tells two reports apart (a detail's background place would set alike
    reports apart). `names` are the article's proper names (stems), the evidence that two
    reports are about the same people and place. A `mention` restates an event told elsewhere
    ('the 2-year-old who died last Saturday', 'Saturday's shooting', or an undated article's
    lede): it joins an entry as a source but never makes, dates or names one."""

    when: When
    title: str
    summary: str
    source: Source
    details: tuple[Source, ...] = ()
    places: tuple[str, ...] = ()
    sentence_places: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    words: frozenset[str] = field(default_factory=frozenset)
    context: frozenset[str] = field(default_factory=frozenset)
    figures: Figures = Figures()
    names: frozenset[str] = field(default_factory=frozenset)
    mention: bool = False

    @property
    def all_words(self) -> frozenset[str]:
        """Its words and its context's: `context` itself when it holds `words`, as extraction
        makes it (a union would copy it: 200 MB of sets while merging 10,000 articles)."""
        context = self.context
        return context if self.words <= context else self.words | context


@dataclass(frozen=True, slots=True)
class Event:
    """A timeline entry: one event, all the sources that report it."""

    id: str
    title: str
    when: When
    summary: str
    sources: tuple[Source, ...]
    details: tuple[Source, ...] = ()
    places: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    figures: Figures = Figures()
    conflicts: tuple[Conflict, ...] = ()
    aliases: tuple[str, ...] = ()
    written: str | None = None

    @property
    def disputed(self) -> bool:
        """Sources disagree on its date or its counts."""
        return bool(self.conflicts)

    @property
    def first_reported(self) -> datetime:
        """When the earliest source was published."""
        return min(source.published for source in self.sources) if self.sources else self.when.start

    @property
    def corroboration(self) -> int:
        """How many articles report it."""
        return len({source.article for source in self.sources})


@dataclass(frozen=True, slots=True)
class Written:
    """A hand-written entry from content/events/: the editor's word on an event."""

    id: str
    path: str
    title: str
    when: When
    description: str
    tags: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    line: int = 1


@dataclass(frozen=True, slots=True)
class Reading:
    """An article as Dateline read it: its dated phrases (spans in the body) and its candidates."""

    article: Article
    timexes: tuple[Timex, ...]
    candidates: tuple[Candidate, ...]
    diagnostics: tuple[DatelineError, ...] = ()
    mentions: tuple[Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class Timeline:
    """The merged chronology, oldest first, and the readings of the articles it was made from."""

    events: tuple[Event, ...]
    readings: tuple[Reading, ...]
    redirects: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Filter:
    """One search filter of a page, shown as 'Places: Kyiv, Lviv' and offered as a facet."""

    name: str
    label: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """What a reader can search for on one entry or article page, and how a result shows."""

    path: str  # the page below the site root, e.g. "events/<id>/index.html"
    kind: Literal["Entry", "Article"]
    title: str
    date: str  # ISO day, to sort results by
    blocks: tuple[str, ...]  # text, each block searched and shown apart from the next
    filters: tuple[Filter, ...] = ()
