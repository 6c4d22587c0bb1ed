"""Listings of records in every format: a Rich table on a terminal, tab-separated when piped, JSON, CSV,
TSV, markdown. Machine formats have the same columns whatever the notes (``file`` and ``line`` always)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.style import Style
from rich.table import Table

from reinvent_cli.render.terminal import Output, clean, plain, safe_url, short_url

ToJson = Callable[[Any], dict[str, Any]]


@dataclass
class Column:
    header: str
    value: Callable[[Any], Any]
    style: str | None = None
    no_wrap: bool = False
    ratio: int | None = None
    min_width: int | None = None
    # Narrowest readable width of a wrapping column; columns are dropped (highest ``drop`` first) until
    # every remaining one gets at least this much. ``drop=0``: never dropped.
    need: int = 8
    drop: int = 0
    # On a terminal, the cell is a hyperlink to this URL (http/https only) and shows it shortened.
    link: Callable[[Any], Any] | None = None
    # The column's name in CSV/TSV headers (its JSON key); empty: the header in lower case.
    key: str = ""
    # Only on a terminal (a file:line column that the machine formats give as ``file`` and ``line``).
    table_only: bool = False

    @property
    def name(self) -> str:
        return self.key or self.header.lower()


FILE_COLUMNS = [Column("File", lambda i: i.file, key="file"), Column("Line", lambda i: i.line, key="line")]
WHERE_COLUMN = Column("File", lambda i: f"{i.file}:{i.line}", no_wrap=True, drop=4, table_only=True)


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value)
    return str(value)


def machine_columns(columns: Sequence[Column]) -> list[Column]:
    """The columns of CSV/TSV and piped output: the listing's own, then ``file`` and ``line``."""
    own = [c for c in columns if not c.table_only]
    return own if any(c.name == "file" for c in own) else own + FILE_COLUMNS


def display_columns(columns: Sequence[Column], items: Sequence[Any]) -> list[Column]:
    """The columns of a table or markdown: a File column only when the items come from several files."""
    if any(c.table_only or c.name == "file" for c in columns):
        return list(columns)
    if len({getattr(i, "file", None) for i in items}) > 1:
        return [*columns, WHERE_COLUMN]
    return list(columns)


def emit(out: Output, items: Sequence[Any], columns: Sequence[Column], to_json: ToJson) -> None:
    """Print items in the chosen format: table (plain tab-separated when piped), json, csv, tsv, markdown."""
    fmt = out.fmt
    if fmt == "json":
        dump_json(out, [to_json(i) for i in items])
    elif fmt in ("csv", "tsv"):
        out.write_raw(delimited(items, machine_columns(columns), "," if fmt == "csv" else "\t", header=True))
    elif fmt == "markdown":
        out.write_raw(markdown(items, display_columns(columns, items)))
    elif not out.is_terminal:
        out.write_raw(delimited(items, machine_columns(columns), "\t", header=False))
    else:
        shown = display_columns(columns, items)
        grid = table(out, items, shown)
        out.print(grid)
        left_out = [c.header for c in shown if c.header not in {col.header for col in grid.columns}
                    and any(_shown(c, i) for i in items)]
        if left_out:
            out.print(plain(f"hidden here: {', '.join(left_out)} (see --format tsv)", "dim"))


def delimited(items: Sequence[Any], columns: Sequence[Column], sep: str, header: bool) -> str:
    """CSV (quoted as Excel reads it) or TSV (no quoting: a tab or newline in a value becomes a space)."""
    if sep == "\t":
        rows = [[c.name for c in columns]] if header else []
        rows += [[clean(cell(c.value(i))) for c in columns] for i in items]
        return "\n".join("\t".join(r) for r in rows)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([c.name for c in columns])
    for i in items:
        w.writerow([clean(cell(c.value(i))) for c in columns])  # may be read on a terminal too
    return buf.getvalue()


def markdown(items: Sequence[Any], columns: Sequence[Column]) -> str:
    lines = ["| " + " | ".join(c.header for c in columns) + " |", "|" + "---|" * len(columns)]
    for i in items:
        cells = [clean(cell(c.value(i))).replace("|", "\\|") for c in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _width(c: Column, items: Sequence[Any]) -> int:
    """The cells a column needs: the longest value of a no-wrap column, else its ``need``; and padding."""
    longest = max((len(_shown(c, i)) for i in items), default=0)
    if c.no_wrap:
        return max(longest, len(c.header), c.min_width or 0) + 3  # padding and a border
    return min(c.need, longest or c.need) + 3


def fit_columns(columns: Sequence[Column], items: Sequence[Any], width: int) -> list[Column]:
    """The columns that fit ``width`` cells: codes and days whole, wrapping columns at least ``need`` wide.

    A column no row fills (no codes in the notes) is left out; then columns are dropped until they fit (like
    gh hides columns when narrow): a nearly empty one first (filled in under a third of the rows: which file
    a talk is in matters more than a Speakers column of a few names), then highest ``drop`` first.
    """
    filled = {c.header: sum(1 for i in items if _shown(c, i)) for c in columns}
    kept = [c for c in columns if filled[c.header]] or list(columns)
    sparse = max(1, len(items)) / 3
    for victim in sorted((c for c in kept if c.drop), key=lambda c: (filled[c.header] >= sparse, -c.drop)):
        if sum(_width(c, items) for c in kept) + 1 <= width:
            break
        kept.remove(victim)
    return kept


def _shown(c: Column, item: Any) -> str:
    url = safe_url(c.link(item)) if c.link else None
    return short_url(url) if url else clean(cell(c.value(item)))


def table(out: Output, items: Sequence[Any], columns: Sequence[Column], title: str | None = None) -> Table:
    cols = fit_columns(columns, items, out.console.width)
    grid = Table(title=title, header_style="bold", show_lines=False, expand=False, title_justify="left")
    for c in cols:
        grid.add_column(c.header, style=c.style, no_wrap=c.no_wrap, ratio=c.ratio, min_width=c.min_width,
                        overflow="ellipsis" if c.no_wrap else "fold")
    for i in items:
        cells = []
        for c in cols:
            url = safe_url(c.link(i)) if c.link else None
            if url:
                text = plain(short_url(url), c.style)
                text.stylize(Style(link=url))
            else:
                text = plain(cell(c.value(i)))
            cells.append(text)
        grid.add_row(*cells)
    return grid


def dump_json(out: Output, obj: Any) -> None:
    out.write_raw(json.dumps(obj, ensure_ascii=False, indent=2))
