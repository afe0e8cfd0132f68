"""The Pagefind step: an index of the records when it runs, a clear warning when it cannot."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import cbor2
import pytest

from generator import search
from generator.model import Filter, SearchRecord
from generator.searchable import Searchable, as_searchable

needs_pagefind = pytest.mark.skipif(
    importlib.util.find_spec("pagefind") is None, reason="pagefind is not installed"
)


def record(name: str, place: str = "Kyiv", kind: str = "events") -> SearchRecord:
    return SearchRecord(
        path=f"{kind}/{name}/index.html",
        kind="Entry" if kind == "events" else "Article",
        title=f"{place} talks {name}",
        date="2025-06-05",
        blocks=("Thursday 5 June 2025", f"Delegations met in {place}."),
        filters=(Filter("place", "Places", (place,)),),
    )


def ready(records: Iterable[SearchRecord]) -> list[Searchable]:
    """Records already made, as the index takes them."""
    return [as_searchable(r) for r in records]


def fragments(bundle: Path) -> dict[str, dict[str, Any]]:
    """The pages in one bundle, each its fragment by its URL."""
    found = [unpack_json(path) for path in (bundle / "fragment").glob("*.pf_fragment")]
    return {fragment["url"]: fragment for fragment in found}


def unpack_json(path: Path) -> Any:
    return json.loads(gzip.decompress(path.read_bytes())[len(search.MARKER) :])


def fake_pagefind(folder: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """Makes the pagefind package run `script` as its binary."""
    binary = folder / "fake-pagefind"
    binary.write_text("#!/bin/sh\n" + script + "\n")
    binary.chmod(binary.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(binary))


@needs_pagefind
def test_pagefind_indexes_the_records_in_one_bundle(tmp_path: Path) -> None:
    records = [record("talks"), record("report", "Lviv", kind="articles")]
    calls: list[int] = []
    assert search.index_site(tmp_path, lambda: calls.append(1) or ready(records), "en") == ()
    assert len(calls) == 1, "the records were made more than once"
    bundle = tmp_path / search.BUNDLE
    assert (bundle / "pagefind-ui.js").is_file()
    assert (bundle / search.PARTS_SCRIPT).read_text() == "window.datelineSearchParts = [];\n"
    found = fragments(bundle)
    assert set(found) == {"/events/talks/", "/articles/report/"}
    assert found["/events/talks/"]["content"] == (
        "Kyiv talks talks. Thursday 5 June 2025. Delegations met in Kyiv. Places: Kyiv."
    )
    assert found["/articles/report/"]["filters"] == {"kind": ["Article"], "place": ["Lviv"]}
    assert found["/articles/report/"]["meta"] == {
        "date": "2025-06-05",
        "title": "Lviv talks report",
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == [search.BUNDLE]


def bundles_of(site: Path) -> list[Path]:
    bundle = site / search.BUNDLE
    return [bundle, *sorted(bundle.glob("part-*"), key=lambda p: int(p.name.split("-")[1]))]


@needs_pagefind
def test_a_large_index_comes_in_parts_each_page_in_one(tmp_path: Path) -> None:
    records = [record(name) for name in "abcdefgh"]
    assert search.index_site(tmp_path, lambda: ready(records), "en", bytes_per_run=1) == ()
    parts = bundles_of(tmp_path)
    found = [set(fragments(part)) for part in parts]
    assert all(found) and sum(map(len, found)) == 8
    assert set().union(*found) == {f"/events/{n}/" for n in "abcdefgh"}
    script = (parts[0] / search.PARTS_SCRIPT).read_text()
    names = json.dumps([part.name + "/" for part in parts[1:]])
    assert script == f"window.datelineSearchParts = {names};\n"
    kept = {p.name for p in parts[1].iterdir()}
    assert kept == {"pagefind-entry.json", "fragment", "index", "filter"} | {
        p.name for p in parts[1].glob("*.pf_meta")
    }
    bundle = parts[0]
    assert (bundle / "pagefind-ui.js").is_file() and (bundle / "wasm.en.pagefind").is_file()


@needs_pagefind
def test_a_page_stays_in_its_part_when_others_come(tmp_path: Path) -> None:
    """Parts go by each page's path, not its place in the list, so one new entry leaves the
    other parts' pages, and so their cached indexes, as they were."""
    before, after = tmp_path / "before", tmp_path / "after"
    pages = [record(name) for name in "abcde"]
    budget = len(pages) * (10 * search.BYTES_PER_WORD + search.BYTES_PER_PAGE)
    for site, records in ((before, pages), (after, [record("new"), *pages])):
        site.mkdir()
        assert (
            search.index_site(site, lambda r=records: ready(r), "en", bytes_per_run=budget // 2)
            == ()
        )
    old = {frozenset(fragments(part)) for part in bundles_of(before)}
    new = {frozenset(set(fragments(part)) - {"/events/new/"}) for part in bundles_of(after)}
    assert len(old) >= 2 and new == old


@pytest.mark.parametrize(
    ("count", "budget", "parts"),
    [
        (0, 1, 0),
        (2, 2 * (10 * search.BYTES_PER_WORD + search.BYTES_PER_PAGE), 1),
        (2, 2 * (10 * search.BYTES_PER_WORD + search.BYTES_PER_PAGE) - 1, 2),
        (3, 1, 3),
    ],
)
def test_parts_keep_each_run_within_the_memory_budget(count: int, budget: int, parts: int) -> None:
    ten_words = SearchRecord("events/a/index.html", "Entry", "one two", "2025-06-05",
                             ("three four five six seven eight nine ten",))  # fmt: skip
    assert search.record_cost(ten_words) == 10 * search.BYTES_PER_WORD + search.BYTES_PER_PAGE
    assert search.part_count(count, count * search.record_cost(ten_words), budget) == parts


def test_the_records_are_made_once_and_dealt_to_parts_by_their_path(tmp_path: Path) -> None:
    made: list[str] = []

    def records() -> Iterator[SearchRecord]:
        for name in "abcdefghij":
            made.append(name)
            yield record(name)

    budget = 3 * search.record_cost(record("a"))  # ten pages: four parts
    parts = search._spool_parts(map(as_searchable, records()), tmp_path / "spool", "en", budget)
    assert made == list("abcdefghij")
    dealt = {part.name: [json.loads(line)["url"] for line in part.open()] for part in parts}
    expected: dict[str, list[str]] = {}
    for name in "abcdefghij":
        url = f"/events/{name}/"
        expected.setdefault(f"part-{zlib.crc32(url.encode()) % 4 + 1}.jsonl", []).append(url)
    assert dealt == expected and [p.name for p in parts] == sorted(expected)
    assert sorted(p.name for p in (tmp_path / "spool").iterdir()) == sorted(expected)


def test_a_site_without_entries_or_articles_says_search_is_skipped(tmp_path: Path) -> None:
    (warning,) = search.index_site(tmp_path, lambda: ready([]), "en")
    assert str(warning) == (
        "warning: search index skipped: no entries or articles to search "
        "(hint: add articles to the content folder and build again)"
    )
    assert not (tmp_path / "pagefind").exists()


def test_a_missing_pagefind_is_a_warning_with_a_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    (warning,) = search.index_site(tmp_path, lambda: ready([record("a")]), "en")
    assert str(warning) == (
        "warning: search index skipped: the pagefind package is not installed "
        "(hint: pip install 'pagefind[bin]', or set search = \"none\" in dateline.toml)"
    )


@needs_pagefind
@pytest.mark.parametrize(
    ("script", "reason"),
    [
        ("echo 'Error: no index for you' >&2; exit 1", "pagefind stopped: Error: no index for you"),
        (
            "head -c 1 >/dev/null; printf 'bm90IGpzb24=,'",
            "pagefind answered in an unknown format: JSONDecodeError(",
        ),
        ("/no/such/pagefind", "pagefind stopped: "),
    ],
)
def test_a_failing_pagefind_says_why_and_leaves_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, script: str, reason: str
) -> None:
    fake_pagefind(tmp_path, monkeypatch, script)
    site = tmp_path / "site"
    site.mkdir()
    (warning,) = search.index_site(site, lambda: ready([record("a")]), "en")
    assert warning.severity == "warning"
    assert warning.message.startswith(f"search index skipped: {reason}")
    assert list(site.iterdir()) == []


