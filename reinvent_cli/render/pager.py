"""Long output on a terminal goes through a pager, as git and gh do."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any


def page(text: str, command: str, stdout: Any = None) -> None:
    """Show ``text`` through ``command`` (a shell command line); if it cannot start, print it (to ``stdout``,
    by default sys.stdout). The pager is given the text in the terminal's encoding."""
    stdout = stdout or sys.stdout
    encoding = getattr(stdout, "encoding", None) or "utf-8"
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git: quit if one screen, keep colours, leave the screen as it is
    env.setdefault("LV", "-c")
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)  # noqa: S602 - the user's PAGER
    except OSError:
        stdout.write(text)
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C belongs to the pager, as in git
    try:
        assert proc.stdin is not None
        proc.stdin.write(_encoded(text, stdout, encoding))
        proc.stdin.close()
    except (BrokenPipeError, OSError):
        pass  # the user quit the pager before the end
    finally:
        code = proc.wait()
        signal.signal(signal.SIGINT, previous)
    if code == 127:  # the shell found no such pager: the text is not lost
        stdout.write(text)
        stdout.flush()


def _encoded(text: str, stdout: Any, encoding: str) -> bytes:
    """``text`` as the terminal reads it: through the stream's own fallbacks (render.terminal.Narrow)."""
    table = getattr(stdout, "table", None)
    return (text.translate(table) if table else text).encode(encoding, "replace")
