"""The Pagefind step: an index when it runs, a clear warning when it cannot."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import subprocess
from pathlib import Path
from typing import Any

import cbor2
import pytest

from generator import search


def test_pagefind_indexes_a_folder_of_pages(tmp_path: Path) -> None:
    if importlib.util.find_spec("pagefind") is None:
        pytest.skip("pagefind is not installed")
    write_page(tmp_path / "events" / "talks", "<h1>Istanbul talks</h1>")
    assert search.index_site(tmp_path) == ()
    assert (tmp_path / "pagefind" / "pagefind-ui.js").is_file()


def write_page(folder: Path, body: str) -> None:
    """An index.html in folder whose body Pagefind indexes."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(
        f"<html lang=en><body><main data-pagefind-body>{body}</main></body></html>"
    )


def test_a_site_without_entries_or_articles_says_search_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html lang=en><body><h1>Timeline</h1></body></html>")
    (warning,) = search.index_site(tmp_path)
    assert str(warning) == (
        "warning: search index skipped: no entries or articles to search "
        "(hint: add articles to the content folder and build again)"
    )
    assert not (tmp_path / "pagefind").exists()


def test_a_missing_pagefind_is_a_warning_with_a_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    (warning,) = search.index_site(tmp_path)
    assert str(warning) == (
        "warning: search index skipped: the pagefind package is not installed "
        "(hint: pip install 'pagefind[bin]', or set search = \"none\" in dateline.toml)"
    )


def test_a_failing_pagefind_says_why(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def failed(*args: Any, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(args, 1, "", "Error: no html files\n")

    monkeypatch.setattr(subprocess, "run", failed)
    write_page(tmp_path / "articles" / "talks", "<h1>Istanbul talks</h1>")
    (warning,) = search.index_site(tmp_path)
    assert warning.severity == "warning"
    assert warning.message == "search index skipped: pagefind failed: Error: no html files"


def pack(payload: object) -> bytes:
    return gzip.compress(search.MARKER + cbor2.dumps(payload), mtime=0)


def unpack(path: Path) -> Any:
    return cbor2.loads(gzip.decompress(path.read_bytes())[len(search.MARKER) :])


def pagefind_like_bundle(folder: Path, places: list[list[Any]], kinds: list[list[Any]]) -> Path:
    """A bundle as Pagefind 1.5 writes it: filters in the order given, under made-up names."""
    bundle = folder / "pagefind"
    (bundle / "filter").mkdir(parents=True)
    (bundle / "filter" / "en_aaaaaaa.pf_filter").write_bytes(pack(["place", places]))
    (bundle / "filter" / "en_bbbbbbb.pf_filter").write_bytes(pack(["kind", kinds]))
    meta = ["1.5.2", [["en_1234567", 10]], [["a", "z", "en_7654321"]],
            [["place", "en_aaaaaaa"], ["kind", "en_bbbbbbb"]], [], ["title"]]  # fmt: skip
    (bundle / "pagefind.en_0123456789.pf_meta").write_bytes(pack(meta))
    entry = {"version": "1.5.2", "languages": {"en": {"hash": "en_0123456789", "page_count": 2}}}
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry, separators=(",", ":")))
    return bundle


def bundle_files(bundle: Path) -> dict[str, bytes]:
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*.*")}


def test_filter_values_in_any_order_give_the_same_bytes(tmp_path: Path) -> None:
    places = [["Kyiv", [1, 0]], ["Istanbul", [1]], ["Ärger", [0]]]
    kinds = [["Entry", [1]], ["Article", [0]]]
    one = pagefind_like_bundle(tmp_path / "one", places, kinds)
    two = pagefind_like_bundle(tmp_path / "two", places[::-1], kinds[::-1])
    search.normalise_index(one)
    search.normalise_index(two)
    assert bundle_files(one) == bundle_files(two)
    (meta_file,) = one.glob("pagefind.*.pf_meta")
    meta = unpack(meta_file)
    assert meta[3] == [["kind", "en_" + sha1(meta_file, "kind")[:7]],
                       ["place", "en_" + sha1(meta_file, "place")[:7]]]  # fmt: skip
    assert unpack(one / "filter" / f"{meta[3][1][1]}.pf_filter") == [
        "place", [["Istanbul", [1]], ["Kyiv", [0, 1]], ["Ärger", [0]]]
    ]  # fmt: skip
    assert meta[:3] + meta[4:] == [
        "1.5.2",
        [["en_1234567", 10]],
        [["a", "z", "en_7654321"]],
        [],
        ["title"],
    ]
    entry = json.loads((one / "pagefind-entry.json").read_text())
    assert meta_file.name == f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    assert (
        hashlib.sha1(gzip.decompress(meta_file.read_bytes())[12:]).hexdigest()[:10]
        in meta_file.name
    )
    assert sorted(p.name for p in (one / "filter").iterdir()) == sorted(
        f"{h}.pf_filter" for _, h in meta[3]
    )


def sha1(meta_file: Path, name: str) -> str:
    """The SHA-1 of the CBOR of the filter index `name` listed in the metadata index."""
    (hash_,) = [h for n, h in unpack(meta_file)[3] if n == name]
    payload = gzip.decompress((meta_file.parent / "filter" / f"{hash_}.pf_filter").read_bytes())
    return hashlib.sha1(payload[len(search.MARKER) :]).hexdigest()


@pytest.mark.parametrize(
    ("taken", "expected"),
    [
        (set(), "en_abcdef1"),
        ({"en_abcdef1"}, "en_abcdef12"),
        ({"en_abcdef1", "en_abcdef12"}, "en_abcdef123"),
    ],
)
def test_a_clashing_short_name_grows_a_digit_at_a_time(taken: set[str], expected: str) -> None:
    assert search._unique("en_abcdef1234", 10, taken) == expected
    assert expected in taken


def test_a_real_index_is_normalised_and_normalising_again_changes_nothing(tmp_path: Path) -> None:
    if importlib.util.find_spec("pagefind") is None:
        pytest.skip("pagefind is not installed")
    for name, place in [("a", "Kyiv"), ("b", "Istanbul"), ("c", "Ternopil")]:
        body = f'<h1>{place} talks</h1><span data-pagefind-filter="place">{place}</span>'
        write_page(tmp_path / "events" / name, body)
    assert search.index_site(tmp_path) == ()
    bundle = tmp_path / "pagefind"
    (meta_file,) = bundle.glob("pagefind.*.pf_meta")
    ((_, place_hash),) = unpack(meta_file)[3]
    values = unpack(bundle / "filter" / f"{place_hash}.pf_filter")[1]
    assert [value for value, _ in values] == ["Istanbul", "Kyiv", "Ternopil"]
    assert place_hash == "en_" + sha1(meta_file, "place")[:7]
    before = bundle_files(bundle)
    search.normalise_index(bundle)
    assert bundle_files(bundle) == before


def test_an_index_in_an_unknown_format_is_a_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def ran(*args: Any, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(subprocess, "run", ran)
    write_page(tmp_path / "events" / "talks", "<h1>Istanbul talks</h1>")
    bundle = pagefind_like_bundle(tmp_path, [["Kyiv", [0]]], [["Entry", [0]]])
    (bundle / "filter" / "en_bbbbbbb.pf_filter").write_bytes(gzip.compress(b"pagefind_dcx"))
    (warning,) = search.index_site(tmp_path)
    assert str(warning) == (
        "warning: search index not normalised: unexpected Pagefind output: "
        "en_bbbbbbb.pf_filter does not start with pagefind_dcd (hint: search works, but two "
        "builds may differ; pin pagefind to a 1.x release)"
    )
