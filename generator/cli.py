"""The command line: turns arguments into a pipeline call, and results or errors into output."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from generator import __version__
from generator.config import Config, load_config
from generator.errors import BuildFailed, ConfigError, DatelineError
from generator.labels import date_label
from generator.model import Timeline
from generator.pipeline import build, check, extract
from generator.views import timeline_json

T = TypeVar("T")
PROGRESS_THRESHOLD = 50
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in Dateline, not in the content
EXIT_INTERRUPTED = 130
DEBUG_KEY = "dateline.debug"


class GuardedGroup(click.Group):
    """Where every command's errors end: without --debug, no Python traceback reaches the user."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BaseException as error:
            if ctx.meta.get(DEBUG_KEY) or not isinstance(error, Exception | KeyboardInterrupt):
                raise
            _exit_for(error)


def _exit_for(error: BaseException) -> NoReturn:
    if isinstance(error, BuildFailed):
        _print_diagnostics(error.diagnostics)
        _fail(error.message)
    if isinstance(error, DatelineError):
        _print_diagnostics((error,))
        _fail("nothing was written")
    if isinstance(error, KeyboardInterrupt):
        _fail("interrupted; the output folder was left as it was", EXIT_INTERRUPTED)
    first_line = (str(error).splitlines() or [""])[0][:200]
    _fail(
        f"internal error ({type(error).__name__}: {first_line}) "
        "(hint: rerun with --debug to see where, and please report it)",
        EXIT_INTERNAL,
    )


def _remember_debug(context: click.Context, _parameter: click.Parameter, value: bool) -> bool:
    context.meta[DEBUG_KEY] = context.meta.get(DEBUG_KEY, False) or value
    return value


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """Dateline turns news articles into a dated, sourced event timeline on the web.

    \b
    Example:
      dateline build            # content/ -> site/
      dateline extract content/articles/2025-06-06-russia-strikes-kyiv.md
      dateline tag --dct 2025-06-06 --timezone Europe/Kyiv seeds/000_bd82c5051f033c0e.txt
    """


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Settings file (default: ./dateline.toml if present).",
)
strict_option = click.option("--strict", is_flag=True, help="Treat warnings as errors.")
debug_option = click.option(
    "--debug", is_flag=True, callback=_remember_debug, help="Show Python tracebacks."
)


@main.command("build")
@click.option("--content", "content", type=click.Path(file_okay=False, path_type=Path),
              help="Content folder (default: content/).")  # fmt: skip
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: site/); only a good build replaces it.")  # fmt: skip
@click.option(
    "--base-url", help="The URL the site is served from, e.g. https://user.github.io/repo/."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Processes that read articles and render pages (default: one per core; 1: no extra ones).",
)
@click.option("--no-cache", is_flag=True,
              help="Read every article again instead of reusing .dateline-cache/.")  # fmt: skip
@config_option
@strict_option
@debug_option
def build_command(
    content: Path | None,
    out: Path | None,
    base_url: str | None,
    jobs: int | None,
    no_cache: bool,
    config_path: Path | None,
    strict: bool,
    debug: bool,
) -> None:
    """Build the static site from the articles in the content folder.

    \b
    Example:
      dateline build --out public --base-url https://example.github.io/war-timeline/
    """
    config = _config(config_path, content=content, out=out, base_url=base_url, debug=debug)
    result = _guarded(
        lambda: build(
            config,
            generated=_generation_time(),
            progress=_progress_bar,
            strict=strict,
            jobs=jobs,
            cache=not no_cache,
            remove_later=True,
        ),
        debug,
    )
    _report(result.diagnostics, strict)
    click.echo(
        f"Built {config.output_dir}/ from {_plural(result.articles, 'article')}: "
        f"{_plural(result.events, 'entry', 'entries')}, {_plural(result.pages, 'page')} "
        f"in {result.seconds:.2f} s"
    )


@main.command("extract")
@click.option("--format", "output_format", type=click.Choice(["json", "table"]), default="table",
              show_default=True, help="JSON: the events array of timeline.json.")  # fmt: skip
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))  # fmt: skip
@config_option
@strict_option
@debug_option
def extract_command(
    output_format: str, paths: tuple[Path, ...], config_path: Path | None, strict: bool, debug: bool
) -> None:
    """Print the merged timeline entries that the given articles yield, without building a site.

    PATHS are article files or folders of them.

    \b
    Example:
      dateline extract --format json content/articles/
    """
    config = _config(config_path, debug=debug)
    timeline, diagnostics = _guarded(lambda: extract(paths, config), debug)
    _report(diagnostics, strict)
    if output_format == "json":
        events = json.loads(timeline_json(timeline, config, None))["events"]
        click.echo(json.dumps(events, ensure_ascii=False, indent=2))
    else:
        click.echo(_table(timeline))


