"""Makes a short, headline-like title for an event from the clause of the sentence that dates it."""

from __future__ import annotations

import re

from generator.guards import guard
from generator.model import Span
from generator.present import present_tense

MAX_WORDS = 12
REPORTING_VERBS = (
    "said|says|say|told|tells|announced|announces|confirmed|confirms|reported|reports|wrote|"
    "writes|added|adds|stated|states|tweeted|posted|declared|declares|claimed|claims|noted|"
    "notes|explained|insisted|acknowledged|disclosed|revealed|indicated"
)
EVENT_NOUNS = (
    "attack|attacks|strike|strikes|raid|raids|offensive|assault|bombing|bombardment|shelling|"
    "explosion|blast|shooting|killing|massacre|invasion|incursion|talks|meeting|summit|call|"
    "visit|election|vote|referendum|speech|address|deal|agreement|ceasefire|truce|exchange|"
    "swap|transfer|protest|protests|rally|march|arrest|trial|hearing|ruling|verdict|crash|"
    "collapse|fire|flood|earthquake|storm|outage|blackout|resignation|launch|test|operation"
)
_VERB_GUARD = guard(REPORTING_VERBS, re.IGNORECASE)  # the frame is tried at every word
_REPORT_FRAME = re.compile(
    rf"^(?:[^,;]*?\b{_VERB_GUARD}(?:{REPORTING_VERBS})\b[^;]*?\bthat\s+|according to [^,]+,\s*)",
    re.IGNORECASE,
)
_NOMINAL_EVENT = re.compile(
    r"\b(?:to|for|after|following|since|over|of|about)\s+"
    rf"(?P<np>(?:(?:[A-Z][\w’'-]*[’']s|the|its|their|his|her|last)\s+)(?:[\w’'-]+\s+){{0,6}}?"
    rf"(?:{EVENT_NOUNS})\b(?:\s+(?:on|against|in|at|with)\s+[\w’'-]+(?:\s+[\w’'-]+){{0,3}})?)\s*$",
)
_BEFORE_TIME = re.compile(
    r"\s*(?:\b(?:on|in|at|from|during|since|by|until|as of|of|early|late|earlier|later))?\s*$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r",\s+(?:killing|injuring|leaving|creating|causing|which|who|where|while|as|and|but|though|"
    r"although|according|in response|saying|prompting|calling)\b|;|\s[—–-]\s|:\s"
)
_POSSESSIVE_S = re.compile(r"^[’']s\b")
_LEAD_PHRASE = re.compile(r"^(?:In|On|At|After|During|Before|Following|Amid)\b[^,]{0,80},\s+")
_SPACES = re.compile(r"\s+")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.\s+")
_TRAILING_FUNCTION = re.compile(
    r"(?:\s+(?:a|an|the|of|to|in|on|at|and|or|for|with|by|from|as|that|its|his|her|their))+$",
    re.IGNORECASE,
)


# A wire dateline before the story: 'KYIV, Ukraine (AP) — ', 'ST. LOUIS (KTVI) - ', 'NEW HAVEN>> ',
# 'TACOMA, Wash. -- ', or what is left of one when the place was dropped: '() — '.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*)*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*)?"
    r"(?:\([^()]{0,40}\)\s*)?(?:[—–]|--?|>>)\s*(?=\S)"
)


def strip_dateline(sentence: str) -> str:
    """The sentence without a wire dateline before it."""
    return sentence[dateline_length(sentence) :]


def dateline_length(sentence: str) -> int:
    match = _DATELINE.match(sentence)
    return match.end() if match else 0


def make_title(sentence: str, timex: Span | None) -> str:
    """A title of at most ~12 words for `sentence`, dated by `timex` (sentence-relative)."""
    cut = dateline_length(sentence)
    text = sentence[cut:]
    if timex is not None and timex.start >= cut:
        timex = Span(timex.start - cut, timex.end - cut)
    elif timex is not None:
        timex = None
    if timex is not None:
        nominal = _NOMINAL_EVENT.search(text[: timex.start])
        if nominal and timex.end >= len(text.rstrip(' .!?”"’')) - 1:
            return present_tense(_finish(nominal.group("np")))
        text = _remove_span(text, timex)
        frame = _REPORT_FRAME.match(text)
        if frame and frame.end() < len(text) - 10:
            text = text[frame.end() :]
    return present_tense(_finish(_main_clause(text)))


def _remove_span(text: str, span: Span) -> str:
    before = _BEFORE_TIME.sub("", text[: span.start])
    after = text[span.end :]
    if not before.strip():
        after = _POSSESSIVE_S.sub("", after)
        return after.lstrip(" ,")
    if _POSSESSIVE_S.match(after):
        return before + " " + after[2:].lstrip()
    return before + after


def _main_clause(text: str) -> str:
    text = text.strip()
    lead = _LEAD_PHRASE.match(text)
    if lead:
        text = text[lead.end() :]
    words_seen = 0
    for match in _CLAUSE_BREAK.finditer(text):
        words_seen = len(text[: match.start()].split())
        if words_seen >= 4:
            return text[: match.start()]
    return text


def _finish(text: str) -> str:
    text = _HONORIFIC.sub("", text)
    text = _SPACES.sub(" ", text).strip(' ,;:.!?"“”‘’')
    words = text.split(" ")
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS])
    text = _TRAILING_FUNCTION.sub("", text).rstrip(" ,;:")
    return text[:1].upper() + text[1:] if text else text
