"""The readings cache: a build rewrites only the shards whose articles changed, and a shard that
is corrupt or from other code is discarded with a warning and only its articles read again."""

from __future__ import annotations

import io
import os
import pickle
import time
from pathlib import Path

import pytest

from generator import readings_cache
from generator.cache import BY_CONSTRUCTOR
from generator.config import Config, load_config
from generator.content import article_files
from generator.model import Article, Reading
from generator.reading import Work, article_work, read_articles
from generator.readings_cache import READINGS_DIR, load_readings, shard_of
from tests.test_reading import _make_corpus

Shards = dict[str, int]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shards")
    _make_corpus(30, root)
    return root


@pytest.fixture
def config(corpus: Path) -> Config:
    return load_config(corpus / "dateline.toml")


@pytest.fixture
def work(config: Config) -> list[Work]:
    return article_work(article_files(config.content_dir), config)


@pytest.fixture
def read_again(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the articles read, not taken from the cache."""
    from generator import reading

    paths: list[str] = []
    real = reading.read_article

    def counted(article: Article) -> Reading:
        paths.append(article.path)
        return real(article)

    monkeypatch.setattr(reading, "read_article", counted)
    return paths


def _read(work: list[Work], config: Config, cache: Path) -> tuple[tuple[Reading, ...], list[str]]:
    readings, diagnostics = read_articles(work, config, jobs=1, cache_dir=cache)
    return readings, [str(d) for d in diagnostics if "cache" in d.message]


def _shards(cache: Path) -> Shards:
    """Each shard file and its inode: a rewritten shard is a new file (written, then renamed)."""
    return {p.name: p.stat().st_ino for p in (cache / READINGS_DIR).glob("*.pickle")}


def _changed(before: Shards, after: Shards) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def _shard_files(keys: set[str]) -> set[str]:
    return {f"{shard_of(key)}.pickle" for key in keys}


def test_a_build_rewrites_only_the_shards_whose_articles_changed(
    corpus: Path, config: Config, work: list[Work], tmp_path: Path, read_again: list[str]
) -> None:
    cold, _ = _read(work, config, tmp_path)
    before = _shards(tmp_path)
    assert 1 < len(before) <= 30
    article = work[0].path
    original = article.read_text(encoding="utf-8")
    article.write_text(original + "\nOn Tuesday, the council voted to reopen it.\n")
    try:
        edited = article_work(article_files(config.content_dir), config)
        read_again.clear()
        _read(edited, config, tmp_path)
    finally:
        article.write_text(original, encoding="utf-8")
    assert read_again == [cold[0].article.path]
    assert _changed(before, _shards(tmp_path)) == _shard_files({work[0].key, edited[0].key})
    stored = load_readings(tmp_path, [work[0].key, edited[0].key])
    # The shard may hold other articles' entries too: only the edited one's two keys are asked.
    assert edited[0].key in stored.entries
    assert work[0].key not in stored.entries, "the old reading's entry is dropped"


def test_an_unchanged_build_rewrites_no_shard(
    config: Config, work: list[Work], tmp_path: Path, read_again: list[str]
) -> None:
    cold, _ = _read(work, config, tmp_path)
    before = _shards(tmp_path)
    read_again.clear()
    cached, warnings = _read(work, config, tmp_path)
    assert (read_again, warnings, _shards(tmp_path)) == ([], [], before)
    assert cached == cold


def test_removing_articles_drops_their_entries_and_a_shard_left_empty(
    config: Config, work: list[Work], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readings_cache, "SHARD_DIGITS", 1)  # 16 shards: some hold several
    _read(work, config, tmp_path)
    by_shard: dict[str, list[Work]] = {}
    for item in work:
        by_shard.setdefault(shard_of(item.key), []).append(item)
    fewest, most = sorted(by_shard.values(), key=len)[0], sorted(by_shard.values(), key=len)[-1]
    assert len(most) > 1 and fewest is not most
    removed = [*fewest, most[0]]
    before = _shards(tmp_path)
    kept = [w for w in work if w not in removed]
    _read(kept, config, tmp_path)
    after = _shards(tmp_path)
    assert _changed(before, after) == _shard_files({w.key for w in removed})
    assert f"{shard_of(fewest[0].key)}.pickle" not in after, "a shard left empty is removed"
    entries = load_readings(tmp_path, [w.key for w in work]).entries
    assert set(entries) == {w.key for w in kept}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a pickle", "cache is unreadable (UnpicklingError)"),
        (b"", "cache is unreadable (EOFError)"),
        (pickle.dumps(["a list"]), "cache was written by another version of Dateline"),
        (
            pickle.dumps(("dateline-readings-1", "another version", {})),
            "cache was written by another version of Dateline",
        ),
    ],
)
def test_a_corrupt_shard_is_discarded_with_a_warning_and_only_its_articles_read_again(
    config: Config,
    work: list[Work],
    tmp_path: Path,
    read_again: list[str],
    content: bytes,
    message: str,
) -> None:
    cold, _ = _read(work, config, tmp_path)
    key = work[3].key
    shard = tmp_path / READINGS_DIR / f"{shard_of(key)}.pickle"
    shard.write_bytes(content)
    read_again.clear()
    again, warnings = _read(work, config, tmp_path)
    assert warnings == [f"{shard.as_posix()}: warning: {message}; it is discarded and rebuilt"]
    in_shard = [
        r.article.path for w, r in zip(work, cold, strict=True) if shard_of(w.key) == shard_of(key)
    ]
    assert read_again == in_shard
    assert again == cold
    assert load_readings(tmp_path, [key]).warnings == ()


def test_entries_of_the_wrong_type_or_shard_are_not_trusted(
    config: Config, work: list[Work], tmp_path: Path
) -> None:
    _read(work, config, tmp_path)
    shard = tmp_path / READINGS_DIR / f"{shard_of(work[0].key)}.pickle"
    magic, version, _ = pickle.loads(shard.read_bytes())
    for entries in ({work[0].key: "not a reading"}, {"zz" + work[0].key[2:]: None}):
        shard.write_bytes(pickle.dumps((magic, version, pickle.dumps(entries))))
        stored = load_readings(tmp_path, [work[0].key])
        assert stored.entries == {}
        assert [w.message for w in stored.warnings] == [
            "cache was written by another version of Dateline; it is discarded and rebuilt"
        ]


def test_shards_of_another_version_are_discarded_with_one_warning(
    config: Config,
    work: list[Work],
    tmp_path: Path,
    read_again: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(readings_cache, "code_version", lambda: "another version")
        cold, _ = _read(work, config, tmp_path)
    shards = len(_shards(tmp_path))
    read_again.clear()
    again, warnings = _read(work, config, tmp_path)
    folder = (tmp_path / READINGS_DIR).as_posix()
    assert warnings == [
        f"{folder}: warning: cache was written by another version of Dateline ({shards} shards);"
        " it is discarded and rebuilt"
    ]
    assert len(read_again) == len(work)
    assert again == cold
    assert _read(work, config, tmp_path)[1] == []


def test_the_cache_of_one_file_from_before_shards_is_removed(
    config: Config, work: list[Work], tmp_path: Path
) -> None:
    old = tmp_path / "readings.pickle"
    old.write_bytes(pickle.dumps(("dateline-readings-1", "a version", {})))
    _read(work, config, tmp_path)
    assert not old.exists()
    assert (tmp_path / ".gitignore").read_text().splitlines()[-1] == "*"


def test_temporary_shards_a_killed_build_left_are_removed_and_a_young_one_is_not(
    config: Config, work: list[Work], tmp_path: Path
) -> None:
    folder = tmp_path / READINGS_DIR
    folder.mkdir()
    abandoned, young = folder / ".3f-k1llxd_9", folder / ".a0-wr1t1ng"
    for path in (abandoned, young):
        path.write_bytes(b"half a shard")
    hour_ago = time.time() - 3600
    os.utime(abandoned, (hour_ago, hour_ago))
    _read(work, config, tmp_path)
    assert not abandoned.exists()
    assert young.exists(), "another build may be writing it now"


def test_models_pickled_by_their_constructor_load_equal_and_as_the_default_pickle(
    work: list[Work], config: Config, tmp_path: Path
) -> None:
    readings, _ = _read(work, config, tmp_path)
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = BY_CONSTRUCTOR
    pickler.dump(readings)
    assert pickle.loads(stream.getvalue()) == readings == pickle.loads(pickle.dumps(readings))
    assert all(BY_CONSTRUCTOR[type(r)](r)[1][0] is r.article for r in readings)
