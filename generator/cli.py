"""The command line: turns arguments into a pipeline call, and results or errors into output."""

from __future__ import annotations

import datetime
import json
from typing import TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from generator import __version__
from generator.timex import tag as tag_text
from generator.timex.timeml import to_record, to_timeml


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """Dateline turns news articles into a dated, sourced event timeline on the web."""


def _parse_dct(
    _context: click.Context, _parameter: click.Parameter, value: str
) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def _check_timezone(
    _context: click.Context, _parameter: click.Parameter, value: str
) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(f"{value!r} is not a time zone (use e.g. Europe/Kyiv)") from None
    return value


@main.command()
@click.option("--dct", required=True, callback=_parse_dct, help="Publication date, YYYY-MM-DD.")
@click.option("--timezone", default="UTC", show_default=True, callback=_check_timezone,
              help="IANA time zone of the article.")  # fmt: skip
@click.option("--language", default="en", show_default=True, help="Language of the article.")
@click.option("--format", "output_format", type=click.Choice(["timeml", "json"]),
              default="timeml", show_default=True, help="Output format.")  # fmt: skip
@click.argument("file", type=click.File("r", encoding="utf-8"))
def tag(
    dct: datetime.date, timezone: str, language: str, output_format: str, file: TextIO
) -> None:
    """Print the temporal expressions of a plain-text article (FILE, or - for stdin).

    Each expression is resolved against the publication date --dct, following news
    conventions ("Friday" is the last Friday unless the clause speaks of the future).

    \b
    Example:
        echo "The talks will resume on Monday." | dateline tag --dct 2025-06-06 --format json -
    """
    text = file.read()
    timexes = tag_text(text, dct, timezone, language)
    if output_format == "json":
        click.echo(json.dumps([to_record(t) for t in timexes], ensure_ascii=False, indent=2))
    else:
        click.echo(to_timeml(text, timexes), nl=False)
