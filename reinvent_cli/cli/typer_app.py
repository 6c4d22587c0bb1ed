"""The command line: every command and option declared once, here, as Typer functions; each calls the
core and one renderer. ``cli.commandline`` runs plain command lines of them without Typer's parsing."""

from typing import Annotated, Any

import typer

from reinvent_cli import __version__
from reinvent_cli.cli import options as opt
from reinvent_cli.cli import session
from reinvent_cli.cli.complete import complete_talk, complete_track
from reinvent_cli.cli.early import NO_CACHE_FLAG
from reinvent_cli.cli.helptext import PlainHelp
from reinvent_cli.cli.typer_internals import (  # (Context: the type TyperGroup.invoke is declared with)
    Context,
    TyperGroup,
)
from reinvent_cli.errors import ReinventError
from reinvent_cli.index import MIN_SCORE

EXIT_CODES_HELP = "Exit codes: 0 results, 1 nothing found, 2 usage or input error, 130 interrupted."


class _Group(TyperGroup):
    """Maps every ReinventError to its message and exit code (session.report, the one place)."""

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except ReinventError as exc:
            ctx.exit(session.report(exc))
        except KeyboardInterrupt:
            ctx.exit(session.interrupted())
        except BrokenPipeError:  # Typer would exit 1: a closed pipe is not "nothing found"
            ctx.exit(session.closed_pipe())


