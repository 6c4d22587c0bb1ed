"""Markdown tables (mistune's table plugin), each row stamped with its source line: header, separator, one line a row."""

from __future__ import annotations

from typing import Any

from reinvent_cli.read.mistune_internals import table_rules as _table


def _stamped(parse: Any) -> Any:
    """mistune's table rule, then each part of the table it added given its line (the header's line is
    the table's; rows follow the separator line, one line each)."""

    def rule(block: Any, m: Any, state: Any) -> Any:
        before = len(state.tokens)
        end = parse(block, m, state)
        if len(state.tokens) > before and state.tokens[-1].get("type") == "table":
            stamp(state.tokens[-1])
        return end

    return rule


def stamp(tok: dict[str, Any]) -> None:
    """Lines of a table's head, rows and cells from the table's own line."""
    line = int(tok.get("line", 1))
    parts = tok.get("children") or []
    for part in parts:
        if part.get("type") == "table_head":
            _stamp_row(part, line)
        elif part.get("type") == "table_body":
            for n, row in enumerate(part.get("children") or []):
                _stamp_row(row, line + 2 + n)


def _stamp_row(row: dict[str, Any], line: int) -> None:
    row["line"] = line
    for cell in row.get("children") or []:
        cell["line"] = line


def table_plugin(md: Any) -> None:
    """Pipe tables ("| a | b |" and "a | b") as table tokens whose rows know their lines."""
    md.block.register("table", _table.TABLE_PATTERN, _stamped(_table.parse_table), before="paragraph")
    md.block.register("nptable", _table.NP_TABLE_PATTERN, _stamped(_table.parse_nptable), before="paragraph")


def rows(tok: dict[str, Any]) -> list[dict[str, Any]]:
    """A table token's rows, header first (each with ``line`` and cells)."""
    found: list[dict[str, Any]] = []
    for part in tok.get("children") or []:
        if part.get("type") == "table_head":
            found.append(part)
        elif part.get("type") == "table_body":
            found.extend(part.get("children") or [])
    return found
