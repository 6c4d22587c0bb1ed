"""What the CLI takes from Typer's internals, in one place: the click types the commands' classes are
declared with, from Typer's own copy of click (``typer._click``, typer 0.26 and later: pyproject.toml's
lower bound), and the completion scripts of a named shell (cli.complete)."""

from typer._click.core import Context, Parameter, ParameterSource
from typer._click.formatting import HelpFormatter
from typer._completion_shared import get_completion_script, install

__all__ = ["Context", "HelpFormatter", "Parameter", "ParameterSource", "get_completion_script", "install"]
