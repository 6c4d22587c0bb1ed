"""``reinvent mcp``: the notes as tools for AI assistants, over the Model Context Protocol (stdio).

Beside cli/ and browse/, above the notes layer, which it reads through the same queries as the commands
(so its answers are those of ``--json``). It needs the optional extra ``reinvent-cli[mcp]`` (the official
SDK); this module imports nothing of it until the server starts. Only the protocol goes to stdout; logs
go to stderr."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reinvent_cli.errors import ReinventError, UsageError

if TYPE_CHECKING:
    from reinvent_cli.notes.live import LiveNotes
    from reinvent_cli.notes.loaded import Notes

log = logging.getLogger("reinvent_cli.mcp_server")
INSTALL_HINT = 'pip install "reinvent-cli[mcp]"'
SDK_MAJOR = 2  # MCPServer (FastMCP's name since mcp 2)


def check_sdk() -> None:
    """A UsageError (exit 2) saying how to install the SDK when it is missing or too old."""
    from importlib import metadata, util

    try:
        version = metadata.version("mcp") if util.find_spec("mcp") is not None else None
    except metadata.PackageNotFoundError:
        version = None
    if version is None:
        raise UsageError("the MCP server needs the MCP Python SDK, which is not installed", hint=f"install it: {INSTALL_HINT}")
    major = version.split(".")[0]
    if not major.isdigit() or int(major) < SDK_MAJOR:
        raise UsageError(f"the MCP server needs the MCP Python SDK {SDK_MAJOR} or newer; mcp {version} is installed",
                         hint=f"upgrade it: {INSTALL_HINT} --upgrade")


def serve(paths: Iterable[str] | None = None, use_cache: bool = True) -> None:
    """Serve the notes of ``paths`` (none: REINVENT_NOTES, else the bundled notes) on stdin/stdout until
    the client closes stdin."""
    check_sdk()
    _log_to_stderr()
    from reinvent_cli.notes.live import LiveNotes

    live = LiveNotes(paths, use_cache=use_cache, on_load=_loaded)
    # The notes first: from a warm cache they load here at once. Indexing many files forks parsers, which
    # must not happen while another thread imports (a child could inherit a module lock held for good):
    # that load waits for the SDK's imports (about a second), then runs beside the client's handshake.
    primed = _warm(live, prime=True)
    from reinvent_cli.mcp_server.server import build

    if not primed:
        threading.Thread(target=_warm, args=(live,), name="reinvent-mcp-load", daemon=True).start()
    try:
        build(live).run("stdio")
    finally:
        live.close(wait=False)  # the client has gone: an index under way is not waited for


def _warm(live: LiveNotes, prime: bool = False) -> bool:
    """Load the notes before the first call (``prime``: only if the cache has them; see LiveNotes.prime).
    True when done, or when it failed: the calls meet the error again and report it (it is logged)."""
    try:
        if prime:
            return live.prime()
        with live.reading():
            pass
    except ReinventError as exc:
        log.warning("%s", exc.message)
    except Exception:  # noqa: BLE001 - the first call meets it again and reports it
        log.exception("loading the notes failed")
    return True


def _loaded(notes: Notes) -> None:
    docs = notes.docs("talks")
    log.info("notes loaded: %d file(s), %d talk(s)", len(docs), sum(len(d.talks) for d in docs))
    for w in notes.warnings:
        log.warning("%s", w)


def _log_to_stderr() -> None:
    """Plain lines on stderr (set before the SDK's own logging set-up, which then changes nothing)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("reinvent mcp: %(message)s"))
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(handler)
        root.setLevel(logging.WARNING)
    log.setLevel(logging.INFO)
