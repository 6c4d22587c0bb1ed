"""mistune's AST, with the source line of every block token.

mistune 3 gives no positions. Its block parser works on a ``BlockState`` holding the text being
parsed and a cursor; container blocks (block quotes, list items) are parsed in child states whose
text has the same lines as the parent's span (prefixes are stripped, lines are never merged).
So a token's line is the line of the position its rule matched at, plus the line its state's text
starts at in the file. ``_LineState`` stamps that on each token as ``"line"`` (1-based).

This is the only module that imports mistune: a run answered from the cache never loads it.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import mistune
from mistune.block_parser import BlockParser
from mistune.core import BlockState
from mistune.plugins.url import url as url_plugin

# Deep nesting costs mistune recursion; past this depth it parses containers as text.
MAX_NESTING = 24

_LIST_MARKER_ONLY = re.compile(r"^[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]*$")


class _LineState(BlockState):
    """A BlockState that stamps each token with the 1-based line it starts on."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.base_line = 1  # line of the file that line 1 of self.src is
        self.rule_start: int | None = None  # where the rule now being parsed matched
        self.next_child_line: int | None = None
        self._newlines: list[int] | None = None

    def process(self, src: str) -> None:
        super().process(src)
        self._newlines = None

    def line_at(self, pos: int) -> int:
        if self._newlines is None:
            src, found, i = self.src, [], self.src.find("\n")
            while i >= 0:
                found.append(i)
                i = src.find("\n", i + 1)
            self._newlines = found
        return self.base_line + bisect.bisect_left(self._newlines, pos)

    def _stamp(self, token: dict[str, Any]) -> None:
        if "line" not in token:
            pos = self.rule_start if self.rule_start is not None else self.cursor
            token["line"] = self.line_at(pos)

    def append_token(self, token: dict[str, Any]) -> None:
        self._stamp(token)
        super().append_token(token)

    def prepend_token(self, token: dict[str, Any]) -> None:
        self._stamp(token)
        super().prepend_token(token)

    def add_paragraph(self, text: str) -> None:
        last = self.last_token()
        if last and last["type"] == "paragraph":
            last["text"] += text
        else:
            self.tokens.append({"type": "paragraph", "text": text, "line": self.line_at(self.cursor)})

    def child_state(self, src: str, lazy_line_starts: Any = None) -> "_LineState":
        child = super().child_state(src, lazy_line_starts)
        # The first child of a rule (a block quote, a list's first item) starts on the rule's
        # line; each later item of a list starts on the line before the cursor, which the list
        # parser leaves just past the next item's marker line.
        if self.next_child_line is None:
            first = self.line_at(self.rule_start if self.rule_start is not None else self.cursor)
        else:
            first = self.next_child_line
        if src and not src.startswith("\n") and self._marker_only(first):
            first += 1  # "-\n  text": the item's text starts on the next line
        child.base_line = first
        self.next_child_line = self.line_at(self.cursor) - 1
        return child

    def _marker_only(self, line: int) -> bool:
        idx = line - self.base_line
        if idx < 0:
            return False
        self.line_at(0)
        starts = [0] + [n + 1 for n in self._newlines or []]
        if idx >= len(starts):
            return False
        end = self.src.find("\n", starts[idx])
        text = self.src[starts[idx] : end if end >= 0 else None]
        return bool(_LIST_MARKER_ONLY.match(text))


class _LineBlockParser(BlockParser):
    def parse_method(self, m: Any, state: Any) -> Any:
        saved = state.rule_start, state.next_child_line
        state.rule_start, state.next_child_line = m.start(), None
        try:
            return super().parse_method(m, state)
        finally:
            state.rule_start, state.next_child_line = saved


def _markdown() -> mistune.Markdown:
    block = _LineBlockParser(max_nested_level=MAX_NESTING)
    md = mistune.Markdown(renderer=None, block=block, inline=mistune.InlineParser(max_nested_level=MAX_NESTING))
    url_plugin(md)
    return md


_MD: mistune.Markdown | None = None


def parse_tokens(text: str) -> list[dict[str, Any]]:
    """Block tokens of ``text`` (already LF-normalised), each with ``line``; inline as children."""
    global _MD
    if _MD is None:
        _MD = _markdown()
    state = _LineState()
    tokens, _ = _MD.parse(text, state)
    return tokens  # type: ignore[return-value]
