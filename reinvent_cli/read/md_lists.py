"""mistune's list parser (mistune/list_parser.py, 3.4.0), copied: its patterns built once, the common cases made cheap.

The helpers it calls per line (leading tabs expanded, continuation indents measured and stripped) walk each
line a character at a time; a line without a tab is answered by string tests that give the same result, and
a line with one by mistune's own helper. A next item's line is checked for the one rule that wins over it (a
thematic break), and an item of one line of plain text is given the paragraph mistune's parse would give it.
Only for the mistune it was copied from (``FAST_LISTS``): another version parses lists with its own code.

The copied parts are mistune's: Copyright (c) 2014, Hsiaoming Yang, under its BSD 3-Clause licence (the
licence file of the installed mistune package).
"""

from __future__ import annotations

import re
import string
from typing import Any

from reinvent_cli.read.mistune_internals import FAST_LISTS as FAST_LISTS
from reinvent_cli.read.mistune_internals import list_parser as _lp
from reinvent_cli.read.mistune_internals import strip_end


def parse_list(block: Any, m: Any, state: Any) -> int:
    """mistune.list_parser.parse_list, calling _parse_list_item below."""
    item = _lp._create_list_marker(m, "list")
    text = item.text
    if not text.strip():
        # Example 285
        # an empty list item cannot interrupt a paragraph
        end_pos = state.append_paragraph()
        if end_pos:
            return int(end_pos)

    marker = item.marker
    depth = state.depth()
    token: dict[str, Any] = {
        "type": "list",
        "children": [],
        "tight": True,
        "bullet": item.bullet,
        "attrs": {
            "depth": depth,
            "ordered": item.ordered,
        },
    }
    if item.ordered:
        start = int(marker[:-1])
        if start != 1:
            # Example 304
            # we allow only lists starting with 1 to interrupt paragraphs
            end_pos = state.append_paragraph()
            if end_pos:
                return int(end_pos)
            token["attrs"]["start"] = start

    state.cursor = m.end() + 1
    item_or_none: Any = item

    if depth >= block.max_nested_level - 1:
        rules = [rule for rule in block.list_rules if rule not in ("list", "block_quote")]
    else:
        rules = block.list_rules

    bullet = _lp._get_list_bullet(item.bullet)
    sc = block.compile_sc(rules)  # (what block.parse of each item's lines matches with)
    while item_or_none:
        item_or_none = _parse_list_item(block, bullet, item_or_none, token, state, (rules, sc))

    end_pos = token.pop("_end_pos", None)
    _lp._transform_tight_list(token)
    if end_pos:
        index = token.pop("_tok_index")
        state.tokens.insert(index, token)
        return int(end_pos)

    state.append_token(token)
    return int(state.cursor)


def _parse_list_item(block: Any, bullet: str, item: Any, token: dict[str, Any], state: Any,
                     rules_sc: tuple[list[str], Any]) -> Any:
    """mistune.list_parser._parse_list_item, with its two patterns cached (``rules_sc``: the rules of the
    item's blocks, and their scanner)."""
    rules, sc = rules_sc
    text = item.text
    leading_width = item.leading_width
    text, continue_width = _continue_width(text, leading_width)
    key = (bullet, leading_width)
    list_item_re = block.list_item_res.get(key)
    if list_item_re is None:
        list_item_re = block.list_item_res[key] = re.compile(_lp._compile_list_item_pattern(bullet, leading_width))
    breaks = block.break_scs.get(leading_width)
    if breaks is None:
        breaks = block.break_scs[leading_width] = _break_patterns(block, leading_width)

    lines = _collect_lines(block, list_item_re, breaks, state, text, continue_width)
    if lines.loose:
        token["tight"] = False
    if lines.end_pos is not None:
        token["_tok_index"] = lines.token_index
        token["_end_pos"] = lines.end_pos

    child = state.child_state(_item_source(text, lines.src, continue_width))
    if not _one_line_of_text(child, sc):
        block.parse(child, rules)

    if token["tight"] and _lp._is_loose_list(child.tokens):
        token["tight"] = False

    token["children"].append(
        {
            "type": "list_item",
            "children": child.tokens,
        }
    )
    if lines.next_item:
        return lines.next_item

    return None


def _one_line_of_text(child: Any, sc: Any) -> bool:
    """``block.parse(child, rules)`` for the most common item, one line of text that starts no other block (it
    starts as mistune's plain paragraphs do, and no rule matches it: ``sc``): its paragraph; False for any other."""
    src = child.src
    if not src or src.find("\n") != len(src) - 1:
        return False
    c = src[0]
    if c.isspace() or c.isdigit() or c in string.punctuation or sc.match(src, 0):
        return False
    child.tokens.append({"type": "paragraph", "text": src, "line": child.line_at(0)})
    child.cursor = len(src)
    return True


