"""The English grammar's vocabulary: the patterns its rules are made of (months, weekdays, days,
years, numbers, units, modifiers), each a regular expression to compose, not to compile alone."""

from __future__ import annotations

import re


def by_first_letter(words: str) -> str:
    """'|'-separated lower-case words as one alternation, grouped by first letter ('t(?:wo|en)').
    Ignoring case, `re` enters each alternative in turn: a group that cannot start here costs one
    try, not one a word. The same matches: two groups never match at one place, and each keeps
    its words in their order."""
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return (
        "(?:" + "|".join(f"{first}(?:{'|'.join(tails)})" for first, tails in groups.items()) + ")"
    )


MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?=\s))"
)
# a bare month name also needs a cue that "May" and "March" are not the verb
MONTH_ALONE = (
    r"(?-i:January|February|April|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Apr|Jun|Jul|Aug|Sept|Oct|Nov|Dec)\.(?=\s)|"
    r"(?:(?<=[Ii]n )|(?<=of )|(?<=[Bb]y )|(?<=early )|(?<=late )|(?<=mid-)|(?<=[Ss]ince )|"
    r"(?<=[Uu]ntil )|(?<=last )|(?<=next )|(?<=this )|(?<=[Ee]very )|(?<=[Ee]ach ))"
    r"(?:May|March)|"
    # "the March vote": the month modifies a noun; "the March on Washington" is a march, and
    # "the May government" a prime minister's
    r"(?<=[Tt]he )March(?= (?!(?:of|for|on|to|in|from|at|by|with|against|through|past|and|or)\b)"
    r"[a-z]))"
)
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?<![\d$,.])(?:1[6-9][0-9]{2}|20[0-9]{2})(?![\d%]|[,.-]\d)"
YEAR_ONLY = (
    r"(?<![\d$,.\u00a3\u20ac])(?<!\d-)(?:1[6-9][0-9]{2}|20[0-9]{2})"
    r"(?![\d%]|[,.]\d|-(?:year|month|day|week))"
    # a street number: 'the 1800 block', '2000 N. Broad', '1900 Fairview Drive'
    r"(?! block\b| (?-i:[NSEW])\.? | (?-i:[A-Z][a-z]+) (?-i:Street|St|Avenue"
    r"|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Way|Place|Circle|Parkway|Highway)\b)"
)
PART = r"(?:morning|afternoon|evening|night)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
UNIT = by_first_letter(
    "second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie"
)


NUM_WORD = (
    "(?:"
    + by_first_letter("twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
    + "(?:[- ]"
    + by_first_letter("one|two|three|four|five|six|seven|eight|nine")
    + ")?|"
    + by_first_letter(
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
        "fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a thousand|one thousand|"
        "two thousand|three thousand|four thousand|five thousand|six thousand|seven thousand|"
        "eight thousand|nine thousand|ten thousand|a couple of|couple of|a dozen|dozen|half an|"
        "half a|a few|several|few|many|some|a|an"
    )
    + ")"
)
NUM = rf"(?:\d+(?:[.,]\d+)?(?: 1/2)?|{NUM_WORD})"
MOD_DATE = r"(?:early|late|mid|the (?:beginning|start|end|middle) of)[ -]?"
# "post-1959 politics", "pre-1990s prices": before or after a year or a decade
MOD_YEAR = rf"(?:{MOD_DATE}|(?:pre|post)-)"
MOD_DUR = by_first_letter("nearly|almost|less than|more than|at least|up to") + " "
MOD_AGO = (
    by_first_letter("about|around|roughly|nearly|almost|less than|more than|over|at least|up to")
    + " "
)
TIME = (
    r"(?:(?:1[0-2]|0?[1-9])(?::[0-5][0-9])? ?(?:a\.m\.|p\.m\.|am\b|pm\b)(?: [ECMP][SD]T\b)?|"
    r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?! ?[ap]\.?m)|(?<!high )noon|midnight)"
)
SPOKEN_LOW = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
SPOKEN_YEAR = rf"(?:nineteen (?:and )?{SPOKEN_LOW}|two thousand(?: (?:and )?{SPOKEN_LOW})?)"
DAY_EXPR = (
    rf"(?:(?:{WEEKDAY},? )?{MONTH} {DAY}(?:,? {YEAR})?|{WEEKDAY}|today|yesterday|tomorrow|"
    r"tonight)"
)
