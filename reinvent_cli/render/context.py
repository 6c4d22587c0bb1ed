"""Lines around search hits (-C N), as ``rg -C`` shows them: piped, on a terminal and in JSON."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text

from reinvent_cli.notes.lines import NoteLine
from reinvent_cli.render.terminal import Output, clean, clean_line

# The lines around each hit, by (file, line): notes.lines.NoteLine (its line and text), the hit's own line left out.
Context = dict[tuple[str, int], list[NoteLine]]


def with_context(to_json: Callable[[Any], dict[str, Any]], context: Context) -> Callable[[Any], dict[str, Any]]:
    """A hit's JSON with a ``context`` list of {line, text} (the text exactly as in the file)."""

    def hit_json(h: Any) -> dict[str, Any]:
        around = context.get((h.entry.file, h.line), [])
        return {**to_json(h), "context": [{"line": c.line, "text": c.text} for c in around]}

    return hit_json


class _Group:
    """The lines of one file shown together: the hits' lines and the lines around them."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.hits: dict[int, list[str]] = {}  # a hit's grep line, then --explain's lines
        self.around: dict[int, str] = {}

    def meets(self, file: str, first: int, last: int) -> bool:
        """Whether lines first..last of ``file`` overlap or touch this group's."""
        shown = [*self.hits, *self.around]
        return file == self.file and first <= max(shown) + 1 and last >= min(shown) - 1

    def add(self, line: int, around: list[NoteLine], shown: list[str]) -> None:
        self.hits.setdefault(line, []).extend(shown)
        for c in around:
            self.around.setdefault(c.line, clean_line(c.text))


def write_groups(out: Output, hits: Sequence[Any], context: Context, grep_line: Callable[[Any], str],
                 explain: Callable[[Any], list[str]] | None) -> None:
    """Piped: ``file:line:text`` for a hit, ``file-line-text`` for a line around it, ``--`` between
    groups; a hit whose lines meet the previous group's (same file) joins it, as rg joins them."""
    groups: list[_Group] = []
    for h in hits:
        around = context.get((h.entry.file, h.line), [])
        lines = [h.line, *(c.line for c in around)]
        if not groups or not groups[-1].meets(h.entry.file, min(lines), max(lines)):
            groups.append(_Group(h.entry.file))
        groups[-1].add(h.line, around, [grep_line(h), *("    " + x for x in (explain(h) if explain else []))])
    for n, g in enumerate(groups):
        if n:
            out.write_raw("--")
        name = clean(g.file)
        for line in sorted({*g.hits, *g.around}):
            for shown in g.hits.get(line) or [f"{name}-{line}-{g.around[line]}"]:
                out.write_raw(shown)


def print_with_context(out: Output, line: int, body: Text, around: list[NoteLine]) -> None:
    """On a terminal: the hit's text under its numbered line, the lines around it dimmed."""
    width = len(str(max([line, *(c.line for c in around)])))
    for c in (c for c in around if c.line < line):
        _print_context(out, c, width)
    row = Text()
    row.append(f"  {line:>{width}}  ", style="magenta")
    out.print(row.append_text(body))
    for c in (c for c in around if c.line > line):
        _print_context(out, c, width)


def _print_context(out: Output, c: NoteLine, width: int) -> None:
    out.print(Text(f"  {c.line:>{width}}  {clean_line(c.text)}", style="dim"), overflow="ellipsis", no_wrap=True)
