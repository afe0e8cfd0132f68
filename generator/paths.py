"""What a path below the site root may be: relative, inside, and a valid file name on every OS."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

# Names Windows reserves in any folder, with or without an extension ("con.html" too).
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{n}" for n in "123456789¹²³"]
    + [f"lpt{n}" for n in "123456789¹²³"]
)
MAX_SEGMENT_CHARS = 120
# Characters some OS or file system refuses or misreads in a name, and every control character.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def unsafe_reason(path: str) -> str | None:
    """Why `path` is not a safe relative site path, or None when it is one."""
    pure = PurePosixPath(path)
    if not path or pure.is_absolute() or path.startswith("\\"):
        return "is absolute or empty"
    for segment in path.split("/"):
        reason = _segment_reason(segment)
        if reason:
            return f"has a part '{segment}' that {reason}"
    return None


def _segment_reason(segment: str) -> str | None:
    if segment in ("", ".", ".."):
        return "leaves or repeats the folder"
    if _UNSAFE.search(segment):
        return "contains a character that is not allowed in file names"
    if segment.endswith((" ", ".")):
        return "ends with a space or dot (not allowed on Windows)"
    if segment.split(".")[0].lower() in WINDOWS_RESERVED:
        return "is a name Windows reserves"
    if len(segment) > MAX_SEGMENT_CHARS:
        return f"is longer than {MAX_SEGMENT_CHARS} characters"
    return None


def is_reserved(name: str) -> bool:
    """True when `name` (a slug) would be a reserved file name on Windows."""
    return name.split(".")[0].lower() in WINDOWS_RESERVED
