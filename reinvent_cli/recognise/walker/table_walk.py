"""The walk over a markdown table: each row an entry at its line; a schedule's rows open talks (as the reading says)."""

from __future__ import annotations

from typing import Any

from reinvent_cli.recognise.talk.tables import cell_lines, row_inlines
from reinvent_cli.recognise.walker.headings import close_item_talks, inner_talk
from reinvent_cli.recognise.walker.links import add_links
from reinvent_cli.recognise.walker.state import WalkState
from reinvent_cli.recognise.walker.talkmeta import media_links


def walk_table(st: WalkState, tok: dict[str, Any], context: list[str]) -> None:
    """Rows as paragraph entries (header first); a row the reading made a talk opens that talk first, and
    what follows the table belongs to none of them."""
    first_talk: int | None = None
    cells = cell_lines(tok) if tok.get("style") == "html" else {}
    for line, row in row_inlines(tok):
        for at in cells.get(line, [line]):  # (an HTML table's cells sit on lines of their own)
            if not context and st.plan.roles and inner_talk(st, at) and first_talk is None:
                first_talk = at
        st.add_entry("paragraph", row.text, line, context)
        if row.links:
            add_links(st, row, line)  # a link in a cell is a link of the notes (its row the line it sits in)
            if st.talk is not None and not context:
                media_links(st.talk, row)  # "| Slides | https://… |", a schedule row's "[slides](…)"
    if first_talk is not None:
        close_item_talks(st, first_talk)
