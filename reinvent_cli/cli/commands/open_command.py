"""``reinvent open``: a talk's video in the web browser."""

from __future__ import annotations

import shlex
import sys
import webbrowser

from reinvent_cli.cli import session
from reinvent_cli.errors import NothingFound, UsageError
from reinvent_cli.notes import query as q
from reinvent_cli.render.terminal import safe_url, warn


def run(query: str, print_only: bool, day: str | None, conference: str | None, file: str | None,
                    notes: list[str] | None) -> None:
    st = session.current()
    found = q.find_talk(st.notes(notes), query, conference, file, day=q.parse_day(day)).talk
    name = found.code or found.title
    if not found.video:
        raise NothingFound(f"{name} has no video in the notes", hint=f"see its notes: reinvent talk {shlex.quote(query)}")
    url = safe_url(found.video)
    if url is None:
        raise UsageError(f"{name}: the video link is not an http(s) URL: {found.video}")
    out = st.output
    if print_only:
        out.write_raw(url)
        return
    sys.stderr.write(f"Opening {url}\n")
    if not webbrowser.open(url):
        warn(out, "no web browser found; the video is at:")
        out.write_raw(url)
