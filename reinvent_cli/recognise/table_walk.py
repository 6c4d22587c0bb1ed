"""The walk over a markdown table: each row an entry at its line; a schedule's rows open talks (as the reading says)."""

from __future__ import annotations

from typing import Any

from reinvent_cli.recognise.headings import close_item_talks, inner_talk
from reinvent_cli.recognise.state import WalkState
from reinvent_cli.recognise.tables import row_entries


def walk_table(st: WalkState, tok: dict[str, Any], context: list[str]) -> None:
    """Rows as paragraph entries (header first); a row the reading made a talk opens that talk first, and
    what follows the table belongs to none of them."""
    first_talk: int | None = None
    for line, text in row_entries(tok):
        if not context and st.plan.roles and inner_talk(st, line) and first_talk is None:
            first_talk = line
        st.add_entry("paragraph", text, line, context)
    if first_talk is not None:
        close_item_talks(st, first_talk)
