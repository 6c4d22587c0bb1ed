"""Search hits: grep-like ``file:line`` lines on a terminal and when piped, records in the other formats."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.padding import Padding
from rich.style import Style
from rich.text import Text

from reinvent_cli.notes.json_records import hit_json
from reinvent_cli.render.listing import Column, emit
from reinvent_cli.render.terminal import MATCH_STYLE, SEP, Output, clean, clean_line, file_url, safe_url, short_url

if TYPE_CHECKING:
    from reinvent_cli.index.search import Hit
    from reinvent_cli.notes.lines import NoteLine
    from reinvent_cli.render.context import Context

_CODE_HEADING = re.compile(r"([A-Z]{2,}[0-9]+[A-Za-z0-9-]*) [-–—:] ")  # noqa: RUF001 - dashes of headings


HIT_COLUMNS = [
    Column("File", lambda h: h.entry.file, key="file"),
    Column("Line", lambda h: h.line, key="line"),
    Column("Kind", lambda h: h.kind),
    Column("Score", lambda h: h.score),
    Column("Path", lambda h: hit_path(h)),
    Column("Text", lambda h: h.entry.text),
    Column("URL", lambda h: getattr(h, "url", None) or "", key="url"),
]


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


def _parents(h: Hit) -> list[str]:
    """The headings above a hit (a heading's own title is its text, not its path)."""
    path = list(h.entry.path)
    if h.entry.kind in ("talk", "section", "day") and path:
        path = path[:-1]
    return path


def hit_path(h: Hit) -> str:
    return SEP.join(_parents(h))


def explain_lines(h: Hit) -> list[str]:
    """How a hit was scored, in words: the formula with its numbers, then one line per query term."""
    x: dict[str, Any] = dict(h.explain or {})
    if not x:
        return []
    parts = [f"coverage {x.get('coverage', 0):.2f}", f"{h.kind} weight {x.get('kind_weight', 0):.2f}",
             f"density {x.get('density', 0):.2f}"]
    if x.get("phrase_bonus", 1.0) != 1.0:
        parts.append(f"exact phrase {x['phrase_bonus']:.2f}")
    lines = [f"score {h.score} = 100 × " + " × ".join(parts)]  # noqa: RUF001 - a multiplication sign
    for t in x.get("terms", []):
        where = []
        if t.get("text"):
            where.append(f"in text {t['text']:.2f}")
        if t.get("context"):
            where.append(f"in headings/context {t['context']:.2f}")
        found = ", ".join(where) if where else "not found"
        lines.append(f"  {clean(t.get('term', ''))!s:<14} {found}; rarity (idf) {t.get('idf', 0):.2f}")
    return lines


def _shorten(path: list[str], room: int) -> list[str]:
    """Parts of a path in at most ``room`` cells if it can: a talk by its code, then the longest parts
    shortened first (never below 12 cells)."""
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
    return path


def _hit_path_text(h: Hit, room: int) -> Text:
    """Day › Talk › Section in at most ``room`` cells if it can, separators dimmed."""
    path = [clean(p) for p in _parents(h)]
    path = _shorten(path, room - len(SEP) * max(len(path) - 1, 0))
    out = Text()
    for n, part in enumerate(path):
        if n:
            out.append(SEP, style="dim")
        out.append(part, style="green")
    return out


def emit_hits(out: Output, hits: Sequence[Hit], explain: bool = False, files: dict[str, str] | None = None,
              context: Context | None = None, own_lines: dict[tuple[str, int], str] | None = None) -> None:
    """Search hits, like a good grep: ``file:line``, where (Day › Talk › Section), the text with the
    matched words highlighted, a link's URL. Piped, one ``file:line:text`` line per hit, as grep -n
    prints (`` <url>`` after a link's text; ``--format tsv`` gives kind, score and path as well).
    ``context`` (-C N): the lines around each hit, by (file, line), as ``rg -C`` shows them, and then
    ``own_lines``: each hit's line as written (``* Redis Failover``, not the bullet's text)."""
    own_lines = own_lines or {}
    if context is not None:
        from reinvent_cli.render import context as lines_render  # only -C N shows the lines around hits
    if out.fmt != "table":
        emit(out, hits, HIT_COLUMNS, hit_json if context is None else lines_render.with_context(hit_json, context))
    elif not out.is_terminal:
        if context is not None:
            lines_render.write_groups(out, hits, context, lambda h: _grep_line(h, own_lines),
                                      explain_lines if explain else None)
            return
        for h in hits:
            out.write_raw(_grep_line(h))
            if explain:
                for x in explain_lines(h):
                    out.write_raw("    " + x)
    else:
        for h in hits:
            place = (h.entry.file, h.line)
            _print_hit(out, h, explain, (files or {}).get(h.entry.file), (context or {}).get(place),
                       own_lines.get(place))
        first = hits[0]
        out.print(Text(f"open one: reinvent edit {clean(first.entry.file)}:{first.line}", style="dim"),
                  overflow="ellipsis", no_wrap=True)


def _grep_line(h: Hit, own_lines: dict[tuple[str, int], str] | None = None) -> str:
    """A hit as grep -n prints a match: ``file:line:text`` (a link's `` <url>`` after it); with the lines
    around it (-C), its line as written, as rg -C prints it."""
    own = (own_lines or {}).get((h.entry.file, h.line))
    if own is not None:
        return f"{clean(h.entry.file)}:{h.line}:{clean_line(own)}"
    url = safe_url(getattr(h, "url", None))
    return f"{clean(h.entry.file)}:{h.line}:{clean(h.entry.text)}" + (f" <{url}>" if url else "")


def _as_written(h: Hit, own: str | None) -> tuple[str, list[tuple[int, int]]]:
    """The hit's text and match spans; with its line as written (-C), that line, the spans moved to
    where the text is in it (a text that is not on its line as such, e.g. markup removed: the text)."""
    spans: list[tuple[int, int]] = [(s[0], s[1]) for s in h.spans]
    if own is None:
        return h.entry.text, spans
    line = clean_line(own)
    at = line.find(h.entry.text) if h.entry.text else -1
    if at < 0:
        return h.entry.text, spans
    return line, [(a + at, b + at) for a, b in spans]


def _print_hit(out: Output, h: Hit, explain: bool, path_on_disk: str | None, around: list[NoteLine] | None = None,
               own: str | None = None) -> None:
    width = out.console.width
    head = Text()
    loc = Style(color="magenta", bold=True)
    link = file_url(path_on_disk)
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
    text, spans = snippet(*_as_written(h, own), width=max(60, width * 2 - 8))
    out.print(head)
    if path and own_line:  # too narrow for one line: the path goes under file:line
        out.print(Padding(_hit_path_text(h, width - 2), (0, 0, 0, 2), expand=False))
    body = highlighted(text, spans)
    url = safe_url(getattr(h, "url", None))
    if url:  # a link hit: where it goes
        body.append("  ")
        body.append(short_url(url), style=Style(color="blue", link=url))
    if around is None:
        out.print(Padding(body, (0, 0, 0, 2), expand=False))
    else:
        from reinvent_cli.render.context import print_with_context  # only -C N shows the lines around hits

        print_with_context(out, h.line, body, around)
    if explain:
        for x in explain_lines(h):
            out.print(Padding(Text(x, style="dim"), (0, 0, 0, 4), expand=False))
