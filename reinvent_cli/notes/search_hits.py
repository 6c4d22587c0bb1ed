"""Search hits as a question asks for them: on a day (by number, weekday or date), in some files, at most
so many. Pure functions: no terminal, no printing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reinvent_cli.errors import UsageError
from reinvent_cli.index import MIN_SCORE
from reinvent_cli.notes.dates import DaySpec, entry_on_day
from reinvent_cli.notes.loaded import Notes
from reinvent_cli.notes.query import files_matching


def search_hits(notes: Notes, query: str, *, kinds: Sequence[str] = (), day: DaySpec | None = None,
                limit: int | None = 10, min_score: int = MIN_SCORE, explain: bool = False, conference: str | None = None,
                file: str | None = None) -> list[Any]:
    """Ranked search hits (index.search.Hit) of these files on ``day``, at most ``limit`` (None or 0: all)."""
    if not query.strip():
        raise UsageError("give words to search for")
    by_date = bool(day and (day.weekday or day.date))  # days named by weekday or date: filtered here, after
    hits: list[Any] = notes.search(query, kinds=list(kinds), day=day.number if day else None,
                                   limit=None if by_date else (limit or None), min_score=min_score, explain=explain,
                                   files=files_matching(notes, conference, file))
    if day and by_date:
        on_day = entry_on_day(notes, day)
        hits = [h for h in hits if on_day(h.entry)]
    return hits[:limit] if limit else hits
