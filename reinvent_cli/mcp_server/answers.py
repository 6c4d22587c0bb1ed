"""What each MCP tool answers, from the loaded notes: the records ``--json`` gives (notes.json_records) under one
key, and a short text of them with ``file:line`` on every line. Plain functions of the notes layer's
queries; no SDK, no terminal. A bad request raises the ReinventError the command line would report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reinvent_cli.errors import NothingFound
from reinvent_cli.index import MIN_SCORE
from reinvent_cli.model import Talk
from reinvent_cli.notes import json_records as records
from reinvent_cli.notes import query as q
from reinvent_cli.notes.dates import DaySpec, iso_date
from reinvent_cli.notes.lines import lines_around
from reinvent_cli.notes.loaded import Notes
from reinvent_cli.notes.outline import Node
from reinvent_cli.notes.outline import outline as build_outline
from reinvent_cli.notes.search_hits import search_hits

SEP = " › "
LIMIT = 100  # records a listing returns unless asked for more: an answer must fit an assistant's context
OUTLINE_FILES = 20  # files an outline draws unless asked for more


@dataclass
class Answer:
    """A tool's result: ``data`` (the structured content, a JSON object) and its text."""

    data: dict[str, Any]
    text: str


def _day(notes: Notes, day: int | str | None, what: str) -> DaySpec | None:
    """The day asked for; one the notes do not have is an error that names the days they have (as the
    command line says it: "no ``what`` on day 9; the notes have days 1-3 (...)")."""
    spec = q.parse_day(day)
    if spec is not None:
        why = q.missing_day(notes, spec, what)
        if why:
            raise NothingFound(why)
    return spec


def _where(file: str, line: int) -> str:
    return f"{file}:{line}"


def _listing(key: str, items: Sequence[Any], to_json: Callable[[Any], dict[str, Any]],
             line: Callable[[Any], str], none: str, limit: int | None = None) -> Answer:
    """The first ``limit`` records (None or 0: all) under ``key``, with their ``total``."""
    shown = items[:limit] if limit else items
    text = "\n".join(line(x) for x in shown) if shown else none
    return Answer({key: [to_json(x) for x in shown], "total": len(items)}, text + _more(key, len(shown), len(items)))


def _more(what: str, shown: int, total: int) -> str:
    if shown >= total:
        return ""
    return f"\n... and {total - shown} more {what} ({shown} of {total} shown): narrow the question or raise limit"


# --- the tools -----------------------------------------------------------------------------------


def search(notes: Notes, query: str, kinds: Sequence[str] = (), day: int | str | None = None, limit: int = 10,
           context: int = 0, min_score: int = MIN_SCORE, conference: str | None = None,
           file: str | None = None) -> Answer:
    hits = search_hits(notes, query, kinds=kinds, day=_day(notes, day, "notes"), limit=limit, min_score=min_score,
                         conference=conference, file=file)
    around: dict[tuple[str, int], list[Any]] = {}
    own: dict[tuple[str, int], str] = {}  # with context: each hit's line as written, as rg -C shows it
    if context and hits:
        around = lines_around(notes, [(h.entry.file, h.line) for h in hits], context, own)

    def to_json(h: Any) -> dict[str, Any]:
        out = records.hit_json(h)
        if context:
            out["context"] = records.context_json(around.get((h.entry.file, h.line), []))
        return out

    def line(h: Any) -> str:
        """``file:line [kind, score] Day › Talk › Section`` over the hit's text (and the lines around it)."""
        e = h.entry
        parents = e.path[:-1] if e.kind in ("talk", "section", "day") else e.path
        lines = [f"{_where(e.file, h.line)} [{e.kind}, score {h.score}]" + (f" {SEP.join(parents)}" if parents else "")]
        ctx = around.get((e.file, h.line), [])
        lines += [f"  {c.line}- {c.text}" for c in ctx if c.line < h.line]
        text = own.get((e.file, h.line)) or _one_line(e.text)
        lines.append(f"  {h.line}: {text}" + (f" <{h.url}>" if getattr(h, "url", None) else ""))
        lines += [f"  {c.line}- {c.text}" for c in ctx if c.line > h.line]
        return "\n".join(lines)

    text = "\n".join(line(h) for h in hits) if hits else f"nothing relevant for {query!r}"
    return Answer({"hits": [to_json(h) for h in hits]}, text)


