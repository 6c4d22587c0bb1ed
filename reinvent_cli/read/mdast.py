"""mistune's AST, with the source line of every block token.

mistune 3 gives no positions. Its block parser works on a ``BlockState`` holding the text being
parsed and a cursor; container blocks (block quotes, list items) are parsed in child states whose
text has the same lines as the parent's span (prefixes are stripped, lines are never merged).
So a token's line is the line of the position its rule matched at, plus the line its state's text
starts at in the file. ``_LineState`` stamps that on each token as ``"line"`` (1-based).

Only this module and its helpers (md_lists, md_tables) use mistune, through read/mistune_internals.py: a run
answered from the cache never loads it.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from typing import Any

from reinvent_cli.read.md_lists import FAST_LISTS, parse_list
from reinvent_cli.read.md_tables import table_plugin
from reinvent_cli.read.mistune_internals import BlockParser, BlockState, InlineParser, Markdown, url_plugin
from reinvent_cli.read.source import ENTITY, unescape_entities

# Deep nesting costs mistune recursion; past this depth it parses containers as text.
MAX_NESTING = 24

# Matched with pos/endpos on the parent's text (no "^": it would only match at the real start).
_LIST_MARKER_ONLY = re.compile(r"[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]*$")


class _LineState(BlockState):
    """A BlockState that stamps each token with the 1-based line it starts on."""

    def __init__(self, parent: Any = None) -> None:
        # BlockState.__init__, inlined (one state per list item: the frame counts)
        self.src = ""
        self.tokens = []
        self.cursor = 0
        self.cursor_max = 0
        self.list_tight = True
        self.parent = parent
        self.lazy_line_starts = set()
        self.env = parent.env if parent else {"ref_links": {}}
        self.base_line = 1  # line of the file that line 1 of self.src is
        self.rule_start: int | None = None  # where the rule now being parsed matched
        self.next_child_pos: int | None = None
        # (position, newlines before it): count only the span moved over
        self._at_pos = 0
        self._at_count = 0

    def line_at(self, pos: int) -> int:
        last_pos = self._at_pos
        # Positions mostly grow, and step back only to the start of the block being parsed: counting
        # from the last position either way is linear (counting back from 0 was quadratic in a
        # long file).
        if pos >= last_pos:
            count = self._at_count + self.src.count("\n", last_pos, pos)
        else:
            count = self._at_count - self.src.count("\n", pos, last_pos)
        self._at_pos = pos
        self._at_count = count
        return self.base_line + count

    def append_token(self, token: dict[str, Any]) -> None:
        if "line" not in token:
            pos = self.rule_start
            token["line"] = self.line_at(self.cursor if pos is None else pos)
        self.tokens.append(token)

    def prepend_token(self, token: dict[str, Any]) -> None:
        if "line" not in token:
            pos = self.rule_start
            token["line"] = self.line_at(self.cursor if pos is None else pos)
        self.tokens.insert(len(self.tokens) - 1, token)

    def add_paragraph(self, text: str) -> None:
        tokens = self.tokens
        if tokens and tokens[-1]["type"] == "paragraph":
            tokens[-1]["text"] += text
            return
        tokens.append({"type": "paragraph", "text": text, "line": self.line_at(self.cursor)})

    def child_state(self, src: str, lazy_line_starts: Any = None) -> _LineState:
        child = _LineState(self)
        child.src = src
        child.cursor_max = len(src)
        if lazy_line_starts:
            child.lazy_line_starts = lazy_line_starts
        # The first child of a rule (a block quote, a list's first item) starts on the rule's
        # line; each later item of a list starts on the line before the cursor, which the list
        # parser leaves just past the next item's marker line.
        psrc = self.src
        pos = self.next_child_pos
        if pos is None:
            pos = self.rule_start
            if pos is None:
                pos = self.cursor
            pos = psrc.rfind("\n", 0, pos) + 1
        first = self.line_at(pos)
        if src and src[0] != "\n":
            end = psrc.find("\n", pos)
            if end < 0:
                end = len(psrc)
            # (a marker-only line ends in its marker or in blanks)
            if end > pos and psrc[end - 1] in "*+-.) \t" and _LIST_MARKER_ONLY.match(psrc, pos, end):
                first += 1  # "-\n  text": the item's text starts on the next line
        child.base_line = first
        cursor = self.cursor
        self.next_child_pos = psrc.rfind("\n", 0, cursor - 1 if cursor > 1 else 0) + 1
        return child


class _LineBlockParser(BlockParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Patterns of list items, by (bullet, indent width) and indent width (see md_lists).
        self.list_item_res: dict[tuple[str, int], Any] = {}
        self.break_scs: dict[int, Any] = {}
        if FAST_LISTS:
            self._methods["list"] = self.parse_list_fast

    def parse_list_fast(self, m: Any, state: Any) -> int:
        return parse_list(self, m, state)

    def _parse_indent_code_fast(self, state: Any) -> Any:
        # An indented code line starts with a space or a tab: most lines are answered here, without
        # mistune slicing the line out first.
        src = state.src
        pos = state.cursor
        if pos < len(src) and src[pos] != " " and src[pos] != "\t":
            return None
        return super()._parse_indent_code_fast(state)

    def parse_method(self, m: Any, state: Any) -> Any:
        saved_start = state.rule_start
        saved_child = state.next_child_pos
        state.rule_start = m.start()
        state.next_child_pos = None
        try:
            return self._methods[m.lastgroup](m, state)
        finally:
            state.rule_start = saved_start
            state.next_child_pos = saved_child


# Characters that can start inline syntax (escapes, code, emphasis, links, images, autolinks, HTML,
# entities, hard breaks, bare URLs). A paragraph with none of them is plain text lines.
# (A hard break is "  \n" literally: `` {2,}\n`` would rescan runs of spaces, cubic on deep indents.)
_INLINE_SYNTAX = re.compile(r"[\\`*_\[!<&]|https?://|www\.|  \n|\t\n")
_SYNTAX_CHAR = re.compile(r"[\\`*_\[!<&]").search
# Of those characters, what mistune reads as syntax: a "!" only before "[" (an image), a "_" only beside a
# character that is no ASCII letter or digit ("snake_case" opens no emphasis), a "&" only in an entity.
_SYNTAX_MARK = re.compile(r"[\\`*\[<]|!\[|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"
                          r"|" + ENTITY).search


def _plain_lines(s: str) -> list[dict[str, Any]]:
    tokens: list[dict[str, Any]] = []
    for i, line in enumerate(s.split("\n")):
        if i:
            tokens.append({"type": "softbreak"})
        line = line.strip(" \t") if i else line.rstrip(" \t")
        if line:
            tokens.append({"type": "text", "raw": line})
    return tokens


class _FastInlineParser(InlineParser):
    """mistune's inline parser, skipped for text that holds no inline syntax (most note lines)."""

    def __call__(self, s: str, env: Any) -> list[dict[str, Any]]:
        if _INLINE_SYNTAX.search(s):
            return super().__call__(s, env)
        return _plain_lines(s)

    def parse_syntax(self, s: str, env: Any) -> list[dict[str, Any]]:
        """mistune's own inline parse (the caller found inline syntax in ``s``)."""
        return super().__call__(s, env)


