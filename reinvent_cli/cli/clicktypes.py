"""The click types the commands' classes are declared with, from Typer's own copy of click (``typer._click``,
typer 0.26 and later: pyproject.toml's lower bound). The one module that imports Typer's internals."""

from typer._click.core import Context, Parameter, ParameterSource
from typer._click.formatting import HelpFormatter

__all__ = ["Context", "HelpFormatter", "Parameter", "ParameterSource"]
