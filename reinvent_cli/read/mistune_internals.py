"""What the reader takes of mistune, in one place: only this module imports mistune (mdast, md_lists and
md_tables take it from here), so a run answered from the cache never loads it, and a mistune release that
moves a name fails here, at import, or in tests/cli/test_help.py, which checks each name below.

mistune>=3.4,<4 (pyproject.toml): ``InlineParser(max_nested_level=...)`` from 3.4. md_lists.py copies
mistune 3.4.0's list parser and calls its helpers (``list_parser._...``); ``FAST_LISTS`` is True only for
that version, else lists are parsed by mistune's own code (the same tokens, slower)."""

from __future__ import annotations

import mistune
from mistune import InlineParser, Markdown
from mistune.block_parser import BlockParser
from mistune.core import BlockState
from mistune.plugins import table as table_rules
from mistune.plugins.url import url as url_plugin

try:
    from mistune import list_parser
    from mistune.util import strip_end

    LIST_HELPERS = (list_parser._create_list_marker, list_parser._get_list_bullet, list_parser._transform_tight_list,
                    list_parser._compile_continue_width, list_parser._compile_list_item_pattern,
                    list_parser._compile_list_break_sc, list_parser._has_continuation_indent,
                    list_parser._expand_leading_tabs, list_parser._clean_list_item_text, list_parser._is_loose_list,
                    list_parser._ListItemLines, list_parser._LINE_HAS_TEXT)
    FAST_LISTS = getattr(mistune, "__version__", "") == "3.4.0"
except (ImportError, AttributeError):  # pragma: no cover - another mistune: md_lists' copy is not used
    FAST_LISTS = False
    list_parser = strip_end = None  # type: ignore[assignment]

TABLE_RULES = ("TABLE_PATTERN", "NP_TABLE_PATTERN", "parse_table", "parse_nptable")  # what md_tables uses

__all__ = ["FAST_LISTS", "TABLE_RULES", "BlockParser", "BlockState", "InlineParser", "Markdown", "list_parser",
           "strip_end", "table_rules", "url_plugin"]
