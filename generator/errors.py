"""The one error hierarchy: every problem Dateline reports, with where it is and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file: a path as the user wrote it, and 1-based line and column when known."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = self.path
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text

    def sort_key(self) -> tuple[str, int, int]:
        return (self.path, self.line or 0, self.column or 0)


class DatelineError(Exception):
    """Root of every error Dateline raises on purpose; `str()` reads like a compiler message."""

    kind = "error"

    def __init__(
        self,
        message: str,
        location: Location | None = None,
        hint: str | None = None,
        severity: Severity = "error",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint
        self.severity: Severity = severity

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        suffix = f" (hint: {self.hint})" if self.hint else ""
        return f"{prefix}{self.severity}: {self.message}{suffix}"

    def sort_key(self) -> tuple[str, int, int]:
        return self.location.sort_key() if self.location else ("", 0, 0)


class ConfigError(DatelineError):
    """dateline.toml is unreadable, or a key or value in it is wrong."""


class ContentError(DatelineError):
    """An article or hand-written entry cannot be read or understood."""


class TemplateError(DatelineError):
    """A template is missing, malformed or raised while rendering."""


class OutputError(DatelineError):
    """The site could not be written."""


class BuildFailed(DatelineError):
    """One or more errors were collected; each is in `diagnostics`."""

    def __init__(self, diagnostics: tuple[DatelineError, ...]) -> None:
        errors = sum(1 for d in diagnostics if d.severity == "error")
        super().__init__(f"{errors} error(s) found, nothing was written")
        self.diagnostics = diagnostics
