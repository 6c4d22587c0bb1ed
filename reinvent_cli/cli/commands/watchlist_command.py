"""``reinvent watchlist``: the talks noted down to watch later."""

from __future__ import annotations

from reinvent_cli.cli import session
from reinvent_cli.cli.commands.emit_records import emit_records
from reinvent_cli.render.records import WATCH_COLUMNS, watch_json


def run(fmt: str, as_json: bool, notes: list[str] | None) -> None:
    found = session.current().notes(notes).watchlist
    emit_records(found, WATCH_COLUMNS, watch_json, fmt, as_json, "watch-list entries")
