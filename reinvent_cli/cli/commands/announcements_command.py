"""``reinvent announcements``: every launch announced."""

from __future__ import annotations

from reinvent_cli.cli import session
from reinvent_cli.cli.commands.emit_records import emit_records
from reinvent_cli.notes import query as q
from reinvent_cli.render.records import ANNOUNCEMENT_COLUMNS, announcement_json


def run(query: list[str] | None, day: str | None, conference: str | None, file: str | None, fmt: str,
        as_json: bool, notes: list[str] | None) -> None:
    notes_read, day_spec = session.current().notes(notes), q.parse_day(day)
    found = q.announcements(notes_read, day_spec, " ".join(query or []), conference, file)
    why = q.missing_day(notes_read, day_spec, "announcements") if not found and day_spec else None
    emit_records(found, ANNOUNCEMENT_COLUMNS, announcement_json, fmt, as_json, "announcements", why)
