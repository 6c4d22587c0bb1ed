"""mistune's AST, with the source line of every block token.

mistune 3 gives no positions. Its block parser works on a ``BlockState`` holding the text being
parsed and a cursor; container blocks (block quotes, list items) are parsed in child states whose
text has the same lines as the parent's span (prefixes are stripped, lines are never merged).
So a token's line is the line of the position its rule matched at, plus the line its state's text
starts at in the file. ``_LineState`` stamps that on each token as ``"line"`` (1-based).

This is the only module that imports mistune: a run answered from the cache never loads it.
"""

from __future__ import annotations

import contextlib
import gc
import re
from typing import Any, Iterator

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
        self.next_child_pos: int | None = None
        self._at = (0, 0)  # (position, newlines before it): count only the span moved over

    def line_at(self, pos: int) -> int:
        last_pos, last_count = self._at
        # Positions mostly grow, and step back only to the start of the block being parsed: counting
        # from the last position either way is linear (counting back from 0 was quadratic in a
        # long file).
        if pos >= last_pos:
            count = last_count + self.src.count("\n", last_pos, pos)
        else:
            count = last_count - self.src.count("\n", pos, last_pos)
        self._at = (pos, count)
        return self.base_line + count

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
        if self.next_child_pos is None:
            pos = self.rule_start if self.rule_start is not None else self.cursor
            pos = self.src.rfind("\n", 0, pos) + 1
        else:
            pos = self.next_child_pos
        first = self.line_at(pos)
        if src and not src.startswith("\n"):
            end = self.src.find("\n", pos)
            if _LIST_MARKER_ONLY.match(self.src[pos : end if end >= 0 else None]):
                first += 1  # "-\n  text": the item's text starts on the next line
        child.base_line = first
        self.next_child_pos = self.src.rfind("\n", 0, max(self.cursor - 1, 0)) + 1
        return child


class _LineBlockParser(BlockParser):
    def parse_method(self, m: Any, state: Any) -> Any:
        saved = state.rule_start, state.next_child_pos
        state.rule_start, state.next_child_pos = m.start(), None
        try:
            return super().parse_method(m, state)
        finally:
            state.rule_start, state.next_child_pos = saved


# Characters that can start inline syntax (escapes, code, emphasis, links, images, autolinks, HTML,
# entities, hard breaks, bare URLs). A paragraph with none of them is plain text lines.
# (A hard break is "  \n" literally: `` {2,}\n`` would rescan runs of spaces, cubic on deep indents.)
_INLINE_SYNTAX = re.compile(r"[\\`*_\[!<&]|https?://|www\.|  \n|\t\n")


class _FastInlineParser(mistune.InlineParser):
    """mistune's inline parser, skipped for text that holds no inline syntax (most note lines)."""

    def __call__(self, s: str, env: Any) -> list[dict[str, Any]]:
        if _INLINE_SYNTAX.search(s):
            return super().__call__(s, env)
        tokens: list[dict[str, Any]] = []
        for i, line in enumerate(s.split("\n")):
            if i:
                tokens.append({"type": "softbreak"})
            line = line.strip(" \t") if i else line.rstrip(" \t")
            if line:
                tokens.append({"type": "text", "raw": line})
        return tokens


def _markdown() -> mistune.Markdown:
    block = _LineBlockParser(max_nested_level=MAX_NESTING)
    md = mistune.Markdown(renderer=None, block=block, inline=_FastInlineParser(max_nested_level=MAX_NESTING))
    url_plugin(md)
    return md


_MD: mistune.Markdown | None = None


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector while a big acyclic tree (tokens, a Document) is being built.

    Parsing allocates millions of small dicts and lists that refcounting alone frees; the cycle
    collector would rescan them again and again as they pile up (3-5x the parse time of a big file,
    growing faster than the file).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def parse_tokens(text: str) -> list[dict[str, Any]]:
    """Block tokens of ``text`` (already LF-normalised), each with ``line``; inline as children."""
    global _MD
    if _MD is None:
        _MD = _markdown()
    state = _LineState()
    with gc_paused():
        tokens, _ = _MD.parse(text, state)
    return tokens  # type: ignore[return-value]
