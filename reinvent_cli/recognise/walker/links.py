"""The links of the notes: each with its text, its line, the line it sits in and where it is (day, talk, path)."""

from __future__ import annotations

import bisect

from reinvent_cli.model import Link
from reinvent_cli.recognise.text.inline import FlatInline, one_line
from reinvent_cli.recognise.walker.state import WalkState


def add_links(st: WalkState, flat: FlatInline, line0: int) -> None:
    if not flat.links:
        return
    lines = flat.text.split("\n")  # once, not per link: many links in one paragraph stay linear
    starts = [0]
    for x in lines[:-1]:
        starts.append(starts[-1] + len(x) + 1)
    ctx_of: dict[int, str] = {}
    for lk in flat.links:
        n = bisect.bisect_right(starts, lk.offset) - 1
        line = verify_line(st.lines, lk.url, line0 + n, line0, line0 + len(lines) - 1, lk.text.count("\n"))
        text = one_line(lk.text) or lk.url
        if n not in ctx_of:
            ctx_of[n] = one_line(lines[n])
        st.doc.links.append(Link(text, lk.url, ctx_of[n], st.path, st.file, line,
                                 st.day.number if st.day else None, st.talk.title if st.talk else None))
        st.add_entry("link", text, line, [lk.url])


def verify_line(lines: list[str], needle: str, line: int, first: int, last: int, span: int = 0) -> int:
    """The computed line, or the line of the block that really holds ``needle`` (``span``: the lines a link's text
    runs on after its first, where its address may sit: "[Title that\n  wraps](url)" is at its first line)."""
    if not needle or any(0 < n <= len(lines) and needle in lines[n - 1] for n in range(line, line + span + 1)):
        return line
    for n in range(max(first, 1), min(last, len(lines)) + 1):
        if needle in lines[n - 1]:
            return n
    return line
