"""No traceback reaches the user: internal errors, interrupts and usage errors have exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import generator.cli
from generator.cli import main

from .conftest import ROOT

CONTENT = str(ROOT / "content")


def boom(*_args: object, **_kwargs: object) -> None:
    raise ValueError("unexpected state\nsecond line")


def interrupt(*_args: object, **_kwargs: object) -> None:
    raise KeyboardInterrupt


def run(*args: str, **env: str) -> tuple[int, str, BaseException | None]:
    result = CliRunner(env=env).invoke(main, list(args))
    return result.exit_code, result.stderr, result.exception


def test_an_internal_error_is_one_line_and_exit_70(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(generator.cli, "build", boom)
    code, err, _ = run("build", "--content", CONTENT, "--out", str(tmp_path / "s"))
    assert (code, err) == (70, "dateline: internal error (ValueError: unexpected state) "
                               "(hint: rerun with --debug to see where, and please report it)\n")  # fmt: skip


def test_debug_lets_the_traceback_through(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(generator.cli, "build", boom)
    _, err, exception = run("build", "--debug", "--content", CONTENT, "--out", str(tmp_path / "s"))
    assert isinstance(exception, ValueError) and "internal error" not in err


def test_ctrl_c_exits_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(generator.cli, "build", interrupt)
    code, err, _ = run("build", "--content", CONTENT, "--out", str(tmp_path / "s"))
    assert (code, err) == (130, "dateline: interrupted; the output folder was left as it was\n")


@pytest.mark.parametrize(
    "args",
    [("build", "--nope"), ("frobnicate",), ("tag", "--dct", "Fryday", "-"), ("extract",)],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    assert run(*args)[0] == 2


@pytest.mark.parametrize("epoch", ["yesterday", "99999999999999999999"])
def test_a_bad_source_date_epoch_is_a_config_error(epoch: str, tmp_path: Path) -> None:
    code, err, _ = run(
        "build", "--content", CONTENT, "--out", str(tmp_path / "s"), SOURCE_DATE_EPOCH=epoch
    )
    assert code == 1
    assert err.splitlines()[0] == (
        f"error: SOURCE_DATE_EPOCH '{epoch}' is not a time "
        "(hint: set it to whole seconds since 1970-01-01 UTC, e.g. $(git log -1 --format=%ct))"
    )


def test_tag_reports_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le caf\xe9 a ouvert lundi.".encode("latin-1"))
    code, err, _ = run("tag", "--dct", "2025-06-06", str(latin))
    assert code == 1
    assert f"{latin}:1:7: error: file is not UTF-8 (byte 6 is 0xe9)" in err


def test_strict_stops_the_build_before_it_writes(tmp_path: Path, write_article) -> None:  # type: ignore[no-untyped-def]
    content = write_article(
        "a.md", "---\ntitle: T\ndate: 2025-06-06\nauthor: Me\n---\nTalks began on Monday."
    )
    code, err, _ = run(
        "build", "--strict", "--content", str(content), "--out", str(tmp_path / "site")
    )
    assert code == 1 and "error: unknown front matter key 'author'" in err
    assert not (tmp_path / "site").exists()
