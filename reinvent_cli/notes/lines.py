"""The lines of the notes files around places the index names by file and line (search's -C N)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reinvent_cli.errors import InputError
from reinvent_cli.notes.loaded import Notes
from reinvent_cli.read.source import decode


@dataclass(frozen=True)
class NoteLine:
    """One line of a notes file as written (LF-normalised, decoded as the index read it)."""

    line: int
    text: str


def lines_around(notes: Notes, places: Iterable[tuple[str, int]], n: int,
                 own: dict[tuple[str, int], str] | None = None) -> dict[tuple[str, int], list[NoteLine]]:
    """For each (file, line): the ``n`` lines before and after it in its file (not the line itself),
    as ``rg -C n`` shows them; ``own`` gets each place's own line as written. A file that cannot be read
    any more gives no lines."""
    paths = {d.file: d.path for d in notes.docs()}
    files: dict[str, list[str]] = {}
    out: dict[tuple[str, int], list[NoteLine]] = {}
    for file, line in places:
        if file not in files:
            files[file] = _read_lines(paths.get(file) or file)
        text = files[file]
        first, last = max(1, line - n), min(len(text), line + n)
        out[(file, line)] = [NoteLine(k, text[k - 1]) for k in range(first, last + 1) if k != line]
        if own is not None and 1 <= line <= len(text):
            own[(file, line)] = text[line - 1]
    return out


def _read_lines(path: str | Path) -> list[str]:
    try:
        text, _ = decode(Path(path).read_bytes(), str(path))
    except (OSError, InputError):  # gone or binary since it was indexed: no context to show
        return []
    lines = text.split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines  # the final newline ends a line, adds none
