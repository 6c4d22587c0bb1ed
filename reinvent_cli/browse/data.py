"""The one adapter between the browse app and the rest of reinvent: every call into the core is here.

The app sees only the plain records below (Result, Preview, Row, Branch), so a change of the core's
API breaks this module alone (tests/browse/test_browse_data.py pins what it gives).
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, TypeVar

from reinvent_cli.errors import UsageError
from reinvent_cli.index import MIN_SCORE as MIN_SCORE  # as `reinvent search`
from reinvent_cli.model import ENTRY_KINDS
from reinvent_cli.notes.load import load_notes
from reinvent_cli.notes.outline import outline as build_outline
from reinvent_cli.read.source import read_source
from reinvent_cli.render.hits import highlighted as _highlighted
from reinvent_cli.render.hits import snippet
from reinvent_cli.render.progress import IndexingBar
from reinvent_cli.render.talk import hard_breaks as hard_breaks  # the notes' line breaks kept, as `talk` keeps them
from reinvent_cli.render.terminal import clean as clean  # one line of note text safe for the screen
from reinvent_cli.render.terminal import counted as counted  # "1 talk", "2 talks"
from reinvent_cli.render.terminal import safe_url as _safe_url

F = TypeVar("F", bound=Callable[..., Any])

KINDS = ENTRY_KINDS  # what the kind selector offers, as `reinvent search --kind` lists them

SEARCH_LIMIT = 50  # hits listed (the first screen shows ten; a query is retyped rather than scrolled far)
# Up to this many files the outline is notes.outline's (sections with their lines and counts, built in
# a thread); above, it is days › talks › section titles from the talks alone (notes.outline reads every
# entry: 5.6 s for 1,000 files, and a thread doing it holds the GIL while the user types).
FULL_OUTLINE_FILES = 50
PREVIEW_BEFORE, PREVIEW_AFTER = 12, 40  # lines around a hit that is in no talk


@dataclass
class Result:
    """One search hit, ready to show."""

    kind: str
    text: str
    spans: list[tuple[int, int]]
    where: list[str]  # Day › Talk › Section above the hit
    file: str  # the name hits show
    line: int
    score: int
    day: int | None = None


@dataclass
class Preview:
    """What the preview pane shows for a place in the notes: a talk's notes, or the lines around it."""

    file: str
    line: int  # the line asked for
    body: str  # markdown, control characters removed
    first_line: int  # the file line of the body's first line
    code: str | None = None
    title: str = ""
    day: str = ""  # "Day 2 (Thursday)"
    speakers: str = ""
    video: str | None = None  # an http(s) URL or None
    talk_line: int | None = None  # the talk's heading line, when the place is in a talk


@dataclass
class Row:
    """One line of the announcements or watch-list view."""

    title: str
    detail: str
    file: str
    line: int
    day: int | None = None
    url: str | None = None


@dataclass
class Branch:
    """A node of the outline: a file, day, talk or section, with the counts of what is under it."""

    kind: str
    title: str
    file: str
    line: int
    day: int | None = None
    code: str | None = None
    counts: str = ""
    children: list[Branch] = field(default_factory=list)
    lazy: bool = False  # children not read yet: Data.file_outline gives them


# --- text from notes is data -------------------------------------------------------------------


def clean_block(text: str) -> str:
    """Many lines of note text (markdown) made safe line by line; tabs become four spaces."""
    return "\n".join(clean(line.replace("\t", "    ")) for line in text.split("\n"))


def highlighted(text: str, spans: list[tuple[int, int]], width: int = 120) -> Any:
    """A hit's text around its first match, the matched words styled as `reinvent search` shows them
    (a rich Text, the note's text literal)."""
    cut, shifted = snippet(text, spans, width)
    return _highlighted(cut, shifted)


def safe_url(url: str | None) -> str | None:
    return _safe_url(url) if url else None


# --- loading -----------------------------------------------------------------------------------


def load(paths: Iterable[str] | None, use_cache: bool = True, progress: Any = IndexingBar) -> Data:
    """The notes the other commands read (same cache); the CLI's progress bar shows on a terminal
    while a cold index builds. Raises ReinventError (message, exit code) on bad input."""
    return Data(load_notes(list(paths or []), use_cache=use_cache, progress=progress))


def usage_error(message: str, hint: str | None = None) -> None:
    """Raise reinvent's usage error (exit 2), which the command line reports as for any command."""
    raise UsageError(message, hint=hint)


def _locked(method: F) -> F:
    """One question at a time: searches run in a worker thread, and the notes' cache connection is
    not for two threads at once."""

    @functools.wraps(method)
    def call(self: Data, *args: Any, **kw: Any) -> Any:
        with self.lock:
            return method(self, *args, **kw)

    return call  # type: ignore[return-value]


