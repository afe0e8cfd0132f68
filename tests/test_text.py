"""Markdown to plain text that maps back into the body, and sentences that keep their offsets."""

from __future__ import annotations

import pytest

from generator.text import plain_text, split_sentences


def body_of(body: str, sentence_index: int) -> str:
    plain = plain_text(body)
    sentence = split_sentences(plain)[sentence_index]
    span = plain.span_to_body(sentence.span)
    return body[span.start : span.end]


def test_markdown_syntax_is_removed_and_offsets_point_into_the_body() -> None:
    body = "# Heading\n\nSome *bold* text with [a link](http://x.org) here.\nNext line.\n"
    plain = plain_text(body)
    assert plain.text == "Heading\n\nSome bold text with a link here. Next line."
    assert body_of(body, 1) == "Some *bold* text with [a link](http://x.org) here."
    start = plain.text.index("link")
    assert body[plain.to_body(start) : plain.to_body(start) + 4] == "link"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Mr. Putin spoke. Then he left.", ["Mr. Putin spoke.", "Then he left."]),
        ("It hit the U.S. Embassy on Jan. 5. Nobody was hurt.",
         ["It hit the U.S. Embassy on Jan. 5.", "Nobody was hurt."]),
        ("“We will act. We must,” he said. Later, talks began.",
         ["“We will act. We must,” he said.", "Later, talks began."]),
        ("First paragraph\n\nsecond one", ["First paragraph", "second one"]),
        ("Is it over? Nobody knows!", ["Is it over?", "Nobody knows!"]),
        ("Gen. J. Smith arrived at 5 p.m. on Friday.", ["Gen. J. Smith arrived at 5 p.m. on Friday."]),
    ],
)  # fmt: skip
def test_sentences_split_at_ends_not_at_abbreviations_or_inside_quotes(
    text: str, sentences: list[str]
) -> None:
    assert [s.text for s in split_sentences(plain_text(text))] == sentences


def test_list_items_and_headings_are_separate_paragraphs() -> None:
    plain = plain_text("Intro line\n- one item\n- two item\n## Head\ntext")
    assert [s.paragraph for s in split_sentences(plain)] == [0, 1, 2, 3, 4]


def test_code_blocks_are_not_read() -> None:
    assert plain_text("Before.\n\n```\nMonday 3 June\n```\n\nAfter.").text == "Before.\n\nAfter."


def test_reference_links_keep_their_text_and_definitions_are_not_text() -> None:
    body = "The [ministry][1] said so.\n\n[1]: https://example.org/ministry\n"
    assert plain_text(body).text == "The ministry said so."
