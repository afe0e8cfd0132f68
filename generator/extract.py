"""Turns an article's sentences and temporal expressions into event candidates and details."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from generator.figures import find_figures
from generator.guards import guarded
from generator.headline import REPORTING_VERBS, make_title, strip_dateline
from generator.model import Article, Candidate, Sentence, Source, Span, Timex, When
from generator.places import find_places, mentioned_places
from generator.text import PlainText
from generator.wording import content_words, overlap, proper_names

FINE = frozenset({"day", "part-of-day", "time"})
DATABLE_PRECISIONS = frozenset(
    {"year", "season", "quarter", "month", "week", "day", "part-of-day", "time"}
)
_REPORTING_BEFORE = guarded(
    rf"\b(?:{REPORTING_VERBS})\b(?:\s+(?!that\b)[\w’'.-]+){{0,5}}\s+$", re.IGNORECASE
)
_REPORTING_AFTER = re.compile(
    rf"^,?\s+(?:[\w’'.-]+\s+){{0,4}}(?:{REPORTING_VERBS})\b", re.IGNORECASE
)
_OPENER = re.compile(r"\W*(?:on|early|late)?\s*", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^[’']s\b")
# A page's furniture, not its story: copyright lines, links, 'Posted:' stamps, embedded tweets.
_BOILERPLATE = guarded(r"\bcopyright\b|©|\ball rights reserved\b|https?://\S", re.IGNORECASE)
_STAMP_BEFORE = re.compile(
    r"(?:\b(?:posted|published|updated|created|modified|last updated)(?: on| at)?:?|\(@\w+\))"
    r"(?:\s+[\w,:.]+){0,5}?\s*$",  # the stamp's date, then its time
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Draft:
    """A candidate being assembled while the article is read in order."""

    when: When
    title: str
    sentence: Sentence
    timex: Timex
    paragraph: int
    details: list[Sentence] = field(default_factory=list)
    words: set[str] = field(default_factory=set)


def extract_events(
    article: Article, plain: PlainText, sentences: tuple[Sentence, ...], timexes: tuple[Timex, ...]
) -> tuple[Candidate, ...]:
    """Each sentence with a date of its own starts a candidate; the others become its details."""
    if not article.extract:
        return ()
    starts = [t.span.start for t in timexes]
    told = story(sentences)
    drafts: list[_Draft] = []
    for sentence in told:
        own = sentence_timexes(timexes, starts, sentence.span)
        dating = event_timex(sentence, own)
        if dating is not None:
            drafts.append(_start_draft(sentence, dating))
        elif drafts:
            _attach_detail(drafts, sentence, own)
    names = proper_names(s.text for s in told)
    frozen = tuple(_freeze(draft, article, plain, names) for draft in drafts)
    return _with_headline(frozen, article)


@lru_cache(maxsize=4)  # extraction and mentions both read an article's story, in a row
def story(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The sentences that tell the story, without the page's furniture."""
    return tuple(s for s in sentences if not _BOILERPLATE.search(s.text))


def _with_headline(candidates: tuple[Candidate, ...], article: Article) -> tuple[Candidate, ...]:
    """The article's headline tells its main event: its words join the candidate they fit best
    (the earliest of day precision or finer on a tie), so other reports of it can find it."""
    headline = content_words(article.title)
    fine = [i for i, c in enumerate(candidates) if c.when.precision in FINE]
    if not headline or not fine:
        return candidates
    best = max(fine, key=lambda i: (len(headline & candidates[i].all_words), -i))
    chosen = replace(candidates[best], context=candidates[best].context | headline)
    return (*candidates[:best], chosen, *candidates[best + 1 :])


def sentence_timexes(timexes: tuple[Timex, ...], starts: list[int], span: Span) -> list[Timex]:
    first = bisect_right(starts, span.start - 1)
    return [t for t in timexes[first:] if t.span.start < span.end]


def is_datable(timex: Timex) -> bool:
    return (
        timex.type in ("DATE", "TIME")
        and timex.start is not None
        and timex.end is not None
        and timex.precision in DATABLE_PRECISIONS
    )


def event_timex(sentence: Sentence, timexes: list[Timex]) -> Timex | None:
    """The first datable expression that dates the sentence's event, not its reporting."""
    for timex in timexes:
        if (
            is_datable(timex)
            and not is_reporting(sentence, timex)
            and not _is_possessive(sentence, timex)
            and not is_stamp(sentence, timex)
        ):
            return timex
    return None


