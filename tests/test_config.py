"""dateline.toml: every key has a default; unknown keys and wrong types are named with their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Config, load_config
from generator.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dateline.toml"
    path.write_text(text)
    return path


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_config(None, root=tmp_path) == Config(root=tmp_path)


def test_keys_are_read_and_paths_resolve_against_the_file(tmp_path: Path) -> None:
    config = load_config(
        write(tmp_path, 'title = "War"\noutput = "public"\nbase_url = "https://x.io/repo"\n')
    )
    assert (config.title, config.output_dir, config.base_path) == (
        "War",
        tmp_path / "public",
        "/repo/",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('title = "T"\ncolour = "red"\n',
         "dateline.toml:2: error: unknown key 'colour' (hint: known keys: base_url, content, "
         "description, domain, feed_entries, language, output, paginate, search, timezone, title, "
         "unsafe_html)"),
        ('title = "T"\ndomain = "https://timeline.example.org/"\n',
         "dateline.toml:2: error: domain 'https://timeline.example.org/' is not a host name "
         '(hint: write only the host, e.g. domain = "timeline.example.org")'),
        ('title = 3\n',
         "dateline.toml:1: error: 'title' must be a string, not int "
         "(hint: write it in quotes: title = \"...\")"),
        ('timezone = "Europe/Kiev2"\n',
         "dateline.toml:1: error: timezone 'Europe/Kiev2' is not a known time zone "
         "(hint: use an IANA name like Europe/Kyiv)"),
        ('title = "T\n',
         "dateline.toml:1: error: not valid TOML: Illegal character '\\n' (at line 1, column 11) "
         "(hint: see https://toml.io)"),
    ],
)  # fmt: skip
def test_config_errors_name_the_key_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(Path("dateline.toml"))
    assert str(caught.value) == message


@pytest.mark.parametrize(("line", "message"), [
    ('paginate = "weekly"', "dateline.toml:2: error: 'paginate' must be one of auto, month, year, none, not 'weekly'"),
    ('search = "lunr"', "dateline.toml:2: error: 'search' must be one of pagefind, none, not 'lunr'"),
    ("feed_entries = -1", "dateline.toml:2: error: 'feed_entries' must be 0 or more, not -1 (hint: 0 puts every entry in the feeds)"),
    ('feed_entries = "50"', "dateline.toml:2: error: 'feed_entries' must be a whole number, not str (hint: write it without quotes: feed_entries = 100)"),
])  # fmt: skip
def test_choices_are_checked(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "dateline.toml"
    path.write_text(f'title = "T"\n{line}\n')
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value).replace(str(tmp_path) + "/", "") == message
