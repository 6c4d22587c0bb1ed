"""Days asked for on the command line ("2", "thu", "2024-03-21") and the days of the notes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reinvent_cli.errors import UsageError
from reinvent_cli.model import Document, Entry

if TYPE_CHECKING:  # only for annotations: query imports this module
    from reinvent_cli.notes.query import Notes

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class DaySpec:
    number: int | None = None
    weekday: str | None = None
    date: str | None = None  # ISO "2024-03-21": the day whose heading (or file name) is that date

    def matches(self, day: int | None, weekday: str | None, date: str | None = None) -> bool:
        if self.number is not None:
            return day == self.number
        if self.date is not None:
            return date == self.date
        return weekday is not None and weekday.lower() == self.weekday


def parse_day(value: str | int | None) -> DaySpec | None:
    """"2", "day 2", "thursday", "thu", "2024-03-21" -> a DaySpec; anything else is a usage error."""
    if value is None or value == "":
        return None
    text = str(value).strip().lower()
    if _ISO_DATE.fullmatch(text):
        return DaySpec(date=text)
    m = re.fullmatch(r"(?:day\s*)?(\d{1,2})", text)
    if m:
        return DaySpec(number=int(m.group(1)))
    if len(text) >= 2:
        found = [w for w in _WEEKDAYS if w.startswith(text)]
        if len(found) == 1:
            return DaySpec(weekday=found[0])
    raise UsageError(f"--day {value!r}: give a day number (1, 2, ...), a weekday (thursday, thu) or a date (2024-03-21)")


def entry_on_day(notes: Notes, day: DaySpec) -> Callable[[Entry], bool]:
    """Whether an index entry is on ``day`` (by number, or by the weekday or date its notes give that day);
    the files' documents are looked up once, not per entry."""
    docs = {d.file: d for d in notes.docs()}

    def on_day(entry: Entry) -> bool:
        doc = docs.get(entry.file)
        if doc is None:
            return day.matches(entry.day, None)
        return day.matches(entry.day, _weekday_of(doc, entry.day), _date_of(doc, entry.day))

    return on_day


def missing_day(notes: Notes, day: DaySpec, what: str = "talks") -> str | None:
    """"no talks on day 7; the notes have days 1-3 (...)" when the notes have no such day; else None.
    ``what``: what was asked for (talks, notes, announcements)."""
    days = [(d.number, d.weekday) for doc in notes.docs() for d in doc.days]
    if any(day.matches(d.number, d.weekday, iso_date(d.title)) for doc in notes.docs() for d in doc.days):
        return None
    numbers = sorted({n for n, _ in days if n is not None})
    asked = f"day {day.number}" if day.number is not None else str(day.date or day.weekday)
    dates = sorted({iso for doc in notes.docs() for d in doc.days if (iso := iso_date(d.title))})
    if day.date is not None and dates:
        return f"no {what} on {asked}; the notes have " + ", ".join(dates[:10]) + (", ..." if len(dates) > 10 else "")
    if not numbers:
        return f"no {what} on {asked}; the notes have no day headings"
    have = f"days {numbers[0]}-{numbers[-1]}" if numbers == list(range(numbers[0], numbers[-1] + 1)) else \
        "days " + ", ".join(map(str, numbers))
    weekdays = [w for _, w in days if w]
    if weekdays:
        have += f" ({', '.join(dict.fromkeys(w.lower() for w in weekdays))})"
    return f"no {what} on {asked}; the notes have {have if len(numbers) > 1 else f'day {numbers[0]}'}"


def _weekday_of(doc: Document, day: int | None) -> str | None:
    return next((d.weekday for d in doc.days if d.number == day), None)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(title: str) -> str | None:
    m = _ISO_DATE.search(title)
    return m.group(0) if m else None


def _date_of(doc: Document, day: int | None) -> str | None:
    return next((iso_date(d.title) for d in doc.days if d.number == day), None)
