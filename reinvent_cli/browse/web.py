"""`reinvent browse --web`: the same app served to a browser on this machine by textual-serve."""

from __future__ import annotations

import shlex
import sys

from reinvent_cli.browse.data import usage_error


def serve(argv: list[str], port: int = 8000) -> int:
    """Serve ``reinvent ARGV`` (a browse command line) at http://localhost:PORT until Ctrl-C, and open it in
    the browser; each browser tab runs its own app process. Nothing leaves the machine: textual-serve ships its page's scripts."""
    try:
        from textual_serve.server import Server  # only for --web: it brings aiohttp
    except ImportError:
        usage_error("--web needs textual-serve", "pip install 'reinvent-cli[web]'")
    command = shlex.join([sys.executable, "-m", "reinvent_cli", *argv])
    server = Server(command, host="localhost", port=port, title="reinvent browse")
    sys.stderr.write(f"reinvent browse: serving on {server.public_url} (Ctrl-C stops)\n")
    sys.stderr.flush()
    import threading  # only to open the page once the server listens
    import webbrowser  # the same

    threading.Timer(1.0, webbrowser.open, [server.public_url]).start()
    server.serve()
    return 0
