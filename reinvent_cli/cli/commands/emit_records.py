"""Records in the chosen format, or exit 1 when there are none: what every listing command ends with."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reinvent_cli.cli import session
from reinvent_cli.errors import NothingFound
from reinvent_cli.render.listing import Column, ToJson, emit


def emit_records(found: Sequence[Any], columns: Sequence[Column], to_json: ToJson, fmt: str, as_json: bool,
                 what: str, why: str | None = None) -> None:
    """Records in the chosen format; none is exit 1 (``[]`` in JSON) with ``why`` or "no ... found"."""
    out = session.current().output_as(fmt, as_json)
    if not found:
        if out.fmt == "json":
            out.write_raw("[]")
        raise NothingFound(why or f"no {what} found")
    emit(out, found, columns, to_json)
