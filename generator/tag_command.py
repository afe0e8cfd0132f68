"""`dateline tag`: the temporal tagger on one plain-text article, for checking its dates."""

from __future__ import annotations

import json
from datetime import date
from typing import BinaryIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from generator.cli import _print_diagnostics, debug_option
from generator.intake import decode_content
from generator.timex import tag as tag_text
from generator.timex.timeml import to_record, to_timeml


def _parse_dct(_context: click.Context, _parameter: click.Parameter, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def _check_timezone(_context: click.Context, _parameter: click.Parameter, value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(f"{value!r} is not a time zone (use e.g. Europe/Kyiv)") from None
    return value


@click.command()
@click.option("--dct", required=True, callback=_parse_dct, help="Publication date, YYYY-MM-DD.")
@click.option("--timezone", default="UTC", show_default=True, callback=_check_timezone,
              help="IANA time zone of the article.")  # fmt: skip
@click.option("--language", default="en", show_default=True, help="Language of the article.")
@click.option("--format", "output_format", type=click.Choice(["timeml", "json"]),
              default="timeml", show_default=True, help="Output format.")  # fmt: skip
@click.argument("file", type=click.File("rb"))
@debug_option
def tag(
    dct: date, timezone: str, language: str, output_format: str, file: BinaryIO, debug: bool
) -> None:
    """Print the temporal expressions of a plain-text article (FILE, or - for stdin).

    Each expression is resolved against the publication date --dct, following news
    conventions ("Friday" is the last Friday unless the clause speaks of the future).

    \b
    Example:
        echo "The talks will resume on Monday." | dateline tag --dct 2025-06-06 --format json -
    """
    data = file.read()
    text, warnings = decode_content(data, getattr(file, "name", "-")) if data.strip() else ("", ())
    _print_diagnostics(warnings)
    timexes = tag_text(text, dct, timezone, language)
    if output_format == "json":
        click.echo(json.dumps([to_record(t) for t in timexes], ensure_ascii=False, indent=2))
    else:
        click.echo(to_timeml(text, timexes), nl=False)


COMMANDS: tuple[click.Command, ...] = (tag,)
