"""Plain command lines, run by calling the command's function directly.

The options and arguments are those ``cli.typer_app`` declares (read from its Typer signatures: there is no
second table). Typer's own parsing coerces values through pydantic, whose import alone costs more than
a warm answer; a plain command line (known options, values that need no checking beyond an int range
or the option's own callback) does not need it. Anything else -- help, completion, ``--``, an unknown
or refused value, a short option with its value attached -- returns None and goes through Typer, so
every message about a command line is Typer's, and every error of a command goes through
``session.report`` either way.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from collections.abc import Callable
from typing import Any

import typer

from reinvent_cli.cli import early, session
from reinvent_cli.cli.options import EVERY_COMMAND
from reinvent_cli.cli.typer_internals import ArgumentInfo, OptionInfo, ParameterInfo
from reinvent_cli.errors import ReinventError

_INT = re.compile(r"[0-9]+")


class NotPlain(Exception):
    """The command line is Typer's to read."""


class Param:
    """One parameter of a command function, as its Typer declaration says."""

    __slots__ = ("default", "info", "many", "name", "of")

    def __init__(self, name: str, info: ParameterInfo, of: type, many: bool, default: Any) -> None:
        self.name = name
        self.info = info
        self.of = of  # str, int or bool
        self.many = many  # a repeatable option, or an argument taking every word
        self.default = default

    @property
    def names(self) -> tuple[str, ...]:
        """The option's names; in Annotated style Typer keeps the first one in ``default``."""
        first = self.info.default
        return (*([first] if isinstance(first, str) else []), *(self.info.param_decls or ()))

    @property
    def is_argument(self) -> bool:
        return isinstance(self.info, ArgumentInfo)

    def convert(self, raw: str) -> Any:
        """The value Typer would pass for ``raw``, or NotPlain."""
        value: Any = raw
        if self.of is int:
            if not _INT.fullmatch(raw):
                raise NotPlain(raw)
            value = int(raw)
            low, high = getattr(self.info, "min", None), getattr(self.info, "max", None)
            if (low is not None and value < low) or (high is not None and value > high):
                raise NotPlain(raw)
        elif self.of is not str:
            raise NotPlain(raw)
        return value

    def finish(self, value: Any) -> Any:
        """The value after the option's callback (a callback that refuses it: Typer's to say so)."""
        if self.info.callback is None or value is None:
            return value
        try:
            return self.info.callback(value)
        except Exception as exc:  # noqa: BLE001 - whatever a callback raises, Typer reports it
            raise NotPlain(self.name) from exc


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the type inside Optional[...] and list[...], whether it was a list)."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = args[0] if len(args) == 1 else annotation
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0], True
    return annotation, False


def params_of(fn: Callable[..., Any], skip_others: bool = False) -> list[Param] | None:
    """The parameters of a command function; None if one is not a plain option or argument (a context,
    an eager option). ``skip_others``: leave those out instead (the main callback's context, --version)."""
    out = []
    for p in inspect.signature(fn, eval_str=True).parameters.values():
        param = _param(p)
        if param is None and not skip_others:
            return None
        if param is not None:
            out.append(param)
    return out


def _param(p: inspect.Parameter) -> Param | None:
    if typing.get_origin(p.annotation) is not typing.Annotated:
        return None
    base, *extra = typing.get_args(p.annotation)
    info = next((x for x in extra if isinstance(x, (OptionInfo, ArgumentInfo))), None)
    of, many = _unwrap(base)
    if info is None or of not in (str, int, bool) or (of is bool and many):
        return None
    param = Param(p.name, info, of, many, p.default)
    if isinstance(info, OptionInfo) and (info.is_eager or info.envvar or not param.names):
        return None
    return param


def _options(params: list[Param]) -> dict[str, Param]:
    return {name: p for p in params if not p.is_argument for name in p.names}