@needs_pagefind
def test_a_pagefind_that_hangs_is_stopped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_pagefind(tmp_path, monkeypatch, "exec sleep 30")
    monkeypatch.setattr(search, "TIMEOUT_SECONDS", 0.5)
    site = tmp_path / "site"
    site.mkdir()
    (warning,) = search.index_site(site, lambda: ready([record("a")]), "en")
    assert warning.message == "search index skipped: pagefind stopped: no answer"


@needs_pagefind
def test_a_part_that_fails_takes_the_whole_index_with_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from pagefind.service import get_executable

    ran = tmp_path / "ran-once"
    fake_pagefind(
        tmp_path, monkeypatch, f'[ -e {ran} ] && exit 3; touch {ran}; exec {get_executable()} "$@"'
    )
    site = tmp_path / "site"
    site.mkdir()
    (warning,) = search.index_site(
        site, lambda: ready([record("a"), record("b")]), "en", bytes_per_run=1
    )
    assert warning.message == "search index skipped: pagefind stopped: no answer"
    assert list(site.iterdir()) == []


def pack(payload: object) -> bytes:
    return gzip.compress(search.MARKER + cbor2.dumps(payload), mtime=0)


def pagefind_like_bundle(
    places: list[list[Any]], kinds: list[list[Any]]
) -> list[tuple[str, bytes]]:
    """A bundle's files as Pagefind 1.5 writes them: filters in the order given, under made-up
    names."""
    meta = ["1.5.2", [["en_1234567", 10]], [["a", "z", "en_7654321"]],
            [["place", "en_aaaaaaa"], ["kind", "en_bbbbbbb"]], [], ["title"]]  # fmt: skip
    entry = {"version": "1.5.2", "languages": {"en": {"hash": "en_0123456789", "page_count": 2}}}
    return [
        ("filter/en_aaaaaaa.pf_filter", pack(["place", places])),
        ("filter/en_bbbbbbb.pf_filter", pack(["kind", kinds])),
        ("pagefind.en_0123456789.pf_meta", pack(meta)),
        ("index/en_1234567.pf_index", b"untouched"),
        ("pagefind-entry.json", json.dumps(entry, separators=(",", ":")).encode()),
    ]


