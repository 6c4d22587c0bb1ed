"""The browse app's widgets: result lines, the preview pane, the outline tree, pickers and help.

Text from notes reaches the screen only as rich.text.Text or markdown source cleaned by data.py,
never as a markup string, so `[bold]` in a note shows as written.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Markdown, OptionList, Static, Tree
from textual.widgets.markdown import MarkdownBlock
from textual.widgets.option_list import Option

from reinvent_cli.browse.data import Branch, Preview, Result, Row, clean

SEP = " › "
MATCH = "bold red"


def highlighted(text: str, spans: list[tuple[int, int]]) -> Text:
    """Note text with the matched words in bold red, the rest literal."""
    out = Text()
    pos = 0
    for a, b in spans:
        if a < pos:
            continue
        out.append(clean(text[pos:a]))
        out.append(clean(text[a:b]), style=MATCH)
        pos = b
    out.append(clean(text[pos:]))
    return out


def snippet(text: str, spans: list[tuple[int, int]], width: int = 120) -> tuple[str, list[tuple[int, int]]]:
    """A window of a long text around its first match, the spans shifted to it."""
    if len(text) <= width or not spans:
        return text[: width * 2], spans
    start = max(0, spans[0][0] - width // 4)
    cut = "…" + text[start : start + width]
    return cut, [(a - start + 1, b - start + 1) for a, b in spans if a >= start and b <= start + width]


def result_label(r: Result) -> Text:
    """Two lines: file:line, kind and score, Day › Talk › Section; then the text, matches highlighted."""
    head = Text(no_wrap=True, overflow="ellipsis")
    head.append(f"{clean(r.file)}:{r.line}", style="bold magenta")
    head.append(f"  {r.kind} {r.score}", style="dim")
    for n, part in enumerate(r.where):
        head.append("  " if n == 0 else SEP, style="dim")
        head.append(part, style="green")
    text, spans = snippet(r.text, r.spans)
    body = Text("  ", no_wrap=True, overflow="ellipsis") + highlighted(text, spans)
    body.no_wrap, body.overflow = True, "ellipsis"
    return Text("\n", no_wrap=True, overflow="ellipsis").join([head, body])


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

    def fill(self, roots: list[Branch], day: int | None) -> None:
        self.clear()
        self.show_root = False
        tops: list[Branch] = []
        for root in roots:
            kids = [c for c in root.children if day is None or (c.kind == "day" and c.day == day)]
            if day is not None and not kids:
                continue
            if len(roots) == 1:
                tops.extend(kids)
            else:
                tops.append(Branch(root.kind, root.title, root.file, root.line, children=kids, counts=root.counts))
        if not tops:
            self.root.add_leaf(Text("nothing for this day", style="dim"))
        for b in tops:
            self._add(self.root, b, expand=len(roots) == 1 and b.kind == "day")
        self.cursor_line = 0

    def _add(self, parent: Any, b: Branch, expand: bool = False) -> None:
        node = parent.add(branch_label(b), data=b, allow_expand=bool(b.children))
        if expand:
            self._open(node)
            node.expand()

    def _open(self, node: Any) -> None:
        b = node.data
        if b is not None and b.children and not node.children:
            for c in b.children:
                self._add(node, c)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded) -> None:
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
    notes as markdown, scrolled to the place, whose block is marked."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.shown: tuple[str, int, str] | None = None  # (file, first line, body) now rendered
        self.current: Preview | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="preview-head")
        with VerticalScroll(id="preview-scroll"):
            yield Markdown(id="preview-body")

    async def show(self, p: Preview, location: str) -> None:
        self.current = p
        self.query_one("#preview-head", Static).update(preview_header(p, location))
        md = self.query_one("#preview-body", Markdown)
        key = (p.file, p.first_line, p.body)
        if key != self.shown:
            self.shown = None  # until the update is done (a newer selection may cancel it half-way)
            await md.update(p.body or "*(no notes under this heading)*")
            self.shown = key
        self.call_after_refresh(self.mark, p)

    def mark(self, p: Preview) -> None:
        """Mark the block that holds the hit's line and bring it into view."""
        scroll = self.query_one("#preview-scroll", VerticalScroll)
        row = p.line - p.first_line
        best = None
        for block in self.query(MarkdownBlock):
            block.remove_class("hit")
            start, end = block.source_range
            if start <= row < max(end, start + 1) and (best is None or end - start <= best[1] - best[0]):
                best = (start, end, block)
        if best is None or row < 0:
            scroll.scroll_home(animate=False)
            return
        best[2].add_class("hit")
        scroll.scroll_to_widget(best[2], animate=False, top=True)
        if scroll.scroll_y > 0:
            scroll.scroll_relative(y=-2, animate=False)  # a little of what comes before it


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