app = typer.Typer(
    cls=_Group,
    add_completion=True,
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    epilog=EXIT_CODES_HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reinvent {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    notes: opt.Notes = None,
    no_cache: Annotated[bool, typer.Option(NO_CACHE_FLAG, help="Parse the notes again; don't use the cache.")] = False,
    color: opt.Color = "auto",
    no_color: Annotated[bool, typer.Option("--no-color", help="Same as --color never (also NO_COLOR=1).")] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Don't page long output (PAGER, REINVENT_PAGER).")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
    fmt: opt.OverviewFormat = "table",
    as_json: opt.OverviewJson = False,
    interactive: Annotated[bool, typer.Option("--interactive", "-i", help="Same as reinvent browse.")] = False,
) -> None:
    """Ask questions of your markdown conference notes.

    \b
    Examples:
      reinvent                         overview: talks and announcements per day
      reinvent --json                  the overview as JSON
      reinvent outline                 the notes as a tree
      reinvent talks --day 2           the talks of day 2
      reinvent search elasticache      where the notes mention ElastiCache
      reinvent open DAT407             watch a talk's video
      reinvent -i                      search live, full screen (= browse)
    """
    session.begin(notes=notes, no_cache=no_cache, color=color, no_color=no_color, no_pager=no_pager, fmt=fmt,
                  as_json=as_json)
    if ctx.invoked_subcommand is None and interactive:
        browse()
    if ctx.invoked_subcommand is None:
        from reinvent_cli.cli.commands import overview_command

        overview_command.run(fmt, as_json)


@app.command(cls=PlainHelp)
def talks(
    query: opt.Words = None,
    day: opt.Day = None,
    track: Annotated[str | None, typer.Option("--track", "-t", metavar="PREFIX", autocompletion=complete_track,
                                                 help="Session code prefix, e.g. DAT.")] = None,
    conference: opt.Conference = None,
    file: opt.File = None,
    fmt: opt.Format = "table",
    as_json: opt.Json = False,
    notes: opt.Notes = None,
) -> None:
    """List talks: day, code, title, speakers, video; with WORDS, the talks whose code, title or
    speakers match them (typos forgiven), best first.

    Piped, one line per talk, tab-separated: day, code, title, speakers, video, file, line
    (--format tsv adds a header row).

    \b
    Examples:
      reinvent talks --day 2
      reinvent talks --day thu --track DAT --json
      reinvent talks elasticache
    """
    from reinvent_cli.cli.commands import talks_command

    talks_command.run(query, day, track, conference, file, fmt, as_json, notes)


@app.command(cls=PlainHelp)
def talk(
    query: opt.TalkQuery,
    day: opt.Day = None,
    conference: opt.Conference = None,
    file: opt.File = None,
    fmt: opt.TalkFormat = "table",
    as_json: opt.Json = False,
    notes: opt.Notes = None,
) -> None:
    """Show one talk's whole notes (a talk of the watch list: its code, title and video).

    \b
    Examples:
      reinvent talk DAT407
      reinvent talk "elasticache deep dive"
      reinvent talk keynote --day 2
      reinvent talk DAT407 --file 2015      (the same code in several files)
    """
    from reinvent_cli.cli.commands import talk_command

    talk_command.run(query, day, conference, file, fmt, as_json, notes)


@app.command(cls=PlainHelp)
def announcements(
    query: opt.Words = None,
    day: opt.Day = None,
    conference: opt.Conference = None,
    file: opt.File = None,
    fmt: opt.Format = "table",
    as_json: opt.Json = False,
    notes: opt.Notes = None,
) -> None:
    """List every launch announced: name, day, talk/section, link, details.

    \b
    Examples:
      reinvent announcements
      reinvent announcements --day 2 lambda
    """
    from reinvent_cli.cli.commands import announcements_command

    announcements_command.run(query, day, conference, file, fmt, as_json, notes)


@app.command(cls=PlainHelp)
def search(
    query: Annotated[list[str], typer.Argument(metavar="WORDS", help="Words to look for; typos are forgiven.")],
    limit: Annotated[int | None, typer.Option(
        "--limit", "-l", min=0, metavar="N", show_default=False,
        help="Most hits to show (default 10; with --count, all; 0: all).")] = None,
    kind: opt.Kinds = None,
    day: opt.Day = None,
    min_score: Annotated[int, typer.Option("--min-score", min=0, max=100, metavar="0-100",
                                           help="Hide hits scored below this.")] = MIN_SCORE,
    explain: Annotated[bool, typer.Option("--explain", help="Show how each hit was scored.")] = False,
    count: Annotated[bool, typer.Option("--count", help="Print only the number of hits.")] = False,
    conference: opt.Conference = None,
    file: opt.File = None,
    fmt: opt.Format = "table",
    as_json: opt.Json = False,
    notes: opt.Notes = None,
    by: Annotated[str | None, typer.Option(
        "--by", metavar="talk", callback=opt.choice("--by", ("talk",)),
        help="Rank talks by how much of their notes match, one line per talk.")] = None,
    context: Annotated[int, typer.Option(
        "--context", "-C", min=0, metavar="N", show_default=False,
        help="Show N lines of the notes before and after each hit, as rg -C does.")] = 0,
) -> None:
    """Fuzzy search of everything in the notes, best first.

    Piped, one grep-like line per hit: file:line:text (--format tsv or json: kind, score, path too);
    with -C N, the lines around it as file-line-text, and -- between groups, as rg prints them.

    \b
    Examples:
      reinvent search elasticache
      reinvent search "failover redis" --kind bullet --limit 5
      reinvent search near-line --explain
      reinvent search -- -R             (a query that starts with '-')
      reinvent search --by talk containers   (which talks are about containers)
      reinvent search redis failover -C 2    (two lines before and after each hit)
    """
    from reinvent_cli.cli.commands import search_command

    search_command.run(query, limit=limit, kind=kind, by=by, day=day, min_score=min_score, explain=explain,
                       count=count, conference=conference, file=file, fmt=fmt, as_json=as_json, notes=notes,
                       context=context)


@app.command(cls=PlainHelp)
def links(
    query: opt.Words = None,
    domain: Annotated[str | None, typer.Option(
        "--domain", metavar="DOMAIN", help="Only links to this site: youtube (youtube.com, youtu.be), github.com.")] = None,
    conference: opt.Conference = None,
    file: opt.File = None,
    fmt: opt.Format = "table",
    as_json: opt.Json = False,
    notes: opt.Notes = None,
) -> None:
    """List links: text, URL, the talk they belong to, where they are.

    \b
    Examples:
      reinvent links --domain github.com
      reinvent links lambda --json
    """
    from reinvent_cli.cli.commands import links_command

    links_command.run(query, domain, conference, file, fmt, as_json, notes)


@app.command(cls=PlainHelp)
def speakers(query: opt.Words = None, fmt: opt.Format = "table", as_json: opt.Json = False,
             notes: opt.Notes = None) -> None:
    """List speakers with their organisations and talks; with WORDS, the speakers whose name,
    organisation or talks match them (typos forgiven), best first.

    \b
    Examples:
      reinvent speakers
      reinvent speakers wiger
      reinvent speakers --format csv
    """
    from reinvent_cli.cli.commands import speakers_command

    speakers_command.run(query, fmt, as_json, notes)


@app.command(cls=PlainHelp)
def watchlist(fmt: opt.Format = "table", as_json: opt.Json = False, notes: opt.Notes = None) -> None:
    """List the talks noted down to watch later: code, title, video.

    \b
    Examples:
      reinvent watchlist
      reinvent watchlist --json
    """
    from reinvent_cli.cli.commands import watchlist_command

    watchlist_command.run(fmt, as_json, notes)


@app.command(cls=PlainHelp)
def outline(
    day: opt.Day = None,
    depth: Annotated[int | None, typer.Option("--depth", min=1, metavar="N",
                                                 help="Levels to draw: 1 days, 2 talks, 3 sections.")] = None,
    fmt: opt.TreeFormat = "table",
    as_json: opt.Json = False,
    notes: opt.Notes = None,
) -> None:
    """Draw the notes as a tree: days › talks › sections, with their bullets, links and announcements.

    \b
    Examples:
      reinvent outline
      reinvent outline --day 2 --depth 2
      reinvent outline --json
    """
    from reinvent_cli.cli.commands import outline_command

    outline_command.run(day, depth, fmt, as_json, notes)


@app.command("open", cls=PlainHelp)
def open_video(
    query: opt.TalkQuery,
    print_only: Annotated[bool, typer.Option("--print", "-p", help="Print the video's URL; don't start a browser.")] = False,
    day: opt.Day = None,
    conference: opt.Conference = None,
    file: opt.File = None,
    notes: opt.Notes = None,
) -> None:
    """Open a talk's video in the web browser.

    \b
    Examples:
      reinvent open DAT407
      reinvent open "elasticache deep dive"
      reinvent open keynote --day 2
      reinvent open DAT407 --print      just the URL, e.g. for mpv or a script
    """
    from reinvent_cli.cli.commands import open_command

    open_command.run(query, print_only, day, conference, file, notes)


@app.command(cls=PlainHelp)
def browse(
    query: Annotated[list[str] | None, typer.Argument(metavar="WORDS", help="Words to search at start.")] = None,
    print_selected: Annotated[bool, typer.Option("--print", "-p", help="On exit, print the chosen file:line.")] = False,
    web: Annotated[bool, typer.Option("--web", help="Serve it to a browser on localhost (textual-serve).")] = False,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, metavar="N", help="--web's port.")] = 8000,
    notes: opt.Notes = None,
) -> None:
    """Search the notes live in a full-screen app: hits as you type, the talk beside them.

    \b
    Examples:
      reinvent browse
      reinvent browse elasticache
      reinvent browse --print           on exit, print the chosen file:line
      reinvent browse --web             the same app in the browser
    """
    from reinvent_cli.browse import run  # Textual is imported by this command only

    st = session.current()
    raise typer.Exit(run([*st.notes_paths, *(notes or [])], use_cache=st.use_cache, no_color=st.color == "never",
                         query=" ".join(query or []), print_selected=print_selected, web=port if web else None))