def bundle_files(bundle: Path) -> dict[str, bytes]:
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*.*")}


def unpacked(data: bytes) -> Any:
    return cbor2.loads(gzip.decompress(data)[len(search.MARKER) :])


def test_filter_values_in_any_order_give_the_same_bytes() -> None:
    places = [["Kyiv", [1, 0]], ["Istanbul", [1]], ["Ärger", [0]]]
    kinds = [["Entry", [1]], ["Article", [0]]]
    one = dict(search.normalised(pagefind_like_bundle(places, kinds)))
    two = dict(search.normalised(pagefind_like_bundle(places[::-1], kinds[::-1])))
    assert one == two
    (meta_name,) = [name for name in one if name.endswith(".pf_meta")]
    meta = unpacked(one[meta_name])
    assert meta[3] == [["kind", "en_" + sha1(one, meta, "kind")[:7]],
                       ["place", "en_" + sha1(one, meta, "place")[:7]]]  # fmt: skip
    assert unpacked(one[f"filter/{meta[3][1][1]}.pf_filter"]) == [
        "place", [["Istanbul", [1]], ["Kyiv", [0, 1]], ["Ärger", [0]]]
    ]  # fmt: skip
    assert meta[:3] + meta[4:] == [
        "1.5.2",
        [["en_1234567", 10]],
        [["a", "z", "en_7654321"]],
        [],
        ["title"],
    ]
    entry = json.loads(one["pagefind-entry.json"])
    assert meta_name == f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    assert hashlib.sha1(gzip.decompress(one[meta_name])[12:]).hexdigest()[:10] in meta_name
    assert sorted(one) == sorted(
        ["pagefind-entry.json", meta_name, "index/en_1234567.pf_index"]
        + [f"filter/{h}.pf_filter" for _, h in meta[3]]
    ), "the old filter and metadata files are gone, the others kept"
    assert one["index/en_1234567.pf_index"] == b"untouched"


def sha1(files: dict[str, bytes], meta: Any, name: str) -> str:
    """The SHA-1 of the CBOR of the filter index `name` listed in the metadata index."""
    (hash_,) = [h for n, h in meta[3] if n == name]
    payload = gzip.decompress(files[f"filter/{hash_}.pf_filter"])
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


@needs_pagefind
def test_a_real_index_is_normalised_and_normalising_again_changes_nothing(tmp_path: Path) -> None:
    records = [
        record(name, place) for name, place in [("a", "Kyiv"), ("b", "Istanbul"), ("c", "Ternopil")]
    ]
    assert search.index_site(tmp_path, lambda: ready(records), "en") == ()
    bundle = tmp_path / "pagefind"
    files = bundle_files(bundle)
    (meta_name,) = [name for name in files if name.endswith(".pf_meta")]
    kind_and_place = unpacked(files[meta_name])[3]
    assert [name for name, _ in kind_and_place] == ["kind", "place"]
    place_hash = kind_and_place[1][1]
    values = unpacked(files[f"filter/{place_hash}.pf_filter"])[1]
    assert [value for value, _ in values] == ["Istanbul", "Kyiv", "Ternopil"]
    assert place_hash == "en_" + sha1(files, unpacked(files[meta_name]), "place")[:7]
    assert dict(search.normalised(sorted(files.items()))) == files


def test_an_index_in_an_unknown_format_is_a_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    written = pagefind_like_bundle([["Kyiv", [0]]], [["Entry", [0]]])
    written[1] = ("filter/en_bbbbbbb.pf_filter", gzip.compress(b"pagefind_dcx"))
    monkeypatch.setattr(search, "_executable", lambda: Path("pagefind"))
    monkeypatch.setattr(search, "_run_pagefind", lambda *_: written)
    (warning,) = search.index_site(tmp_path, lambda: ready([record("a")]), "en")
    assert str(warning) == (
        "warning: search index not normalised: unexpected Pagefind output: "
        "en_bbbbbbb.pf_filter does not start with pagefind_dcd (hint: search works, but two "
        "builds may differ; pin pagefind to a 1.x release)"
    )
    assert dict(written).items() <= bundle_files(tmp_path / "pagefind").items(), "kept as written"
