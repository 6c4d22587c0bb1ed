"""The browse app's widgets: result lines, the preview pane, the outline tree, pickers and help.

Text from notes reaches the screen only as rich.text.Text or markdown source cleaned by data.py,
never as a markup string, so `[bold]` in a note shows as written.
"""

from __future__ import annotations

import re
from typing import Any

from rich.markdown import Markdown
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static, Tree
from textual.widgets.option_list import Option

from reinvent_cli.browse.data import Branch, Preview, Result, Row, clean, hard_breaks, highlighted

SEP = " › "
_CODE = re.compile(r"([A-Z]{2,}[0-9]+[A-Za-z0-9-]*) [-–—:] ")  # "DAT407 - Amazon ..." -> DAT407


def result_label(r: Result) -> Text:
    """Two lines: the text with the matched words highlighted; then file:line, kind and score, and
    Day › Talk › Section (a talk by its code: the preview shows its title)."""
    top = highlighted(r.text, r.spans)
    if r.kind in ("talk", "section", "day"):
        top.stylize("bold")
    under = Text("  ")
    under.append(f"{clean(r.file)}:{r.line}", style="magenta")
    under.append(f"  {r.kind} {r.score}", style="dim")
    for n, part in enumerate(r.where):
        under.append("  " if n == 0 else SEP, style="dim")
        m = _CODE.match(part)
        under.append(m.group(1) if m else part, style="green")
    out = Text("\n").join([top, under])
    out.no_wrap, out.overflow = True, "ellipsis"
    return out


def row_label(row: Row, what: str) -> Text:
    """An announcement (name, day, where, details) or a watch-list talk (code, title, video)."""
    head = Text(no_wrap=True, overflow="ellipsis")
    head.append(row.title, style="bold")
    if row.day is not None:
        head.append(f"  Day {row.day}", style="green")
    lines = [head]
    detail = row.detail or ""
    if row.url:
        detail = f"{detail}  {row.url}" if detail else row.url
    if detail or what == "announcements":
        lines.append(Text("  " + detail, style="dim", no_wrap=True, overflow="ellipsis"))
    return Text("\n", no_wrap=True, overflow="ellipsis").join(lines)


def options(labels: list[Text]) -> list[Option]:
    return [Option(label, id=str(n)) for n, label in enumerate(labels)]


class SearchBox(Input):
    """The query; Down or Enter moves to the results."""

    BINDINGS = [Binding("down", "app.focus_list", "Results", show=False)]


class Outline(Tree[Branch]):
    """Days › talks › sections; children are added when a branch is first opened (large notes stay fast)."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(Text("building the outline…", style="dim"), **kw)
        self.show_root = True
        self.auto_expand = False
        self.guide_depth = 3
        self.read: Any = None
        self.day: int | None = None

    def fill(self, roots: list[Branch], day: int | None, read: Any = None) -> None:
        """``read(file)``: the branches of a file given as ``lazy`` (its talks are read on opening)."""
        self.clear()
        self.show_root = False
        self.read = read
        self.day = day
        tops: list[Branch] = []
        for root in roots:
            kids = self._kids(root)
            if day is not None and not kids and not root.lazy:
                continue
            if len(roots) == 1:
                tops.extend(kids)
            else:
                tops.append(root)
        if not tops:
            self.root.add_leaf(Text("nothing for this day", style="dim"))
        for b in tops:
            self._add(self.root, b, expand=len(roots) == 1 and b.kind == "day")
        self.cursor_line = 0

    def _kids(self, b: Branch) -> list[Branch]:
        """A branch's children; under a file, only the chosen day's."""
        if self.day is None or b.kind != "file":
            return list(b.children)
        return [c for c in b.children if c.kind == "day" and c.day == self.day]

    def _add(self, parent: Any, b: Branch, expand: bool = False) -> None:
        node = parent.add(branch_label(b), data=b, allow_expand=bool(b.children) or b.lazy)
        if expand:
            self._open(node)
            node.expand()

    def _open(self, node: Any) -> None:
        b = node.data
        if b is not None and b.lazy and self.read is not None:
            b.children, b.lazy = self.read(b.file), False
        if b is not None and not node.children:
            for c in self._kids(b):
                self._add(node, c)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Branch]) -> None:
        self._open(event.node)


def branch_label(b: Branch) -> Text:
    out = Text(no_wrap=True, overflow="ellipsis")
    style = {"file": "bold", "day": "bold green", "talk": "", "section": "dim"}.get(b.kind, "")
    if b.kind == "talk" and b.code and b.title.startswith(b.code):
        out.append(b.code, style="bold cyan")
        out.append(b.title[len(b.code):])
    else:
        out.append(b.title, style=style)
    if b.counts and b.kind != "section":
        out.append(f"  {b.counts}", style="dim")
    return out


class PreviewPane(Vertical):
    """The selected place's talk: a header (code, title, day, speakers, video, file:line) over its
    notes as markdown, scrolled to the place, whose lines are marked in the gutter.

    The notes are drawn by Rich's Markdown into one widget (a long talk as Textual Markdown widgets
    takes a second to mount); the place's rows are found by drawing the markdown before it."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.current: Preview | None = None
        self.marked: tuple[int, int] = (0, 0)  # rows of the place in the drawn notes
        self._drawn: dict[tuple[str, int], list[list[Segment]]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="preview-head")
        with VerticalScroll(id="preview-scroll"):
            yield Static(id="preview-body")

    def show(self, p: Preview, location: str) -> None:
        self.current = p
        self.query_one("#preview-head", Static).update(preview_header(p, location))
        self.draw()

    def draw(self) -> None:
        p = self.current
        scroll = self.query_one("#preview-scroll", VerticalScroll)
        width = scroll.scrollable_content_region.width
        if not scroll.show_vertical_scrollbar:  # the notes drawn may need one: its columns are kept free
            width -= scroll.styles.scrollbar_size_vertical
        width = max(width - 3, 20)  # the gutter, a column to spare
        if p is None:
            return
        # the notes' own line breaks kept, as `reinvent talk` keeps them (one line of markdown per line)
        body = hard_breaks(p.body) if p.body.strip() else "*(no notes under this heading)*"
        row = p.line - p.first_line
        lines = self._draw_markdown(body, width)
        y0 = y1 = 0
        if 0 <= row < len(body.split("\n")):
            before = body.split("\n")
            y0 = min(_height(self._draw_markdown("\n".join(before[:row]), width, keep=False)), len(lines))
            y1 = max(y0 + 1, _height(self._draw_markdown("\n".join(before[: row + 1]), width, keep=False)))
            while y0 < y1 - 1 and y0 < len(lines) and not "".join(seg.text for seg in lines[y0]).strip():
                y0 += 1  # the blank rows between blocks are not the place
        self.marked = (y0, y1)
        self.query_one("#preview-body", Static).update(_Marked(lines, y0, y1))
        scroll.scroll_to(y=max(y0 - 2, 0), animate=False, immediate=True) if y1 else scroll.scroll_home(animate=False)

    def _draw_markdown(self, text: str, width: int, keep: bool = True) -> list[list[Segment]]:
        key = (text, width)
        if key in self._drawn:
            return self._drawn[key]
        console = self.app.console
        lines = console.render_lines(Markdown(text, hyperlinks=False), console.options.update_width(width),
                                     pad=False, new_lines=False)
        if self.app.no_color:  # bold and underline only: a grey for each colour is hard to read
            lines = [list(Segment.remove_color(line)) for line in lines]
        if keep:
            self._drawn = {key: lines}  # the talk shown; the prefixes are drawn anew
        return lines

    def on_resize(self) -> None:
        self.call_after_refresh(self.draw)


