"""Shell completion of live values from the notes: talk codes, days, tracks.

Callbacks for Typer's ``autocompletion=``; they run on every <Tab>, so they read the notes once (from
the cache when there is one), never print, and never raise: a broken notes path completes nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import typer

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _notes(ctx: typer.Context | None) -> Any:
    """The notes the command line being completed points at (--notes, REINVENT_NOTES or bundled)."""
    from reinvent_cli.notes.load import load_notes

    paths: list[str] = []
    no_cache = False
    if ctx is not None:
        root = ctx.find_root()
        paths = list(root.params.get("notes") or [])
        no_cache = bool(root.params.get("no_cache"))
    return load_notes(paths, use_cache=not no_cache)


Completer = Callable[[typer.Context, str], list[tuple[str, str]]]


def _safe(fn: Completer) -> Completer:
    def wrapper(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        try:
            return fn(ctx, incomplete or "")
        except Exception:  # noqa: BLE001 - completion must never break the user's shell
            return []

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def _like(value: str, incomplete: str) -> str:
    """``value`` in the case the user is typing (Typer and the shells keep only exact-prefix matches;
    the commands themselves ignore case): ``dat<Tab>`` gives ``dat407``, ``Thu<Tab>`` gives ``Thursday``."""
    if not incomplete or not value.lower().startswith(incomplete.lower()):
        return value
    if incomplete == incomplete.lower():
        return value.lower()
    if incomplete == incomplete.upper() and len(incomplete) > 1:
        return value.upper()
    return incomplete + value[len(incomplete):]


def _help(text: str, width: int = 60) -> str:
    from reinvent_cli.render.terminal import clean

    text = clean(text)
    return text if len(text) <= width else text[: width - 1] + "…"


@_safe
def complete_talk(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Session codes (DAT407) starting with what was typed, any case, with the talk title as help; the
    talks of the watch list too."""
    inc = incomplete.lower()
    out: list[tuple[str, str]] = []
    notes = _notes(ctx)
    for t in [*notes.talks, *notes.watchlist]:
        code = _like(t.code or "", incomplete)
        if code and code.lower().startswith(inc) and all(code != c for c, _ in out):
            out.append((code, _help(t.title)))
    return out


@_safe
def complete_day(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Day numbers (1, 2, 3) and weekdays (thursday) that the notes have."""
    inc = incomplete.lower()
    out: list[tuple[str, str]] = []
    days = [d for doc in _notes(ctx).documents for d in doc.days]
    for d in days:
        if d.number is not None and str(d.number).startswith(inc) and all(str(d.number) != c for c, _ in out):
            out.append((str(d.number), _help(d.title)))
    for d in days:
        w = (d.weekday or "").lower()
        if w in _WEEKDAYS and w.startswith(inc) and all(_like(w, incomplete) != c for c, _ in out):
            out.append((_like(w, incomplete), _help(d.title)))
    return out


@_safe
def complete_track(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Tracks: the letters of session codes (DAT, CMP), with how many talks each has."""
    inc = incomplete.upper()
    counts: dict[str, int] = {}
    for t in _notes(ctx).talks:
        if t.track:
            counts[t.track.upper()] = counts.get(t.track.upper(), 0) + 1
    return [(_like(k, incomplete), f"{n} talk{'s' if n != 1 else ''}")
            for k, n in sorted(counts.items()) if k.startswith(inc)]



SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
_COMPLETION_OPTIONS = ("--show-completion", "--install-completion")  # (cli.main looks for them by name too)


def completion_for_shell(argv: list[str]) -> int | None:
    """``--show-completion zsh`` / ``--show-completion=zsh`` (and ``--install-completion``): that shell's
    script, not the one of the shell Typer detects; an exit code, or None when no shell is named (Typer
    then answers as it does)."""
    from reinvent_cli.render.terminal import writable

    for i, token in enumerate(argv):
        option, eq, shell = token.partition("=")
        if option not in _COMPLETION_OPTIONS:
            if not token.startswith("-"):
                return None  # a command: the options belong before it
            continue
        if not eq:
            shell = argv[i + 1] if i + 1 < len(argv) and argv[i + 1] in SHELLS else ""
            if not shell:
                return None
        if shell not in SHELLS:
            writable(sys.stderr).write(f"reinvent: no completion for {shell!r}; shells: {', '.join(SHELLS)}\n")
            return 2
        from reinvent_cli.cli.typer_internals import get_completion_script, install

        if option == "--show-completion":
            sys.stdout.write(get_completion_script(prog_name="reinvent", complete_var="_REINVENT_COMPLETE",
                                                   shell=shell) + "\n")
        else:
            name, path = install(shell=shell, prog_name="reinvent", complete_var="_REINVENT_COMPLETE")
            sys.stdout.write(f"{name} completion installed in {path}\nCompletion will take effect once you "
                             "restart the terminal\n")
        return 0
    return None
