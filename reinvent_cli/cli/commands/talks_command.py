"""``reinvent talks``: the talks of some days, tracks or files, or those matching words."""

from __future__ import annotations

from reinvent_cli.cli import session
from reinvent_cli.cli.commands.emit_records import emit_records
from reinvent_cli.notes import query as q
from reinvent_cli.render.records import TALK_COLUMNS, talk_json


def run(query: list[str] | None, day: str | None, track: str | None, conference: str | None, file: str | None,
        fmt: str, as_json: bool, notes: list[str] | None) -> None:
    notes_read = session.current().notes(notes)
    day_spec = q.parse_day(day)
    words = " ".join(query or [])
    found = q.talks(notes_read, day_spec, track, conference, file, words)
    why = q.missing_day(notes_read, day_spec) if not found and day_spec else None
    why = why or (f"no talk matches {words!r}" if not found and words else None)
    if not found and not notes_read.talks:
        from reinvent_cli.render.overview import no_talk_notes  # (a rare answer: not worth its import)

        why = no_talk_notes(len(notes_read.docs()))  # (a folder of other notes: say so, once)
    emit_records(found, TALK_COLUMNS, talk_json, fmt, as_json, "talks", why)
