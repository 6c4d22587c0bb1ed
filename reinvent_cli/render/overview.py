"""The overview (``reinvent`` alone): each file's days with bars of their talks and announcements."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from reinvent_cli.model import Document, Talk
from reinvent_cli.notes.loaded import Notes
from reinvent_cli.render.listing import dump_json
from reinvent_cli.render.records import talk_json
from reinvent_cli.render.terminal import Output, clean, counted

BAR_WIDTH = 10
_EIGHTHS = " ▏▎▍▌▋▊▉█"
MOST_FILES = 3  # files drawn in full; the rest are counted


def overview_json(notes: Notes) -> dict[str, Any]:
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


def no_talk_notes(files: int) -> str:
    """What the overview and ``talks`` say of notes where no file is talk notes (a TIL folder, a vault)."""
    return f"no talk notes recognised in {files} {plural(files, 'file')}; search covers them all"


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


def emit_overview(out: Output, notes: Notes) -> None:
    if out.fmt == "json":
        dump_json(out, overview_json(notes))
        return
    every = notes.documents
    docs = [d for d in every if d.talks or d.days or d.announcements or d.watchlist]  # (talk notes first)
    if not docs:
        out.print(Text(no_talk_notes(len(every)), style="bold"))
        return
    for d in docs[:MOST_FILES]:
        _print_document(out, d)
    if len(docs) > MOST_FILES:
        out.print(Text(f"… and {len(docs) - MOST_FILES} more files", style="dim"))
    others = len(every) - len(docs)
    if others:
        out.print(Text(f"{others} other {plural(others, 'file')} with no talk notes; search covers them all",
                       style="dim"))
    if len(docs) > MOST_FILES or others:
        out.print(Text(f"{len(every)} files · {counted(len(notes.talks), 'talk')} · "
                       f"{counted(len(notes.announcements), 'announcement')} · {counted(len(notes.links), 'link')}",
                       style="bold"))


def _print_document(out: Output, d: Document) -> None:
    head = Text()
    head.append(clean(d.title or d.file), style="bold")
    if d.date:
        head.append(f"  {clean(d.date)}", style="dim")
    if d.title:
        head.append(f"  {clean(d.file)}", style="dim")
    out.print(head)
    _print_days(out, d)
    for t in (t for t in d.talks if t.day is None):
        _print_talk(out, t, "  ")
    counts = (f"  {len(d.talks)} {plural(len(d.talks), 'talk')} · {len(d.announcements)} "
              f"{plural(len(d.announcements), 'announcement')} · {len(d.links)} {plural(len(d.links), 'link')} · "
              f"{len(d.watchlist)} to watch")
    out.print(Text(counts, style="bold"))


def _print_days(out: Output, d: Document) -> None:
    """One line per day (title, a bar of its talks, a bar of its announcements), its talks under it."""
    talks_of = {day.number: [t for t in d.talks if t.day == day.number and t.file == d.file] for day in d.days}
    launches_of = {day.number: sum(1 for a in d.announcements if a.day == day.number) for day in d.days}
    most_talks = max((len(t) for t in talks_of.values()), default=0)
    most_ann = max(launches_of.values(), default=0)
    title_w = min(max((len(clean(day.title)) for day in d.days), default=0), 24)
    blocks = out.console.encoding.lower().startswith("utf")
    bar_w = min(BAR_WIDTH, (out.console.width - title_w - 33) // 2)
    bar_w = bar_w if bar_w >= 3 else 0
    for day in d.days:
        talks, ann = talks_of[day.number], launches_of[day.number]
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
            _print_talk(out, t, "    ")


def _print_talk(out: Output, t: Talk, indent: str) -> None:
    row = Text(indent)
    row.append(clean(t.code or "—").ljust(9), style="cyan")
    row.append(clean(t.title))
    out.print(row, overflow="ellipsis", no_wrap=True)
