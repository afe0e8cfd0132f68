"""Links out of the site: text fragments and JSON-LD that cannot break out of its script."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.config import Config
from generator.escaping import script_json
from generator.linking import FRAGMENT_WORDS, event_json_ld, text_fragment_url


@pytest.mark.parametrize(("url", "sentence", "expected"), [
    ("https://a.example/x", "Talks began in Istanbul.", "https://a.example/x#:~:text=Talks%20began%20in%20Istanbul."),
    ("https://a.example/x#top", "A short-lived truce, 2 days", "https://a.example/x#:~:text=A%20short%2Dlived%20truce%2C%202%20days"),
    ("https://a.example/x", "one two three four five six seven eight nine ten eleven twelve",
     "https://a.example/x#:~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve"),
    ("https://a.example/x", "  ", "https://a.example/x"),
])  # fmt: skip
def test_text_fragments_quote_the_sentence(url: str, sentence: str, expected: str) -> None:
    assert text_fragment_url(url, sentence) == expected


def test_json_ld_cannot_close_its_script_element() -> None:
    text = script_json({"name": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> & <!--"}


def test_json_ld_describes_the_entry_as_a_schema_org_event() -> None:
    source = {"title": "T", "published": "2025-06-06T00:00:00+03:00", "url": None, "outlet": "Wire"}
    event = {"title": "Strike", "summary": "S", "start": "2025-06-05T21:00:00+03:00",
             "end": "2025-06-06T06:00:00+03:00", "url": "events/x/", "places": ["Kyiv"],
             "tags": ["war"], "sources": [source]}  # fmt: skip
    document = json.loads(event_json_ld(event, Config(base_url="https://e.example/t/")))
    assert document["@type"] == "Event" and document["url"] == "https://e.example/t/events/x/"
    assert document["location"] == [{"@type": "Place", "name": "Kyiv"}]
    assert document["subjectOf"][0]["publisher"] == {"@type": "Organization", "name": "Wire"}


@given(st.text().filter(lambda text: text.split()))
def test_a_short_sentence_is_quoted_as_urllib_quotes_it(sentence: str) -> None:
    words = " ".join(sentence.split()[:FRAGMENT_WORDS])
    expected = quote(words, safe="").replace("-", "%2D")
    assert (
        text_fragment_url("https://a.example/", words) == f"https://a.example/#:~:text={expected}"
    )
