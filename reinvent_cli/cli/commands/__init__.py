"""One module per command (as pipx's ``commands/``): what it imports, it imports at its top, so the one
lazy import of a command -- in cli.typer_app, whose functions hold only the options -- loads what that
command needs and nothing another command needs."""
