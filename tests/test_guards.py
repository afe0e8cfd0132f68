"""Guards: the first characters a pattern's match can start with, and a master grammar that finds the
same phrases with them as without them."""

from __future__ import annotations

import re

import pytest

from generator.guards import guard, guarded
from generator.timex import tense
from generator.timex.grammar import MASTER, RULES, _bare
from generator.timex.vocabulary import by_first_letter
from tests import test_timex, test_timex_news, test_timex_phrases

# fmt: off
GUARDS = [
    (r"(?:early |late )?(?:May|June) \d", r"(?=[EJLMejlm][AUau][NRTYnrty][\ ELel][\ Y\dy])"),
    (r"\d{4}-\d\d", r"(?=[\d][\d][\d][\d][\-])"),
    (r"(?<=for )(?=a)a while", r"(?=[Aa][\ ][Ww][Hh][Ii])"),  # lookarounds take no character
    (r"(?:the )?[1-3](?:st|nd|rd)", "(?=[123Tt][HNRShnrs][DETdet])"),  # no match is longer
    (r"(?-i:Monday)|['\u2019]\d0s", "(?=['Mm\u2019][O\\do][0Nn][DSds])"),
    (r"[a-c]+ago", "(?=[ABCabc][ABCabc][ABCGabcg][ABCGOabcgo])"),
    (r"(?:an|a)\b", "(?=[Aa])"),  # a match can end after one character
    (r"(?:today)?", ""),  # can match nothing: no character to ask for
    (r"[^,]+ said", ""),  # a negated class: too wide to list
    (r"\w+ed", ""),
]
# fmt: on


@pytest.mark.parametrize(("pattern", "expected"), GUARDS)
def test_guard_lists_the_first_characters(pattern: str, expected: str) -> None:
    assert guard(pattern, re.IGNORECASE) == expected


def test_every_rule_is_guarded() -> None:
    """A rule left unguarded still matches, but is tried at every word start: say why, or guard it."""
    assert [name for name, pattern in RULES.items() if not guard(pattern, re.IGNORECASE)] == []


UNGUARDED = re.compile(
    r"(?<![\w$\u00a3\u20ac'\u2019-])(?:"
    + "|".join(f"(?P<{name.replace('-', '_')}>{_bare(p)})" for name, p in RULES.items())
    + r")(?![\w]|-to-)",
    re.IGNORECASE,
)
SENTENCES = sorted(
    {case[0] for case in (*test_timex.CASES, *test_timex.ANAPHORA)}
    | {case[0] for case in (*test_timex_news.CASES, *test_timex_phrases.CASES)}
    | {case[0] for case in test_timex_phrases.NOT_TIMEXES}
    | set(test_timex.NOT_DATES)
)


def _hits(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize("case", [str.upper, str.lower, str.swapcase, lambda s: s])
def test_guards_change_no_phrase(case: object) -> None:
    """The table sentences, in every case (and with letters that fold to ASCII ones), give the
    same hits with the guards as without."""
    assert callable(case)
    texts = [case(text) for text in SENTENCES]
    texts += [text.replace("s", "\u017f").replace("k", "\u212a") for text in texts]
    assert len(texts) > 400
    for text in texts:
        assert _hits(MASTER, text) == _hits(UNGUARDED, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Two people were KILLED and five injured.",
        "Copyright 2024 The Associated Press. All Rights Reserved.",
        "See https://example.org for the \u017fource; the Hospital said.",
        "No count here, nor a link: http:// alone.",
    ],
)
def test_a_guarded_search_finds_what_the_bare_one_does(text: str) -> None:
    found = []
    for pattern in (
        r"kill|injur|hospitali",
        r"\bcopyright\b|©|\ball rights reserved\b|https?://\S",
    ):
        bare = re.compile(pattern, re.IGNORECASE)
        spans = [m.span() for m in guarded(pattern, re.IGNORECASE).finditer(text)]
        assert spans == [m.span() for m in bare.finditer(text)]
        found += spans
    assert bool(found) == ("No count" not in text)


WORD_LISTS = [
    "one|two|ten|twelve|a hundred|hundred|a thousand|one thousand|a couple of|a few|a|an",
    "second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie",
    "about|around|almost|less than|more than|over|at least|up to",
]


@pytest.mark.parametrize("words", WORD_LISTS)
def test_words_grouped_by_first_letter_match_as_listed(words: str) -> None:
    """Grouped, the words match where and as far as the plain alternation does, backtracking
    included ('a thousand' after 'a' fails), in any case and with letters that fold to ASCII."""
    grouped = re.compile(f"{by_first_letter(words)}(?: (?:years|thousand))?\\b", re.IGNORECASE)
    plain = re.compile(f"(?:{words})(?: (?:years|thousand))?\\b", re.IGNORECASE)
    texts = [w + tail for w in words.split("|") for tail in ("", " years", "s", " thousand x")]
    texts += [t.upper() for t in texts] + [
        t.replace("s", "\u017f").replace("k", "\u212a") for t in texts
    ]
    texts += ["an hour", "another", "ones", "a", "", "x one"]
    for text in texts:
        found = grouped.match(text)
        expected = plain.match(text)
        assert (found and found.span()) == (expected and expected.span()), text


@pytest.mark.parametrize(
    "text",
    [
        "He WAS told it Had re-announced Ed's bed; 2020ed and _ed were met.",
        "\u017faid, \u017faw and \u212aILLED: letters that fold to ASCII ones",
        "caf\u00e9 rented, na\u00efve \u00fcberreported, \u0130t was, it \u0131s",
    ],
)
def test_past_words_are_the_words_the_pattern_matches(text: str) -> None:
    """The set lookup finds the same past-tense words as the pattern run over the text."""
    by_word = [m.span() for m in tense._WORD.finditer(text) if tense._is_past(m.group())]
    assert by_word == [m.span() for m in tense._PAST.finditer(text)]
    assert by_word
