"""The options several commands share, declared once as Annotated Typer options (as fastapi-cli does):
where to read (--notes, --conference, --file, --day) and how to print (--format, --json)."""

from collections.abc import Callable
from typing import Annotated, Any

import typer

from reinvent_cli.cli.complete import complete_day, complete_talk
from reinvent_cli.cli.early import NOTES_FLAGS
from reinvent_cli.model import ENTRY_KINDS

LISTING_FORMATS = ("table", "json", "csv", "tsv", "markdown")
TALK_FORMATS = ("table", "json", "markdown")
TREE_FORMATS = ("table", "json")
OVERVIEW_FORMATS = ("table", "json")


def choice(option: str, allowed: tuple[str, ...]) -> Callable[[str | None], str | None]:
    """A Typer callback: the value in lower case if it is one of ``allowed``, else a usage error."""

    def check(value: str | None) -> str | None:
        if value is None:
            return None
        low = value.strip().lower()
        if low not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=f"'{option}'")
        return low

    return check


def _kinds(values: list[str] | None) -> list[str] | None:
    check = choice("--kind", ENTRY_KINDS)
    return [check(v) or "" for v in values] if values else values


def _starting(values: tuple[str, ...]) -> Callable[[str], list[str]]:
    return lambda incomplete: [v for v in values if v.startswith(incomplete.lower())]


def _format(allowed: tuple[str, ...], what: str = "Output format") -> Any:
    """``--format/-f`` for a command that prints these formats; any other value is a usage error."""
    return typer.Option(
        "--format", "-f", metavar="FORMAT", callback=choice("--format", allowed),
        help=f"{what}: {', '.join(allowed[:-1])} or {allowed[-1]}.",
        autocompletion=_starting(allowed),
    )


Format = Annotated[str, _format(LISTING_FORMATS)]
TalkFormat = Annotated[str, _format(TALK_FORMATS)]
TreeFormat = Annotated[str, _format(TREE_FORMATS)]
Json = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
JsonOnly = Annotated[bool, typer.Option("--json", help="Print JSON.")]  # a command with no --format
# The overview's (``reinvent`` alone); before a command, json is that command's format too.
OverviewFormat = Annotated[str, _format(OVERVIEW_FORMATS, "The overview's format")]
OverviewJson = Annotated[bool, typer.Option(
    "--json", help="Same as --format json; before a command, that command prints JSON too.")]
Notes = Annotated[list[str] | None, typer.Option(
    *NOTES_FLAGS, metavar="PATH",
    help="Notes file or folder (repeatable; env REINVENT_NOTES, ':'-separated). Default: the bundled notes.")]
Conference = Annotated[str | None, typer.Option(
    "--conference", "-c", metavar="TEXT", help="Only notes whose title contains this.")]
File = Annotated[str | None, typer.Option("--file", metavar="TEXT", help="Only notes files whose path contains this.")]
Day = Annotated[str | None, typer.Option(
    "--day", "-d", metavar="DAY", help="Day number (2) or weekday (thursday, thu).", autocompletion=complete_day)]
Kinds = Annotated[list[str] | None, typer.Option(
    "--kind", "-k", metavar="KIND", callback=_kinds, autocompletion=_starting(ENTRY_KINDS),
    help=f"Only hits of this kind (repeatable): {', '.join(ENTRY_KINDS)}.")]
TalkQuery = Annotated[str, typer.Argument(
    metavar="CODE|TITLE", help="Session code (DAT407) or words of the title.", autocompletion=complete_talk)]
Words = Annotated[list[str] | None, typer.Argument(
    metavar="WORDS", show_default=False, help="Only those matching these words (typos forgiven).")]
Color = Annotated[str, typer.Option(
    "--color", metavar="WHEN", callback=choice("--color", ("auto", "always", "never")),
    help="Colours: auto (on a terminal, unless NO_COLOR is set), always or never.")]

# The global options (parameters of cli.typer_app.main_callback, by name) that every command accepts after its
# name too: ``reinvent talks --no-pager`` is ``reinvent --no-pager talks``. A command's own option of the
# same name (--notes, --json) is the command's.
EVERY_COMMAND = ("notes", "no_cache", "color", "no_color", "no_pager", "as_json", "version")