def talks(notes: Notes, day: int | str | None = None, track: str | None = None, words: str | None = None,
          conference: str | None = None, file: str | None = None, limit: int = LIMIT) -> Answer:
    found = q.talks(notes, _day(notes, day, "talks"), track, conference, file, query=words)
    return _listing("talks", found, records.talk_json, _talk_line, "no talks found", limit)


def talk(notes: Notes, query: str, day: int | str | None = None, conference: str | None = None,
         file: str | None = None) -> Answer:
    found = q.find_talk(notes, query, conference, file, day=q.parse_day(day))
    t = found.talk
    body = q.talk_source(notes, t)
    meta = [f"Day: {t.day}" + (f" ({t.weekday})" if t.weekday else "") if t.day is not None else "",
            f"Speakers: {_speakers(t)}" if t.speakers else "", f"Video: {t.video}" if t.video else "",
            f"Slides: {t.slides}" if t.slides else "",
            "" if found.attended else "Status: not attended (watch list)", f"Source: {_where(t.file, t.line)}"]
    head = f"# {t.code + ' - ' if t.code else ''}{t.title}"
    text = "\n".join([head, "", *[m for m in meta if m], *(["", body] if body else [])])
    return Answer(records.talk_notes_json(t, body, found.attended), text)


def announcements(notes: Notes, words: str | None = None, day: int | str | None = None,
                  conference: str | None = None, file: str | None = None, limit: int = LIMIT) -> Answer:
    found = q.announcements(notes, _day(notes, day, "announcements"), words, conference, file)

    def line(a: Any) -> str:
        where = SEP.join(x for x in (a.talk, a.section) if x)
        parts = [a.name, f"day {a.day}" if a.day is not None else "", where, a.url or ""]
        text = " | ".join(p for p in parts if p) + f" ({_where(a.file, a.line)})"
        return text + "".join(f"\n  - {_one_line(d)}" for d in a.details)

    return _listing("announcements", found, records.announcement_json, line, "no announcements found", limit)


def speakers(notes: Notes, words: str | None = None, limit: int = LIMIT) -> Answer:
    def line(s: Any) -> str:
        return f"{s.name}{f' ({s.org})' if s.org else ''}: {'; '.join(s.talks)} ({_where(s.file, s.line)})"

    return _listing("speakers", q.speakers(notes, words), records.speaker_json, line, "no speakers found", limit)


def links(notes: Notes, words: str | None = None, domain: str | None = None, conference: str | None = None,
          file: str | None = None, limit: int = LIMIT) -> Answer:
    def line(lk: Any) -> str:
        return f"{_one_line(lk.text)} <{lk.url}>{f' in {lk.talk}' if lk.talk else ''} ({_where(lk.file, lk.line)})"

    return _listing("links", q.links(notes, words, domain, conference, file), records.link_json, line,
                    "no links found", limit)


def watchlist(notes: Notes, limit: int = LIMIT) -> Answer:
    def line(w: Any) -> str:
        name = f"{w.code} - {w.title}" if w.code else w.title
        return f"{name}{f' <{w.video}>' if w.video else ''} ({_where(w.file, w.line)})"

    return _listing("watchlist", notes.watchlist, records.watch_json, line, "no watch-list entries", limit)