def _continue_width(text: str, leading_width: int) -> tuple[str, int]:
    """_lp._compile_continue_width (an item's text after its marker; the column its lines continue at)."""
    if "\t" in text:
        return _lp._compile_continue_width(text, leading_width)
    if _lp._LINE_HAS_TEXT.match(text):
        indent = len(text) - len(text.lstrip(" "))  # (_count_indent, without tabs)
        space_width = 1 if indent >= 5 else indent
        text = text[space_width:] + "\n"
    else:
        space_width = 1
        text = ""
    return text, leading_width + space_width


def _continues(line: str, columns: int) -> bool:
    """_lp._has_continuation_indent: ``line`` is indented ``columns`` (at least 1) or more."""
    if line.startswith(" " * columns):
        return True  # (mistune counts the first ``columns`` blanks and answers)
    return "\t" in line[:columns] and bool(_lp._has_continuation_indent(line, columns))


def _break_patterns(block: Any, leading_width: int) -> tuple[Any, Any]:
    """mistune's scanner of what ends an item's lines (_lp._compile_list_break_sc), and its first rule alone:
    a thematic break, the one that wins over a next item."""
    pattern = block.specification["thematic_break"]
    if leading_width < 3:
        pattern = pattern.replace(" {0,3}", f" {{0,{leading_width}}}", 1)  # (as mistune relaxes it)
    assert _lp._get_list_break_rules(block)[0] == "thematic_break"
    return _lp._compile_list_break_sc(block, leading_width), re.compile(r"(?<=\n)" + pattern, re.M)


def _collect_lines(block: Any, list_item_re: Any, breaks: tuple[Any, Any], state: Any, text: str,
                   continue_width: int) -> Any:
    """_lp._collect_list_item_lines: the lines of an item, up to the next item or what ends the list."""
    break_sc, thematic = breaks
    if continue_width < 1:  # pragma: no cover - (mistune's widths are 1 or more)
        return _lp._collect_list_item_lines(block, list_item_re, break_sc, state, text, continue_width)
    parts: list[str] = []
    prev_blank_line = False
    src = state.src
    while state.cursor < state.cursor_max:
        pos = state.cursor
        end = src.find("\n", pos)
        next_pos = len(src) if end < 0 else end + 1
        raw_line = src[pos:next_pos]
        if end >= 0 and not raw_line[:-1].strip(" \t\v\f"):  # (block.BLANK_LINE)
            parts.append("\n")
            prev_blank_line = True
            state.cursor = next_pos
            continue

        if _continues(raw_line, continue_width):
            if prev_blank_line and not text and not "".join(parts).strip():
                # Example 280
                # A list item can begin with at most one blank line
                break
            parts.append(raw_line)
            prev_blank_line = False
            state.cursor = next_pos
            continue

        line = _lp._expand_leading_tabs(raw_line) if "\t" in raw_line else raw_line
        # (_lp._match_list_item_break: the next item, unless the line is a thematic break; else what ends it)
        m2 = list_item_re.match(line)
        if m2 and not thematic.match(src, pos):
            state.cursor = next_pos
            return _lp._ListItemLines("".join(parts), next_item=_lp._create_list_marker(m2, "listitem"),
                                      loose=prev_blank_line)
        m = break_sc.match(src, pos)  # (after a next item's line: the thematic break)
        if m:
            if m.lastgroup == "list":
                break
            tok_index = len(state.tokens)
            end_pos = block.parse_method(m, state)
            if end_pos:
                return _lp._ListItemLines("".join(parts), end_pos=end_pos, token_index=tok_index)

        if prev_blank_line:
            # not a continue line, and previous line is blank
            break

        parts.append(raw_line)
        state.cursor = next_pos

    return _lp._ListItemLines("".join(parts))


def _item_source(text: str, src: str, continue_width: int) -> str:
    """_lp._build_list_item_source: the item's text and its lines, continuation indents stripped."""
    if not src:  # (an item of one line)
        whole = text
    elif "\t" in src or continue_width < 1:
        return strip_end(text + _lp._clean_list_item_text(src, continue_width))
    else:
        lead = " " * continue_width
        whole = text + "\n".join([x[continue_width:] if x.startswith(lead) else x for x in src.split("\n")])
    if len(whole) > 1 and whole[-1] == "\n" and not whole[-2].isspace():
        return whole  # (what strip_end gives back: no blanks before its last line break)
    return strip_end(whole)
