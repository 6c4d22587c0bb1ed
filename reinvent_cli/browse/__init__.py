"""`reinvent browse`: live, structure-aware search over the notes in a full-screen Textual app."""

from __future__ import annotations

import os
import sys
from typing import Iterable

from reinvent_cli.browse import data


def run(paths: Iterable[str] | None, *, use_cache: bool = True, no_color: bool = False, query: str = "",
        print_selected: bool = False, web: int | None = None) -> int:
    """Load the notes (the loader's progress bar shows while a cold index builds), run the app until
    the user quits, and return the exit code; with ``print_selected`` the selected place's
    ``file:line`` goes to stdout (exit 1 when nothing was selected), as fzf prints its choice.
    ``web``: serve the app on this port of localhost instead (textual-serve), for a browser."""
    paths = list(paths or [])
    if web is not None:
        from reinvent_cli.browse.web import serve  # only for --web

        argv = [*[a for p in paths for a in ("--notes", p)], *([] if use_cache else ["--no-cache"]),
                *(["--no-color"] if no_color else []), "browse", *([query] if query else [])]
        return serve(argv, port=web)
    served = bool(os.environ.get("TEXTUAL_DRIVER"))  # a process of --web: its terminal is a browser's
    if not served and not (sys.stdin.isatty() and sys.stderr.isatty()):
        data.usage_error("browse needs a terminal (it draws on stderr and reads the keyboard)",
                         "for a pipeline, use: reinvent search QUERY")
    notes = data.load(paths, use_cache)  # with the CLI's progress bar while a cold index builds
    if no_color:
        os.environ["NO_COLOR"] = "1"  # Textual reads it when the app starts
    from reinvent_cli.browse.app import BrowseApp  # Textual: after the notes (a bad --notes answers at once)

    app = BrowseApp(notes, paths, use_cache, query=query)
    chosen = app.run()
    if app.return_code:
        return app.return_code  # 130: Ctrl-C
    return finish(chosen, print_selected)


def finish(chosen: str | None, print_selected: bool) -> int:
    """The exit code; with ``print_selected`` the chosen ``file:line`` on stdout (exit 1: none)."""
    if not print_selected:
        return 0
    if not chosen:
        return 1
    sys.stdout.write(chosen + "\n")
    sys.stdout.flush()
    return 0
