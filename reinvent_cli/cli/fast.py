"""The fast path for the commands run most: ``search``, ``talks``, ``announcements``.

Typer coerces every option through pydantic at run time, and importing pydantic alone costs more than
the whole warm answer. When the command line is a simple one of these commands (the options below,
no --help, no completion), ``run`` calls the very same command function that Typer would, with the
values Typer would give it; anything else returns None and goes through Typer as usual.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_GLOBAL_VALUES = {"--notes": "notes", "-n": "notes"}
_GLOBAL_FLAGS = {"--no-cache": "no_cache", "--no-color": "no_color"}

# option -> (parameter, kind): "str", "int", "int100" (0-100), "format", "kinds" (repeatable --kind)
_DAY = {"--day": ("day", "str"), "-d": ("day", "str")}
_WHERE = {"--conference": ("conference", "str"), "-c": ("conference", "str"), "--file": ("file", "str")}
_FORMAT = {"--format": ("fmt", "format"), "-f": ("fmt", "format")}
_COMMANDS: dict[str, dict[str, Any]] = {
    "search": {
        "values": {**_DAY, **_WHERE, **_FORMAT, "--limit": ("limit", "int"), "-l": ("limit", "int"),
                   "--kind": ("kind", "kinds"), "-k": ("kind", "kinds"), "--min-score": ("min_score", "int100")},
        "flags": {"--json": "as_json", "--explain": "explain", "--count": "count"},
        "args": ("query", "many"),
    },
    "talks": {
        "values": {**_DAY, **_WHERE, **_FORMAT, "--track": ("track", "str"), "-t": ("track", "str")},
        "flags": {"--json": "as_json"},
        "args": None,
    },
    "announcements": {
        "values": {**_DAY, **_WHERE, **_FORMAT},
        "flags": {"--json": "as_json"},
        "args": ("query", "optional"),
    },
}


class _Source:
    def __init__(self, name: str) -> None:
        self.name = name


class _Ctx:
    """What the command functions use of a Typer context."""

    def __init__(self, state: Any, given: set[str]) -> None:
        self.obj = state
        self._given = given

    def find_root(self) -> "_Ctx":
        return self

    def get_parameter_source(self, name: str) -> _Source:
        return _Source("COMMANDLINE" if name in self._given else "DEFAULT")


def _value(kind: str, raw: str) -> Any:
    """The value Typer would pass, or raise ValueError (then Typer handles the command line)."""
    if kind == "str":
        return raw
    if kind in ("int", "int100"):
        if not raw.isdigit() or (kind == "int100" and int(raw) > 100):
            raise ValueError(raw)
        return int(raw)
    from reinvent_cli.cli.app import Format, Kind

    if kind == "format":
        return Format(raw)
    return Kind(raw)


def parse(argv: list[str]) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """(command, global options, command parameters) for a simple command line; else None."""
    glob: dict[str, Any] = {"notes": [], "no_cache": False, "no_color": False}
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        opt, eq, val = argv[i].partition("=")
        if opt in _GLOBAL_FLAGS and not eq:
            glob[_GLOBAL_FLAGS[opt]] = True
        elif opt in _GLOBAL_VALUES:
            if not eq:
                i += 1
                if i >= len(argv):
                    return None
                val = argv[i]
            glob["notes"].append(val)
        else:
            return None
        i += 1
    if i >= len(argv) or argv[i] not in _COMMANDS:
        return None
    cmd = argv[i]
    spec = _COMMANDS[cmd]
    params: dict[str, Any] = {}
    args: list[str] = []
    i += 1
    try:
        while i < len(argv):
            tok = argv[i]
            if tok.startswith("-") and tok != "-":
                opt, eq, val = tok.partition("=")
                if opt in spec["flags"] and not eq:
                    params[spec["flags"][opt]] = True
                elif opt in spec["values"]:
                    if not eq:
                        i += 1
                        if i >= len(argv):
                            return None
                        val = argv[i]
                    name, kind = spec["values"][opt]
                    if kind == "kinds":
                        params.setdefault(name, []).append(_value(kind, val))
                    else:
                        params[name] = _value(kind, val)
                else:
                    return None  # --help, --, anything else: Typer's job
            else:
                args.append(tok)
            i += 1
    except ValueError:
        return None
    want = spec["args"]
    if want is None:
        if args:
            return None
    elif want[1] == "many":
        if not args:
            return None
        params[want[0]] = args
    else:
        if len(args) > 1:
            return None
        if args:
            params[want[0]] = args[0]
    return cmd, glob, params


def run(argv: list[str]) -> int | None:
    """Run a simple command line; its exit code, or None when Typer should handle it."""
    if any(k.startswith("_REINVENT_COMPLETE") for k in os.environ):
        return None
    parsed = parse(argv)
    if parsed is None:
        return None
    cmd, glob, params = parsed
    early = _load_early(cmd, glob, params)
    from reinvent_cli.cli import app as cli
    from reinvent_cli.errors import NothingFound, ReinventError

    fn = getattr(cli, cmd, None)
    kwargs = _defaults(fn)
    if kwargs is None or not set(params) <= set(kwargs):
        return None
    kwargs.update(params)
    state = cli.State(notes_paths=glob["notes"], use_cache=not glob["no_cache"], no_color=glob["no_color"], early=early)
    try:
        fn(_Ctx(state, set(params)), **kwargs)
    except ReinventError as exc:  # as cli._Group.invoke does
        from reinvent_cli.render.output import error

        if not isinstance(exc, NothingFound) or exc.message:
            error(state.output, exc.message, exc.hint)
        return exc.exit_code
    return 0


def main() -> None:
    """The ``reinvent`` command: this fast path when it applies, else Typer."""
    from reinvent_cli.errors import EXIT_INTERRUPTED

    try:
        code = run(sys.argv[1:])  # search/talks/announcements without going through Typer's coercion
        if code is not None:
            sys.stdout.flush()
            sys.exit(code)
        from reinvent_cli.cli.app import app

        app(prog_name="reinvent")
    except KeyboardInterrupt:
        sys.stderr.write("reinvent: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.exit(0)


def _load_early(cmd: str, glob: dict[str, Any], params: dict[str, Any]) -> Any:
    """The notes, loaded before the CLI (Typer) and Rich are imported: a few files edited since the last
    run are then parsed in a child process while this one imports them. Returns the Notes, or the
    ReinventError loading raised (the command raises it when it asks for the notes, as it would have)."""
    from reinvent_cli.errors import ReinventError
    from reinvent_cli.notes.query import load_notes

    if cmd == "search" and not " ".join(params.get("query") or []).strip():
        return None  # the command refuses it before reading any notes
    try:
        return load_notes(glob["notes"], use_cache=not glob["no_cache"], idle=_import_cli)
    except ReinventError as exc:
        return exc


def _import_cli() -> None:
    from reinvent_cli.cli import app as cli
    from reinvent_cli.render import output as render  # noqa: F401 - imported now, while an edited file is parsed beside


def _defaults(fn: Any) -> dict[str, Any] | None:
    """The values Typer gives a command's parameters when the command line does not set them."""
    if fn is None:
        return None
    import inspect

    out: dict[str, Any] = {}
    for name, p in list(inspect.signature(fn).parameters.items())[1:]:  # [0] is ctx
        default = p.default
        if hasattr(default, "param_decls"):  # a typer OptionInfo / ArgumentInfo
            default = default.default
        out[name] = default
    # a required argument (...) the command line must give; Typer would complain when it does not
    return {k: (None if v is ... else v) for k, v in out.items()}
