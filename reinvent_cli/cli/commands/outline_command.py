"""``reinvent outline``: the notes as a tree."""

from __future__ import annotations

from reinvent_cli.cli import session
from reinvent_cli.errors import NothingFound
from reinvent_cli.notes import query as q
from reinvent_cli.notes.outline import outline as build_outline
from reinvent_cli.render.tree import emit_outline


def run(day: str | None, depth: int | None, fmt: str, as_json: bool, notes: list[str] | None) -> None:
    st = session.current()
    notes_read, day_spec = st.notes(notes), q.parse_day(day)
    trees = build_outline(notes_read, day_spec, depth)
    out = st.output_as(fmt, as_json)
    if not trees:
        if out.fmt == "json":
            out.write_raw("[]")
        raise NothingFound((q.missing_day(notes_read, day_spec, "notes") if day_spec else None)
                           or (f"no notes for day {day}" if day else "no notes"))
    emit_outline(out, trees)
