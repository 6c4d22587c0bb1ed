"""Raw HTML tables read as markdown's table tokens: a programme written as ``<table><tr><td>9:00</td><td>Title<br>
<i>Name</i></td></tr>`` becomes a table whose rows and cells know their source lines (a cell: the line its text
starts on), a cell's lines kept apart (``<br>``, ``<p>``, ``<li>``), entities decoded. The schedule reading
(recognise/talk/tables.py) and the walk then read it as they read a pipe table."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

Block = dict[str, Any]

_CELL_BREAKS = frozenset(("br", "p", "div", "li", "ul", "ol", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"))
_MAX_ROWS = 2000


class _TableReader(HTMLParser):
    """HTML to table tokens: the rows of each outermost ``<table>``, each cell's inline text with its lines."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first = first_line
        self.tables: list[Block] = []
        self.depth = 0  # how deep in <table> (a table in a cell is read as that cell's text)
        self.rows: list[Block] = []
        self.row: Block | None = None
        self.cell: Block | None = None
        self.head_row = False  # the open row is a header (<thead>, or only <th> cells)
        self.in_head = False
        self.skip = 0
        self.link: Block | None = None

    def _at(self) -> int:
        return self.first + self.getpos()[0] - 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.rows, self.row, self.cell = [], None, None
        elif self.depth != 1:
            if tag in _CELL_BREAKS:
                self._break()
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self._end_row()
            self.row = {"type": "table_row", "line": self._at(), "children": [], "th": 0}
        elif tag in ("td", "th"):
            self._end_cell()
            if len(self.rows) >= _MAX_ROWS:
                return  # (a table this long is read to its first _MAX_ROWS rows)
            if self.row is None:
                self.row = {"type": "table_row", "line": self._at(), "children": [], "th": 0}
            self.cell = {"type": "table_cell", "line": 0, "children": []}
            self.row["children"].append(self.cell)
            if tag == "th":
                self.row["th"] += 1
        elif tag == "a" and self.cell is not None:
            href = dict(attrs).get("href")
            if href and self.link is None:
                self.link = {"type": "link", "attrs": {"url": href}, "children": []}
                self.cell["children"].append(self.link)
        elif tag in _CELL_BREAKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CELL_BREAKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "table":
            if self.depth == 1:
                self._end_row()
                self._emit()
            self.depth = max(0, self.depth - 1)
        elif self.depth != 1:
            if tag in _CELL_BREAKS:
                self._break()
        elif tag == "thead":
            self.in_head = False
        elif tag == "tr":
            self._end_row()
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "a":
            self.link = None
        elif tag in _CELL_BREAKS:
            self._break()

    def _break(self) -> None:
        if self.cell is not None and self.cell["children"]:
            self.link = None
            self.cell["children"].append({"type": "softbreak"})

    def handle_data(self, data: str) -> None:
        if self.skip or self.cell is None or not self.depth:
            return
        text = " ".join(data.split())
        if not text:
            return
        if not self.cell["line"]:  # the line the cell's text starts on
            self.cell["line"] = self._at() + data[:len(data) - len(data.lstrip())].count("\n")
        target = self.link["children"] if self.link is not None else self.cell["children"]
        last = target[-1] if target else None
        if last is not None and last.get("type") == "text":
            last["raw"] += " " + text
        else:
            target.append({"type": "text", "raw": text})

    def _end_cell(self) -> None:
        if self.cell is not None:
            while self.cell["children"] and self.cell["children"][-1].get("type") == "softbreak":
                self.cell["children"].pop()
            if not self.cell["line"] and self.row is not None:
                self.cell["line"] = self.row["line"]
        self.cell, self.link = None, None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is not None and self.row["children"]:
            self.row["head"] = self.in_head or self.row["th"] == len(self.row["children"])
            self.rows.append(self.row)
        self.row = None

    def _emit(self) -> None:
        rows = self.rows
        if len(rows) < 2:
            return
        head = rows[0]
        body = rows[1:]
        if not head.get("head"):  # no header row: an empty one, so every row is read as a row
            head, body = {"type": "table_row", "line": rows[0]["line"], "children": []}, rows
        self.tables.append({"type": "table", "line": rows[0]["line"], "style": "html", "children": [
            {"type": "table_head", "line": head["line"], "children": head["children"]},
            {"type": "table_body", "children": [{"type": "table_row", "line": r["line"], "children": r["children"]}
                                                for r in body]},
        ]})


def read_tables(text: str, first_line: int) -> list[Block]:
    """The tables of an HTML text that starts at ``first_line`` of the file (none if it holds no table)."""
    reader = _TableReader(first_line)
    try:
        reader.feed(text)
        reader.close()
    except (AssertionError, ValueError):  # pragma: no cover - HTMLParser is lenient; never fail a file on it
        return []
    return reader.tables
