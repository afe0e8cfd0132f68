"""Takes entry views and the config and gives the exports: TimelineJS3 JSON, iCalendar, CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from html import escape
from typing import Any

import icalendar
from icalendar.parser import Contentline

from generator.config import Config
from generator.escaping import csv_cell
from generator.jsondoc import json_document
from generator.linking import absolute_url

TIMED = frozenset({"part-of-day", "time"})
ICAL_LINE = 75  # octets: RFC 5545 folds content lines longer than this
CSV_COLUMNS = (
    "id", "date", "label", "precision", "value", "start", "end", "title", "summary", "places",
    "tags", "sources", "url",
)  # fmt: skip
# A cell starting with one of these is a formula to spreadsheet programs (CSV injection).


def timelinejs_json(events: list[dict[str, Any]], config: Config) -> bytes:
    """timelinejs.json: the TimelineJS3 JSON format, for Knight Lab's embeddable viewer."""
    title = {"text": {"headline": escape(config.title), "text": escape(config.description)}}
    return json_document({"title": title}, "events", (_slide(e, config) for e in events))


def _slide(event: dict[str, Any], config: Config) -> dict[str, Any]:
    start = datetime.fromisoformat(event["start"])
    end = datetime.fromisoformat(event["end"])
    outlets = ", ".join(event["outlets"])
    link = escape(absolute_url(config, event["url"]))
    text = (
        f"<p>{escape(event['summary'])}</p><p>Reported by {escape(outlets)}. "
        f'<a href="{link}">Sources and how the date was found</a></p>'
    )
    slide: dict[str, Any] = {
        "start_date": _timelinejs_date(start, event["precision"]),
        "text": {"headline": escape(event["title"]), "text": text},
        "display_date": event["label"],
        "unique_id": event["id"],
    }
    if event["precision"] not in ("day", "time"):
        slide["end_date"] = _timelinejs_date(end - timedelta(minutes=1), event["precision"])
    if event["tags"]:
        slide["group"] = event["tags"][0]
    return slide


def _timelinejs_date(moment: datetime, precision: str) -> dict[str, int]:
    """A TimelineJS date object with only the fields the precision supports."""
    fields = {"year": moment.year}
    if precision not in ("year", "decade", "century"):
        fields["month"] = moment.month
    if precision in ("week", "day", "part-of-day", "time"):
        fields["day"] = moment.day
    if precision in TIMED:
        fields |= {"hour": moment.hour, "minute": moment.minute}
    return fields