def new_markdown() -> Markdown:
    block = _LineBlockParser(max_nested_level=MAX_NESTING)
    md = Markdown(renderer=None, block=block, inline=_FastInlineParser(max_nested_level=MAX_NESTING))
    url_plugin(md)
    table_plugin(md)  # pipe tables: rows with their lines (read/md_tables.py)
    return md


_MD: Markdown | None = None


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


def _inline_children(tokens: list[dict[str, Any]], inline: Any, env: Any) -> None:
    """mistune's ``_iter_render`` without its generators: inline tokens of every block with text."""
    for tok in tokens:
        if "children" in tok:
            _inline_children(tok["children"], inline, env)
        elif "text" in tok:
            text = tok.pop("text").strip(" \r\n\t\f")
            # _INLINE_SYNTAX.search(text), as plain substring tests (faster than the alternation), but for the
            # characters mistune reads as text where they are ("Hi!", "snake_case", "R&D")
            if (_SYNTAX_CHAR(text) and _SYNTAX_MARK(text)
                    or ("http" in text and ("http://" in text or "https://" in text))
                    or "www." in text or "  \n" in text or "\t\n" in text):
                tok["children"] = inline.parse_syntax(text, env)
                if "&" in text:
                    _unescape(tok["children"])
            elif "\n" not in text:  # one plain line (already stripped at both ends)
                tok["children"] = [{"type": "text", "raw": text}] if text else []
            else:
                tok["children"] = _plain_lines(text)


def _unescape(tokens: list[dict[str, Any]]) -> None:
    """HTML entities in text as the characters they name ("D&iacute;a" -> "Día"): notes are text."""
    stack = [tokens]
    while stack:
        for tok in stack.pop():
            raw = tok.get("raw")
            if isinstance(raw, str) and "&" in raw and tok.get("type") == "text":
                tok["raw"] = unescape_entities(raw)
            children = tok.get("children")
            if isinstance(children, list):
                stack.append(children)


def parse_tokens(text: str) -> list[dict[str, Any]]:
    """Block tokens of ``text`` (already LF-normalised), each with ``line``; inline as children."""
    global _MD
    if _MD is None:
        _MD = new_markdown()
    md = _MD
    state = _LineState()
    if md.before_parse_hooks or md.before_render_hooks or md.after_render_hooks:  # pragma: no cover
        with gc_paused():  # a plugin with hooks: mistune's own pipeline
            tokens, _ = md.parse(text, state)
        return tokens  # type: ignore[return-value]
    # Markdown.parse, without its hooks (none registered) and its generator-based rendering.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.endswith("\n"):
        text += "\n"
    with gc_paused():
        state.src = text
        state.cursor_max = len(text)
        md.block.parse(state)
        tokens = state.tokens
        _inline_children(tokens, md.inline, state.env)
    return tokens
