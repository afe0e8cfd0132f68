"""The search index of the seed site: every entry and article, as a reader searches them."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator import search
from generator.cli import main
from generator.config import load_config
from generator.pipeline import check
from generator.text import plain_text, split_sentences

from .conftest import ROOT

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pagefind") is None, reason="pagefind is not installed"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    result = CliRunner().invoke(
        main, ["build", "--content", str(ROOT / "content"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


def indexed(site: Path) -> dict[str, dict[str, Any]]:
    """The pages in the search index, each its fragment (content, filters, meta) by its URL."""
    fragments = [
        json.loads(gzip.decompress(path.read_bytes())[len(search.MARKER) :])
        for path in (site / search.BUNDLE / "fragment").glob("*.pf_fragment")
    ]
    return {fragment["url"]: fragment for fragment in fragments}


def test_every_entry_and_article_is_indexed_and_nothing_else(site: Path) -> None:
    seed, _ = check(load_config(ROOT / "dateline.toml"))
    entries = {f"/events/{event.id}/" for event in seed.events}
    articles = {f"/articles/{reading.article.slug}/" for reading in seed.readings}
    assert set(indexed(site)) == entries | articles
    for address in indexed(site):
        assert (site / address.strip("/") / "index.html").is_file()
    assert not (site / search.SPOOL).exists()


def test_entries_carry_their_filters_date_and_words_apart(site: Path) -> None:
    seed, _ = check(load_config(ROOT / "dateline.toml"))
    fragments = indexed(site)
    for event in seed.events:
        fragment = fragments[f"/events/{event.id}/"]
        assert fragment["filters"]["kind"] == ["Entry"]
        assert fragment["filters"].get("place", []) == list(event.places)
        assert fragment["filters"].get("tag", []) == list(event.tags)
        assert fragment["meta"] == {
            "title": event.title,
            "date": event.when.start.date().isoformat(),
        }
        content = fragment["content"]
        assert event.summary in content
        if event.places:
            assert f"Places: {', '.join(event.places)}." in content
        for source in event.sources:
            assert source.quote in content
            assert (source.outlet or source.title) in fragment["filters"]["source"]


def test_articles_keep_their_dated_phrases_in_their_sentences(site: Path) -> None:
    """Pagefind once indexed each sentence of an article page as an anchor without the dated
    phrase linked inside it ("In , a convoy..."); a record has whole sentences and no anchors."""
    seed, _ = check(load_config(ROOT / "dateline.toml"))
    fragments = indexed(site)
    for reading in seed.readings:
        fragment = fragments[f"/articles/{reading.article.slug}/"]
        assert fragment["filters"]["kind"] == ["Article"]
        assert fragment["meta"]["date"] == reading.article.published.date().isoformat()
        assert fragment["anchors"] == []
        phrases = {timex.text for timex in reading.timexes}
        dated = [s.text for s in split_sentences(plain_text(reading.article.body))
                 if any(phrase in s.text for phrase in phrases)]  # fmt: skip
        assert dated
        for sentence in dated:
            assert " ".join(sentence.split()) in fragment["content"]


def test_results_can_be_sorted_by_date(site: Path) -> None:
    (meta_file,) = (site / search.BUNDLE).glob("pagefind.*.pf_meta")
    meta = gzip.decompress(meta_file.read_bytes())[len(search.MARKER) :]
    assert b"date" in meta
