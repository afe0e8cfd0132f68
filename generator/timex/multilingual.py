"""Dates, weekdays and yesterday/today/tomorrow in uk, ru, de, fr and es news: text in, hits out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from generator.timex.context import Resolution
from generator.timex.days import nearest_year, weekday_date
from generator.timex.grammar import Hit
from generator.timex.lexicons import LEXICONS, Lexicon
from generator.timex.tense import Direction

_SENTENCE_END = re.compile(r"[.!?\n]")


def _alternatives(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word) for word in ordered) or "(?!)"


def _grammar(lexicon: Lexicon) -> re.Pattern[str]:
    weekday, month = _alternatives(lexicon.weekdays), _alternatives(lexicon.months)
    before = _alternatives(lexicon.last_before + lexicon.next_before)
    after = _alternatives(lexicon.last_after + lexicon.next_after)
    day = r"(?P<d>[12]\d|3[01]|0?[1-9])"
    return re.compile(
        r"(?<!\w)(?:(?P<iso>\d{4}-[01]\d-[0-3]\d)"
        rf"|{day}\.?(?: de)? (?P<mon>{month})(?:,?(?: de)? (?P<y>\d{{4}}){lexicon.year_suffix})?"
        rf"|(?P<mon2>{month})(?: de)? (?P<y2>\d{{4}}){lexicon.year_suffix}"
        rf"|(?:(?P<pre>{before}) )?(?P<wd>{weekday})(?: (?P<post>{after}))?"
        rf"|(?P<word>{_alternatives(lexicon.days)}))(?!\w)",
        re.IGNORECASE,
    )


GRAMMARS: dict[str, tuple[Lexicon, re.Pattern[str]]] = {
    code: (lexicon, _grammar(lexicon)) for code, lexicon in LEXICONS.items()
}


def _direction(text: str, start: int, end: int, lexicon: Lexicon) -> Direction:
    """Future if the sentence around the phrase has a future word, else past (news default)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 200), start)]
    stop = _SENTENCE_END.search(text, end)
    sentence = text[ends[-1] if ends else max(0, start - 200) : stop.start() if stop else None]
    return "future" if re.search(lexicon.future, sentence, re.IGNORECASE) else "past"


def _lookup(table: dict[str, int], word: str) -> int:
    lowered = {key.lower(): value for key, value in table.items()}
    return lowered[word.lower()]


def _relation(match: re.Match[str], lexicon: Lexicon) -> str:
    words = {w.lower() for w in (match["pre"] or "", match["post"] or "") if w}
    if words & {w.lower() for w in lexicon.last_before + lexicon.last_after}:
        return "last"
    if words & {w.lower() for w in lexicon.next_before + lexicon.next_after}:
        return "next"
    return ""


def _resolve(match: re.Match[str], text: str, dct: date, lexicon: Lexicon) -> Resolution | None:
    if match["iso"]:
        return Resolution("DATE", match["iso"], "iso-date", anchor=True)
    if match["word"]:
        day = dct + timedelta(days=_lookup(lexicon.days, match["word"]))
        return Resolution("DATE", day.isoformat(), "relative-day")
    if match["mon2"]:
        month = _lookup(lexicon.months, match["mon2"])
        return Resolution("DATE", f"{match['y2']}-{month:02d}", "month-year", anchor=True)
    direction = _direction(text, match.start(), match.end(), lexicon)
    if match["wd"]:
        weekday = _lookup(lexicon.weekdays, match["wd"])
        day, rule = weekday_date(dct, weekday, direction, _relation(match, lexicon))
        return Resolution("DATE", day.isoformat(), rule, anchor=True)
    month, number = _lookup(lexicon.months, match["mon"]), int(match["d"])
    year = int(match["y"]) if match["y"] else nearest_year(month, number, dct, direction)
    try:
        value = date(year, month, number).isoformat()
    except ValueError:
        return None
    rule = "month-day" if match["y"] else "month-day-nearest"
    return Resolution("DATE", value, rule, anchor=True)


def find_resolved(text: str, dct: date, language: str) -> Iterator[tuple[Hit, Resolution]]:
    """Each dated phrase of a text in a supported language, with its resolution."""
    lexicon, grammar = GRAMMARS[language]
    for match in grammar.finditer(text):
        if re.search(lexicon.blocked, text[max(0, match.start() - 12) : match.end()], re.I):
            continue
        resolution = _resolve(match, text, dct, lexicon)
        if resolution is not None:
            yield Hit(resolution.rule, match.start(), match.end(), {}), resolution


def supports(language: str) -> bool:
    return language in GRAMMARS
