"""Loads the templates and static assets: the site's own templates/ first, then Dateline's."""

from __future__ import annotations

import hashlib
import sys
import traceback
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from types import CodeType
from typing import Any, Literal

import jinja2
import markupsafe
from jinja2 import meta, nodes
from markupsafe import Markup

from generator.cache import code_version
from generator.errors import Location, TemplateError

STATIC_DIR = "static"


@dataclass(frozen=True, slots=True)
class Theme:
    """A Jinja environment over the template folders, and the static files to copy as they are."""

    environment: jinja2.Environment
    static_files: tuple[tuple[str, bytes], ...]


def default_templates() -> Path:
    """Dateline's own templates: the repository's templates/, or the copy installed with it."""
    in_repository = Path(__file__).resolve().parent.parent / "templates"
    if (in_repository / "base.html").is_file():
        return in_repository
    return Path(str(resources.files("generator") / "templates"))


def load_theme(site_templates: Path | None) -> Theme:
    """Builds the environment (autoescape on, undefined names are errors) and reads static files."""
    folders = [p for p in (site_templates, default_templates()) if p is not None and p.is_dir()]
    environment = _Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in folders]),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # A build loads its theme afresh: no need to stat each template file per page.
        auto_reload=False,
    )
    return Theme(environment, _static_files(folders))


