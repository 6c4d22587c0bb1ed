"""The notes drawn as a tree (``reinvent outline``): files › days › talks › sections, with counts."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from rich.tree import Tree

from reinvent_cli.notes.outline import Node
from reinvent_cli.render.listing import dump_json
from reinvent_cli.render.terminal import Output, clean


def _counts_text(counts: dict[str, int], talks: int | None = None) -> str:
    parts = [f"{talks} talk{'s' if talks != 1 else ''}"] if talks else []
    for key, n in counts.items():
        if n:
            parts.append(f"{n} {key[:-1] if n == 1 else key}")
    return " · ".join(parts)


def _outline_label(node: Node) -> Text:
    label = Text()
    if node.kind == "file":
        label.append(clean(node.title), style="bold")
        if node.file and node.file != node.title:
            label.append(f"  {clean(node.file)}", style="dim")
    elif node.kind == "day":
        label.append(clean(node.title), style="bold green")
    elif node.kind == "talk":
        if node.code:
            label.append(clean(node.code) + " ", style="bold cyan")
        label.append(clean(node.title), style="bold")
    else:
        label.append(clean(node.title))
    talks = node.talks if node.kind in ("file", "day") else None
    counts = _counts_text(node.counts, talks)
    if counts:
        label.append(f"  {counts}", style="dim")
    return label


def _add(branch: Tree, node: Node) -> None:
    for child in node.children:
        _add(branch.add(_outline_label(child)), child)


def emit_outline(out: Output, trees: Sequence[Node]) -> None:
    """The notes as a tree: files › days › talks › sections, with counts (or JSON)."""
    if out.fmt == "json":
        dump_json(out, [t.to_json() for t in trees])
        return
    guide = "dim" if out.is_terminal else ""
    for root in trees:
        tree = Tree(_outline_label(root), guide_style=guide)
        _add(tree, root)
        out.print(tree)