def outline(notes: Notes, day: int | str | None = None, depth: int | None = None, conference: str | None = None,
            file: str | None = None, limit: int = OUTLINE_FILES) -> Answer:
    """A tree per file (the first ``limit`` files; 0: all) with ``total``, the files that have one: only
    the files shown are read in full (the entries of 1,000 files take seconds to read)."""
    spec = _day(notes, day, "notes")
    chosen = q.files_matching(notes, conference, file)
    having = [d.file for d in notes.docs() if (chosen is None or d.file in chosen) and (spec is None or any(
        spec.matches(x.number, x.weekday, iso_date(x.title)) for x in d.days))]
    shown = having[:limit] if limit else having
    trees = build_outline(notes, spec, depth, documents=notes.with_entries(set(shown)))
    lines: list[str] = []
    for tree in trees:
        _tree_lines(tree, 0, lines)
    text = ("\n".join(lines) if lines else "no notes") + _more("files", len(trees), len(having))
    return Answer({"outline": [t.to_json() for t in trees], "total": len(having)}, text)


def overview(notes: Notes, conference: str | None = None, file: str | None = None, limit: int = LIMIT) -> Answer:
    """The notes loaded: each file (the first ``limit``; 0: all) with its title, date, days and counts; the
    totals of all of them; the loader's warnings."""
    chosen = q.files_matching(notes, conference, file)
    docs = [d for d in notes.docs("talks", "announcements", "links", "watchlist") if chosen is None or d.file in chosen]
    files: list[dict[str, Any]] = []
    text: list[str] = []
    for d in docs[:limit] if limit else docs:
        days: list[dict[str, Any]] = [{"day": day.number, "title": day.title, "weekday": day.weekday, "line": day.line,
                 "counts": {"talks": sum(1 for t in d.talks if t.day == day.number),
                            "announcements": sum(1 for a in d.announcements if a.day == day.number)}}
                for day in d.days]
        counts = _counts([d])
        files.append({"file": d.file, "title": d.title, "date": d.date, "tags": list(d.tags), "days": days,
                      "counts": counts})
        text.append(f"{d.file}:" + (f" {d.title}" if d.title else "") + (f" ({d.date})" if d.date else "")
                    + f": {_counted(counts)}")
        text.extend(f"  day {x['day']}: {x['title']} ({x['counts']['talks']} talks, line {x['line']})" for x in days)
    totals = {"files": len(docs), **_counts(docs)}
    text.insert(0, _counted(totals))
    text[-1] += _more("files", len(files), len(docs))
    text.extend(f"warning: {w}" for w in notes.warnings)
    return Answer({"files": files, "totals": totals, "warnings": list(notes.warnings)}, "\n".join(text))


# --- text ----------------------------------------------------------------------------------------


def _counts(docs: Sequence[Any]) -> dict[str, int]:
    return {"talks": sum(len(d.talks) for d in docs), "announcements": sum(len(d.announcements) for d in docs),
            "links": sum(len(d.links) for d in docs), "watchlist": sum(len(d.watchlist) for d in docs),
            "speakers": len({s.name.lower() for d in docs for t in d.talks for s in t.speakers})}


def _counted(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}" for k, n in counts.items())


def _speakers(t: Talk) -> str:
    return t.speakers_label


def _talk_line(t: Any) -> str:
    parts = [f"day {t.day}" if t.day is not None else "", f"{t.code} - {t.title}" if t.code else t.title,
             _speakers(t), t.video or ""]
    return " | ".join(p for p in parts if p) + f" ({_where(t.file, t.line)})"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tree_lines(node: Node, depth: int, out: list[str]) -> None:
    counts = ", ".join(f"{n} {k}" for k, n in node.counts.items() if n)
    name = f"{node.code} - {node.title}" if node.kind == "talk" and node.code else node.title
    where = node.file if node.kind == "file" else f"line {node.line}"
    out.append(f"{'  ' * depth}{name} [{node.kind}, {where}{', ' + counts if counts else ''}]")
    for child in node.children:
        _tree_lines(child, depth + 1, out)
