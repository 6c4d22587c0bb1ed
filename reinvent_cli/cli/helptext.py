"""How ``--help`` reads: the README's words (``search WORDS...``, ``--limit N``), no internal type names
(``<list[str]>``, ``<int range>``, ``{query}...``, ``x>=0``); and the global options every command
accepts after its name (cli.options.EVERY_COMMAND, declared once, on the main callback)."""

from __future__ import annotations

import copy
import re
from typing import Any

from reinvent_cli.cli.options import EVERY_COMMAND
from reinvent_cli.cli.typer_internals import Context, HelpFormatter, Parameter, ParameterSource, TyperCommand

_TYPE = re.compile(r" <[^<>]*>(\.\.\.)?$")  # " <list[str]>" after a name
_RANGE = re.compile(r"(?:; )?(?:-?\d+(?:\.\d+)?<=)?x(?:[<>]=?-?\d+(?:\.\d+)?)?(?=\]|;)")


def _argument_usage(param: Any) -> str:
    name = str(param.metavar or param.name).upper().strip("[]").removesuffix("...")
    many = "..." if param.nargs != 1 else ""
    return f"{name}{many}" if param.required else f"[{name}{many}]"


def _tidy(help_text: str) -> str:
    text = _RANGE.sub("", help_text)
    return re.sub(r"\s*\[\]", "", text.replace("[; ", "["))


def _global_options(ctx: Context, own: list[Parameter]) -> list[Parameter]:
    """The main callback's options of EVERY_COMMAND that the command has no option of the same name for."""
    taken = {name for p in own for name in (*p.opts, *p.secondary_opts)}
    shared = []
    for p in ctx.find_root().command.params:
        if p.name in EVERY_COMMAND and p.param_type_name == "option" and not taken & {*p.opts, *p.secondary_opts}:
            hidden = copy.copy(p)  # listed in `reinvent --help`, not in every command's
            hidden.hidden = True  # type: ignore[attr-defined]
            shared.append(hidden)
    return shared


class PlainHelp(TyperCommand):
    """A command whose help shows names as the README writes them, and which takes the global options
    after its name too (given there, they are applied to the session before the command runs)."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        own = super().get_params(ctx)
        return own + _global_options(ctx, own) if ctx.parent is not None else own

    def invoke(self, ctx: Context) -> Any:
        from reinvent_cli.cli import session

        own = {p.name for p in self.params}
        late = {name: ctx.params.pop(name) for name in EVERY_COMMAND if name not in own and name in ctx.params}
        session.add_options(**{name: value for name, value in late.items()
                                if ctx.get_parameter_source(name) not in (None, ParameterSource.DEFAULT)})
        return super().invoke(ctx)

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        pieces = ["[OPTIONS]"] if any(p.param_type_name == "option" for p in self.get_params(ctx)) else []
        return pieces + [_argument_usage(p) for p in self.get_params(ctx) if p.param_type_name == "argument"]

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        args, opts = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            name, help_text = record
            if param.param_type_name == "argument":
                args.append((_argument_usage(param).strip("[]"), _tidy(help_text)))
            else:
                opts.append((_TYPE.sub("", name), _tidy(help_text)))
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
