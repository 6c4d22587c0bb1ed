"""``reinvent speakers``: the speakers with their organisations and talks."""

from __future__ import annotations

from reinvent_cli.cli import session
from reinvent_cli.cli.commands.emit_records import emit_records
from reinvent_cli.notes import query as q
from reinvent_cli.render.records import SPEAKER_COLUMNS, speaker_json


def run(query: list[str] | None, fmt: str, as_json: bool, notes: list[str] | None) -> None:
    words = " ".join(query or [])
    found = q.speakers(session.current().notes(notes), words)
    emit_records(found, SPEAKER_COLUMNS, speaker_json, fmt, as_json, "speakers",
                 f"no speaker matches {words!r}" if words else None)
