"""Everything that knows about terminals and output formats. Text from notes is data: it is never
interpreted as Rich markup, and no control character from a note reaches the terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMATS = ("table", "json", "csv", "markdown")
SEP = " › "

# ANSI CSI / OSC / other escape sequences, then any remaining C0/C1 control character.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(?:\x1b\\)?|\x1b.?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: Any) -> str:
    """Note text made safe for a terminal: escapes removed, control characters shown as '?'."""
    if text is None:
        return ""
    s = str(text)
    if "\x1b" in s:
        s = _ESCAPES.sub("", s)
    s = s.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return _CONTROLS.sub("\ufffd", s) if _CONTROLS.search(s) else s


def plain(text: Any, style: str | None = None) -> Text:
    """Rich Text holding note text literally (never parsed as markup)."""
    return Text(clean(text), style=style or "")


@dataclass
class Output:
    """Where and how to print: set once from the global options."""

    console: Console
    err: Console
    fmt: str = "table"

    @property
    def is_terminal(self) -> bool:
        return self.console.is_terminal

    def print(self, *objects: Any, **kw: Any) -> None:
        self.console.print(*objects, **kw)

    def write_raw(self, s: str) -> None:
        """Machine formats go to stdout as they are, no wrapping, no styling."""
        out = self.console.file
        out.write(s if s.endswith("\n") else s + "\n")
        out.flush()


def make_output(no_color: bool = False, fmt: str = "table") -> Output:
    force = os.environ.get("FORCE_COLOR")
    color_off = no_color or bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    kw: dict[str, Any] = dict(highlight=False, emoji=False, markup=False)
    if color_off:
        kw["color_system"] = None
    console = Console(**kw, force_terminal=True if force and not color_off else None)
    err = Console(stderr=True, **kw)
    return Output(console, err, fmt)


def warn(out: Output, message: str) -> None:
    out.err.print(Text("reinvent: ", style="bold yellow") + plain(message))


def error(out: Output, message: str, hint: str | None = None) -> None:
    out.err.print(Text("reinvent: ", style="bold red") + plain(message))
    if hint:
        out.err.print(Text("  ") + plain(hint, "dim"))


# --- generic listings ------------------------------------------------------------------------------


@dataclass
class Column:
    header: str
    value: Callable[[Any], Any]
    style: str | None = None
    no_wrap: bool = False
    ratio: int | None = None
    min_width: int | None = None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def emit(out: Output, items: Sequence[Any], columns: Sequence[Column], to_json: Callable[[Any], dict],
         title: str | None = None) -> None:
    """Print items in the chosen format: table (plain tab-separated when piped), json, csv, markdown."""
    fmt = out.fmt
    if fmt == "json":
        out.write_raw(json.dumps([to_json(i) for i in items], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([c.header for c in columns])
        for i in items:
            w.writerow([_cell(c.value(i)) for c in columns])
        out.write_raw(buf.getvalue())
    elif fmt == "markdown":
        lines = ["| " + " | ".join(c.header for c in columns) + " |", "|" + "---|" * len(columns)]
        for i in items:
            cells = [clean(_cell(c.value(i))).replace("|", "\\|") for c in columns]
            lines.append("| " + " | ".join(cells) + " |")
        out.write_raw("\n".join(lines))
    elif not out.is_terminal:
        for i in items:
            out.write_raw("\t".join(clean(_cell(c.value(i))) for c in columns))
    else:
        table = Table(title=title, header_style="bold", show_lines=False, expand=False, title_justify="left")
        for c in columns:
            table.add_column(c.header, style=c.style, no_wrap=c.no_wrap, ratio=c.ratio, min_width=c.min_width,
                             overflow="fold")
        for i in items:
            table.add_row(*[plain(_cell(c.value(i))) for c in columns])
        out.print(table)


def dump_json(out: Output, obj: Any) -> None:
    out.write_raw(json.dumps(obj, ensure_ascii=False, indent=2))


# --- records ---------------------------------------------------------------------------------------


def talk_json(t: Any) -> dict:
    return {
        "day": t.day, "code": t.code, "title": t.title,
        "speakers": [{"name": s.name, "org": s.org} for s in t.speakers],
        "video": t.video, "file": t.file, "line": t.line,
        "slides": t.slides, "weekday": t.weekday, "track": t.track, "description": t.description,
        "conference": t.conference, "end_line": t.end_line, "sections": list(t.sections),
    }


def speakers_text(t: Any) -> str:
    return ", ".join(f"{s.name} ({s.org})" if s.org else s.name for s in t.speakers)


TALK_COLUMNS = [
    Column("Day", lambda t: t.day, no_wrap=True),
    Column("Code", lambda t: t.code or "", style="bold cyan", no_wrap=True),
    Column("Title", lambda t: t.title, ratio=3),
    Column("Speakers", speakers_text, ratio=2),
    Column("Video", lambda t: t.video or "", style="blue", ratio=2),
]


def announcement_json(a: Any) -> dict:
    return {"name": a.name, "url": a.url, "day": a.day, "talk": a.talk, "section": a.section,
            "details": list(a.details), "file": a.file, "line": a.line}


ANNOUNCEMENT_COLUMNS = [
    Column("Name", lambda a: a.name, style="bold", ratio=2),
    Column("Day", lambda a: a.day, no_wrap=True),
    Column("Talk / Section", lambda a: SEP.join(x for x in (a.talk, a.section) if x), ratio=2),
    Column("Link", lambda a: a.url or "", style="blue", ratio=2),
    Column("Details", lambda a: a.details, ratio=3),
]


def link_json(lk: Any) -> dict:
    return {"text": lk.text, "url": lk.url, "path": list(lk.path), "file": lk.file, "line": lk.line,
            "context": lk.context, "day": lk.day, "talk": lk.talk}


LINK_COLUMNS = [
    Column("Text", lambda lk: lk.text, ratio=2),
    Column("URL", lambda lk: lk.url, style="blue", ratio=3),
    Column("Where", lambda lk: SEP.join(lk.path), ratio=2),
    Column("Line", lambda lk: f"{lk.file}:{lk.line}", no_wrap=True),
]


def watch_json(w: Any) -> dict:
    return {"code": w.code, "title": w.title, "video": w.video, "line": w.line, "file": w.file}


WATCH_COLUMNS = [
    Column("Code", lambda w: w.code or "", style="bold cyan", no_wrap=True),
    Column("Title", lambda w: w.title, ratio=3),
    Column("Video", lambda w: w.video or "", style="blue", ratio=2),
]


def speaker_json(s: Any) -> dict:
    return {"name": s.name, "org": s.org, "talks": list(s.talks), "file": s.file, "line": s.line}


SPEAKER_COLUMNS = [
    Column("Name", lambda s: s.name, style="bold", no_wrap=True),
    Column("Org", lambda s: s.org or ""),
    Column("Talks", lambda s: s.talks, ratio=3),
]


# --- search hits -----------------------------------------------------------------------------------


def hit_json(h: Any) -> dict:
    e = h.entry
    return {"kind": e.kind, "text": e.text, "path": list(e.path), "file": e.file, "line": h.line,
            "score": h.score, "day": e.day, "spans": [list(s) for s in h.spans],
            **({"explain": h.explain} if h.explain else {})}


def snippet(text: str, spans: list[tuple[int, int]], width: int = 160) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around the first match, spans shifted to it."""
    if len(text) <= width or not spans:
        return text[:width * 4], spans
    start = max(0, spans[0][0] - width // 4)
    end = min(len(text), start + width)
    cut = text[start:end]
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shifted = [(a - start + len(prefix), b - start + len(prefix)) for a, b in spans if a >= start and b <= end]
    return prefix + cut + suffix, shifted


def highlighted(text: str, spans: list[tuple[int, int]]) -> Text:
    out = Text()
    pos = 0
    for a, b in spans:
        if a < pos:
            continue
        out.append(clean(text[pos:a]))
        out.append(clean(text[a:b]), style="bold red")
        pos = b
    out.append(clean(text[pos:]))
    return out


def hit_path(h: Any) -> str:
    e = h.entry
    path = list(e.path)
    if e.kind in ("talk", "section", "day") and path:
        path = path[:-1]
    return SEP.join(path)


def emit_hits(out: Output, hits: Sequence[Any], explain: bool = False) -> None:
    if out.fmt != "table":
        columns = [
            Column("Location", lambda h: f"{h.entry.file}:{h.line}"),
            Column("Kind", lambda h: h.kind),
            Column("Score", lambda h: h.score),
            Column("Path", hit_path),
            Column("Text", lambda h: h.entry.text),
        ]
        emit(out, hits, columns, hit_json)
        return
    if not out.is_terminal:
        for h in hits:
            line = f"{h.entry.file}:{h.line}:{h.kind}:{clean(hit_path(h))}:{clean(h.entry.text)}"
            out.write_raw(line)
        return
    for h in hits:
        head = Text()
        head.append(clean(f"{h.entry.file}:{h.line}"), style="magenta")
        head.append(f"  {h.kind}", style="cyan")
        head.append(f"  {h.score}", style="dim")
        path = hit_path(h)
        if path:
            head.append("  ")
            head.append(clean(path), style="green")
        text, spans = snippet(h.entry.text, h.spans)
        body = Text("  ") + highlighted(text, spans)
        out.print(head)
        out.print(body)
        if explain and h.explain:
            out.print(Text("  " + json.dumps(h.explain, ensure_ascii=False), style="dim"))


# --- overview and one talk -------------------------------------------------------------------------


def overview_json(notes: Any) -> dict:
    docs = []
    for d in notes.documents:
        docs.append({
            "file": d.file, "title": d.title, "date": d.date, "tags": list(d.tags),
            "days": [{"day": day.number, "title": day.title, "weekday": day.weekday, "line": day.line,
                      "talks": [talk_json(t) for t in d.talks if t.day == day.number]} for day in d.days],
            "counts": {"talks": len(d.talks), "announcements": len(d.announcements), "links": len(d.links),
                       "watchlist": len(d.watchlist), "speakers": len({s.name for t in d.talks for s in t.speakers})},
        })
    return {"documents": docs}


def emit_overview(out: Output, notes: Any) -> None:
    if out.fmt == "json":
        dump_json(out, overview_json(notes))
        return
    docs = notes.documents
    many = len(docs) > 3
    for d in docs[:3] if many else docs:
        head = Text()
        head.append(clean(d.title or d.file), style="bold")
        if d.date:
            head.append(f"  {clean(d.date)}", style="dim")
        if d.title:
            head.append(f"  {clean(d.file)}", style="dim")
        out.print(head)
        for day in d.days:
            talks = [t for t in d.talks if t.day == day.number and t.file == d.file]
            line = Text("  ")
            line.append(clean(day.title), style="green")
            ann = sum(1 for a in d.announcements if a.day == day.number)
            line.append(f"  {len(talks)} talks, {ann} announcements", style="dim")
            out.print(line)
            for t in talks:
                row = Text("    ")
                row.append(clean(t.code or "—").ljust(9), style="cyan")
                row.append(clean(t.title))
                out.print(row, overflow="ellipsis", no_wrap=True)
        undated = [t for t in d.talks if t.day is None]
        for t in undated:
            row = Text("  ")
            row.append(clean(t.code or "—").ljust(9), style="cyan")
            row.append(clean(t.title))
            out.print(row, overflow="ellipsis", no_wrap=True)
        counts = (f"  {len(d.talks)} talks · {len(d.announcements)} announcements · {len(d.links)} links · "
                  f"{len(d.watchlist)} to watch")
        out.print(Text(counts, style="bold"))
    if many:
        out.print(Text(f"… and {len(docs) - 3} more files", style="dim"))
        out.print(Text(f"{len(docs)} files · {len(notes.talks)} talks · {len(notes.announcements)} announcements · "
                       f"{len(notes.links)} links", style="bold"))


def emit_talk(out: Output, t: Any, body: str) -> None:
    """One talk: a header (code, title, day, speakers, video) over its notes rendered as markdown."""
    if out.fmt == "json":
        dump_json(out, {**talk_json(t), "notes": body})
        return
    if out.fmt == "markdown" or not out.is_terminal:
        head = f"# {t.code + ' - ' if t.code else ''}{t.title}"
        meta = [f"Day: {t.day}" if t.day is not None else "", f"Speakers: {speakers_text(t)}" if t.speakers else "",
                f"Video: {t.video}" if t.video else "", f"Source: {t.file}:{t.line}"]
        text = "\n".join([head, "", *[m for m in meta if m], "", body])
        out.write_raw("\n".join(_clean_line(x) for x in text.split("\n")))
        return
    from rich.markdown import Markdown
    from rich.panel import Panel

    head = Text()
    if t.code:
        head.append(clean(t.code) + "  ", style="bold cyan")
    head.append(clean(t.title), style="bold")
    meta = Text()
    if t.day is not None:
        meta.append(f"Day {t.day}" + (f" ({t.weekday})" if t.weekday else ""), style="green")
    if t.speakers:
        meta.append("  ·  " if meta else "")
        meta.append(clean(speakers_text(t)))
    if t.video:
        meta.append("  ·  " if meta else "")
        meta.append(clean(t.video), style="blue")
    meta.append(("  ·  " if meta else "") + clean(f"{t.file}:{t.line}"), style="dim")
    out.print(Panel(Text.assemble(head, "\n", meta), expand=True))
    safe = "\n".join(_clean_line(x) for x in body.split("\n"))
    out.print(Markdown(safe, hyperlinks=False))


def _clean_line(line: str) -> str:
    if "\x1b" in line:
        line = _ESCAPES.sub("", line)
    line = line.replace("\t", "    ")
    return _CONTROLS.sub("\ufffd", line) if _CONTROLS.search(line) else line
