"""The editor's commands: serve a live preview, write a new article, import raw ones, init."""

from __future__ import annotations

import signal
from pathlib import Path

import click

from generator.cli import (
    _config,
    _fail,
    _guarded,
    _print_diagnostics,
    config_option,
    debug_option,
)
from generator.config import load_config
from generator.errors import DatelineError
from generator.importer import ImportOptions, import_file
from generator.scaffold import (
    ArticleDraft,
    article_path,
    article_text,
    checked_date,
    checked_timezone,
    dateline_requirement,
    init_project,
    write_new,
)
from generator.serve import serve


@click.command("serve")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on; 0 picks a free one.")  # fmt: skip
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 shows the preview to your network.")  # fmt: skip
@config_option
@debug_option
def serve_command(port: int, host: str, config_path: Path | None, debug: bool) -> None:
    """Build the site, serve it, and rebuild and reload open pages whenever a file changes.

    Watches the content folder, templates/ and dateline.toml. A build error is shown in the
    browser and here; the preview recovers when the file is fixed. Ctrl-C stops it. The preview
    is built into a temporary folder: site/ is left as `dateline build` made it.

    \b
    Example:
      dateline serve --port 8000
    """
    _config(config_path, debug=debug)
    # Ctrl-C, and a plain `kill`, stop the preview cleanly, even when started in the background.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        serve(lambda: load_config(config_path), host, port, _say)
    except OSError as exc:
        _fail(f"cannot serve on {host}:{port}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        click.echo("Stopped.")


def _say(message: str, error: bool) -> None:
    click.secho(message, fg="red" if error else None, err=error)


@click.command("new")
@click.argument("title")
@click.option("--date", "published", required=True,
              help="Publication date: YYYY-MM-DD, or 2025-06-06T09:30:00+03:00.")  # fmt: skip
@click.option("--timezone", help="IANA time zone of the article (default: dateline.toml's).")
@click.option("--source", default="", help="The outlet, e.g. 'The Kyiv Independent'.")
@click.option("--url", default="", help="The original article's address.")
@click.option("--tags", default="", help="Comma-separated tags, e.g. air-strikes,kyiv.")
@config_option
@debug_option
def new_command(
    title: str, published: str, timezone: str | None, source: str, url: str, tags: str,
    config_path: Path | None, debug: bool,
) -> None:  # fmt: skip
    """Write a new article file with complete front matter; paste the text below it.

    The file is content/articles/<date>-<slug>.md; an existing file is never overwritten.

    \b
    Example:
      dateline new "Russia strikes Kyiv" --date 2025-06-06 --source "The Outlet"
    """
    config = _config(config_path, debug=debug)

    def write() -> Path:
        draft = ArticleDraft(
            title=title, date=checked_date(published),
            timezone=checked_timezone(timezone or config.timezone), language=config.language,
            source=source, url=url, tags=tuple(t.strip() for t in tags.split(",") if t.strip()),
        )  # fmt: skip
        return write_new(article_path(config.content_dir, draft), article_text(draft))

    click.echo(f"Wrote {_guarded(write, debug)}; paste the article text below its front matter.")


@click.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--requirement", help="What requirements.txt installs Dateline from "
              "(default: this Dateline's git URL, or dateline==VERSION).")  # fmt: skip
def init_command(folder: Path, requirement: str | None) -> None:
    """Start a new timeline project in FOLDER, with a GitHub Pages workflow.

    Writes dateline.toml, content/articles/ with one example article, templates/ for overrides,
    README.md, .gitignore, requirements.txt and .github/workflows/pages.yml. Existing files are
    never overwritten: if any is there, nothing is written.

    \b
    Example:
      dateline init war-timeline
    """
    spec = requirement or dateline_requirement()
    for path in _guarded(lambda: init_project(folder, spec), False):
        click.echo(f"Wrote {path}")
    click.echo(f"requirements.txt installs {spec!r} on GitHub; change it if your Dateline "
               "comes from elsewhere.")  # fmt: skip


@click.command("import")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))  # fmt: skip
@click.option("--date", "published", help="Publication date, when a file does not give one.")
@click.option("--timezone", help="IANA time zone of the articles (default: dateline.toml's).")
@click.option("--source", help="The outlet, when a file does not name it.")
@click.option("--title", help="The headline, when a file does not give one.")
@click.option("--tags", default="", help="Comma-separated tags for everything imported.")
@config_option
@debug_option
def import_command(
    files: tuple[Path, ...], published: str | None, timezone: str | None, source: str | None,
    title: str | None, tags: str, config_path: Path | None, debug: bool,
) -> None:  # fmt: skip
    """Turn raw articles into content: plain text, news pages (HTML) and TimelineJS sheets.

    .txt: one paragraph a line; needs --date, and --title unless the first line is a headline.
    .html: main text, title, date, outlet and address are read from the page.
    .csv/.json: TimelineJS rows (Year, Month, Day, Time, End Year, ..., Headline, Text, Media,
    Group) become hand-written entries in content/events/. Anything already imported is skipped;
    no file is overwritten. Missing metadata is an error naming the option that supplies it.

    \b
    Example:
      dateline import --date 2025-06-06 --timezone Europe/Kyiv --title "Kyiv struck" raw.txt
    """
    config = _config(config_path, debug=debug)
    options = _guarded(lambda: ImportOptions(
        timezone=checked_timezone(timezone or config.timezone), language=config.language,
        date=published, source=source, title=title,
        tags=tuple(t.strip() for t in tags.split(",") if t.strip()),
    ), debug)  # fmt: skip
    failures = []
    for path in files:
        try:
            outcomes = import_file(path, config.content_dir, options)
        except DatelineError as error:
            failures.append(error)
            continue
        for outcome in outcomes:
            verb = "Skipped" if outcome.skipped else "Wrote"
            note = f" ({path} is already imported there)" if outcome.skipped else ""
            click.echo(f"{verb} {outcome.path}{note}")
    if failures:
        _print_diagnostics(failures)
        _fail(f"{len(failures)} of {len(files)} file(s) not imported")


COMMANDS: tuple[click.Command, ...] = (serve_command, new_command, init_command, import_command)
