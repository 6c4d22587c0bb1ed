"""The notes a command line names, loaded before Typer, the commands and Rich are imported: those imports
are then the work done while a few edited files are parsed in a forked child (see notes.load).

Only the names of the options that say which notes to read are needed here, and they are declared here,
once: cli.options and cli.typer_app build their Typer options from them. The session takes this load only if it
asks for the same notes the same way (so a command line read otherwise by Typer costs a second load, never
a wrong answer); a load that would index more than a few files waits for the command (and its progress bar).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from reinvent_cli.errors import ReinventError

if TYPE_CHECKING:
    from reinvent_cli.notes.loaded import Notes

NOTES_FLAGS = ("--notes", "-n")
NO_CACHE_FLAG = "--no-cache"
# Words after which nothing is loaded here: help, the version, options Typer reads, the full-screen app.
_NOT_HERE = frozenset({"--help", "-h", "--version", "--interactive", "-i", "--"})
# Commands that read no notes, or read them their own way.
_OWN_WAY = frozenset({"browse", "cache", "inspect", "mcp"})


class Early:
    """What the load before the command line gave: notes, an error, or warnings of a deferred load."""

    __slots__ = ("error", "key", "notes", "warnings")

    def __init__(self, key: tuple[list[str], bool]) -> None:
        self.key = key
        self.notes: Notes | None = None
        self.error: ReinventError | None = None
        self.warnings: list[str] = []


_early: Early | None = None


def completing() -> bool:
    """Whether the shell is asking Typer to complete a command line (not to run it)."""
    return any(k.startswith("_REINVENT_COMPLETE") for k in os.environ)


def scan(argv: list[str]) -> tuple[list[str], bool] | None:
    """(every ``--notes`` value in order, whether the cache is used) of a command line that reads notes,
    as Typer will read them; None when nothing should be loaded before the command line is read."""
    if completing():
        return None
    paths: list[str] = []
    use_cache, command, i = True, None, 0
    while i < len(argv):
        token = argv[i]
        if token in _NOT_HERE:
            return None
        if token in NOTES_FLAGS:
            if i + 1 >= len(argv):
                return None
            paths.append(argv[i + 1])
            i += 1
        elif token.startswith(NOTES_FLAGS[0] + "="):
            paths.append(token.partition("=")[2])
        elif token == NO_CACHE_FLAG:
            use_cache = False
        elif command is None and not token.startswith("-"):
            command = token
        i += 1
    if command in _OWN_WAY or not use_cache:
        return None
    return paths, use_cache


def start(argv: list[str], imports: Any) -> None:
    """Load the notes ``argv`` names (at most a few changed files), calling ``imports`` while a child
    process parses them; ``imports`` is called in any case."""
    global _early
    _early = None
    key = scan(argv)
    if key is not None:
        from reinvent_cli.notes.load import Deferred, load_notes

        early = _early = Early(key)
        try:
            early.notes = load_notes(key[0], use_cache=key[1], idle=imports, only_small=True)
        except Deferred as exc:
            early.warnings = exc.warnings
        except ReinventError as exc:
            early.error = exc
        except Exception:  # noqa: BLE001 - anything else: the command's own load meets it and reports it
            _early = None
    imports()  # (again, if the load called it: then the modules are there, and this costs nothing)


def take(paths: list[str], use_cache: bool) -> tuple[Notes | None, list[str]]:
    """The early load if it read these notes so, else (None, []); with a deferred load, (None, the
    warnings it gave). An error it met is raised now, when the command asks for the notes."""
    global _early
    early, _early = _early, None
    if early is None or early.key != (paths, use_cache):
        discard(early)
        return None, []
    if early.error is not None:
        raise early.error
    return early.notes, early.warnings


def discard(early: Early | None = None) -> None:
    """Close the cache an early load opened that no command took."""
    global _early
    if early is None:
        early, _early = _early, None
    if early is not None and early.notes is not None:
        early.notes.close()