def is_reporting(sentence: Sentence, timex: Timex) -> bool:
    """'announced Friday that', 'wrote early Friday', 'On Friday, officials said' date a report.

    A date further into the sentence ('the crest passed on Thursday, officials said') dates the
    event: the trailing 'officials said' frames the whole sentence, not the date.
    """
    before = sentence.text[: timex.span.start - sentence.span.start]
    after = sentence.text[timex.span.end - sentence.span.start :]
    opens_sentence = _OPENER.fullmatch(before) is not None
    return bool(
        _REPORTING_BEFORE.search(before) or (opens_sentence and _REPORTING_AFTER.match(after))
    )


def is_stamp(sentence: Sentence, timex: Timex) -> bool:
    """'Posted: Monday, May 4, 2015', '(Published Thursday, Nov. 12)', '— NAU (@NAU) October 9'
    date the page or a post, not an event."""
    return bool(_STAMP_BEFORE.search(sentence.text[: timex.span.start - sentence.span.start]))


def _is_possessive(sentence: Sentence, timex: Timex) -> bool:
    """'Friday's strikes' names an event told elsewhere; it does not date a new one."""
    return bool(_POSSESSIVE.match(sentence.text[timex.span.end - sentence.span.start :]))


def _start_draft(sentence: Sentence, timex: Timex) -> _Draft:
    assert timex.start is not None and timex.end is not None and timex.precision is not None
    when = When(timex.value, timex.precision, timex.start, timex.end)
    relative = Span(timex.span.start - sentence.span.start, timex.span.end - sentence.span.start)
    draft = _Draft(when, make_title(sentence.text, relative), sentence, timex, sentence.paragraph)
    draft.words.update(content_words(sentence.text))
    return draft


def _attach_detail(drafts: list[_Draft], sentence: Sentence, timexes: list[Timex]) -> None:
    """Same paragraph: the story goes on. Otherwise: the entry the sentence shares most words
    with (and whose date it mentions, if it mentions one), the article's first on a tie."""
    target = drafts[-1]
    if sentence.paragraph != target.paragraph:
        words = content_words(sentence.text)
        mentioned = [t for t in timexes if is_datable(t)]
        pool = [
            i
            for i, d in enumerate(drafts)
            if not mentioned or any(_overlaps(d.when, t) for t in mentioned)
        ] or range(len(drafts))
        target = drafts[max(pool, key=lambda i: (overlap(words, drafts[i].words), -i))]
    target.details.append(sentence)
    target.words.update(content_words(sentence.text))


def _overlaps(when: When, timex: Timex) -> bool:
    assert timex.start is not None and timex.end is not None
    return when.start < timex.end and timex.start < when.end


def _freeze(draft: _Draft, article: Article, plain: PlainText, names: frozenset[str]) -> Candidate:
    source = make_source(article, plain, draft.sentence, draft.timex)
    details = tuple(make_source(article, plain, sentence, None) for sentence in draft.details)
    named = find_places(draft.sentence.text)
    return Candidate(
        when=draft.when,
        title=draft.title,
        summary=strip_dateline(draft.sentence.text),
        source=source,
        details=details,
        places=_where(named, draft.details),
        sentence_places=named,
        tags=article.tags,
        words=content_words(draft.sentence.text),
        context=frozenset(draft.words),
        figures=find_figures(s.text for s in (draft.sentence, *draft.details)),
        names=names,
    )


def _where(named: tuple[str, ...], details: list[Sentence]) -> tuple[str, ...]:
    """Where the event happened, as its entry shows it: the places its sentence names (if none,
    those of the first detail that names any), and those of every detail that names one of them
    too, as where or not ('In addition to Kyiv, Russia targeted Ternopil'). A place only a detail
    about something else names ('Diplomats in Geneva said') is background, not where it happened."""
    where = dict.fromkeys(named)
    for detail in details:
        places = find_places(detail.text)
        if not where or not where.keys().isdisjoint(mentioned_places(detail.text)):
            where.update(dict.fromkeys(places))
    return tuple(where)


def make_source(
    article: Article, plain: PlainText, sentence: Sentence, timex: Timex | None
) -> Source:
    body_span = plain.span_to_body(sentence.span)
    return Source(
        article=article.path,
        title=article.title,
        url=article.url,
        outlet=article.source,
        published=article.published,
        quote=sentence.text,
        phrase=timex.text if timex else None,
        start=body_span.start,
        end=body_span.end,
        rule=timex.rule if timex else None,
        value=timex.value if timex else None,
    )