@main.command("check")
@click.option("--content", "content", type=click.Path(file_okay=False, path_type=Path),
              help="Content folder (default: content/).")  # fmt: skip
@config_option
@strict_option
@debug_option
def check_command(
    content: Path | None, config_path: Path | None, strict: bool, debug: bool
) -> None:
    """Check every article and hand-written entry and print each error and warning.

    Warnings: articles with no dated event, low-confidence dates, disputed entries (sources
    giving different days or counts), unknown sources. Exit 1 on errors, and with --strict on
    warnings too. Nothing is written.

    \b
    Example:
      dateline check --strict
    """
    config = _config(config_path, content=content, debug=debug)
    _, diagnostics = _guarded(lambda: check(config), debug)
    _print_diagnostics(diagnostics)
    warnings = sum(1 for d in diagnostics if d.severity == "warning")
    errors = len(diagnostics) - warnings
    click.echo(f"{_plural(warnings, 'warning')} in {config.content_dir}/")
    if errors:
        _fail(f"{errors} error(s) found")
    if strict and warnings:
        _fail(f"{_plural(warnings, 'warning')} with --strict")


def _config(config_path: Path | None, debug: bool, **overrides: object) -> Config:
    config = _guarded(lambda: load_config(config_path), debug)
    if overrides.get("content") is not None:
        config = replace(config, root=Path("."), content=str(overrides["content"]),
                         output=str(config.output_dir))  # fmt: skip
    if overrides.get("out") is not None:
        config = replace(config, output=str(overrides["out"]), content=str(config.content_dir),
                         root=Path("."))  # fmt: skip
    if overrides.get("base_url") is not None:
        config = replace(config, base_url=str(overrides["base_url"]))
    return config


def _guarded(action: Callable[[], T], debug: bool) -> T:
    """Runs one pipeline call; our errors become diagnostics and exit 1, nothing else is hidden."""
    try:
        return action()
    except BuildFailed as failure:
        _print_diagnostics(failure.diagnostics)
        _fail(str(failure.message))
    except DatelineError as error:
        if debug:
            raise
        _print_diagnostics((error,))
        _fail("nothing was written")


def _fail(message: str, code: int = 1) -> NoReturn:
    click.secho(f"dateline: {message}", fg="red", err=True)
    sys.exit(code)


def _report(diagnostics: Iterable[DatelineError], strict: bool) -> None:
    shown = tuple(diagnostics)
    _print_diagnostics(shown)
    if strict and shown:
        _fail(f"{len(shown)} warning(s) with --strict")


def _print_diagnostics(diagnostics: Iterable[DatelineError]) -> None:
    for diagnostic in diagnostics:
        colour = "red" if diagnostic.severity == "error" else "yellow"
        click.secho(str(diagnostic), fg=colour, err=True)


def _generation_time() -> datetime | None:
    """SOURCE_DATE_EPOCH fixes the generation time; without it none is recorded."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return None
    try:
        return datetime.fromtimestamp(int(epoch.strip()), tz=UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise ConfigError(
            f"SOURCE_DATE_EPOCH '{epoch}' is not a time",
            hint="set it to whole seconds since 1970-01-01 UTC, e.g. $(git log -1 --format=%ct)",
        ) from exc


def _progress_bar(items: Iterable[T], count: int) -> Iterable[T]:
    """A bar on the terminal while many articles are read; nothing when output is redirected."""
    if count < PROGRESS_THRESHOLD or not sys.stderr.isatty():
        return items
    return _iterate_with_bar(items, count)


def _iterate_with_bar(items: Iterable[T], count: int) -> Iterator[T]:
    with click.progressbar(items, length=count, label="Reading articles", file=sys.stderr) as bar:
        yield from bar


def _table(timeline: Timeline) -> str:
    rows = [("WHEN", "ENTRY", "SOURCES")]
    for event in timeline.events:
        rows.append((date_label(event.when), event.title, str(len(event.sources))))
    width = max(len(r[0]) for r in rows)
    return "\n".join(f"{w:<{width}}  {s:>7}  {t}" for w, t, s in rows)


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


# The editor's commands (serve, new, import, init) and the tagger's live in their own modules,
# which use the helpers above; importing them here, once they exist, adds them to `main`.
from generator import editor_commands, tag_command  # noqa: E402

for _command in (*editor_commands.COMMANDS, *tag_command.COMMANDS):
    main.add_command(_command)
