"""Property tests: random content never crashes Dateline, and never turns into markup.

Example counts are kept small so the suite stays fast; raise them by hand when hunting
(`HYPOTHESIS_PROFILE=hunt pytest tests/test_properties.py`).
"""

from __future__ import annotations

import contextlib
import os
import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import Config
from generator.content import KNOWN_KEYS, parse_article
from generator.errors import DatelineError
from generator.intake import decode_content
from generator.pipeline import make_timeline
from generator.render import render_site
from generator.theme import load_theme
from generator.timex import tag

settings.register_profile(
    "ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("hunt", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CONFIG = Config()
THEME = load_theme(None)
NEWS_WORDS = """Monday Friday night morning last next this week month year ago earlier later
    since until on in at by the of 2025 1990s 12 5 June Dec. Q3 quarter decade century spring
    yesterday today tomorrow tonight overnight two three days hours weeks: , . - / ( ) 's
    will would said had been early late mid end beginning first second half fiscal FY2024
    2025-06-06 06/06/2025 5th 31st 10:30 a.m. p.m. BST noon midnight Christmas Ramadan""".split()
news_text = st.lists(st.one_of(st.sampled_from(NEWS_WORDS), st.text(max_size=6)), max_size=40).map(
    " ".join
)

# TIMEX3 values (TimeML 1.2 / ISO-TimeML): dates with X placeholders, weeks, seasons, quarters,
# halves, times and parts of day, decades and centuries, durations, and the three refs.
_DATE = r"(\d{4}|\d{3}|\d{2}|X{4}|\d{3}X|\d{2}XX)(-(\d{2}|XX)(-(\d{2}|XX))?|-W(\d{2}|XX)(-(WE|[1-7]))?|-(SP|SU|FA|WI)|-Q[1-4X]|-H[12X])?"
_TIME = r"T(\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?|MO|MI|AF|EV|NI|DT)([+-]\d{2}:?\d{2}|Z)?"
_DURATION = r"P(((\d+(\.\d+)?|X)(Y|M|W|D|DE|CE|ML|Q|H|WE|L))+(T((\d+(\.\d+)?|X)(H|M|S))+)?|T((\d+(\.\d+)?|X)(H|M|S))+)"
TIMEML_VALUE = re.compile(
    rf"({_DATE}({_TIME})?|X{{4}}-XX-XX{_TIME}|{_TIME}|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF)"
)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
    st.sampled_from(["2025-06-06", "Fryday", "0001-01-01", "Europe/Kyiv", "javascript:x", ""]),
)  # fmt: skip
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)  # fmt: skip
some_date = st.one_of(
    st.sampled_from(["2025-06-06", "2025-06-06T23:59:00-12:00", "6 June 2025"]), values
)
front_matter = st.fixed_dictionaries(
    {"title": st.one_of(st.text(min_size=1, max_size=30), values), "date": some_date},
    optional={key: values for key in [*sorted(KNOWN_KEYS - {"title", "date"}), "author"]},
)


def load_read_render(text: str) -> None:
    """The stages a file goes through in a build, short of writing."""
    decoded, warnings = decode_content(text.encode("utf-8", "surrogatepass"), "a.md")
    article, more = parse_article(decoded, "articles/a.md", "a.md", CONFIG)
    timeline, _ = make_timeline(((article,), warnings + more))
    for _ in render_site(timeline, CONFIG, THEME, None):  # rendered only as they are asked for
        pass


def build_or_refuse(text: str) -> None:
    with contextlib.suppress(DatelineError):
        load_read_render(text)


@given(front_matter, news_text)
def test_random_front_matter_and_body_give_a_site_or_a_dateline_error(
    matter: dict[str, object], body: str
) -> None:
    dumped = yaml.safe_dump(matter, allow_unicode=True, sort_keys=False)
    build_or_refuse(f"---\n{dumped}---\n{body}\n")


@given(st.text(max_size=300))
def test_any_text_at_all_gives_a_site_or_a_dateline_error(text: str) -> None:
    build_or_refuse(text)


@given(st.binary(max_size=200))
def test_any_bytes_give_text_or_a_dateline_error(data: bytes) -> None:
    with contextlib.suppress(DatelineError):
        decode_content(data, "a.md")


@given(news_text)
def test_the_tagger_never_crashes_and_gives_well_formed_timeml_values(text: str) -> None:
    for timex in tag(text, date(2025, 6, 6), "Europe/Kyiv", "en"):
        assert TIMEML_VALUE.fullmatch(timex.value), (text, timex)


CONTENT_LETTERS = "kjzw"  # no HTML or SVG tag or attribute is made of only these
hostile_text = st.text(alphabet=CONTENT_LETTERS + "<>&\"'=/ \n\\`[]()!*#-:\x0b", min_size=1,
                       max_size=60)  # fmt: skip
CONTENT_NAME = re.compile(rf"[{CONTENT_LETTERS}]+")


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names += [tag, *(name for name, _ in attrs)]


@given(hostile_text, hostile_text, st.lists(hostile_text, max_size=3), hostile_text)
def test_content_never_becomes_markup(title: str, outlet: str, tags: list[str], body: str) -> None:
    matter = {"title": "T " + title, "date": "2025-06-06", "source": outlet, "tags": tags}
    text = f"---\n{yaml.safe_dump(matter)}---\nTalks began on Monday. {body}\n"
    decoded, warnings = decode_content(text.encode(), "a.md")
    article, _ = parse_article(decoded, "articles/a.md", "a.md", CONFIG)
    timeline, _ = make_timeline(((article,), warnings))
    for page in render_site(timeline, CONFIG, THEME, None):
        if page.path.endswith(".html"):
            parser = _Markup()
            parser.feed(page.content.decode())
            made_by_content = [n for n in parser.names if CONTENT_NAME.fullmatch(n)]
            assert not made_by_content, (page.path, made_by_content)
            assert not re.search(rf"<[{CONTENT_LETTERS}]", page.content.decode()), page.path
        elif page.path.endswith(".xml"):
            ET.fromstring(page.content)