class _Template(jinja2.Template):
    """A template whose printed values are escaped by _escape: what markupsafe.escape gives."""

    @classmethod
    def from_code(
        cls,
        environment: jinja2.Environment,
        code: CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        # The template's functions (its body, blocks, macros) look `escape` up in this module.
        template.root_render_func.__globals__["escape"] = _escape
        return template


# markupsafe's own escaping of a str, in C (MarkupSafe 3); without it, _escape is escape.
_escape_inner: Callable[[str], str] | None = getattr(markupsafe, "_escape_inner", None)
_as_markup = str.__new__


def _escape(value: Any) -> Markup:
    """markupsafe.escape(value), a str or Markup without Markup's constructor (which asks each
    value for __html__ first): the million values a 1,000-article site prints are nearly all
    str (and the entries and blocks pages print are Markup); the constructor was a tenth of
    rendering them."""
    kind = type(value)
    if kind is str and _escape_inner is not None:
        return _as_markup(Markup, _escape_inner(value))
    if kind is Markup:  # escape gives Markup(value.__html__()): an equal Markup
        return value  # type: ignore[no-any-return]
    return markupsafe.escape(value)


class _Environment(jinja2.Environment):
    """Looks `view.key` up in a dict before trying the attribute, when a dict has no attribute
    of that name: what Jinja finds either way, without an AttributeError raised and caught on
    each of the million lookups the views take (a tenth of an entry page's time)."""

    template_class = _Template

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


_DICT_ATTRIBUTES = frozenset(dir(dict))


def _static_files(folders: list[Path]) -> tuple[tuple[str, bytes], ...]:
    found: dict[str, bytes] = {}
    for folder in reversed(folders):
        static = folder / STATIC_DIR
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            if path.is_file():
                _check_inside(path, folder)
                try:
                    found[path.relative_to(folder).as_posix()] = path.read_bytes()
                except OSError as exc:
                    raise TemplateError(f"cannot read static file: {exc}") from exc
    return tuple(sorted(found.items()))


def _check_inside(path: Path, folder: Path) -> None:
    """A static file that links outside the templates would publish whatever it points to."""
    if not path.resolve().is_relative_to(folder.resolve()):
        raise TemplateError(
            "static file is a symbolic link to outside the templates folder",
            Location(_shown(str(path))),
            "copy the file into templates/static instead of linking to it",
        )


def render_template(theme: Theme, name: str, context: dict[str, Any]) -> str:
    """The template rendered; whatever goes wrong in it is a TemplateError at its file and line.

    Content reaches templates only as values in `context`: it is never compiled as a template.
    """
    try:
        return theme.environment.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = Location(_shown(exc.filename or exc.name or name), exc.lineno)
        raise TemplateError(f"template syntax: {exc.message}", where) from exc
    except jinja2.TemplateNotFound as exc:
        where = _failing_line(theme, exc) or Location(name)
        raise TemplateError(f"template '{exc.name}' not found", where, "check templates/") from exc
    except jinja2.UndefinedError as exc:
        where = _failing_line(theme, exc) or Location(name)
        raise TemplateError(f"template uses an undefined name: {exc.message}", where) from exc
    except Exception as exc:
        where = _failing_line(theme, exc) or Location(name)
        raise TemplateError(
            f"template raised {type(exc).__name__}: {exc}", where, "fix the template"
        ) from exc


# Blocks that could do more with a variable's printed value than print it.
_REWORKING_NODES = (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport,
                    nodes.FilterBlock, nodes.AssignBlock)  # fmt: skip


def prints_only(theme: Theme, name: str, variable: str) -> bool:
    """Whether the template does nothing with `variable` but print it ({{ root }}) and uses no
    other template: then rendered with the variable set to a mark (Markup), each mark replaced
    by a value (escaped) is the template rendered with that value. False when it cannot tell."""
    loader = theme.environment.loader
    try:
        source = loader.get_source(theme.environment, name)[0] if loader else ""
        tree = theme.environment.parse(source)
    except jinja2.TemplateError:
        return False
    if not loader or any(tree.find_all(_REWORKING_NODES)):
        return False
    uses = [node for node in tree.find_all(nodes.Name) if node.name == variable]
    printed = [node for output in tree.find_all(nodes.Output) for node in output.nodes
               if isinstance(node, nodes.Name) and node.name == variable]  # fmt: skip
    return len(uses) == len(printed)


def _failing_line(theme: Theme, exc: BaseException) -> Location | None:
    """The innermost template line in the traceback (Jinja maps its frames to template lines)."""
    loader = theme.environment.loader
    folders = [str(Path(f).resolve()) for f in getattr(loader, "searchpath", ())]
    frames = traceback.extract_tb(exc.__traceback__)
    for frame in reversed(frames):
        filename = str(Path(frame.filename).resolve())
        if any(filename.startswith(folder) for folder in folders) and frame.lineno:
            return Location(_shown(frame.filename), frame.lineno)
    return None


def _shown(filename: str) -> str:
    try:
        return Path(filename).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return filename


# What a template's pages depend on of their context: these names, every name, or (when it
# reaches past the values) nothing a key can hold.
References = frozenset[str] | Literal["all", "unkeyable"]


def theme_references(environment: jinja2.Environment) -> dict[str, References]:
    """What each template of the theme names of its context, through the templates it uses."""
    trees = _trees(environment)
    reaching = {name for name, tree in trees.items() if tree is None or _reaches_past(tree)}
    return {name: _references(name, trees, reaching) for name in trees}


def _trees(environment: jinja2.Environment) -> dict[str, nodes.Template | None]:
    """Each template's syntax tree; None for one that does not parse (rendering it fails)."""
    loader = environment.loader
    names = loader.list_templates() if loader else []
    trees: dict[str, nodes.Template | None] = {}
    for name in names:
        try:
            source = loader.get_source(environment, name)[0] if loader else ""
            trees[name] = environment.parse(source)
        except UnicodeDecodeError:
            continue  # a static file: including it fails the render, so never keyed anyway
        except (jinja2.TemplateError, OSError):
            trees[name] = None
    return trees


def _references(
    name: str, trees: dict[str, nodes.Template | None], reaching: set[str]
) -> References:
    names: set[str] = set()
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen or current not in trees:
            continue  # a missing template fails the render, unless it was `ignore missing`
        seen.add(current)
        if current in reaching:
            return "unkeyable"
        tree = trees[current]
        assert tree is not None
        names |= meta.find_undeclared_variables(tree)
        for used in meta.find_referenced_templates(tree):
            if used is None:
                return "unkeyable" if reaching else "all"  # it may use any template
            todo.append(used)
    return frozenset(names)


def _reaches_past(tree: nodes.Template) -> bool:
    """Whether the template looks past the values: a private attribute, which could reach the
    render's context or a function's globals, or a lookup that names its attribute at run time."""
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        if isinstance(node, nodes.Getattr):
            if node.attr.startswith("_") or node.attr in ("format", "format_map"):
                return True
        elif isinstance(node, nodes.Getitem):
            constant = node.arg.value if isinstance(node.arg, nodes.Const) else None
            if isinstance(constant, str) and constant.startswith("_"):
                return True
        elif isinstance(node, nodes.Filter) and node.name == "attr":
            return True
    return False


# What renders pages and what Deferred values call: Jinja, and Markdown and nh3 (article_html).
_LIBRARIES = ("jinja2", "markupsafe", "markdown", "nh3")


def theme_digest(theme: Theme) -> str:
    """Everything a page's bytes depend on besides its context: every file of the template folders
    (templates and static files, in the order they override each other), the code (the generator
    package, Python and the libraries that make pages) and the static files loaded."""
    digest = hashlib.blake2b(code_version().encode(), digest_size=16)
    libraries = [version(name) for name in _LIBRARIES]
    digest.update("\0".join([sys.version, *libraries]).encode())
    for number, folder in enumerate(getattr(theme.environment.loader, "searchpath", ())):
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            digest.update(f"\0{number}\0{name}\0".encode() + path.read_bytes())
    for name, content in theme.static_files:
        digest.update(f"\0{name}\0".encode() + content)
    return f"T{digest.hexdigest()};"
