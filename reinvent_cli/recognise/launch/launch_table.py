"""Launches as the rows of a table: "| Launch | Details |", "| Service | Status |" with GA/Preview statuses, or
any table under a launch heading ("## Announcements" over "| Product | What it does |"). A pricing table, a
comparison ("| Feature | Free | Pro |") or a schedule ("| Time | Talk | Speaker |") is none."""

from __future__ import annotations

import re

from reinvent_cli.lexicon import LAUNCH_COLUMNS, LAUNCH_STATUS_VALUES, NAME_COLUMNS, STATUS_COLUMNS
from reinvent_cli.recognise.text.patterns import pattern

_CELL_MARKS = pattern(r"[*_`#:：.!?🚀✨🆕\s]+")
_LAUNCH_COL = pattern(rf"^(?:{LAUNCH_COLUMNS})$", re.IGNORECASE)
_NAME_COL = pattern(rf"^(?:(?:new|neue?r?|nouveau|nuevo)\s+)?(?:{NAME_COLUMNS})(?:\s+name)?$", re.IGNORECASE)
_STATUS_COL = pattern(rf"^(?:{STATUS_COLUMNS})$", re.IGNORECASE)
_STATUS = pattern(rf"^\W*(?:{LAUNCH_STATUS_VALUES})\b", re.IGNORECASE)


def _header_word(cell: str) -> str:
    return " ".join(_CELL_MARKS.sub(" ", cell).split()).lower()


def launch_column(header: list[str], body: list[list[str]], under_launch_heading: bool) -> int | None:
    """Which column of a table names its launches, or None when its rows are no launches: a launch column
    ("Launch", "Announcement", "What's new"); a name column ("Service", "Product", "Feature") beside a status
    column with launch statuses in most rows; under a launch heading, the name column or the first."""
    if len(header) < 1 or not body or len(body) > 500:
        return None
    words = [_header_word(c) for c in header]
    for i, w in enumerate(words):
        if _LAUNCH_COL.match(w):
            return i
    name = next((i for i, w in enumerate(words) if _NAME_COL.match(w)), None)
    status = next((i for i, w in enumerate(words) if _STATUS_COL.match(w)), None)
    if name is not None and status is not None:
        marked = sum(1 for row in body if status < len(row) and _STATUS.match(row[status].strip()))
        if marked * 2 >= len(body):
            return name
    if under_launch_heading:
        return name if name is not None else 0
    return None
