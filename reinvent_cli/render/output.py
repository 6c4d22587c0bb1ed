"""Everything that knows about terminals and output formats. Text from notes is data: it is never
interpreted as Rich markup, and no control character from a note reaches the terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

SEP = " › "
MATCH_STYLE = "bold red"  # matched words in search hits, like grep --color

# ANSI CSI / OSC / other escape sequences, then any remaining C0/C1 control character.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(?:\x1b\\)?|\x1b.?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: Any) -> str:
    """Note text made safe for a terminal: escapes removed, control characters shown as U+FFFD."""
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
    # Narrowest readable width of a wrapping column; columns are dropped (highest ``drop`` first) until
    # every remaining one gets at least this much. ``drop=0``: never dropped.
    need: int = 8
    drop: int = 0
    # On a terminal, the cell is a hyperlink to this URL (http/https only) and shows it shortened.
    link: Callable[[Any], Any] | None = None


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
            w.writerow([clean(_cell(c.value(i))) for c in columns])  # may be read on a terminal too
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
        out.print(_table(out, items, columns, title))


def fit_columns(columns: Sequence[Column], items: Sequence[Any], width: int) -> list[Column]:
    """The columns that fit ``width`` cells: codes and days whole, wrapping columns at least ``need`` wide.

    Columns are dropped, highest ``drop`` first, until they fit (like gh hides columns when narrow).
    """
    def cost(c: Column) -> int:
        if c.no_wrap:
            longest = max((len(clean(_cell(c.value(i)))) for i in items), default=0)
            return max(longest, len(c.header), c.min_width or 0) + 3  # padding and a border
        return min(c.need, max((len(clean(_cell(c.value(i)))) for i in items), default=0) or c.need) + 3

    kept = list(columns)
    for victim in sorted((c for c in columns if c.drop), key=lambda c: -c.drop):
        if sum(cost(c) for c in kept) + 1 <= width:
            break
        kept.remove(victim)
    return kept


def safe_url(url: Any) -> str | None:
    """A web URL fit for a terminal hyperlink, or None (no escapes, spaces or other schemes)."""
    if not url:
        return None
    u = str(url)
    return u if re.fullmatch(r"https?://[!-~]+", u) else None


def short_url(url: str) -> str:
    """A URL as shown in a terminal table: no scheme, no ``www.`` (the hyperlink keeps it whole)."""
    return re.sub(r"^https?://(www\.)?", "", url)


def file_url(path: Any) -> str | None:
    """file:// URL of a notes file (absolute, percent-encoded), for OSC 8 hyperlinks."""
    if not path:
        return None
    from pathlib import Path
    from urllib.parse import quote

    try:
        return "file://" + quote(str(Path(path).resolve()))
    except (OSError, ValueError):
        return None


def _table(out: Output, items: Sequence[Any], columns: Sequence[Column], title: str | None = None) -> Table:
    from rich.style import Style

    cols = fit_columns(columns, items, out.console.width)
    table = Table(title=title, header_style="bold", show_lines=False, expand=False, title_justify="left")
    for c in cols:
        table.add_column(c.header, style=c.style, no_wrap=c.no_wrap, ratio=c.ratio, min_width=c.min_width,
                         overflow="ellipsis" if c.no_wrap else "fold")
    for i in items:
        cells = []
        for c in cols:
            url = safe_url(c.link(i)) if c.link else None
            if url:
                cell = plain(short_url(url), c.style)
                cell.stylize(Style(link=url))
            else:
                cell = plain(_cell(c.value(i)))
            cells.append(cell)
        table.add_row(*cells)
    return table


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
    Column("Day", lambda t: t.day, no_wrap=True, min_width=3),
    Column("Code", lambda t: t.code or "", style="bold cyan", no_wrap=True, min_width=6),
    Column("Title", lambda t: t.title, ratio=3, need=16),
    Column("Speakers", speakers_text, ratio=2, need=12, drop=2),
    Column("Video", lambda t: t.video or "", style="blue", ratio=2, need=22, drop=3, link=lambda t: t.video),
]


