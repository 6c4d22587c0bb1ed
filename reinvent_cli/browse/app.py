"""The full-screen browse app: a search box over live results or the outline, a preview pane, keys."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widgets import ContentSwitcher, Footer, Input, OptionList, Static, Tree
from textual.worker import Worker, WorkerState

from reinvent_cli.browse import data as core
from reinvent_cli.browse.data import counted
from reinvent_cli.browse.views import Help, Outline, Picker, PreviewPane, SearchBox, options, result_label, row_label

DEBOUNCE = 0.12  # seconds of no typing before the results are searched again
LISTS = ("results", "outline", "announcements", "watchlist")

CSS = """
Screen { layout: vertical; }
#query { height: 1; border: none; padding: 0 1; background: $boost; }
#query:focus { background: $accent 30%; }
#status { height: 1; padding: 0 1; color: $text-muted; }
#body { height: 1fr; }
#lists { width: 1fr; min-width: 30; }
#lists > * { height: 1fr; }
#preview { width: 1fr; border-left: vkey $primary 50%; padding: 0 0 0 1; }
#preview-head { padding: 0 1; background: $boost; height: auto; max-height: 6; }
#preview-scroll { height: 1fr; }
Screen.-narrow #preview { display: none; }
#body.-full #lists { display: none; }
#body.-full #preview { display: block; width: 1fr; border-left: none; }
OptionList { border: none; padding: 0; text-wrap: nowrap; text-overflow: ellipsis; }
OptionList > .option-list--option { padding: 0 1; }
Tree { padding: 0 1; overflow-x: hidden; }
Picker, Help { align: center middle; }
#picker { width: 40; height: auto; max-height: 80%; border: round $accent; background: $surface; padding: 0 1; }
#picker OptionList { height: auto; max-height: 16; }
#help { width: 72; max-width: 100%; height: auto; border: round $accent; background: $surface; padding: 1 2; }
"""


class BrowseApp(App[str]):
    """``reinvent browse``: ``run()`` returns the selected place's ``file:line`` (or None)."""

    TITLE = "reinvent browse"
    CSS = CSS
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-wide")]
    BINDINGS = [
        # Esc: back to the list from a talk shown full-width, else quit (the footer says which)
        Binding("escape", "back", "Back", key_display="esc"),
        Binding("escape", "quit_app", "Quit", key_display="esc"),
        Binding("ctrl+c", "interrupt", "Quit", show=False, priority=True),
        Binding("q", "quit_app", "Quit", show=False),
        Binding("slash", "focus_search", "Search"),
        Binding("enter", "open", "Open", show=False),
        Binding("o", "video", "Video"),
        Binding("e", "edit", "Edit"),
        Binding("y", "copy", "Copy"),
        Binding("d", "choose_day", "Day"),
        Binding("k", "choose_kind", "Kind"),
        Binding("a", "view('announcements')", "Launches"),
        Binding("w", "view('watchlist')", "Watch"),
        Binding("s", "view('results')", "Search", show=False),
        Binding("question_mark,f1", "help", "Help"),
        *[Binding(str(n), f"day({n})", show=False) for n in range(10)],
    ]

    def __init__(self, notes: core.Data, paths: list[str] | None = None, use_cache: bool = True,
                 query: str = "") -> None:
        super().__init__()
        self.data = notes
        self.paths = list(paths or [])
        self.use_cache = use_cache
        self.initial = query
        self.day: int | None = None
        self.kind: str | None = None
        self.view = "results"
        self.results: list[core.Result] = []
        self.rows: dict[str, list[core.Row]] = {}
        self.branches: list[core.Branch] | None = None
        self._timer: Any = None

    def compose(self) -> ComposeResult:
        yield SearchBox(value=self.initial, placeholder="search the notes (typos forgiven); empty: the outline",
                        id="query")
        yield Static(id="status")
        with Horizontal(id="body"):
            with ContentSwitcher(initial="results", id="lists"):
                yield OptionList(id="results")
                yield Outline(id="outline")
                yield OptionList(id="announcements")
                yield OptionList(id="watchlist")
            yield PreviewPane(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        if self.data.full_outline:
            self.build_outline()
        else:
            self.branches = self.data.file_branches()
        self.refresh_list()

    # --- the lists ---------------------------------------------------------------------------------

    @property
    def query_text(self) -> str:
        return self.query_one("#query", Input).value.strip()

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.refresh_list)

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.refresh_list()
        self.action_focus_list()

    def refresh_list(self) -> None:
        """Fill the list of the current view from the query and the filters."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        name = self.view
        if name == "results" and not self.query_text:
            name = "outline"
        self.query_one("#lists", ContentSwitcher).current = name
        if name == "results":
            self._search(self.query_text, self.day, self.kind)
            return
        if name == "outline":
            self.call_after_refresh(self._fill_outline)  # the screen first: a tree of many files takes a while
        else:
            rows = self.data.announcements(self.day) if name == "announcements" else self.data.watchlist()
            self.rows[name] = rows
            self._fill(name, [row_label(r, name) for r in rows])
        self.update_status()
        self.update_preview()

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str, day: int | None, kind: str | None) -> None:
        """The search runs in a thread: typing goes on while a large corpus is searched."""
        results = self.data.search(query, day, kind)
        with contextlib.suppress(RuntimeError):  # the app has quit meanwhile
            self.call_from_thread(self._show_results, (query, day, kind), results)

    def _show_results(self, asked: tuple[Any, ...], results: list[core.Result]) -> None:
        if asked != (self.query_text, self.day, self.kind) or self.list_name() != "results":
            return  # the query changed meanwhile: its own search is on the way
        self.results = results
        self._fill("results", [result_label(r) for r in results])
        self.update_status()
        self.update_preview()

    def _fill(self, name: str, labels: list[Text]) -> None:
        ol = self.query_one(f"#{name}", OptionList)
        ol.clear_options()
        ol.add_options(options(labels))
        if labels:
            ol.highlighted = 0

    def _fill_outline(self) -> None:
        if self.branches is not None:
            tree = self.query_one(Outline)
            tree.fill(self.branches, self.day, self.data.file_outline)
            self.update_preview()

    @work(thread=True, exclusive=True, group="outline")
    def build_outline(self) -> list[core.Branch]:
        """The outline reads its own notes in a thread: a large corpus's outline takes seconds, and the
        search box is usable meanwhile."""
        return core.outline(self.paths, self.use_cache)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "outline":
            return
        if event.state == WorkerState.SUCCESS:
            self.branches = event.worker.result
            self.update_status()
            if self.list_name() == "outline":
                self._fill_outline()  # (which draws the preview)
        elif event.state == WorkerState.ERROR:
            self.branches = []
            self.notify("the outline could not be built", severity="error")

    def list_name(self) -> str:
        return str(self.query_one("#lists", ContentSwitcher).current)

    def update_status(self) -> None:
        name = self.list_name()
        if name == "results":
            n = len(self.results)
            what = f"{n} hit{'s' if n != 1 else ''}" if n else "nothing relevant"
        elif name == "outline":
            what = "outline" if self.branches is not None else "building the outline…"
        else:
            n = len(self.rows.get(name, []))
            what = counted(n, "announcement") if name == "announcements" else f"{counted(n, 'talk')} to watch"
        parts = [what, f"day {self.day}" if self.day else "every day", f"kind {self.kind}" if self.kind else "any kind"]
        self.query_one("#status", Static).update(Text("  ·  ".join(parts)))

    # --- the selection and the preview ----------------------------------------------------------------

    def selected(self) -> tuple[str, int] | None:
        """(file, line) of what is highlighted in the current list."""
        name = self.list_name()
        if name == "outline":
            node = self.query_one(Outline).cursor_node
            b = node.data if node is not None else None
            return (b.file, b.line) if b is not None else None
        ol = self.query_one(f"#{name}", OptionList)
        n = ol.highlighted
        items: list[Any] = self.results if name == "results" else self.rows.get(name, [])
        if n is None or n >= len(items):
            return None
        return items[n].file, items[n].line

    def location(self) -> str | None:
        place = self.selected()
        return self.data.location(*place) if place else None

    @on(OptionList.OptionHighlighted)
    @on(Tree.NodeHighlighted)
    def _moved(self, event: Any) -> None:
        self.update_preview()

    def update_preview(self) -> None:
        place = self.selected()
        if place is not None:
            self._show(*place)

    def _show(self, file: str, line: int) -> None:
        self.query_one(PreviewPane).show(self.data.preview(file, line), f"{file}:{max(line, 1)}")

    # --- actions ---------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self._leave_full()
        if self.view != "results":
            self.action_view("results")
        self.query_one("#query", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one(f"#{self.list_name()}").focus()

    def action_view(self, name: str) -> None:
        self._leave_full()
        self.view = name
        self.refresh_list()
        self.action_focus_list()

    def action_open(self) -> None:
        """Enter: the talk full-width; Enter again (or Esc) goes back to the list."""
        body = self.query_one("#body")
        if body.has_class("-full"):
            self._leave_full()
            return
        if self.selected() is None:
            return
        body.add_class("-full")
        self.refresh_bindings()
        self.query_one("#preview-scroll").focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id in LISTS:
            self.action_open()

    @on(Tree.NodeSelected)
    def _node_chosen(self, event: Tree.NodeSelected[core.Branch]) -> None:
        b = event.node.data
        if b is not None and b.kind in ("file", "day"):
            event.node.toggle()
        elif b is not None:
            self.action_open()

    def _leave_full(self) -> bool:
        body = self.query_one("#body")
        if not body.has_class("-full"):
            return False
        body.remove_class("-full")
        self.refresh_bindings()
        self.action_focus_list()
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc's "back" only from a talk shown full-width (else Esc's other binding, quit, runs and shows)."""
        if action == "back":
            try:
                return self.query_one("#body").has_class("-full")
            except NoMatches:  # not composed yet
                return False
        return True

    async def action_back(self) -> None:  # App.action_back is a coroutine; Textual awaits either
        if not self._leave_full():
            self.action_quit_app()

    def action_quit_app(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.exit(self.location())

    def action_interrupt(self) -> None:
        """Ctrl-C: quit as interrupted (exit 130, nothing printed), as every command does."""
        self.exit(None, return_code=130)

    def action_day(self, n: int) -> None:
        if n and n not in self.data.days():
            self.notify(f"no day {n} in these notes")
            return
        self.day = n or None
        self.refresh_list()

    def action_choose_day(self) -> None:
        choices = [("every day", None), *[(f"day {n}", n) for n in self.data.days()]]
        self.push_screen(Picker("Only the hits of", choices, self.day), self._set_day)

    def _set_day(self, day: Any) -> None:
        self.day = day
        self.refresh_list()

    def action_choose_kind(self) -> None:
        choices = [("any kind", None), *[(k, k) for k in core.KINDS]]
        self.push_screen(Picker("Only hits of the kind", choices, self.kind), self._set_kind)

    def _set_kind(self, kind: Any) -> None:
        self.kind = kind
        if self.view != "results" or not self.query_text:
            self.notify("the kind filters search hits: type a query")
        self.refresh_list()

    def action_help(self) -> None:
        self.push_screen(Help())

    def action_copy(self) -> None:
        loc = self.location()
        if loc:
            self.copy_to_clipboard(loc)
            self.notify(f"copied {loc}")

    def video(self) -> str | None:
        name = self.list_name()
        if name in ("announcements", "watchlist"):
            ol = self.query_one(f"#{name}", OptionList)
            rows = self.rows.get(name, [])
            if ol.highlighted is not None and ol.highlighted < len(rows) and rows[ol.highlighted].url:
                return rows[ol.highlighted].url
        current = self.query_one(PreviewPane).current
        return current.video if current else None

    def action_video(self) -> None:
        url = self.video()
        if not url:
            self.notify("no video or link here", severity="warning")
            return
        import webbrowser  # only when a video is opened

        self.notify(f"opening {url}")
        webbrowser.open(url)

    def action_edit(self) -> None:
        place = self.selected()
        if place is None:
            return
        import shlex  # only when an editor is started
        import subprocess  # the same

        editor = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
        try:
            with self.suspend():
                subprocess.call([*editor, f"+{place[1]}", self.data.path_of(place[0])])
        except Exception as exc:  # noqa: BLE001 - no editor, or no terminal to hand over: say so
            self.notify(f"could not start {editor[0]}: {exc}", severity="error")
        self.refresh()
