"""The bodies of the commands that do more than list records: search, open, edit, cache info."""

from __future__ import annotations

import json
import sys
from typing import Any

from reinvent_cli.cli import session
from reinvent_cli.errors import NothingFound, UsageError


def run_search(query: str, *, limit: int | None, kinds: list[str], day: str | None, min_score: int,
               explain: bool, count: bool, conference: str | None, file: str | None, fmt: str,
               as_json: bool, notes: list[str] | None, context: int = 0) -> None:
    from reinvent_cli.notes import query as q
    from reinvent_cli.render.hits import emit_hits

    if not query.strip():
        raise UsageError("give words to search for", hint="e.g. reinvent search elasticache")
    st = session.current()
    notes_read = st.notes(notes)
    day_spec = q.parse_day(day)
    if limit is None:
        limit = 0 if count else 10  # --count counts every hit, unless --limit is given
    weekday_filter = bool(day_spec and (day_spec.weekday or day_spec.date))
    hits = notes_read.search(
        query, kinds=kinds, day=day_spec.number if day_spec else None,
        limit=None if weekday_filter else (limit or None), min_score=min_score, explain=explain,
        files=q.files_matching(notes_read, conference, file),
    )
    if day_spec and (day_spec.weekday or day_spec.date):
        on_day = q.entry_on_day(notes_read, day_spec)
        hits = [h for h in hits if on_day(h.entry)]
    hits = hits[:limit] if limit else hits  # after the weekday filter, so --limit still gives up to N
    out = st.output_as(fmt, as_json)
    if count:
        out.write_raw(str(len(hits)))
        if not hits:
            raise NothingFound("")
        return
    if not hits:
        if out.fmt == "json":
            out.write_raw("[]")
        raise NothingFound((q.missing_day(notes_read, day_spec, "notes") if day_spec else None)
                           or f"nothing relevant for {query!r}")
    around, own_lines = None, None
    if context:  # -C N: the lines around each hit, read from its file
        from reinvent_cli.notes.lines import lines_around

        own: dict[tuple[str, int], str] = {}
        around = lines_around(notes_read, [(h.entry.file, h.line) for h in hits], context, own)
        own_lines = own
    emit_hits(out, hits, explain, files={d.file: d.path for d in notes_read.docs()}, context=around,
              own_lines=own_lines)


def open_talk_video(query: str, print_only: bool, day: str | None, conference: str | None, file: str | None,
                    notes: list[str] | None) -> None:
    import shlex  # only for a hint; shlex and webbrowser are not worth loading for search
    import webbrowser

    from reinvent_cli.notes import query as q
    from reinvent_cli.render.terminal import safe_url, warn

    st = session.current()
    found = q.find_talk(st.notes(notes), query, conference, file, day=q.parse_day(day)).talk
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
    sys.stderr.write(f"Opening {url}\n")
    if not webbrowser.open(url):
        warn(out, "no web browser found; the video is at:")
        out.write_raw(url)


def show_cache_info(as_json: bool) -> None:
    from reinvent_cli.index import store

    info: dict[str, Any] = store.info()
    out = session.current().output
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


def edit_at(target: str, notes: list[str] | None) -> int:
    """Open $VISUAL/$EDITOR (else vi) at a talk's heading (CODE or title words), at FILE:LINE or at a
    notes FILE's first line, as ``zk edit`` does; the editor's exit code."""
    import os
    import re
    import shlex
    import subprocess

    from reinvent_cli.notes import query as q

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
    import os
    import shlex
    import shutil

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
    import os
    import shlex

    name = os.path.basename(shlex.split(editor)[0]) if editor.strip() else ""
    if name in ("code", "codium", "code-insiders", "cursor"):
        return ["--goto", f"{path}:{line}"]
    if name in ("subl", "zed", "hx", "helix"):
        return [f"{path}:{line}"]
    return [f"+{line}", path]
