"""The command line: turns arguments into a pipeline call, and results or errors into output."""

from __future__ import annotations

import click

from generator import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """Dateline turns news articles into a dated, sourced event timeline on the web."""