@app.command("mcp", cls=PlainHelp)
def mcp_server(notes: opt.Notes = None) -> None:
    """Serve the notes to AI assistants: an MCP server on stdin/stdout (needs reinvent-cli[mcp]).

    Tools: search, talks, talk, announcements, speakers, links, outline, watchlist, overview. A
    client starts it, e.g. {"mcpServers": {"reinvent": {"command": "reinvent", "args": ["mcp", "--notes",
    "/path/to/notes"]}}}. Edited, added or removed notes files are seen by the next call.

    \b
    Examples:
      reinvent mcp --notes ~/notes
    """
    from reinvent_cli.mcp_server import serve  # the SDK is imported by this command only

    st = session.current()
    serve([*st.notes_paths, *(notes or [])], use_cache=st.use_cache)


@app.command(cls=PlainHelp)
def edit(
    target: Annotated[str, typer.Argument(metavar="CODE|FILE:LINE", autocompletion=complete_talk,
                                          help="A talk (code or title words) or a place in the notes.")],
    notes: opt.Notes = None,
) -> None:
    """Open the notes in $EDITOR (or $VISUAL) at a talk or at a line.

    \b
    Examples:
      reinvent edit DAT407
      reinvent edit reinvent-2015.md:388      a line a search hit named
    """
    from reinvent_cli.cli.commands import edit_command

    code = edit_command.edit_at(target, notes)
    if code:
        raise typer.Exit(code)


@app.command("inspect", cls=PlainHelp)
def inspect_file(
    path: Annotated[str, typer.Argument(metavar="FILE", help="A notes file.")],
    as_json: opt.JsonOnly = False,
) -> None:
    """Show how a notes file was read: its headings and candidate lines as a tree, each with its role
    (day, group, talk, section, ignored) and the evidence for it, speakers and where they came from,
    announcements, and any layout override (front matter reinvent: or a .reinvent.toml).

    \b
    Examples:
      reinvent inspect notes/kubecon-2024.md
      reinvent inspect notes/kubecon-2024.md --json
    """
    from reinvent_cli.cli.commands import inspect_command

    inspect_command.run(path, as_json)


cache_app = typer.Typer(
    help="The on-disk index of the notes (it makes repeated questions fast).\n\n"
    "\b\nExamples:\n  reinvent cache info\n  reinvent cache clear",
    no_args_is_help=True, rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(cache_app, name="cache")


@cache_app.command("info", cls=PlainHelp)
def cache_info(as_json: opt.JsonOnly = False) -> None:
    """Show where the cache is, how many notes files it holds and its size.

    \b
    Examples:
      reinvent cache info
      reinvent cache info --json
    """
    from reinvent_cli.cli.commands import cache_command

    cache_command.info(session.current().wants_json(as_json))


@cache_app.command("clear", cls=PlainHelp)
def cache_clear() -> None:
    """Delete the cache; the next command reads the notes again.

    \b
    Examples:
      reinvent cache clear
    """
    from reinvent_cli.cli.commands import cache_command

    cache_command.clear()
