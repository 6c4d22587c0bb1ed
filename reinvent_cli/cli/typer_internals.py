"""What the CLI takes from Typer's internals, in one place (tests/cli/test_help.py checks each name and
attribute, so a Typer release that moves one fails there, loudly):

* the click types the commands' classes are declared with, from Typer's own copy of click
  (``typer._click``, typer 0.26 and later: pyproject.toml's lower bound);
* the completion scripts of a named shell (cli.complete);
* the command and group classes (``typer.core``) the help and the error mapping subclass;
* the parameter declarations (``typer.models``) cli.commandline reads the commands' signatures with:
  ``ParameterInfo.default``, ``.param_decls``, ``.callback``; ``OptionInfo.is_eager``, ``.envvar``;
  and each registered command's ``callback``, ``name``, ``deprecated``, ``hidden``."""

from typer._click.core import Context, Parameter, ParameterSource
from typer._click.formatting import HelpFormatter
from typer._completion_shared import get_completion_script, install
from typer.core import TyperCommand, TyperGroup
from typer.models import ArgumentInfo, CommandInfo, OptionInfo, ParameterInfo

__all__ = [
    "ArgumentInfo",
    "CommandInfo",
    "Context",
    "HelpFormatter",
    "OptionInfo",
    "Parameter",
    "ParameterInfo",
    "ParameterSource",
    "TyperCommand",
    "TyperGroup",
    "get_completion_script",
    "install",
]

# What cli.commandline reads of them (tests/cli/test_help.py checks these are there).
PARAMETER_FIELDS = ("default", "param_decls", "callback")
OPTION_FIELDS = ("is_eager", "envvar")
COMMAND_FIELDS = ("callback", "name", "deprecated", "hidden")
