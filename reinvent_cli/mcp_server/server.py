"""The MCP server (the SDK's MCPServer, FastMCP's name since mcp 2): one tool per question the command
line answers, each with a typed input schema and a description an assistant chooses by. A tool returns
the records ``--json`` gives as structured content, and a short text of them; a bad request is a tool
error (isError) with the message the command line prints, and the server goes on answering."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from mcp.server.mcpserver import MCPServer
from mcp.types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field

from reinvent_cli import __version__
from reinvent_cli.errors import ReinventError
from reinvent_cli.index import MIN_SCORE
from reinvent_cli.mcp_server import answers
from reinvent_cli.notes.live import LiveNotes
from reinvent_cli.notes.loaded import Notes

log = logging.getLogger("reinvent_cli.mcp_server")

INSTRUCTIONS = (
    "Answers questions about the user's markdown conference notes: the days, the talks they attended (session "
    "code, title, speakers, video), what was announced (launches, with links), sections, bullets and links. Every "
    "record carries the file and line it comes from: cite them. Start with `overview` to see which notes are "
    "loaded; use `search` for anything said in the notes (typos are forgiven) and `talk` for one talk's whole "
    "notes. The notes are read again when a file changes: answers are those of the files as they are now."
)

Kind = Literal["talk", "section", "day", "announcement", "link", "bullet", "paragraph", "code"]  # = model.ENTRY_KINDS (a Literal for the tools' JSON schema; tests/e2e/test_mcp.py checks they agree)
Day = Annotated[int | str | None, Field(
    description="Only this day: its number (2), weekday (thursday, thu) or date (2015-10-08).")]
Words = Annotated[str | None, Field(description="Only records matching these words (typos allowed), best first.")]
Conference = Annotated[str | None, Field(description="Only notes files whose title contains this text.")]
File = Annotated[str | None, Field(description="Only notes files whose path contains this text.")]
Limit = Annotated[int, Field(ge=0, description=f"Most records to return (default {answers.LIMIT}); 0: all. The "
                                               "answer's total says how many there are.")]

READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)


def build(live: LiveNotes) -> MCPServer[Any]:
    """The server answering from ``live`` (one tool call at a time: they share the notes)."""
    server: MCPServer[Any] = MCPServer("reinvent", version=__version__, instructions=INSTRUCTIONS,
                                        log_level="WARNING")

    def answer(ask: Callable[[Notes], answers.Answer]) -> CallToolResult:
        try:
            with live.reading() as notes:
                found = ask(notes)
        except ReinventError as exc:
            return _error(exc.message + (f"\n{mcp_hint(exc.hint)}" if exc.hint else ""))
        except Exception as exc:  # noqa: BLE001 - never a dead server: the call fails, the next one is answered
            log.exception("tool call failed")
            return _error(f"internal error ({type(exc).__name__}: {exc}); the details are in the server's log")
        return CallToolResult(content=[TextContent(type="text", text=found.text)], structured_content=found.data)

    @server.tool(annotations=READ_ONLY)
    def search(
        query: Annotated[str, Field(description="Words to look for, e.g. 'redis failover'; typos are forgiven.")],
        kind: Annotated[Kind | list[Kind] | None, Field(
            description="Only hits of this kind (or kinds). 'talk' alone ranks talks by how much of their notes "
                        "match.")] = None,
        day: Day = None,
        limit: Annotated[int, Field(ge=0, description="Most hits to return; 0: all.")] = 10,
        context: Annotated[int, Field(ge=0, le=50, description="Lines of the notes before and after each hit.")] = 0,
        min_score: Annotated[int, Field(ge=0, le=100, description="Leave out hits scored below this.")] = MIN_SCORE,
        conference: Conference = None,
        file: File = None,
    ) -> CallToolResult:
        """Fuzzy search of everything in the notes (talk titles, sections, bullets, paragraphs, links,
        announcements, code), best first: each hit with its kind, score, file, line, the headings above
        it (day > talk > section) and the matched character spans."""
        kinds = [kind] if isinstance(kind, str) else list(kind or [])
        return answer(lambda n: answers.search(n, query, kinds, day, limit, context, min_score, conference, file))

    @server.tool(annotations=READ_ONLY)
    def talks(
        day: Day = None,
        track: Annotated[str | None, Field(description="Only talks whose session code starts with this, e.g. DAT.")] = None,
        words: Annotated[str | None, Field(
            description="Only talks whose code, title or speakers match these words, best first.")] = None,
        conference: Conference = None,
        file: File = None,
        limit: Limit = answers.LIMIT,
    ) -> CallToolResult:
        """The talks attended: day, session code, title, speakers (with organisation), video and slides
        links, sections, file and line."""
        return answer(lambda n: answers.talks(n, day, track, words, conference, file, limit))

    @server.tool(annotations=READ_ONLY)
    def talk(
        query: Annotated[str, Field(
            description="A session code (DAT407, any case) or words of the talk's title or speakers.")],
        day: Day = None,
        conference: Conference = None,
        file: File = None,
    ) -> CallToolResult:
        """One talk's whole notes as written (markdown), with its fields: day, code, title, speakers,
        video, slides, sections, file and line. A talk only on the watch list has attended: false."""
        return answer(lambda n: answers.talk(n, query, day, conference, file))

    @server.tool(annotations=READ_ONLY)
    def announcements(
        words: Words = None,
        day: Day = None,
        conference: Conference = None,
        file: File = None,
        limit: Limit = answers.LIMIT,
    ) -> CallToolResult:
        """Launches and announcements noted down: name, link, day, the talk and section it was announced
        in, details, file and line."""
        return answer(lambda n: answers.announcements(n, words, day, conference, file, limit))

    @server.tool(annotations=READ_ONLY)
    def speakers(
        words: Annotated[str | None, Field(
            description="Only speakers whose name, organisation or talks match these words.")] = None,
        limit: Limit = answers.LIMIT,
    ) -> CallToolResult:
        """Speakers, each once, with their organisation and their talks (code - title), by name."""
        return answer(lambda n: answers.speakers(n, words, limit))

    @server.tool(annotations=READ_ONLY)
    def links(
        words: Words = None,
        domain: Annotated[str | None, Field(
            description="Only links to this site: a host (github.com) or a site's name (youtube).")] = None,
        conference: Conference = None,
        file: File = None,
        limit: Limit = answers.LIMIT,
    ) -> CallToolResult:
        """Links in the notes: text, URL, the talk and headings they sit under, the line around them."""
        return answer(lambda n: answers.links(n, words, domain, conference, file, limit))

    @server.tool(annotations=READ_ONLY)
    def outline(
        day: Day = None,
        depth: Annotated[int | None, Field(ge=1, description="Levels: 1 days, 2 talks, 3 sections; all when not "
                                                             "given.")] = None,
        conference: Conference = None,
        file: File = None,
        limit: Annotated[int, Field(ge=0, description=f"Most files to draw (default {answers.OUTLINE_FILES}); 0: "
                                                      "all. The answer's total says how many there are.")]
        = answers.OUTLINE_FILES,
    ) -> CallToolResult:
        """The notes as a tree: files > days > talks > sections, each with its line and its counts of
        bullets, links and announcements."""
        return answer(lambda n: answers.outline(n, day, depth, conference, file, limit))

    @server.tool(annotations=READ_ONLY)
    def watchlist(limit: Limit = answers.LIMIT) -> CallToolResult:
        """Talks noted down to watch later (not attended): code, title, video, file and line."""
        return answer(lambda n: answers.watchlist(n, limit))

    @server.tool(annotations=READ_ONLY)
    def overview(
        conference: Conference = None,
        file: File = None,
        limit: Annotated[int, Field(ge=0, description=f"Most files to list (default {answers.LIMIT}); 0: all. "
                                                      "The totals count all of them.")] = answers.LIMIT,
    ) -> CallToolResult:
        """Which notes are loaded: each file with its title, date, tags, days (with their counts of talks
        and announcements) and counts; the totals; warnings about files that could not be read. Call it
        first to know what can be asked."""
        return answer(lambda n: answers.overview(n, conference, file, limit))

    return server


def _error(message: str) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=message)], is_error=True)


_OPTIONS = re.compile(r"--(day|file|conference|kind|track|domain|depth|limit)\b")
_COMMAND = re.compile(r"run `reinvent (\w+)[^`]*`")


def mcp_hint(hint: str) -> str:
    """A command line's hint in this server's words: its options are the tools' parameters, its
    commands the tools ("run `reinvent talks` to list them" -> "call the talks tool to list them")."""
    return _COMMAND.sub(r"call the \1 tool", _OPTIONS.sub(r"\1", hint))