def announcement_json(a: Any) -> dict:
    return {"name": a.name, "url": a.url, "day": a.day, "talk": a.talk, "section": a.section,
            "details": list(a.details), "file": a.file, "line": a.line}


ANNOUNCEMENT_COLUMNS = [
    Column("Name", lambda a: a.name, style="bold", ratio=2, need=12),
    Column("Day", lambda a: a.day, no_wrap=True, min_width=3),
    Column("Talk / Section", lambda a: SEP.join(x for x in (a.talk, a.section) if x), ratio=2, need=14, drop=2),
    Column("Link", lambda a: a.url or "", style="blue", ratio=2, need=20, drop=3, link=lambda a: a.url),
    Column("Details", lambda a: a.details, ratio=3, need=14, drop=1),
]


def link_json(lk: Any) -> dict:
    return {"text": lk.text, "url": lk.url, "path": list(lk.path), "file": lk.file, "line": lk.line,
            "context": lk.context, "day": lk.day, "talk": lk.talk}


LINK_COLUMNS = [
    Column("Text", lambda lk: lk.text, ratio=2, need=10, drop=1),
    Column("URL", lambda lk: lk.url, style="blue", ratio=3, need=20, link=lambda lk: lk.url),
    Column("Where", lambda lk: SEP.join(lk.path), ratio=2, need=14, drop=3),
    Column("Line", lambda lk: f"{lk.file}:{lk.line}", no_wrap=True, drop=2),
]


def watch_json(w: Any) -> dict:
    return {"code": w.code, "title": w.title, "video": w.video, "line": w.line, "file": w.file}


WATCH_COLUMNS = [
    Column("Code", lambda w: w.code or "", style="bold cyan", no_wrap=True, min_width=6),
    Column("Title", lambda w: w.title, ratio=3, need=16),
    Column("Video", lambda w: w.video or "", style="blue", ratio=2, need=22, drop=1, link=lambda w: w.video),
]


def speaker_json(s: Any) -> dict:
    return {"name": s.name, "org": s.org, "talks": list(s.talks), "file": s.file, "line": s.line}