def _read(argv: list[str], i: int, params: list[Param], stop_at_word: bool) -> tuple[dict[str, Any], list[str], int]:
    """Options (by parameter name) and words from argv[i:]; with ``stop_at_word``, up to the first word."""
    names = _options(params)
    values: dict[str, Any] = {}
    words: list[str] = []
    while i < len(argv):
        token = argv[i]
        if token == "--" or (token.startswith("-") and token != "-" and not token.startswith("--") and len(token) > 2):
            raise NotPlain(token)  # '--', '-l3', '-pk'
        if not token.startswith("-") or token == "-":
            if stop_at_word:
                break
            words.append(token)
            i += 1
            continue
        opt, eq, raw = token.partition("=")
        p = names.get(opt)
        if p is None:
            raise NotPlain(token)
        if p.of is bool:
            if eq:
                raise NotPlain(token)
            values[p.name] = True
        else:
            if not eq:
                i += 1
                if i >= len(argv) or argv[i].startswith("-"):
                    raise NotPlain(token)
                raw = argv[i]
            value = p.convert(raw)
            values[p.name] = [*values.get(p.name, []), value] if p.many else value
        i += 1
    return values, words, i


def _arguments(params: list[Param], words: list[str]) -> dict[str, Any]:
    """The command's arguments from its words: one word each, or every word for a ``many`` argument."""
    args = [p for p in params if p.is_argument]
    if len(args) == 1 and args[0].many:
        if not words and args[0].default is inspect.Parameter.empty:
            raise NotPlain("missing")
        return {args[0].name: words} if words else {}
    if len(words) > len(args):
        raise NotPlain("extra")
    given = dict(zip([p.name for p in args], words))
    if any(p.default is inspect.Parameter.empty and p.name not in given for p in args):
        raise NotPlain("missing")
    return given


def _call(params: list[Param], given: dict[str, Any]) -> dict[str, Any]:
    values = {p.name: p.default for p in params}
    values.update(given)
    return {p.name: p.finish(values[p.name]) if p.name in given else values[p.name] for p in params}


def _commands() -> dict[str, Callable[..., Any]]:
    from reinvent_cli.cli.typer_app import app

    found = {}
    for info in app.registered_commands:
        fn = info.callback
        if fn is not None and not info.deprecated and not info.hidden:
            found[info.name or fn.__name__.replace("_", "-")] = fn
    return found


def parse(argv: list[str]) -> tuple[Callable[..., Any], dict[str, Any], dict[str, Any], dict[str, Any]] | None:
    """(command function, global options, the command's keyword arguments, the global options given after
    the command's name) of a plain command line."""
    from reinvent_cli.cli.typer_app import main_callback

    global_params = params_of(main_callback, skip_others=True) or []
    try:
        glob, _, i = _read(argv, 0, global_params, stop_at_word=True)
        fn = _commands().get(argv[i]) if i < len(argv) else None
        params = params_of(fn) if fn is not None else None
        if fn is None or params is None:
            return None
        own = {name for p in params for name in p.names}
        late = [p for p in global_params if p.name in EVERY_COMMAND and not own & set(p.names)]
        given, words, _ = _read(argv, i + 1, params + late, stop_at_word=False)
        after = {p.name: p.finish(given.pop(p.name)) for p in late if p.name in given}
        given.update(_arguments(params, words))
        return fn, _call(global_params, glob), _call(params, given), after
    except NotPlain:
        return None


def run(argv: list[str]) -> int | None:
    """Run a plain command line; its exit code, or None when Typer should read it."""
    if early.completing():
        return None
    parsed = parse(argv)
    if parsed is None:
        return None
    fn, glob, kwargs, after = parsed
    if glob.pop("interactive", False):
        return None  # "reinvent -i ...": the full-screen app, through Typer
    session.begin(**glob)
    session.add_options(**after)
    try:
        fn(**kwargs)
    except ReinventError as exc:
        return session.report(exc)
    except typer.Exit as exc:
        return exc.exit_code
    return 0