def events_ics(events: list[dict[str, Any]], config: Config) -> bytes:
    """events.ics: all-day events for dates, weeks and months; timed ones for parts of days.

    The calendar's head is icalendar's; each event's lines are written here, the bytes
    icalendar writes for the same event (icalendar_vevent, kept for the tests to compare):
    its components, properties and content lines were most of the time events.ics took."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Dateline//Dateline timeline//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", config.title)
    end = b"END:VCALENDAR\r\n"
    document = io.BytesIO()
    document.write(bytes(calendar.to_ical()).removesuffix(end))
    for event in events:
        document.write(b"".join(map(folded_line, vevent_lines(event, config))))
    document.write(end)
    return document.getvalue()


def folded_line(line: str) -> bytes:
    """The content line as icalendar writes it (Contentline.to_ical), folded at 75 octets, and
    its line break. icalendar folds a character at a time, most of the time events.ics takes;
    an ASCII line is folded here by slices, the same way: 74 characters a line, and a line that
    would end in a backslash or caret (the start of an escape) leaves it to the next."""
    if not line.isascii():
        return bytes(Contentline(line).to_ical()) + b"\r\n"  # type: ignore[no-untyped-call]
    if len(line) < ICAL_LINE:
        return line.encode() + b"\r\n"
    chunks, start = [], 0
    while len(line) - start > ICAL_LINE - 1:
        end = start + ICAL_LINE - 1
        if line[end - 1] in "\\^":
            end -= 1
        chunks.append(line[start:end])
        start = end
    chunks.append(line[start:])
    return "\r\n ".join(chunks).encode() + b"\r\n"


def vevent_lines(event: dict[str, Any], config: Config) -> list[str]:
    """An entry's VEVENT as unfolded content lines, in icalendar's order (its canonical order for
    an event's first properties, then by name) and with its TEXT escapes."""
    start = datetime.fromisoformat(event["start"])
    end = datetime.fromisoformat(event["end"])
    stamp = datetime.fromisoformat(event["updated"]).astimezone(UTC)
    if event["precision"] in TIMED:
        span = [f"DTSTART:{_ical_time(start.astimezone(UTC))}",
                f"DTEND:{_ical_time(end.astimezone(UTC))}"]  # fmt: skip
    else:
        last = max(end.date(), start.date() + timedelta(days=1))
        span = [f"DTSTART;VALUE=DATE:{_ical_date(start)}", f"DTEND;VALUE=DATE:{_ical_date(last)}"]
    description = f"{event['summary']}\n\nReported by {', '.join(event['outlets'])}."
    uid = _ical_text(f"{event['id']}@dateline")
    lines = ["BEGIN:VEVENT", f"SUMMARY:{_ical_text(event['title'])}", *span,
             f"DTSTAMP:{_ical_time(stamp)}", f"UID:{uid}"]  # fmt: skip
    if event["tags"]:
        lines.append(f"CATEGORIES:{','.join(map(_ical_text, event['tags']))}")
    lines.append(f"DESCRIPTION:{_ical_text(description)}")
    if event["places"]:
        lines.append(f"LOCATION:{_ical_text(', '.join(event['places']))}")
    lines += [f"URL:{absolute_url(config, event['url'])}", "END:VEVENT"]
    return lines


def _ical_text(text: str) -> str:
    """A TEXT value escaped as icalendar escapes it (RFC 5545 3.3.11; line ends become \\n)."""
    return (
        text.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def _ical_date(moment: date | datetime) -> str:
    return f"{moment.year:04}{moment.month:02}{moment.day:02}"


def _ical_time(moment: datetime) -> str:
    """A UTC date-time (FORM #2)."""
    return f"{_ical_date(moment)}T{moment.hour:02}{moment.minute:02}{moment.second:02}Z"


def icalendar_vevent(event: dict[str, Any], config: Config) -> icalendar.Event:
    """The entry's VEVENT built with icalendar: what vevent_lines writes, for the tests."""
    start = datetime.fromisoformat(event["start"])
    end = datetime.fromisoformat(event["end"])
    vevent = icalendar.Event()
    vevent.add("uid", f"{event['id']}@dateline")
    vevent.add("dtstamp", datetime.fromisoformat(event["updated"]).astimezone(UTC))
    vevent.add("summary", event["title"])
    vevent.add("description", f"{event['summary']}\n\nReported by {', '.join(event['outlets'])}.")
    vevent.add("url", absolute_url(config, event["url"]))
    if event["precision"] in TIMED:
        vevent.add("dtstart", start.astimezone(UTC))
        vevent.add("dtend", end.astimezone(UTC))
    else:
        vevent.add("dtstart", start.date())
        vevent.add("dtend", max(end.date(), start.date() + timedelta(days=1)))
    if event["places"]:
        vevent.add("location", ", ".join(event["places"]))
    if event["tags"]:
        vevent.add("categories", event["tags"])
    return vevent


def events_csv(events: list[dict[str, Any]], config: Config) -> str:
    """events.csv: one row per entry; places, tags and sources joined with '; '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        row = {
            **{key: event[key] for key in CSV_COLUMNS if key in event},
            "places": "; ".join(event["places"]),
            "tags": "; ".join(event["tags"]),
            "sources": "; ".join(event["outlets"]),
            "url": absolute_url(config, event["url"]),
        }
        writer.writerow([csv_cell(str(row[key])) for key in CSV_COLUMNS])
    return buffer.getvalue()