class Data:
    """The loaded notes, asked only what the app shows (from any thread, one question at a time)."""

    def __init__(self, notes: Any) -> None:
        self.lock = threading.RLock()
        self.notes = notes
        self.warnings = [clean(w) for w in notes.warnings]
        self._paths = {d.file: d.path for d in notes.docs()}
        self._talks: dict[str, list[Any]] | None = None
        self._lines: dict[str, list[str]] = {}

    @property
    def files(self) -> list[str]:
        return list(self._paths)

    def path_of(self, file: str) -> str:
        """The path a file was read from (what an editor opens), else its name."""
        return self._paths.get(file) or file

    def location(self, file: str, line: int) -> str:
        return f"{self.path_of(file)}:{max(line, 1)}"

    @_locked
    def days(self) -> list[int]:
        """The day numbers the notes have, in order."""
        return sorted({x.number for d in self.notes.docs() for x in d.days if x.number is not None})

    @_locked
    def search(self, query: str, day: int | None = None, kind: str | None = None,
               limit: int = SEARCH_LIMIT) -> list[Result]:
        """Hits ranked as `reinvent search` ranks them."""
        hits = self.notes.search(query, kinds=[kind] if kind else [], day=day, limit=limit, min_score=MIN_SCORE)
        return [_result(h) for h in hits]

    def _talks_by_file(self) -> dict[str, list[Any]]:
        if self._talks is None:
            self._talks = {}
            for t in self.notes.talks:
                self._talks.setdefault(t.file, []).append(t)
        return self._talks

    def talk_at(self, file: str, line: int) -> Any:
        """The talk whose notes hold this line, or None."""
        inside = [t for t in self._talks_by_file().get(file, []) if t.line <= line <= t.end_line]
        return max(inside, key=lambda t: t.line, default=None)

    @_locked
    def preview(self, file: str, line: int) -> Preview:
        """A talk's notes (its header fields and markdown), or the lines around a place in no talk
        (line 0: the top of the file, without reading the talks: a file of the outline)."""
        t = self.talk_at(file, line) if line > 0 else None
        if t is None:
            lines = self._file_lines(file)
            start = max(1, line - PREVIEW_BEFORE)
            body = "\n".join(lines[start - 1 : line + PREVIEW_AFTER])
            return Preview(file, line, clean_block(body), start, title=clean(file))
        day = f"Day {t.day}" + (f" ({t.weekday})" if t.weekday else "") if t.day is not None else ""
        speakers = t.speakers_label
        body = "\n".join(self._file_lines(file)[t.line : t.end_line])  # as talk_source, but line for line
        return Preview(file, line, clean_block(body), t.line + 1, clean(t.code) or None,
                       clean(t.title), day, clean(speakers), safe_url(t.video), t.line)

    def _file_lines(self, file: str) -> list[str]:
        if file not in self._lines:
            try:
                self._lines[file] = read_source(self.path_of(file)).body.split("\n")
            except Exception:  # noqa: BLE001 - a file gone since it was indexed: nothing to preview
                self._lines[file] = []
        return self._lines[file]

    @property
    def full_outline(self) -> bool:
        return len(self._paths) <= FULL_OUTLINE_FILES

    @_locked
    def file_branches(self) -> list[Branch]:
        """One branch per file, its days and talks read when it is opened (file_outline)."""
        return [Branch("file", clean(d.title or d.file), d.file, 0, lazy=True) for d in self.notes.docs()]

    @_locked
    def file_outline(self, file: str) -> list[Branch]:
        """Days › talks › section titles of one file, from the talks and days alone (fast on many files)."""
        doc = next(d for d in self.notes.docs() if d.file == file)
        days = {x.number: Branch("day", clean(x.title), file, x.line, x.number) for x in doc.days}
        loose: list[Branch] = []
        for t in self._talks_by_file().get(file, []):
            title = clean(t.label)
            node = Branch("talk", title, file, t.line, t.day, clean(t.code) or None,
                          children=[Branch("section", clean(s), file, t.line, t.day) for s in t.sections])
            parent = days.get(t.day)
            (parent.children if parent is not None else loose).append(node)
        return sorted([*days.values(), *loose], key=lambda b: b.line)

    @_locked
    def announcements(self, day: int | None = None) -> list[Row]:
        rows = []
        for a in self.notes.announcements:
            if day is None or a.day == day:
                where = " › ".join(clean(p) for p in (a.talk, a.section) if p)
                detail = " · ".join(clean(d) for d in a.details)
                rows.append(Row(clean(a.name), " — ".join(x for x in (where, detail) if x), a.file, a.line, a.day,
                                safe_url(a.url)))
        return rows

    @_locked
    def watchlist(self) -> list[Row]:
        return [Row(" ".join(clean(x) for x in (w.code, w.title) if x), "", w.file, w.line, None, safe_url(w.video))
                for w in self.notes.watchlist]


def _result(h: Any) -> Result:
    e = h.entry
    where = [clean(p) for p in e.path]
    if e.kind in ("talk", "section", "day") and where:
        where = where[:-1]  # a heading's path ends with itself
    return Result(e.kind, e.text, list(h.spans), where, e.file, h.line, h.score, e.day)


# --- the outline -------------------------------------------------------------------------------

_COUNT_WORDS = (("bullets", "bullet", "bullets"), ("links", "link", "links"), ("announcements", "launch", "launches"))


def outline(paths: Iterable[str] | None, use_cache: bool = True) -> list[Branch]:
    """Days › talks › sections of every file, as notes.outline builds them.

    It reads its own Notes (so it may run in a thread of its own: a cache connection is not shared
    between threads), and returns plain records."""
    notes = load_notes_quietly(paths, use_cache)
    return [_branch(n, n.file or "") for n in build_outline(notes)]


def load_notes_quietly(paths: Iterable[str] | None, use_cache: bool) -> Any:
    return load_notes(list(paths or []), use_cache=use_cache, progress=False)


def _branch(node: Any, file: str) -> Branch:
    counts = "  ".join(f"{node.counts[k]} {one if node.counts[k] == 1 else many}"
                       for k, one, many in _COUNT_WORDS if node.counts.get(k))
    title = clean(node.title)
    if node.kind == "talk" and node.code and not title.startswith(node.code):
        title = f"{clean(node.code)} - {title}"
    return Branch(node.kind, title, file, node.line, node.day, node.code, counts,
                  [_branch(c, file) for c in node.children])

