"""``reinvent`` alone: the overview of the notes."""

from __future__ import annotations

from reinvent_cli.cli import session
from reinvent_cli.notes.loaded import Notes
from reinvent_cli.render.overview import emit_overview


def run(fmt: str, as_json: bool) -> None:
    st = session.current()
    notes_read = st.notes()  # the overview shows no search entries: don't read them
    emit_overview(st.output_as(fmt, as_json), Notes(notes_read.docs("talks", "announcements", "links", "watchlist"),
                                                    notes_read.warnings))
