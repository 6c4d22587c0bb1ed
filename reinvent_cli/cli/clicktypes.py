"""The click types the commands' classes are declared with: Typer's own copy of click (``typer._click``,
typer 0.22 and later), else click itself (older typer, which depends on click)."""

try:
    from typer._click.core import Context, Parameter, ParameterSource
    from typer._click.formatting import HelpFormatter
except ImportError:  # pragma: no cover - typer before it vendored click
    from click.core import Context, Parameter, ParameterSource  # type: ignore[no-redef, assignment, import-not-found, unused-ignore]
    from click.formatting import HelpFormatter  # type: ignore[no-redef, assignment, import-not-found, unused-ignore]

__all__ = ["Context", "HelpFormatter", "Parameter", "ParameterSource"]