SPEAKER_COLUMNS = [
    Column("Name", lambda s: s.name, style="bold", need=14),
    Column("Org", lambda s: s.org or "", need=8, drop=1),
    Column("Talks", lambda s: s.talks, ratio=3, need=16),
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
        out.append(clean(text[a:b]), style=MATCH_STYLE)
        pos = b
    out.append(clean(text[pos:]))
    return out


def hit_path(h: Any) -> str:
    e = h.entry
    path = list(e.path)
    if e.kind in ("talk", "section", "day") and path:
        path = path[:-1]
    return SEP.join(path)


def explain_lines(h: Any) -> list[str]:
    """How a hit was scored, in words: the formula with its numbers, then one line per query term."""
    x = h.explain or {}
    if not x:
        return []
    parts = [f"coverage {x.get('coverage', 0):.2f}", f"{h.kind} weight {x.get('kind_weight', 0):.2f}",
             f"density {x.get('density', 0):.2f}"]
    if x.get("phrase_bonus", 1.0) != 1.0:
        parts.append(f"exact phrase {x['phrase_bonus']:.2f}")
    lines = [f"score {h.score} = 100 × " + " × ".join(parts)]
    for t in x.get("terms", []):
        where = []
        if t.get("text"):
            where.append(f"in text {t['text']:.2f}")
        if t.get("context"):
            where.append(f"in headings/context {t['context']:.2f}")
        found = ", ".join(where) if where else "not found"
        lines.append(f"  {clean(t.get('term', ''))!s:<14} {found}; rarity (idf) {t.get('idf', 0):.2f}")
    return lines


_CODE_HEADING = re.compile(r"([A-Z]{2,}[0-9]+[A-Za-z0-9-]*) [-–—:] ")


def _hit_path_text(h: Any, room: int) -> Text:
    """Day › Talk › Section in at most ``room`` cells if it can: the longest parts are shortened first
    (never below 12 cells), separators dimmed."""
    e = h.entry
    path = [clean(p) for p in e.path]
    if e.kind in ("talk", "section", "day") and path:
        path = path[:-1]
    room -= len(SEP) * max(len(path) - 1, 0)
    for n, part in enumerate(path):  # a talk is known by its code: "DAT407 - Amazon ..." -> "DAT407"
        m = _CODE_HEADING.match(part)
        if m and sum(len(p) for p in path) > room:
            path[n] = m.group(1)
    while path and sum(len(p) for p in path) > room:
        n = max(range(len(path)), key=lambda k: len(path[k]))
        excess = sum(len(p) for p in path) - room
        keep = max(12, len(path[n]) - excess)
        if keep >= len(path[n]):
            break
        path[n] = path[n][: keep - 1].rstrip() + "…"
    out = Text()
    for n, part in enumerate(path):
        if n:
            out.append(SEP, style="dim")
        out.append(part, style="green")
    return out


def emit_hits(out: Output, hits: Sequence[Any], explain: bool = False, files: dict[str, str] | None = None) -> None:
    """Search hits, like a good grep: ``file:line``, where (Day › Talk › Section), the text with the
    matched words highlighted. On a terminal ``file:line`` is a hyperlink to the notes file
    (``files`` maps a document's display name to the path it was read from)."""
    from rich.style import Style

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
            line = f"{clean(h.entry.file)}:{h.line}:{h.kind}:{clean(hit_path(h))}:{clean(h.entry.text)}"
            out.write_raw(line)
            if explain:
                for x in explain_lines(h):
                    out.write_raw("    " + x)
        return
    from rich.padding import Padding

    width = out.console.width
    files = files or {}
    for h in hits:
        head = Text()
        loc = Style(color="magenta", bold=True)
        link = file_url(files.get(h.entry.file))
        if link:
            loc += Style(link=link)
        location = clean(f"{h.entry.file}:{h.line}")
        head.append(location, style=loc)
        tag = f"  {h.kind} {h.score}"
        head.append(tag, style="dim")
        room = width - len(location) - len(tag) - 2
        path = _hit_path_text(h, room)
        own_line = path.cell_len > room
        if path and not own_line:
            head.append("  ")
            head.append_text(path)
        text, spans = snippet(h.entry.text, h.spans, width=max(60, width * 2 - 8))
        out.print(head)
        if path and own_line:  # too narrow for one line: the path goes under file:line
            out.print(Padding(_hit_path_text(h, width - 2), (0, 0, 0, 2), expand=False))
        out.print(Padding(highlighted(text, spans), (0, 0, 0, 2), expand=False))
        if explain:
            for x in explain_lines(h):
                out.print(Padding(Text(x, style="dim"), (0, 0, 0, 4), expand=False))


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


BAR_WIDTH = 10
_EIGHTHS = " ▏▎▍▌▋▊▉█"


def plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def bar(value: float, most: float, width: int = BAR_WIDTH, blocks: bool = True) -> str:
    """A horizontal bar ``width`` cells wide, filled in proportion to value/most (eighths of a cell)."""
    if width <= 0:
        return ""
    if most <= 0 or value <= 0:
        return " " * width
    eighths = max(1, round(8 * width * min(value, most) / most))
    full, part = divmod(eighths, 8)
    if not blocks:
        return ("#" * (full + (part >= 4))).ljust(width)
    return ("█" * full + (_EIGHTHS[part] if part else "")).ljust(width)


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
        per_day = [(day, [t for t in d.talks if t.day == day.number and t.file == d.file],
                    sum(1 for a in d.announcements if a.day == day.number)) for day in d.days]
        most_talks = max((len(t) for _, t, _ in per_day), default=0)
        most_ann = max((a for _, _, a in per_day), default=0)
        title_w = min(max((len(clean(day.title)) for day in d.days), default=0), 24)
        blocks = out.console.encoding.lower().startswith("utf")
        bar_w = min(BAR_WIDTH, (out.console.width - title_w - 33) // 2)
        bar_w = bar_w if bar_w >= 3 else 0
        for day, talks, ann in per_day:
            line = Text("  ")
            title = clean(day.title)
            title = title if len(title) <= title_w else title[: title_w - 1] + "…"
            line.append(title.ljust(title_w), style="green")
            line.append("  ")
            line.append(bar(len(talks), most_talks, bar_w, blocks), style="cyan")
            line.append(f" {len(talks):>2} {plural(len(talks), 'talk'):<5}  ", style="dim")
            line.append(bar(ann, most_ann, bar_w, blocks), style="yellow")
            line.append(f" {ann:>2} {plural(ann, 'announcement')}", style="dim")
            out.print(line, overflow="ellipsis", no_wrap=True)
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
        counts = (f"  {len(d.talks)} {plural(len(d.talks), 'talk')} · {len(d.announcements)} "
                  f"{plural(len(d.announcements), 'announcement')} · {len(d.links)} {plural(len(d.links), 'link')} · "
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
                f"Video: {t.video}" if t.video else "", f"Source: {clean(t.file)}:{t.line}"]
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
        from rich.style import Style

        meta.append("  ·  " if meta else "")
        url = safe_url(t.video)
        meta.append(clean(t.video), style=Style(color="blue", link=url) if url else "blue")
    meta.append(("  ·  " if meta else "") + clean(f"{t.file}:{t.line}"), style="dim")
    out.print(Panel(Text.assemble(head, "\n", meta), expand=True))
    safe = "\n".join(_clean_line(x) for x in body.split("\n"))
    out.print(Markdown(safe, hyperlinks=False))


def _clean_line(line: str) -> str:
    if "\x1b" in line:
        line = _ESCAPES.sub("", line)
    line = line.replace("\t", "    ")
    return _CONTROLS.sub("\ufffd", line) if _CONTROLS.search(line) else line


# --- outline ---------------------------------------------------------------------------------------


def _counts_text(counts: dict[str, int], talks: int | None = None) -> str:
    parts = [f"{talks} talk{'s' if talks != 1 else ''}"] if talks else []
    for key, n in counts.items():
        if n:
            parts.append(f"{n} {key[:-1] if n == 1 else key}")
    return " · ".join(parts)


def _outline_label(node: Any) -> Text:
    label = Text()
    if node.kind == "file":
        label.append(clean(node.title), style="bold")
        if node.file and node.file != node.title:
            label.append(f"  {clean(node.file)}", style="dim")
    elif node.kind == "day":
        label.append(clean(node.title), style="bold green")
    elif node.kind == "talk":
        if node.code:
            label.append(clean(node.code) + " ", style="bold cyan")
        label.append(clean(node.title), style="bold")
    else:
        label.append(clean(node.title))
    talks = node.talks if node.kind in ("file", "day") else None
    counts = _counts_text(node.counts, talks)
    if counts:
        label.append(f"  {counts}", style="dim")
    return label


def emit_outline(out: Output, trees: Sequence[Any]) -> None:
    """The notes as a tree: files › days › talks › sections, with counts (or JSON)."""
    if out.fmt == "json":
        dump_json(out, [t.to_json() for t in trees])
        return
    from rich.tree import Tree

    def add(branch: Any, node: Any) -> None:
        for child in node.children:
            add(branch.add(_outline_label(child)), child)

    guide = "dim" if out.is_terminal else ""
    for root in trees:
        tree = Tree(_outline_label(root), guide_style=guide)
        add(tree, root)
        out.print(tree)
