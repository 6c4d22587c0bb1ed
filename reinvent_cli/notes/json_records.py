"""The JSON of each record the queries give: the fields ``--json`` prints and the MCP tools return, defined
once here (no terminal: the renderers and the MCP server both read them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def talk_json(t: Any) -> dict[str, Any]:
    return {
        "day": t.day, "code": t.code, "title": t.title,
        "speakers": [{"name": s.name, "org": s.org} for s in t.speakers],
        "video": t.video, "file": t.file, "line": t.line,
        "slides": t.slides, "weekday": t.weekday, "track": t.track, "description": t.description,
        "conference": t.conference, "end_line": t.end_line, "sections": list(t.sections),
    }


def talk_notes_json(t: Any, body: str, attended: bool = True) -> dict[str, Any]:
    """One talk with its notes as written (``reinvent talk --json``); a talk of the watch list says so."""
    return {**talk_json(t), "notes": body, **({} if attended else {"attended": False})}


def announcement_json(a: Any) -> dict[str, Any]:
    return {"name": a.name, "url": a.url, "day": a.day, "talk": a.talk, "section": a.section,
            "details": list(a.details), "file": a.file, "line": a.line}


def link_json(lk: Any) -> dict[str, Any]:
    return {"text": lk.text, "url": lk.url, "path": list(lk.path), "file": lk.file, "line": lk.line,
            "context": lk.context, "day": lk.day, "talk": lk.talk}


def watch_json(w: Any) -> dict[str, Any]:
    return {"code": w.code, "title": w.title, "video": w.video, "line": w.line, "file": w.file}


def speaker_json(s: Any) -> dict[str, Any]:
    return {"name": s.name, "org": s.org, "talks": list(s.talks), "file": s.file, "line": s.line}


def hit_json(h: Any) -> dict[str, Any]:
    e = h.entry
    return {"kind": e.kind, "text": e.text, "path": list(e.path), "file": e.file, "line": h.line,
            "score": h.score, "day": e.day, "spans": [list(s) for s in h.spans],
            **({"url": h.url} if getattr(h, "url", None) else {}),  # a link's URL
            **({"explain": h.explain} if h.explain else {})}


def context_json(around: Sequence[Any]) -> list[dict[str, Any]]:
    """The lines around a hit (notes.lines.NoteLine) as ``search -C N --json`` gives them."""
    return [{"line": c.line, "text": c.text} for c in around]
