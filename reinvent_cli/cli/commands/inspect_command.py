"""``reinvent inspect FILE``: how a notes file was read."""

from __future__ import annotations

from reinvent_cli.cli import session
from reinvent_cli.read.overrides import find_layout
from reinvent_cli.read.source import read_source
from reinvent_cli.recognise.inspect import inspect_source
from reinvent_cli.render.inspection import emit_inspection


def run(path: str, as_json: bool) -> None:
    found = inspect_source(read_source(path), find_layout(path))
    emit_inspection(session.current().output_as("table", as_json), found)
