"""The English recognition grammar: one compiled alternation over the text, one pattern per rule."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.guards import guard
from generator.timex.vocabulary import (
    DAY,
    DAY_EXPR,
    MOD_AGO,
    MOD_DATE,
    MOD_DUR,
    MOD_YEAR,
    MONTH,
    MONTH_ALONE,
    NUM,
    PART,
    SEASON,
    SPOKEN_YEAR,
    TIME,
    UNIT,
    WEEKDAY,
    YEAR,
    YEAR_ONLY,
)

RULES: dict[str, str] = {
    "iso-date": r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)",
    "numeric-date": (
        r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\d/])"
    ),
    "time": rf"(?P<time>{TIME})(?:,? (?:on )?(?P<day>{DAY_EXPR}))?",
    "clock-part": (
        r"(?P<hour>1[0-2]|[1-9])(?: o['\u2019]clock)? in the "
        r"(?P<part>morning|afternoon|evening|night)"
    ),
    "part-day": (
        r"(?=[elm])(?P<mod>early |late |mid-?|mid )(?P<part>morning|afternoon|evening|night) "
        rf"(?P<day>yesterday|today|tomorrow|{WEEKDAY})"
    ),
    "part-of-date": rf"(?=t)the (?P<part>morning|afternoon|evening|night) of (?P<day>{DAY_EXPR})",
    "week-of": rf"the week of (?P<mon>{MONTH}) (?P<d>{DAY})(?:,? (?P<y>{YEAR}))?",
    "weekday-date": rf"{WEEKDAY},? (?P<mon>{MONTH}) (?P<d>{DAY})(?:,? (?P<y>{YEAR}))?",
    "weekday-day-month": (
        rf"{WEEKDAY},? (?:the )?(?P<d>{DAY}) (?:of )?(?P<mon>{MONTH})(?:,? (?P<y>{YEAR}))?"
    ),
    "month-day": rf"(?P<mod>{MOD_DATE})?(?P<mon>{MONTH}) (?P<d>{DAY})(?:,? (?P<y>{YEAR}))?",
    "day-month": rf"(?P<d>{DAY}) (?P<mon>{MONTH})(?:,? (?P<y>{YEAR}))?",
    "month-year": rf"(?P<mod>{MOD_DATE})?(?P<mon>{MONTH}),?(?: of)? (?P<y>{YEAR})",
    # "Tuesdays", "every Tuesday", "Tuesday nights", and "Monday" in "Monday and Tuesday nights"
    "weekday-plural": (
        rf"(?:(?:every|each) (?P<wd>{WEEKDAY})|(?P<wd2>{WEEKDAY})(?=s\b| {PART}s\b|"
        rf" (?:and|or) {WEEKDAY}(?:s\b| (?P<shared>{PART})s\b)))s?(?: (?P<part>{PART})s?)?"
    ),
    "weekday": (
        r"(?:(?P<rel>last|next|this|early|late|this past|this coming|the previous|"
        rf"the preceding) )?(?P<wd>{WEEKDAY})"
        rf"(?: (?P<part>{PART}))?"
    ),
    "day-range": rf"(?P<d>{DAY})(?= (?:and|to|-|\u2013|through) {DAY} (?P<mon>{MONTH}))",
    "deictic": (
        rf"(?:(?P<mod>early|late|later|earlier) )?(?P<word>the day before yesterday|"
        rf"the day after tomorrow|yesterday|today(?!['\u2019]s (?:world|youth|society|generations?|"
        rf"young|children|kids|teenagers|standards)\b)|tomorrow|tonight|overnight|"
        rf"this (?:morning|afternoon|evening)|last night)(?: (?P<part>{PART}))?"
    ),
    "this-week-earlier": r"(?P<when>earlier|later) (?:this|in the) (?P<unit>week|month|year)",
    "half-year": (
        r"(?=[tfls])(?:the )?(?P<which>first|last|final|second) (?:two quarters|half) of "
        rf"(?:fiscal )?(?P<y>{YEAR})"
    ),
    "quarter": (
        r"(?:(?:the )?(?:fiscal[ -])?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)"
        r" (?:fiscal )?|(?:fiscal[ -])?(?P<ord2>first|second|third|fourth|1st|2nd|3rd|4th)-)"
        rf"(?P<unit>quarter|half|period)(?:,? (?:of )?(?:fiscal )?"
        rf"(?P<y>{YEAR}))?"
    ),
    "year-quarter": (
        rf"(?:the )?(?:(?P<y>{YEAR})|(?P<yrel>this|last|next) year['\u2019]s) (?:fiscal )?"
        r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[ -])?(?:fiscal )?"
        r"(?P<unit>quarter|period|half)"
    ),
    "ago": (
        rf"(?P<mod>{MOD_AGO})?(?P<num>{NUM})[ -](?!second|minute|hour)(?P<unit>{UNIT})s?"
        # "two-years-ago" as one hyphenated word; "a year-earlier loss" is the loss's article
        r"(?: and a half)?(?: or so)?(?: |-(?=ago\b))"
        r"(?P<dir>ago|earlier|later|from now|hence)"
    ),
    "past-duration": (
        r"(?P<mod>about |around |nearly |almost |more than )?(?:the )?(?P<rel>past|last|next|"
        rf"first|previous|coming|following|final|latest|preceding) (?:(?P<num>{NUM}) )?"
        rf"(?P<unit>{UNIT})s(?: or so)?"
    ),
    # "today is the eighth day of the strike": the day counted is the publication day
    "day-count": (
        r"(?:(?<=today is )|(?<=it is )|(?<=it's )|(?<=it\u2019s ))the (?:first|second|third|"
        r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th)) day(?= of\b)"
    ),
    "anaphoric-day": (
        rf"(?:the (?P<rel>next|following|previous|preceding|same) (?P<unit>day|{PART}|week|"
        r"month|year|weekend)(?: or so)?|"
        # "Oct. 12, the day before the crash": the day an event dates, in apposition to a date
        r"the (?<=, the )(?P<unit5>day)(?= (?:before|after) (?-i:[a-z]))|"
        # "later in the day before returning home" is that day, and "before" starts a clause
        r"(?!(?<=in )the (?:day|night) (?:before|after) \w+ing\b)"
        r"the (?P<unit2>day|night|week|month|year) (?P<dir>before|after)"
        rf"(?: (?P<base>(?:last |next )?{WEEKDAY}|{MONTH} {DAY}|yesterday|tomorrow))?|"
        r"the (?P<unit4>weekend)|"
        r"(?:(?P<mod>earlier|later) )?that (?:same |very )?"
        r"(?P<unit3>day|night|morning|week|month|year))"
    ),
    "relative-period": (
        rf"(?P<mod>{MOD_DATE})?(?P<rel>last|next|this|the current|this past|this coming|"
        rf"the coming|the past) (?:fiscal )?(?P<unit>week|month|year|quarter|weekend|decade|"
        rf"century|{SEASON})(?: or so)?"
    ),
    "months-span": (
        r"(?:the )?(?P<first>first |latest |past |year-earlier |year-ago )?"
        r"(?P<num>three|six|nine|3|6|9) months"
    ),
    "ref-quarter": (
        r"(?:the|that) (?:(?P<rel>latest|current|most recent|recent|previous|latest fiscal|same|"
        r"year-earlier|year-ago|comparable|comparable year-ago|corresponding|year-before) )?"
        r"(?P<unit>quarter|period)(?P<ago> a year (?:ago|earlier)| last year)?"
    ),
    "period-end": (
        r"(?P<word>the end of the (?:year|month|week|quarter)|year[- ]end|year['\u2019]s end|"
        r"these days|the nineties|the eighties|the seventies|the sixties|midday|"
        r"mid[- ]?afternoon|mid[- ]?morning|the morning|the afternoon|the evening)"
    ),
    "year-earlier": r"(?P<word>year-earlier|year-ago|a year earlier|a year ago|year earlier)",
    "fiscal-year": rf"(?P<fiscal>fiscal) (?P<y>{YEAR})",
    "decade": (
        rf"(?:the )?(?P<mod>{MOD_YEAR})?(?:(?P<dec>(?:1[6-9]|20)\d0)|['\u2019](?P<tail>\d0))s\b"
    ),
    "season": (
        rf"(?P<mod>{MOD_DATE})?(?:(?P<rel>the|this|last|next|this past) )?(?P<season>{SEASON})"
        rf"(?:,?(?: of)? (?:(?P<y>{YEAR})|(?P<spoken>{SPOKEN_YEAR})))?"
    ),
    "year": rf"(?P<mod>{MOD_YEAR})?(?:the year )?(?P<y>{YEAR_ONLY})(?![-/]\d)",
    "month": (
        rf"(?P<mod>{MOD_DATE})?(?:(?P<rel>last|next|this|this past) )?"
        rf"(?P<mon>{MONTH_ALONE})(?:,? (?P<spoken>{SPOKEN_YEAR})|"
        r" (?P<yrel>this|last|next) year)?(?! \d)"
    ),
    "set": (
        r"(?P<adv>daily|weekly|monthly|yearly|hourly|nightly)|"
        rf"(?:every|each) (?P<mon>{MONTH_ALONE})(?! \d)|"
        rf"(?:every|each) (?:(?P<num>{NUM}) )?(?P<unit>{UNIT}|{PART})s?|"
        r"(?:(?<=times )a|(?<=twice )a|(?<=once )a|per) (?P<per>day|week|month|year)(?!-)"
    ),
    "holiday": (
        r"(?:(?P<rel>last|next|this) )?(?-i:(?P<name>Christmas Eve|Christmas Day|Christmas|"
        r"New Year's Eve|New Year's Day|"
        r"Independence Day|Halloween|Valentine's Day|Veterans Day|Thanksgiving(?: Day)?|"
        r"Election Day|Easter(?: Sunday| Monday| week)?|Good Friday|Memorial Day|Labor Day))"
    ),
    "duration": (
        # "a decades-long feud" counts no units: the article goes with the feud
        rf"(?P<mod>{MOD_DUR})?(?!an? {UNIT}s-long)(?P<num>{NUM})[ -]"
        r"(?:(?:more|additional|extra|further|trading|business|working) )?"
        # "a year-earlier loss": the article goes with the loss, "year-earlier" is a date
        rf"(?P<unit>{UNIT})s?(?!-(?:earlier|ago)\b)(?P<long>-long|[ -]old)?"
        r"(?P<half> and a half)?"
    ),
    "vague-duration": (
        r"(?P<rel>recent|coming|the coming|past) (?P<unit>years|months|weeks|decades|days|"
        r"quarters)|(?P<unit2>years|months|weeks|decades|days|hours)(?<!early hours)"
        r"(?<!small hours)(?<!wee hours)(?= ago| of| to)|"
        r"the (?P<unit3>years|months|weeks|days) ahead|"
        # "over the years": an open stretch of those units
        r"(?=t)(?<=over )the (?P<unit7>years|decades|months|weeks)|"
        # "for years", "within weeks", "weeks or months": an open count of units
        r"(?=[ymwdc])(?:(?<=for )|(?<=in )|(?<=within ))"
        r"(?P<unit4>years|months|weeks|decades|days|centuries)|"
        r"(?=[dwmy])(?P<unit5>days|weeks|months|years) or (?:days|weeks|months|years|decades)\b|"
        r"(?=a)(?:(?<=for )|(?<=in )|(?<=after ))(?P<while>a while)(?! ago)|"
        # "decades-long", "a day-long meeting", "yearlong": a length that modifies a noun
        r"(?P<unit6>hours|days|weeks|months|years|decades|centuries)-long|"
        r"(?P<one>hour|day|night|week|month|year|decade|century)-?long"
    ),
    "spoken-year": rf"(?:the year )?(?P<spoken>{SPOKEN_YEAR})(?![ -](?:{UNIT})s?\b)",
    "century": (
        r"(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th)[ -]century|(?P<rel>this|last|next) century"
    ),
    "refs": (
        r"(?P<word>now|currently|current|nowadays|at present|presently|recently|lately|"
        # "the past three summers" counts summers, it is no vague past
        r"formerly|the past(?! (?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few)"
        r" \w)|the future(?! of\b)|the near future|a later date|the time being|"
        # "in the short term": the idiom, not "the short term debt"
        r"(?:(?<=in )|(?<=over )|(?<=for )|(?<=of ))the (?:near|short|long) term(?=\s*[^\w\s]|$|"
        r" (?:and|but|or|as|if|when|while|because|than|is|are|was|were|will|would)\b))"
    ),
    "reported-year": (
        r"the (?:full |entire |whole )?(?:fiscal )?year(?![-\u2019'])"
        r"(?=(?P<ended>,? (?:that )?end(?:ed|ing)\b)?)"
    ),
}

_NAMES = re.compile(r"\(\?P<\w+>")


def _bare(pattern: str) -> str:
    return _NAMES.sub("(?:", pattern)


MASTER = re.compile(
    r"(?<![\w$\u00a3\u20ac'\u2019-])(?:"
    + "|".join(
        f"{guard(p, re.IGNORECASE)}(?P<{name.replace('-', '_')}>{_bare(p)})"
        for name, p in RULES.items()
    )
    # "quarter-to-quarter", "day-to-day": a unit in a compound modifier is no timex
    + r")(?![\w]|-to-)",
    re.IGNORECASE,
)
RULE_PATTERNS: dict[str, re.Pattern[str]] = {
    name.replace("-", "_"): re.compile(f"(?:{p})(?![\\w])", re.IGNORECASE)
    for name, p in RULES.items()
}


@dataclass(frozen=True, slots=True)
class Hit:
    """A recognised phrase: the rule that matched, its offsets and its named parts."""

    rule: str
    start: int
    end: int
    parts: dict[str, str]


# the second day of "April 24 and 25" or "June 3-5, 1999", where the sentence goes on or ends
_SECOND_DAY = re.compile(
    rf"(?: and | to | through |-|\u2013)(?P<d>{DAY})(?![,.]\d)(?:,? (?P<y>{YEAR}))?"
    r"(?=\s*(?:[,.;:)\n]|$)|\s+(?:in|at|on|and|with|for|when|of|to|before|after|during)\b)"
)


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text) or 0)


def _day_range(text: str, hit: Hit) -> tuple[Hit, Hit | None]:
    """A month-day hit, and the later day of a range that writes its month once."""
    if hit.rule != "month-day" or "y" in hit.parts or "mod" in hit.parts:
        return hit, None
    match = _SECOND_DAY.match(text, hit.end)
    if not match or not _day_number(hit.parts.get("d", "")) < _day_number(match["d"]) <= 31:
        return hit, None
    year = {"y": match["y"]} if match["y"] else {}
    first = Hit(hit.rule, hit.start, hit.end, hit.parts | year)
    return first, Hit("month-day", match.start("d"), match.end(), first.parts | {"d": match["d"]})


# "USA Today", ABC's "This Week": a day word in a name, after an acronym or as a quoted title
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,} +$")
_QUOTE_BEFORE = re.compile(r"(?<![.!?:]) [\"\u201c`']+$")
_TITLE_RULES = ("deictic", "relative-period")


def _names_a_title(text: str, hit: Hit) -> bool:
    words = text[hit.start : hit.end].split()
    if hit.rule not in _TITLE_RULES or not all(word[0].isupper() for word in words):
        return False
    before = text[max(0, hit.start - 12) : hit.start]
    return bool(_ACRONYM_BEFORE.search(before) or (len(words) > 1 and _QUOTE_BEFORE.search(before)))


def find_phrases(text: str) -> Iterator[Hit]:
    """Every phrase the grammar recognises in `text`, left to right, non-overlapping."""
    taken = 0
    for match in MASTER.finditer(text):
        if match.start() < taken:
            continue
        rule = match.lastgroup or ""
        parts_match = RULE_PATTERNS[rule].match(text, match.start())
        parts = {k: v for k, v in parts_match.groupdict().items() if v} if parts_match else {}
        hit, second = _day_range(
            text, Hit(rule.replace("_", "-"), match.start(), match.end(), parts)
        )
        if _names_a_title(text, hit):
            continue
        yield hit
        if second:
            taken = second.end
            yield second
