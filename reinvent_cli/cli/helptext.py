"""How ``--help`` reads: the README's words (``search WORDS...``, ``--limit N``), no internal type names
(``<list[str]>``, ``<int range>``, ``{query}...``, ``x>=0``)."""

from __future__ import annotations

import re
from typing import Any

from typer._click.core import Context  # the types TyperCommand's methods are declared with
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand

_TYPE = re.compile(r" <[^<>]*>(\.\.\.)?$")  # " <list[str]>" after a name
_RANGE = re.compile(r"(?:; )?(?:-?\d+(?:\.\d+)?<=)?x(?:[<>]=?-?\d+(?:\.\d+)?)?(?=\]|;)")


def _argument_usage(param: Any) -> str:
    name = str(param.metavar or param.name).upper().removesuffix("...")
    many = "..." if param.nargs != 1 else ""
    return f"{name}{many}" if param.required else f"[{name}{many}]"


def _tidy(help_text: str) -> str:
    text = _RANGE.sub("", help_text)
    return re.sub(r"\s*\[\]", "", text.replace("[; ", "["))


class PlainHelp(TyperCommand):
    """A command whose help shows names as the README writes them."""

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
