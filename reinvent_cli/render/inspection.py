"""``reinvent inspect FILE``: how a file was read, as a tree of its lines with roles and evidence (or JSON)."""

from __future__ import annotations

import dataclasses
from typing import Any

from rich.text import Text
from rich.tree import Tree

from reinvent_cli.recognise.inspect import Inspection, SeenLine
from reinvent_cli.render.listing import dump_json
from reinvent_cli.render.terminal import Output, clean, counted

_ROLE_STYLE = {"day": "bold green", "group": "bold magenta", "talk": "bold cyan", "section": "", "ignored": "dim"}


def inspection_json(found: Inspection) -> dict[str, Any]:
    shown = dataclasses.asdict(found)
    _no_empty_rule(shown["lines"])
    for a in shown["announcements"]:  # (the rule that found it, where one is known)
        if a.get("found_by") is None:
            a.pop("found_by", None)
    return shown


def _no_empty_rule(lines: list[dict[str, Any]]) -> None:
    """A line's "rule" only where a rule table decided it (the named rule: evidence.NOT_TALK_RULES, ...)."""
    for line in lines:
        if line.get("rule") is None:
            line.pop("rule", None)
        _no_empty_rule(line["children"])


def emit_inspection(out: Output, found: Inspection) -> None:
    """The tree of the file's headings and candidate lines: role, line, text, evidence, speakers."""
    if out.fmt == "json":
        dump_json(out, inspection_json(found))
        return
    head = Text()
    head.append(clean(found.file), style="bold")
    if found.title:
        head.append(f"  {clean(found.title)}", style="dim")
    head.append(f"  {counted(found.days, 'day')} · {counted(found.talks, 'talk')} · "
                f"{counted(len(found.announcements), 'announcement')}", style="dim")
    tree = Tree(head, guide_style="dim" if out.is_terminal else "")
    if found.layout:
        tree.add(Text(f"layout override applied: {clean(found.layout)}", style="yellow"))
    kind = "talk notes" if found.talk_notes else "not talk notes: headings are sections, nothing a talk"
    tree.add(Text(f"{kind} (score {found.score:+d}: {clean(', '.join(found.evidence) or 'no evidence')})",
                  style="bold" if found.talk_notes else "yellow"))
    for w in found.warnings:
        tree.add(Text(f"warning: {clean(w)}", style="yellow"))
    for line in found.lines:
        _add(tree.add(_label(line)), line)
    if found.announcements:
        launches = tree.add(Text("announcements", style="bold"))
        for a in found.announcements:
            launches.add(Text(f"{a.line}  {clean(a.name)}  ({clean(a.rule)})"))
    out.print(tree)


def _add(node: Tree, line: SeenLine) -> None:
    for child in line.children:
        _add(node.add(_label(child)), child)


def _label(line: SeenLine) -> Text:
    label = Text()
    label.append(f"{line.role}", style=_ROLE_STYLE.get(line.role, ""))
    label.append(f"  {line.line}  ", style="dim")
    if line.form != "heading":
        label.append(f"[{line.form}] ", style="dim")
    label.append(clean(line.text))
    if line.evidence:
        label.append(f"  ({clean(', '.join(line.evidence))})", style="dim")
    if line.speakers:
        names = ", ".join(s.name + (f" ({s.org})" if s.org else "") for s in line.speakers)
        label.append(f"  speakers: {clean(names)}", style="green")
        if line.speakers_from:
            label.append(f" from {clean(line.speakers_from)}", style="dim")
    return label
