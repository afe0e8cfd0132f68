"""The files GitHub Pages reads: .nojekyll always, CNAME when dateline.toml names a domain."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Config, load_config
from generator.hosting import hosting_files


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        ("", {".nojekyll": b""}),
        ("timeline.example.org", {".nojekyll": b"", "CNAME": b"timeline.example.org\n"}),
    ],
)
def test_hosting_files(domain: str, expected: dict[str, bytes]) -> None:
    files = hosting_files(Config(domain=domain))
    assert {page.path: page.content for page in files} == expected


def test_domain_is_read_from_dateline_toml(tmp_path: Path) -> None:
    (tmp_path / "dateline.toml").write_text('domain = "war.example.org"\n')
    assert load_config(tmp_path / "dateline.toml").domain == "war.example.org"
