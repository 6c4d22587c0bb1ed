"""The command line: one short function per command, calling the core and one renderer."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, List, Optional

import typer
from typer.core import TyperGroup

from reinvent_cli import __version__
from reinvent_cli.cli.complete import complete_day, complete_talk, complete_track
from reinvent_cli.errors import EXIT_INTERRUPTED, NothingFound, ReinventError, UsageError

EXIT_CODES_HELP = "Exit codes: 0 results, 1 nothing found, 2 usage or input error, 130 interrupted."


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class _Group(TyperGroup):
    """Maps every ReinventError to its message and exit code, in one place."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ReinventError as exc:
            from reinvent_cli.render.output import error, make_output

            out = _state(ctx).output if ctx.obj else make_output()
            if not isinstance(exc, NothingFound) or exc.message:
                error(out, exc.message, exc.hint)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            typer.echo("reinvent: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)


app = typer.Typer(
    cls=_Group,
    add_completion=True,
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Ask questions of your markdown conference notes.\n\n"
    "\b\nExamples:\n"
    "  reinvent                         overview: talks and announcements per day\n"
    "  reinvent outline                 the notes as a tree\n"
    "  reinvent talks --day 2           the talks of day 2\n"
    "  reinvent search elasticache      where the notes mention ElastiCache\n"
    "  reinvent open DAT407             watch a talk's video\n\n" + EXIT_CODES_HELP,
    epilog=EXIT_CODES_HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class State:
    notes_paths: List[str] = field(default_factory=list)
    use_cache: bool = True
    no_color: bool = False
    _notes: Any = None
    _output: Any = None
    early: Any = None  # notes loaded before this module was imported (fast.py), or the error it raised

    @property
    def output(self):
        if self._output is None:
            from reinvent_cli.render.output import make_output

            self._output = make_output(self.no_color)
        return self._output

    def notes(self):
        if self._notes is None:
            from reinvent_cli.notes.query import load_notes
            from reinvent_cli.render.output import warn

            early, self.early = self.early, None
            if isinstance(early, BaseException):
                raise early
            self._notes = early if early is not None else load_notes(self.notes_paths, use_cache=self.use_cache)
            for w in self._notes.warnings:
                warn(self.output, w)
        return self._notes


def _state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if root.obj is None:
        root.obj = State()
    return root.obj


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reinvent {__version__}")
        raise typer.Exit()


NotesOpt = typer.Option(
    None, "--notes", "-n", metavar="PATH",
    help="Notes file or folder (repeatable; env REINVENT_NOTES, ':'-separated). Default: the bundled notes.",
)


@app.callback()
def main_callback(
    ctx: typer.Context,
    notes: Optional[List[str]] = NotesOpt,
    no_cache: bool = typer.Option(False, "--no-cache", help="Parse the notes again; don't read or write the cache."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours (also: NO_COLOR=1, TERM=dumb)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Ask questions of your markdown conference notes.

    \b
    Examples:
      reinvent                         overview of the notes
      reinvent talks --day 2           the talks of day 2
      reinvent search elasticache      where the notes mention ElastiCache
    """
    state = _state(ctx)
    state.notes_paths = list(notes or [])
    state.use_cache = not no_cache
    state.no_color = no_color
    if ctx.invoked_subcommand is None:
        from reinvent_cli.render.output import emit_overview

        from reinvent_cli.notes.query import Notes

        notes = state.notes()  # the overview shows no search entries: don't read them
        emit_overview(state.output, Notes(notes.docs("talks", "announcements", "links", "watchlist"), notes.warnings))


def _out(ctx: typer.Context, fmt: Format, as_json: bool):
    out = _state(ctx).output
    out.fmt = "json" if as_json else fmt.value
    return out


def _emit(ctx, items, columns, to_json, fmt: Format, as_json: bool, what: str) -> None:
    from reinvent_cli.render.output import emit

    out = _out(ctx, fmt, as_json)
    if not items:
        if out.fmt == "json":
            out.write_raw("[]")
        raise NothingFound(f"no {what} found")
    files = {getattr(i, "file", None) for i in items}
    has_file = any(c.header in ("Line", "File") for c in columns)
    if len(files) > 1 and None not in files and what != "speakers" and not has_file:
        from reinvent_cli.render.output import Column

        columns = [*columns, Column("File", lambda i: f"{i.file}:{i.line}", no_wrap=True)]  # rows of several files
    emit(out, items, columns, to_json)


FormatOpt = typer.Option(Format.table, "--format", "-f", help="Output format.", case_sensitive=False)
JsonOpt = typer.Option(False, "--json", help="Same as --format json.")
ConferenceOpt = typer.Option(None, "--conference", "-c", help="Only notes whose title contains this.")
FileOpt = typer.Option(None, "--file", help="Only notes files whose path contains this.")
DayOpt = typer.Option(None, "--day", "-d", metavar="DAY", help="Day number (2) or weekday (thursday, thu).",
                      autocompletion=complete_day)


@app.command()
def talks(
    ctx: typer.Context,
    day: Optional[str] = DayOpt,
    track: Optional[str] = typer.Option(None, "--track", "-t", metavar="PREFIX", help="Session code prefix, e.g. DAT.",
                                        autocompletion=complete_track),
    conference: Optional[str] = ConferenceOpt,
    file: Optional[str] = FileOpt,
    fmt: Format = FormatOpt,
    as_json: bool = JsonOpt,
) -> None:
    """List talks: day, code, title, speakers, video.

    \b
    Examples:
      reinvent talks --day 2
      reinvent talks --day thu --track DAT --json
    """
    from reinvent_cli.notes import query as index
    from reinvent_cli.render.output import TALK_COLUMNS, talk_json

    st = _state(ctx)
    found = index.talks(st.notes(), index.parse_day(day), track, conference, file)
    _emit(ctx, found, TALK_COLUMNS, talk_json, fmt, as_json, "talks")


@app.command()
def talk(
    ctx: typer.Context,
    query: str = typer.Argument(..., help="Session code (DAT407) or words of the title.",
                                autocompletion=complete_talk),
    conference: Optional[str] = ConferenceOpt,
    file: Optional[str] = FileOpt,
    fmt: Format = FormatOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Show one talk's whole notes.

    \b
    Examples:
      reinvent talk DAT407
      reinvent talk "elasticache deep dive"
      reinvent talk DAT407 --file 2015      (the same code in several files)
    """
    from reinvent_cli.notes import query as index
    from reinvent_cli.render.output import emit_talk

    st = _state(ctx)
    notes = st.notes()
    found = index.find_talk(notes, query, conference, file)
    emit_talk(_out(ctx, fmt, as_json), found, index.talk_source(notes, found))


@app.command()
def announcements(
    ctx: typer.Context,
    query: Optional[str] = typer.Argument(None, help="Only launches matching these words."),
    day: Optional[str] = DayOpt,
    conference: Optional[str] = ConferenceOpt,
    file: Optional[str] = FileOpt,
    fmt: Format = FormatOpt,
    as_json: bool = JsonOpt,
) -> None:
    """List every launch announced: name, day, talk/section, link, details.

    \b
    Examples:
      reinvent announcements
      reinvent announcements --day 2 lambda
    """
    from reinvent_cli.notes import query as index
    from reinvent_cli.render.output import ANNOUNCEMENT_COLUMNS, announcement_json

    found = index.announcements(_state(ctx).notes(), index.parse_day(day), query, conference, file)
    _emit(ctx, found, ANNOUNCEMENT_COLUMNS, announcement_json, fmt, as_json, "announcements")


class Kind(str, Enum):
    talk = "talk"
    section = "section"
    day = "day"
    announcement = "announcement"
    link = "link"
    bullet = "bullet"
    paragraph = "paragraph"
    code = "code"


@app.command()
def search(
    ctx: typer.Context,
    query: List[str] = typer.Argument(..., help="Words to look for; typos are forgiven."),
    limit: int = typer.Option(10, "--limit", "-l", min=0, help="Most hits to show (0: all)."),
    kind: Optional[List[Kind]] = typer.Option(None, "--kind", "-k", help="Only hits of this kind (repeatable)."),
    day: Optional[str] = DayOpt,
    min_score: int = typer.Option(50, "--min-score", min=0, max=100, help="Hide hits scored below this (0-100)."),
    explain: bool = typer.Option(False, "--explain", help="Show how each hit was scored."),
    count: bool = typer.Option(False, "--count", help="Print only the number of hits."),
    conference: Optional[str] = ConferenceOpt,
    file: Optional[str] = FileOpt,
    fmt: Format = FormatOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Fuzzy search of everything in the notes, best first.

    \b
    Examples:
      reinvent search elasticache
      reinvent search "failover redis" --kind bullet --limit 5
      reinvent search near-line --explain
      reinvent search -- -R             (a query that starts with '-')
    """
    from reinvent_cli.notes import query as index
    from reinvent_cli.render.output import emit_hits

    if not " ".join(query).strip():
        raise UsageError("give words to search for", hint="e.g. reinvent search elasticache")
    notes = _state(ctx).notes()
    day_spec = index.parse_day(day)
    if count and getattr(ctx.get_parameter_source("limit"), "name", "") == "DEFAULT":
        limit = 0  # --count counts every hit, unless --limit is given
    weekday_filter = bool(day_spec and day_spec.weekday)
    hits = notes.search(
        " ".join(query), kinds=[k.value for k in kind or []], day=day_spec.number if day_spec else None,
        limit=None if weekday_filter else (limit or None), min_score=min_score, explain=explain,
        files=index.files_matching(notes, conference, file),
    )
    if day_spec and day_spec.weekday:
        hits = [h for h in hits if day_spec.matches(h.entry.day, _weekday(notes, h.entry))]
    hits = hits[:limit] if limit else hits  # after the weekday filter, so --limit still gives up to N
    out = _out(ctx, fmt, as_json)
    if count:
        out.write_raw(str(len(hits)))
        if not hits:
            raise NothingFound("")
        return
    if not hits:
        if out.fmt == "json":
            out.write_raw("[]")
        raise NothingFound(f"nothing relevant for {' '.join(query)!r}")
    emit_hits(out, hits, explain, files={d.file: d.path for d in notes.docs()})


def _weekday(notes, entry) -> Optional[str]:
    for d in notes.docs():
        if d.file == entry.file:
            return next((x.weekday for x in d.days if x.number == entry.day), None)
    return None


@app.command()
def links(
    ctx: typer.Context,
    query: Optional[str] = typer.Argument(None, help="Only links matching these words."),
    domain: Optional[str] = typer.Option(None, "--domain", help="Only links to this domain (youtube.com)."),
    conference: Optional[str] = ConferenceOpt,
    file: Optional[str] = FileOpt,
    fmt: Format = FormatOpt,
    as_json: bool = JsonOpt,
) -> None:
    """List links: text, URL, where they are.

    \b
    Examples:
      reinvent links --domain github.com
      reinvent links lambda --json
    """
    from reinvent_cli.notes import query as index
    from reinvent_cli.render.output import LINK_COLUMNS, link_json

    found = index.links(_state(ctx).notes(), query, domain, conference, file)
    _emit(ctx, found, LINK_COLUMNS, link_json, fmt, as_json, "links")


@app.command()
def speakers(ctx: typer.Context, fmt: Format = FormatOpt, as_json: bool = JsonOpt) -> None:
    """List speakers with their organisations and talks.

    \b
    Examples:
      reinvent speakers
      reinvent speakers --format csv
    """
    from reinvent_cli.notes import query as index
    from reinvent_cli.render.output import SPEAKER_COLUMNS, speaker_json

    _emit(ctx, index.speakers(_state(ctx).notes()), SPEAKER_COLUMNS, speaker_json, fmt, as_json, "speakers")


@app.command()
def watchlist(ctx: typer.Context, fmt: Format = FormatOpt, as_json: bool = JsonOpt) -> None:
    """List the talks noted down to watch later: code, title, video.

    \b
    Examples:
      reinvent watchlist
      reinvent watchlist --json
    """
    from reinvent_cli.render.output import WATCH_COLUMNS, watch_json

    _emit(ctx, _state(ctx).notes().watchlist, WATCH_COLUMNS, watch_json, fmt, as_json, "watch-list entries")


@app.command()
def outline(
    ctx: typer.Context,
    day: Optional[str] = DayOpt,
    depth: Optional[int] = typer.Option(None, "--depth", min=1, help="Levels to draw: 1 days, 2 talks, 3 sections."),
    as_json: bool = JsonOpt,
) -> None:
    """Draw the notes as a tree: days › talks › sections, with their bullets, links and announcements.

    \b
    Examples:
      reinvent outline
      reinvent outline --day 2 --depth 2
      reinvent outline --json
    """
    from reinvent_cli.notes import query as index
    from reinvent_cli.notes.outline import outline as build_outline
    from reinvent_cli.render.output import emit_outline

    trees = build_outline(_state(ctx).notes(), index.parse_day(day), depth)
    out = _out(ctx, Format.table, as_json)
    if not trees:
        if out.fmt == "json":
            out.write_raw("[]")
        raise NothingFound(f"no notes for day {day}")
    emit_outline(out, trees)


@app.command("open")
def open_video(
    ctx: typer.Context,
    query: str = typer.Argument(..., help="Session code (DAT407) or words of the title.",
                                autocompletion=complete_talk),
    print_only: bool = typer.Option(False, "--print", "-p", help="Print the video's URL; don't start a browser."),
    conference: Optional[str] = ConferenceOpt,
    file: Optional[str] = FileOpt,
) -> None:
    """Open a talk's video in the web browser.

    \b
    Examples:
      reinvent open DAT407
      reinvent open "elasticache deep dive"
      reinvent open DAT407 --print      just the URL, e.g. for mpv or a script
    """
    import shlex
    import webbrowser

    from reinvent_cli.notes import query as index
    from reinvent_cli.render.output import safe_url, warn

    st = _state(ctx)
    found = index.find_talk(st.notes(), query, conference, file)
    name = found.code or found.title
    if not found.video:
        raise NothingFound(f"{name} has no video in the notes", hint=f"see its notes: reinvent talk {shlex.quote(query)}")
    url = safe_url(found.video)
    if url is None:
        raise UsageError(f"{name}: the video link is not an http(s) URL: {found.video}")
    out = st.output
    if print_only:
        out.write_raw(url)
        return
    typer.echo(f"Opening {url}", err=True)
    if not webbrowser.open(url):
        warn(out, "no web browser found; the video is at:")
        out.write_raw(url)


cache_app = typer.Typer(
    help="The on-disk index of the notes (it makes repeated questions fast).\n\n"
    "\b\nExamples:\n  reinvent cache info\n  reinvent cache clear",
    no_args_is_help=True, rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info(ctx: typer.Context, as_json: bool = JsonOpt) -> None:
    """Show where the cache is, how many notes files it holds and its size.

    \b
    Examples:
      reinvent cache info
      reinvent cache info --json
    """
    import json

    from reinvent_cli.index import store as cache

    info = cache.info()
    out = _state(ctx).output
    if as_json:
        out.write_raw(json.dumps(info, indent=2))
        return
    size = info["bytes"]
    lines = [f"location: {info['location']}" + ("" if info["exists"] else " (not created yet)"),
             f"files:    {info['files']}" + (f" ({info['unreadable']} unreadable)" if info.get("unreadable") else ""),
             f"entries:  {info['entries']}",
             f"size:     {size / 1e6:.1f} MB" if size >= 1e5 else f"size:     {size / 1e3:.1f} kB"]
    if info.get("status") and info["status"] != "ok":
        lines.append(f"status:   {info['status']}")
    out.write_raw("\n".join(lines))


@cache_app.command("clear")
def cache_clear(ctx: typer.Context) -> None:
    """Delete the cache; the next command reads the notes again.

    \b
    Examples:
      reinvent cache clear
    """
    from reinvent_cli.index import store as cache

    path, existed = cache.clear()
    typer.echo(f"removed {path}" if existed else f"no cache at {path}", err=True)


def main() -> None:
    from reinvent_cli.cli.fast import main as _main

    _main()