def _height(lines: list[list[Segment]]) -> int:
    """Rows of drawn markdown, blank rows at the end left out."""
    n = len(lines)
    while n and not "".join(s.text for s in lines[n - 1]).strip():
        n -= 1
    return n


class _Marked:
    """Drawn lines with a gutter: a bar beside the rows of the place."""

    def __init__(self, lines: list[list[Segment]], y0: int, y1: int) -> None:
        self.lines, self.y0, self.y1 = lines, y0, y1

    def __rich_console__(self, console: Any, options: Any) -> Any:
        bar = Style(color="yellow", bold=True)
        for y, line in enumerate(self.lines):
            yield Segment("▌ ", bar) if self.y0 <= y < self.y1 else Segment("  ")
            yield from line
            yield Segment.line()


def preview_header(p: Preview, location: str) -> Text:
    head = Text(no_wrap=False)
    if p.code:
        head.append(p.code + "  ", style="bold cyan")
    head.append(p.title, style="bold")
    meta = [x for x in (p.day, p.speakers) if x]
    if meta:
        head.append("\n" + "  ·  ".join(meta), style="green")
    if p.video:
        head.append("\n" + p.video, style="blue")
    head.append("\n" + clean(location), style="dim")
    return head


class Picker(ModalScreen[Any]):
    """A short list to choose one value from (a day, a kind); Esc keeps the current one."""

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]

    def __init__(self, title: str, choices: list[tuple[str, Any]], current: Any) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Text(self.title_text, style="bold"))
            yield OptionList(*[Option(Text(label), id=str(n)) for n, (label, _) in enumerate(self.choices)])

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        values = [v for _, v in self.choices]
        ol.highlighted = values.index(self.current) if self.current in values else 0
        ol.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index][1])

    def action_dismiss_none(self) -> None:
        self.dismiss(self.current)


HELP = [
    ("type", "search as you type (typos forgiven); empty: the outline"),
    ("↑ ↓ / mouse", "move; the preview follows"),
    ("Enter", "open the talk full-width (Esc: back)"),
    ("/", "back to the search box"),
    ("o", "open the talk's video in the browser"),
    ("e", "open $EDITOR at the line"),
    ("y", "copy file:line (OSC 52)"),
    ("1-9, 0", "only day N; 0: every day"),
    ("d / k", "choose a day / a kind of hit"),
    ("a / w / s", "announcements / watch list / search"),
    ("?", "this help"),
    ("q / Esc", "quit (--print: print the selected file:line)"),
]


class Help(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,enter", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        t = Text()
        t.append("reinvent browse\n\n", style="bold")
        for key, what in HELP:
            t.append(f"{key:>12}  ", style="bold cyan")
            t.append(what + "\n")
        with Vertical(id="help"):
            yield Static(t)
