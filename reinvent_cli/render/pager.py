"""Long output on a terminal goes through a pager, as git and gh do."""

from __future__ import annotations

import os
import signal
import subprocess
import sys


def page(text: str, command: str) -> None:
    """Show ``text`` through ``command`` (a shell command line); if it cannot start, print it."""
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git: quit if one screen, keep colours, leave the screen as it is
    env.setdefault("LV", "-c")
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)  # noqa: S602 - the user's PAGER
    except OSError:
        sys.stdout.write(text)
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C belongs to the pager, as in git
    try:
        assert proc.stdin is not None
        proc.stdin.write(text.encode("utf-8", "replace"))
        proc.stdin.close()
    except (BrokenPipeError, OSError):
        pass  # the user quit the pager before the end
    finally:
        code = proc.wait()
        signal.signal(signal.SIGINT, previous)
    if code == 127:  # the shell found no such pager: the text is not lost
        sys.stdout.write(text)
        sys.stdout.flush()
