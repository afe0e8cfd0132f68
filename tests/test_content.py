"""Loading articles: front matter made explicit, and every problem named with file and line."""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from generator import matter
from generator.config import Config
from generator.content import load_articles, parse_article
from generator.errors import ContentError

CONFIG = Config(timezone="Europe/Kyiv")


def parse(text: str) -> object:
    article, _ = parse_article(text, "articles/a.md", "content/articles/a.md", CONFIG)
    return article


def error_of(text: str) -> str:
    with pytest.raises(ContentError) as caught:
        parse(text)
    return str(caught.value)


def test_front_matter_becomes_an_article_with_the_body_verbatim() -> None:
    text = "---\ntitle: Strikes\ndate: 2025-06-06\ntags: [war, kyiv]\nsource: Outlet\n---\n\nBody *here*.\n"
    article = parse(text)
    assert article.title == "Strikes"  # type: ignore[attr-defined]
    assert article.published == datetime(2025, 6, 6, tzinfo=ZoneInfo("Europe/Kyiv"))  # type: ignore[attr-defined]
    assert article.tags == ("war", "kyiv")  # type: ignore[attr-defined]
    assert article.body == "\nBody *here*.\n"  # type: ignore[attr-defined]
    assert article.body_line == 7  # type: ignore[attr-defined]
    assert article.timezone == "Europe/Kyiv"  # type: ignore[attr-defined]


def test_a_full_iso_datetime_with_offset_is_kept_in_the_articles_time_zone() -> None:
    article = parse("---\ntitle: T\ndate: 2025-06-06T07:30:00+00:00\ntimezone: Europe/Kyiv\n---\nx")
    assert article.published.isoformat() == "2025-06-06T10:30:00+03:00"  # type: ignore[attr-defined]


def test_a_written_out_date_is_read_with_explicit_settings() -> None:
    article = parse("---\ntitle: T\ndate: 6 June 2025\n---\nx")
    assert article.published.date().isoformat() == "2025-06-06"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: T\n---\nbody",
         "content/articles/a.md:1: error: missing publication date "
         "(hint: add 'date: YYYY-MM-DD' to the front matter)"),
        ("---\ntitle: T\ndate: Fryday\n---\nbody",
         "content/articles/a.md:3: error: date 'Fryday' is not a date (hint: use YYYY-MM-DD)"),
        ("---\ntitle: T\ndate: 2025-02-30\n---\nbody",
         "content/articles/a.md:3: error: date '2025-02-30' is not a date (hint: use YYYY-MM-DD)"),
        ("---\ntitle: T\ndate: 2025-06-06\nbody without a closing line\n",
         "content/articles/a.md:1: error: front matter is not closed "
         "(hint: add a line '---' after the last front matter key)"),
        ("title: T\ndate: 2025-06-06\n",
         "content/articles/a.md:1: error: file does not start with front matter "
         "(hint: begin the file with a '---' line, then 'title:' and 'date:', then '---')"),
        ("---\ntitle: T\ndate: 2025-06-06\ntags: [a, b\n---\nbody",
         "content/articles/a.md:4: error: front matter is not valid YAML: "
         "expected ',' or ']', but got '<stream end>' "
         "(hint: check quoting and indentation; values with ':' need quotes)"),
        ("---\ndate: 2025-06-06\n---\nbody",
         "content/articles/a.md:1: error: missing title (hint: add 'title: ...' to the front matter)"),
        ("---\ntitle: [a, b]\ndate: 2025-06-06\n---\nbody",
         "content/articles/a.md:2: error: 'title' must be a single value, not a list"),
        ("---\ntitle: T\ndate: 2025-06-06\ntimezone: Mars/Olympus\n---\nbody",
         "content/articles/a.md:4: error: timezone 'Mars/Olympus' is not a known time zone "
         "(hint: use an IANA name like Europe/Kyiv)"),
    ],
)  # fmt: skip
def test_broken_front_matter_is_an_error_naming_file_and_line(text: str, message: str) -> None:
    assert error_of(text) == message


def test_an_unknown_key_is_a_warning_not_an_error() -> None:
    _, warnings = parse_article(
        "---\ntitle: T\ndate: 2025-06-06\nauthor: Me\n---\nx", "a.md", "a.md", CONFIG
    )
    assert [str(w) for w in warnings] == ["a.md:4: warning: unknown front matter key 'author'"]


def test_crlf_line_ends_and_a_bom_are_read_like_plain_files(write_article) -> None:  # type: ignore[no-untyped-def]
    content: Path = write_article("a.md", "")
    (content / "articles" / "a.md").write_bytes(
        b"\xef\xbb\xbf---\r\ntitle: T\r\ndate: 2025-06-06\r\n---\r\nBody.\r\n"
    )
    articles, problems = load_articles(content, CONFIG)
    assert problems == ()
    assert articles[0].body == "Body.\n"


def test_one_bad_file_does_not_hide_the_others(
    write_article, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    write_article("good.md", "---\ntitle: Good\ndate: 2025-06-06\n---\nBody.")
    write_article("bad.md", "---\ntitle: Bad\n---\nBody.")
    content: Path = write_article("latin1.md", "")
    (content / "articles" / "latin1.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    articles, problems = load_articles(content, CONFIG)
    assert [a.title for a in articles] == ["Good"]
    assert sorted(str(p) for p in problems) == [
        "content/articles/bad.md:1: error: missing publication date "
        "(hint: add 'date: YYYY-MM-DD' to the front matter)",
        "content/articles/latin1.md:2:11: error: file is not UTF-8 (byte 14 is 0xe9) "
        "(hint: save the file as UTF-8)",
    ]


@pytest.mark.parametrize(
    "front",
    [
        "title: Kyiv\ndate: 2025-06-06\ntags: [war, energy]",
        "title: 'Quoted: with a colon'\ndate: 2025-06-06T21:30:00+03:00\nurl: https://e.com/a?b=c",
        "title: Київ під обстрілом\nsummary: |\n  Two lines\n  of text\nplaces:\n  - Odesa\n  - Kharkiv",
        "base: &b {outlet: Reuters}\nsource: *b\ncount: 0x1F\nratio: 1.5e3\nflag: off\nnone: ~",
    ],
)
def test_front_matter_reads_the_same_with_libyaml_as_without(front: str) -> None:
    fast = yaml.load(front, Loader=matter._FastPlainYAMLLoader)
    assert fast == yaml.load(front, Loader=matter._PlainYAMLLoader)
    assert all(not isinstance(value, (dt.date, dt.datetime)) for value in fast.values())
