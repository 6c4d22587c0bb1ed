"""Days asked for on the command line ("2", "thu", "2024-03-21") and the days of the notes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reinvent_cli.errors import UsageError
from reinvent_cli.model import Document, Entry
from reinvent_cli.notes.loaded import Notes

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
        return day.matches(entry.day, weekday_of(doc, entry.day), date_of(doc, entry.day))

    return on_day


def missing_day(notes: Notes, day: DaySpec, what: str = "talks") -> str | None:
    """"no talks on day 7; the notes have days 1-3 (...)" when the notes have no such day; else None.
    ``what``: what was asked for (talks, notes, announcements)."""
    days = [(d.number, d.weekday) for doc in notes.docs() for d in doc.days]
    if any(day.matches(d.number, d.weekday, iso_date(d.title, notes_year(doc))) for doc in notes.docs()
           for d in doc.days):
        return None
    numbers = sorted({n for n, _ in days if n is not None})
    asked = f"day {day.number}" if day.number is not None else str(day.date or day.weekday)
    dates = sorted({iso for doc in notes.docs() for d in doc.days if (iso := iso_date(d.title, notes_year(doc)))})
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


def weekday_of(doc: Document, day: int | None) -> str | None:
    return next((d.weekday for d in doc.days if d.number == day), None)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# "9/3/2025" (month first, as US schedules write it, unless the first number cannot be a month),
# "16.02.2024" (day first), "Fri 16 Feb", "February 16th", "16. Februar" (the year from the notes).
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)?\d\d)(?![\d/])")
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?!\d)")
_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+)?([^\W\d_]{3,10})\.?", re.UNICODE)
_MONTH_DAY = re.compile(r"([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)", re.UNICODE)


def iso_date(title: str, year: str | None = None) -> str | None:
    """The date a day's heading names, as ISO: "2024-03-21", "9/3/2025", "16.02.2024", or "Fri 16 Feb" /
    "Feb 16" in the ``year`` of the notes (a year in the heading wins)."""
    m = _ISO_DATE.search(title)
    if m:
        return m.group(0)
    from reinvent_cli.lexicon import MONTHS  # every word of every language: only a day heading with no ISO date

    m = _SLASHED.search(title)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
        month, day = (b, a) if a > 12 else (a, b)
        return _iso(y if len(y) == 4 else "20" + y, month, day)
    m = _DOTTED.search(title)
    if m:
        return _iso(m.group(3), int(m.group(2)), int(m.group(1)))
    own = _YEAR.search(title)
    year = own.group(1) if own else year
    if not year:
        return None
    for m in _DAY_MONTH.finditer(title):
        named = MONTHS.get(m.group(2).lower())
        if named:
            return _iso(year, named, int(m.group(1)))
    for m in _MONTH_DAY.finditer(title):
        named = MONTHS.get(m.group(1).lower())
        if named:
            return _iso(year, named, int(m.group(2)))
    return None


def _iso(year: str, month: int, day: int) -> str | None:
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def notes_year(doc: Document) -> str | None:
    """The year of a file's notes: its front matter date, else a year in its title or its name."""
    for text in (doc.date or "", doc.title or "", doc.file):
        m = _YEAR.search(str(text))
        if m:
            return m.group(1)
    return None


def date_of(doc: Document, day: int | None) -> str | None:
    return next((iso_date(d.title, notes_year(doc)) for d in doc.days if d.number == day), None)
