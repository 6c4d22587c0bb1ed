"""The command line: Typer commands, the fast path, shell completion."""
