"""Reads front matter values, each checked for its type and form: a bad one is a ContentError
naming the file and the line of its key, with a hint of what would do."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser

from generator.errors import ContentError, Location
from generator.escaping import url_scheme
from generator.intake import without_controls
from generator.model import Correction

_DATEPARSER_SETTINGS: dict[str, Any] = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "YMD",
}
EARLIEST_YEAR, LATEST_YEAR = 1800, 2199


def zone_name(value: object, location: Location) -> str:
    if not isinstance(value, str):
        raise ContentError(
            "timezone must be a string", location, "use an IANA name like Europe/Kyiv"
        )
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ContentError(
            f"timezone '{value}' is not a known time zone",
            location,
            "use an IANA name like Europe/Kyiv",
        ) from exc
    return value


def publication_datetime(value: object, timezone: str, location: Location, shown: str) -> datetime:
    zone = ZoneInfo(timezone)
    if value is None:
        raise ContentError(
            "missing publication date",
            Location(shown, 1),
            "add 'date: YYYY-MM-DD' to the front matter",
        )
    if isinstance(value, (list, dict)):
        raise ContentError(f"'date' must be a single value, not a {type(value).__name__}", location)
    parsed = parse_date_string(value) if isinstance(value, str) else value
    if isinstance(parsed, date) and not isinstance(parsed, datetime):
        parsed = datetime.combine(parsed, time(0, 0))
    if not isinstance(parsed, datetime):
        raise ContentError(f"date '{value}' is not a date", location, "use YYYY-MM-DD")
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise ContentError(
            f"date '{value}' is out of range",
            location,
            f"publication dates run from {EARLIEST_YEAR} to {LATEST_YEAR}; use YYYY-MM-DD",
        )
    return parsed.astimezone(zone) if parsed.tzinfo else parsed.replace(tzinfo=zone)


def parse_date_string(value: str) -> datetime | None:
    text = value.strip()
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    if not re.search(r"\d{4}", text):
        return None
    return dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)


def required_string(values: dict[str, Any], key: str, where: Any, shown: str) -> str:
    if key not in values or values[key] is None or str(values[key]).strip() == "":
        raise ContentError(
            f"missing {key}", Location(shown, 1), f"add '{key}: ...' to the front matter"
        )
    return string(values, key, where, "")


def string(values: dict[str, Any], key: str, where: Any, default: str) -> str:
    value = values.get(key, default)
    if isinstance(value, (list, dict)):
        raise ContentError(
            f"'{key}' must be a single value, not a {type(value).__name__}", where(key)
        )
    return without_controls(str(value)).strip() if value is not None else default


def optional_string(values: dict[str, Any], key: str, where: Any) -> str | None:
    text = string(values, key, where, "")
    return text or None


def optional_url(values: dict[str, Any], key: str, where: Any) -> str | None:
    """A web address: http(s) only, so a link from the site can never run script."""
    url = optional_string(values, key, where)
    if url is not None and url_scheme(url) not in ("http", "https"):
        scheme = url_scheme(url)
        problem = f"uses the '{scheme}:' scheme" if scheme else "is not an absolute web address"
        raise ContentError(
            f"{key} '{url}' {problem}",
            where(key),
            "paste the article's address, starting with https://",
        )
    return url


def string_list(values: dict[str, Any], key: str, where: Any) -> tuple[str, ...]:
    value = values.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [part for part in value.split(",")]
    if not isinstance(value, list) or any(isinstance(v, (list, dict)) for v in value):
        raise ContentError(f"'{key}' must be a list of words", where(key), f"write {key}: [a, b]")
    words = (without_controls(str(v)).strip() for v in value)
    return tuple(dict.fromkeys(word for word in words if word))


def boolean(values: dict[str, Any], key: str, where: Any, default: bool) -> bool:
    value = values.get(key, default)
    if not isinstance(value, bool):
        raise ContentError(f"'{key}' must be true or false", where(key))
    return value


def corrections(value: object, location: Location) -> tuple[Correction, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ContentError(
            "'events' must be a list", location, "each item: {phrase: ..., date: ..., title: ...}"
        )
    return tuple(correction(item, location) for item in value)


def correction(item: object, location: Location) -> Correction:
    if not isinstance(item, dict):
        raise ContentError("each item of 'events' must be a mapping", location)
    match = item.get("phrase") or item.get("sentence")
    if not isinstance(match, str) or not match.strip():
        raise ContentError("each item of 'events' needs 'phrase' or 'sentence'", location)
    day = item.get("date")
    title = item.get("title")
    if isinstance(day, (list, dict)) or isinstance(title, (list, dict)):
        raise ContentError("'date' and 'title' of an item of 'events' must be single values",
                           location)  # fmt: skip
    return Correction(
        match=match.strip(),
        date=without_controls(str(day)) if day is not None else None,
        title=without_controls(str(title)) if title is not None else None,
        skip=bool(item.get("skip", False)),
        line=location.line,
    )
