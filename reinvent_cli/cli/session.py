"""One command line's session: its global options, the notes (read once), the output, and the one place
where an error becomes a message on stderr and an exit code (both ways of running a command use it)."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, Any

from reinvent_cli.errors import EXIT_INTERRUPTED, NothingFound, ReinventError

if TYPE_CHECKING:
    from reinvent_cli.notes.loaded import Notes
    from reinvent_cli.render.terminal import Output


class Session:
    """The global options of one command line and what they lead to (a plain class: a dataclass costs
    more to define than this module's whole job)."""

    def __init__(self, notes_paths: list[str] | None = None, use_cache: bool = True, color: str = "auto",
                 paged: bool = True, as_json: bool = False) -> None:
        self.notes_paths = list(notes_paths or [])
        self.use_cache = use_cache
        self.color = color
        self.paged = paged
        self.as_json = as_json  # --json / --format json before the command: the overview's, or any command's
        self._notes: Notes | None = None
        self._output: Output | None = None

    @property
    def output(self) -> Output:
        if self._output is None:
            from reinvent_cli.render.terminal import make_output  # (cli.main imported Rich while the notes loaded)

            self._output = make_output(self.color, paged=self.paged)
        return self._output

    def output_as(self, fmt: str, as_json: bool = False) -> Output:
        """The output, printing ``fmt`` (``--json`` wins)."""
        out = self.output
        out.fmt = "json" if self.wants_json(as_json) else fmt
        return out

    def wants_json(self, as_json: bool = False) -> bool:
        """JSON: the command's --json, or --json / --format json before the command."""
        return as_json or self.as_json

    def notes(self, more: list[str] | None = None) -> Notes:
        """The notes of ``--notes`` (given before or after the command), read on first use."""
        if self._notes is None:
            from reinvent_cli.cli import early
            from reinvent_cli.notes.load import load_notes
            from reinvent_cli.render.terminal import warn

            paths = [*self.notes_paths, *(more or [])]
            self._notes, carried = early.take(paths, self.use_cache)  # loaded before the command line was read
            if self._notes is None:
                self._notes = load_notes(paths, use_cache=self.use_cache, progress=_indexing_bar)
                self._notes.warnings[:0] = carried
            for w in self._notes.warnings:
                warn(self.output, w)
        return self._notes


_current: Session | None = None


def begin(notes: list[str] | None = None, no_cache: bool = False, no_color: bool = False, color: str = "auto",
          no_pager: bool = False, fmt: str = "table", as_json: bool = False) -> Session:
    """A new session from the global options (the main callback's parameters, by the same names)."""
    global _current
    _current = Session(list(notes or []), use_cache=not no_cache, color="never" if no_color else color,
                       paged=not no_pager, as_json=as_json or fmt == "json")
    return _current


def add_options(notes: list[str] | None = None, no_cache: bool = False, color: str | None = None,
                no_color: bool = False, no_pager: bool = False, as_json: bool = False,
                version: bool = False) -> Session:
    """The global options given after the command's name (cli.options.EVERY_COMMAND), added to the session
    (``--version`` has printed the version and exited while the command line was read)."""
    st = current()
    st.notes_paths += list(notes or [])
    st.use_cache = st.use_cache and not no_cache
    st.color = "never" if no_color else color or st.color
    st.paged = st.paged and not no_pager
    st.as_json = st.as_json or as_json
    return st


def current() -> Session:
    return _current if _current is not None else begin()


def report(exc: ReinventError) -> int:
    """An error's message (and hint) on stderr; its exit code. NothingFound may be silent (--count)."""
    from reinvent_cli.render.terminal import error

    if not isinstance(exc, NothingFound) or exc.message:
        error(current().output, exc.message, exc.hint)
    return exc.exit_code


def closed_pipe() -> int:
    """The reader of stdout has gone (``reinvent outline | head -1``): not an error, exit 0, as grep does;
    what is left to write (and Python's last flush) goes nowhere."""
    with contextlib.suppress(OSError, ValueError):  # no real stdout (a test's capture): nothing to quiet
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def interrupted() -> int:
    sys.stderr.write("reinvent: interrupted\n")
    return EXIT_INTERRUPTED


def finish() -> None:
    """Show what waits for the pager (long output on a terminal)."""
    if _current is not None and _current._output is not None:
        _current._output.finish()


def _indexing_bar(total: int) -> Any:
    """The loader's progress bar (a cold index of many files on a terminal)."""
    from reinvent_cli.render.progress import IndexingBar  # Rich's progress: only when a bar is shown

    return IndexingBar(total)

