"""``reinvent links``: the links of the notes, of a site or matching words."""

from __future__ import annotations

from reinvent_cli.cli import session
from reinvent_cli.cli.commands.emit_records import emit_records
from reinvent_cli.notes import query as q
from reinvent_cli.render.records import LINK_COLUMNS, link_json


def run(query: list[str] | None, domain: str | None, conference: str | None, file: str | None, fmt: str,
        as_json: bool, notes: list[str] | None) -> None:
    found = q.links(session.current().notes(notes), " ".join(query or []), domain, conference, file)
    emit_records(found, LINK_COLUMNS, link_json, fmt, as_json, "links")
