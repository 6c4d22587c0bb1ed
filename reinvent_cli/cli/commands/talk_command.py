"""``reinvent talk``: one talk's whole notes."""

from __future__ import annotations

from reinvent_cli.cli import session
from reinvent_cli.notes import query as q
from reinvent_cli.render.talk import emit_talk


def run(query: str, day: str | None, conference: str | None, file: str | None, fmt: str, as_json: bool,
        notes: list[str] | None) -> None:
    st = session.current()
    notes_read = st.notes(notes)
    found = q.find_talk(notes_read, query, conference, file, day=q.parse_day(day))
    emit_talk(st.output_as(fmt, as_json), found.talk, q.talk_source(notes_read, found.talk), found.attended)
