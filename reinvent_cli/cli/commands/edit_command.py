"""``reinvent edit``: $EDITOR at a talk or at a line of the notes."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess

from reinvent_cli.cli import session
from reinvent_cli.errors import UsageError
from reinvent_cli.notes import query as q


def edit_at(target: str, notes: list[str] | None) -> int:
    """Open $VISUAL/$EDITOR (else vi) at a talk's heading (CODE or title words), at FILE:LINE or at a
    notes FILE's first line, as ``zk edit`` does; the editor's exit code."""
    notes_read = session.current().notes(notes)
    paths = {d.file: d.path for d in notes_read.docs()}
    m = re.fullmatch(r"(.+):([0-9]+)", target)
    if m and (m.group(1) in paths or os.path.isfile(m.group(1))):
        path, line = paths.get(m.group(1), m.group(1)), int(m.group(2))
    elif target in paths or os.path.isfile(target):  # a file without :LINE: its first line
        path, line = paths.get(target, target), 1
    else:
        talk = q.find_talk(notes_read, target).talk
        path, line = paths.get(talk.file, talk.file), talk.line
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    command = [*shlex.split(editor), *editor_arguments(editor, str(path), line)]
    try:
        return subprocess.call(command)
    except OSError as exc:
        raise UsageError(f"cannot start the editor {editor!r}: {exc.strerror or exc}",
                         hint=editor_hint(editor)) from None


def editor_hint(failed: str) -> str:
    """How to name an editor that is there: one found on PATH, not the one that failed."""
    try:
        name = os.path.basename(shlex.split(failed)[0]) if failed.strip() else ""
    except ValueError:
        name = ""
    found = next((e for e in ("nano", "vim", "vi", "emacs", "micro", "code") if e != name and shutil.which(e)), None)
    return f"set EDITOR to an installed editor, e.g. EDITOR={found}" if found else \
        "set EDITOR (or VISUAL) to an installed editor"


def editor_arguments(editor: str, path: str, line: int) -> list[str]:
    """How an editor is told the line: ``+LINE FILE`` (vi, vim, nano, emacs, ...), ``--goto FILE:LINE``
    (VS Code), ``FILE:LINE`` (Sublime, Zed, Helix)."""
    name = os.path.basename(shlex.split(editor)[0]) if editor.strip() else ""
    if name in ("code", "codium", "code-insiders", "cursor"):
        return ["--goto", f"{path}:{line}"]
    if name in ("subl", "zed", "hx", "helix"):
        return [f"{path}:{line}"]
    return [f"+{line}", path]
