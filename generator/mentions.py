"""Finds where an article restates an event it does not date as its own: a sentence's other
dates ('bond was set Friday for the neighbor of the boy who died last Saturday'), possessive
dates ('Saturday's shooting'), and, when the article dates no event to the day, its lede
('Police continue to investigate an accidental shooting that left a teen dead')."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.extract import (
    FINE,
    event_timex,
    is_datable,
    is_reporting,
    is_stamp,
    make_source,
    sentence_timexes,
    story,
)
from generator.headline import make_title, strip_dateline
from generator.model import Article, Candidate, Sentence, Span, Timex, When
from generator.places import find_places
from generator.text import PlainText
from generator.wording import content_words, proper_names

# An undated report is about something that happened in the week before it was published.
RECENT_DAYS = 6


def find_mentions(
    article: Article,
    plain: PlainText,
    sentences: tuple[Sentence, ...],
    timexes: tuple[Timex, ...],
    candidates: tuple[Candidate, ...],
) -> tuple[Candidate, ...]:
    """Mentions of events in the article's sentences, and its lede if it dates nothing finely."""
    if not article.extract:
        return ()
    told = story(sentences)
    names = proper_names(s.text for s in told)
    starts = [t.span.start for t in timexes]
    found: list[Candidate] = []
    for sentence in told:
        own = sentence_timexes(timexes, starts, sentence.span)
        dating = event_timex(sentence, own)
        for timex in own:
            if _restates(sentence, timex, dating):
                found.append(_mention(article, plain, sentence, timex, _when(timex), names))
    if told and not any(c.when.precision in FINE for c in candidates):
        found.append(_mention(article, plain, told[0], None, _recent(article), names))
    return tuple(found)


def _restates(sentence: Sentence, timex: Timex, dating: Timex | None) -> bool:
    """A datable phrase besides the one that dates the sentence, and not the report's date."""
    if timex is dating or not is_datable(timex):
        return False
    if dating is not None and (timex.start, timex.end) == (dating.start, dating.end):
        return False
    return not is_reporting(sentence, timex) and not is_stamp(sentence, timex)


def _when(timex: Timex) -> When:
    assert timex.start is not None and timex.end is not None and timex.precision is not None
    return When(timex.value, timex.precision, timex.start, timex.end)


def _recent(article: Article) -> When:
    """The week up to the publication day: when an undated report's event happened."""
    zone = ZoneInfo(article.timezone)
    day = article.published.astimezone(zone).date()
    start = datetime.combine(day - timedelta(days=RECENT_DAYS), time(0), zone)
    end = datetime.combine(day + timedelta(days=1), time(0), zone)
    return When("PAST_REF", "week", start, end)


def _mention(
    article: Article,
    plain: PlainText,
    sentence: Sentence,
    timex: Timex | None,
    when: When,
    names: frozenset[str],
) -> Candidate:
    relative = (
        Span(timex.span.start - sentence.span.start, timex.span.end - sentence.span.start)
        if timex
        else None
    )
    words = content_words(sentence.text)
    places = find_places(sentence.text)
    return Candidate(
        when=when,
        title=make_title(sentence.text, relative),
        summary=strip_dateline(sentence.text),
        source=make_source(article, plain, sentence, timex),
        places=places,
        sentence_places=places,
        tags=article.tags,
        words=words,
        context=words | content_words(article.title),
        names=names,
        mention=True,
    )
