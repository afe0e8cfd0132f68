"""`dateline tag` through click's CliRunner: TimeML and JSON output, and a bad --dct."""

from __future__ import annotations

import json

from click.testing import CliRunner

from generator.cli import main


def test_tag_prints_timeml_with_escaped_text() -> None:
    result = CliRunner().invoke(main, ["tag", "--dct", "2025-06-06", "-"],
                                input="Talks on Monday & Tuesday <ended>.")  # fmt: skip
    assert result.exit_code == 0
    assert result.output == (
        'Talks on <TIMEX3 tid="t1" type="DATE" value="2025-06-02">Monday</TIMEX3> &amp; '
        '<TIMEX3 tid="t2" type="DATE" value="2025-06-03">Tuesday</TIMEX3> &lt;ended&gt;.'
    )


def test_tag_prints_json_records() -> None:
    result = CliRunner().invoke(
        main,
        ["tag", "--dct", "2025-06-06", "--timezone", "Europe/Kyiv", "--format", "json", "-"],
        input="Russia attacked Thursday night.",
    )
    assert result.exit_code == 0
    (record,) = json.loads(result.output)
    assert record == {
        "start": 16, "end": 30, "text": "Thursday night", "type": "TIME",
        "value": "2025-06-05TNI", "mod": None, "precision": "part-of-day",
        "interval_start": "2025-06-05T21:00:00+03:00",
        "interval_end": "2025-06-06T06:00:00+03:00", "rule": "weekday-past",
    }  # fmt: skip


def test_tag_mod_attribute() -> None:
    result = CliRunner().invoke(main, ["tag", "--dct", "2025-06-06", "-"], input="in early June")
    assert 'mod="START">early June</TIMEX3>' in result.output


def test_bad_dct_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["tag", "--dct", "2025-13-01", "-"], input="x")
    assert result.exit_code == 2
    assert "'2025-13-01' is not a date (use YYYY-MM-DD)" in result.output


def test_bad_timezone_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["tag", "--dct", "2025-06-06", "--timezone", "Mars/Base",
                                       "-"], input="x")  # fmt: skip
    assert result.exit_code == 2


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["tag", "--help"])
    assert result.exit_code == 0
    assert "dateline tag --dct 2025-06-06" in result.output
