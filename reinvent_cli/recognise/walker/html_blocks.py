"""Raw HTML blocks read as markdown blocks: a talk list written as ``<h2>Day 1</h2><ul><li>Title, Name</li></ul>``
inside a markdown file becomes a heading and a list (with their source lines, entities decoded), so the
reading and the walk see what a reader sees. Only blocks with a heading or list items are read so; the rest
(an ``<iframe>``, a ``<div>`` of text, a comment) stay HTML blocks; tables are read by html_tables.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from reinvent_cli.recognise.text.patterns import pattern
from reinvent_cli.recognise.walker.html_tables import read_tables

Block = dict[str, Any]

_STRUCTURE = pattern(r"<(?:h[1-6]|li|table)\b", re.IGNORECASE)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BREAKS = frozenset(("p", "div", "section", "article", "br", "tr", "dt", "dd", "blockquote"))


class _Reader(HTMLParser):
    """HTML to blocks: headings, list items (one list per run of them) and paragraphs, each at its line."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first = first_line
        self.blocks: list[Block] = []
        self.kind: str | None = None  # "heading", "item", "paragraph": what the open text belongs to
        self.level = 0
        self.line = first_line
        self.parts: list[Block] = []  # inline tokens of the open text
        self.link: Block | None = None
        self.strong = 0
        self.skip = 0  # inside <script>, <style>
        self.new_list = True  # the next item starts a list (after <ul>, </ul> or other blocks)

    def _at(self) -> int:
        return self.first + self.getpos()[0] - 1

    def _close(self) -> None:
        text = "".join(str(p.get("raw", "")) for p in self._leaves(self.parts)).strip()
        if self.kind is not None and text:
            children = self.parts
            if self.kind == "heading":
                self.new_list = True
                self.blocks.append({"type": "heading", "attrs": {"level": self.level}, "style": "html",
                                    "line": self.line, "children": children})
            elif self.kind == "item":
                item = {"type": "list_item", "line": self.line,
                        "children": [{"type": "block_text", "line": self.line, "children": children}]}
                last = self.blocks[-1] if self.blocks else None
                if last is not None and last.get("type") == "list" and not self.new_list:
                    last["children"].append(item)
                else:
                    self.blocks.append({"type": "list", "attrs": {"ordered": False, "depth": 0}, "line": self.line,
                                        "children": [item]})
                self.new_list = False
            else:
                self.blocks.append({"type": "paragraph", "line": self.line, "children": children})
        self.kind, self.parts, self.link = None, [], None

    @staticmethod
    def _leaves(parts: list[Block]) -> list[Block]:
        out: list[Block] = []
        for p in parts:
            out.extend(_Reader._leaves(p["children"]) if isinstance(p.get("children"), list) else [p])
        return out

    def _open(self, kind: str) -> None:
        self._close()
        self.kind, self.line = kind, self._at()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _HEADINGS:
            self._open("heading")
            self.level = _HEADINGS[tag]
        elif tag == "li":
            self._open("item")
        elif tag in ("ul", "ol"):
            self._close()
            self.new_list = True
        elif tag in _BREAKS:
            if self.kind != "item":
                self._close()
        elif tag == "a":
            href = dict(attrs).get("href")
            if href and self.link is None:
                self.link = {"type": "link", "attrs": {"url": href}, "children": []}
                self._target().append(self.link)
        elif tag in ("strong", "b"):
            self.strong += 1
        elif tag == "iframe" and dict(attrs).get("src"):
            # an embedded recording stays what markdown would have left it: an HTML block at its line
            self._close()
            self.blocks.append({"type": "block_html", "line": self._at(), "raw": self.get_starttag_text() or ""})

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("ul", "ol"):
            self._close()
            self.new_list = True
        elif tag in _HEADINGS or tag == "li" or (tag in _BREAKS and self.kind != "item"):
            self._close()
        elif tag == "a":
            self.link = None
        elif tag in ("strong", "b"):
            self.strong = max(0, self.strong - 1)

    def _target(self) -> list[Block]:
        if self.kind is None:
            self.kind, self.line = "paragraph", self._at()
        return self.parts

    def handle_data(self, data: str) -> None:
        if self.skip or not data.strip() and self.kind is None:
            return
        text = " ".join(data.split()) if data.strip() else " "
        if data[:1].isspace() and text != " ":
            text = " " + text
        if data[-1:].isspace() and text != " ":
            text += " "
        target = self.link["children"] if self.link is not None else self._target()
        leaf = {"type": "text", "raw": text}
        target.append({"type": "strong", "children": [leaf]} if self.strong and text.strip() else leaf)


def _read(raw: str, line: int) -> list[Block] | None:
    reader = _Reader(line)
    try:
        reader.feed(raw)
        reader.close()
        reader._close()
    except (AssertionError, ValueError):  # pragma: no cover - HTMLParser is lenient; never fail a file on it
        return None
    return reader.blocks or None


_TABLE_OPEN = pattern(r"<table\b", re.IGNORECASE)
_TABLE_CLOSE = pattern(r"</table\s*>", re.IGNORECASE)
_TABLE_SPAN = pattern(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_MAX_TABLE_LINES = 5000


def _table_end(lines: list[str], start: int) -> int | None:
    """The line (1-based) that closes the table opening at or after line ``start`` (nested tables counted); None
    when none does within _MAX_TABLE_LINES (an unclosed table: the blocks stay as markdown read them)."""
    depth = 0
    for n in range(start, min(len(lines), start + _MAX_TABLE_LINES - 1) + 1):
        text = lines[n - 1]
        depth += len(_TABLE_OPEN.findall(text)) - len(_TABLE_CLOSE.findall(text))
        if depth <= 0 and _TABLE_CLOSE.search(text):
            return n
    return None


def _blank_tables(raw: str) -> str:
    """The HTML with its tables' text blanked, lines kept (what the block reader reads around them)."""
    return _TABLE_SPAN.sub(lambda m: "\n" * m.group(0).count("\n"), raw)


def expand_html_blocks(tokens: list[Block], body: str | None = None) -> list[Block]:
    """The file's top-level tokens with each raw HTML block that holds headings, list items or a table read as
    those blocks (text unescaped: "Ek&eacute;n" is "Ekén"). A table is read from the file's text (``body``) to
    its closing tag: markdown ends an HTML block at a blank line, so a table's later rows arrive as other
    blocks (HTML, indented code), which it replaces."""
    if not any(t.get("type") == "block_html" and _STRUCTURE.search(str(t.get("raw", ""))) for t in tokens):
        return tokens
    out: list[Block] = []
    lines: list[str] | None = None
    until = 0  # the last line a table read from the text covered: blocks up to it are the table's
    for tok in tokens:
        at = int(tok.get("line") or 0)
        if at and at <= until:
            continue
        raw = str(tok.get("raw", ""))
        if tok.get("type") == "block_html" and _STRUCTURE.search(raw):
            end = None
            if body is not None and _TABLE_OPEN.search(raw) and at:
                lines = body.split("\n") if lines is None else lines
                end = _table_end(lines, at)
            if end is not None and lines is not None:
                raw = "\n".join(lines[at - 1:end])
                found = sorted((_read(_blank_tables(raw), at) or []) + read_tables(raw, at),
                               key=lambda b: int(b.get("line") or 0))
                until = end if found else until  # (nothing read: the blocks stay as markdown read them)
            else:
                found = _read(raw, at or 1) or []
            if found:
                out.extend(found)
                continue
        out.append(tok)
    return out
