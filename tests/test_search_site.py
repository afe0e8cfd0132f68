"""The search index of the seed site: every entry and article, with its filters, and nothing else."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator import search
from generator.cli import main

from .conftest import ROOT

FILTER = re.compile(r'data-pagefind-filter="(\w+)')
DATE = re.compile(r'data-pagefind-meta="date:([0-9-]+)"')
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


def url(site: Path, page: Path) -> str:
    """The address Pagefind gives a page: its folder, without index.html."""
    return "/" + page.parent.relative_to(site).as_posix() + "/"


def test_exactly_the_pages_with_a_search_body_are_indexed(site: Path) -> None:
    pages = [p for p in site.rglob("*.html") if search.BUNDLE not in p.relative_to(site).parts]
    searchable = {url(site, p) for p in pages if "data-pagefind-body" in p.read_text()}
    assert {u.split("/")[1] for u in searchable} == set(search.INDEXED_FOLDERS)
    assert set(indexed(site)) == searchable
    listings = [p for p in pages if p.relative_to(site).parts[0] not in search.INDEXED_FOLDERS]
    assert {"index.html", "places", "tags", "sources"} <= {
        p.relative_to(site).parts[0] for p in listings
    }
    assert not {url(site, p) for p in listings} & set(indexed(site))


def test_entries_and_articles_carry_their_filters_and_date(site: Path) -> None:
    fragments = indexed(site)
    kinds = {u: f["filters"]["kind"] for u, f in fragments.items()}
    assert {u.split("/")[1]: k for u, k in kinds.items()} == {
        "events": ["Entry"],
        "articles": ["Article"],
    }
    for address, fragment in fragments.items():
        html = (site / address.strip("/") / "index.html").read_text()
        assert set(fragment["filters"]) == set(FILTER.findall(html))
        assert fragment["meta"]["date"] == DATE.search(html)[1]  # type: ignore[index]
    kyiv = [f for f in fragments.values() if "Kyiv" in f["filters"].get("place", [])]
    assert kyiv and all("Kyiv" in f["content"] for f in kyiv)


def test_results_can_be_sorted_by_date(site: Path) -> None:
    (meta_file,) = (site / search.BUNDLE).glob("pagefind.*.pf_meta")
    meta = gzip.decompress(meta_file.read_bytes())[len(search.MARKER) :]
    assert b"date" in meta
