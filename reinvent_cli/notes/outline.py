"""The shape of the notes: files › days › talks › sections, with what each part holds.

Pure functions: no terminal, no printing. Built from the index entries in document order, so two
sections with the same title stay two nodes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reinvent_cli.model import Document
from reinvent_cli.notes.dates import iso_date, notes_year

HEADINGS = ("day", "talk", "section")
COUNTED = {"bullet": "bullets", "link": "links", "announcement": "announcements"}


@dataclass
class Node:
    kind: str  # file, day, talk, section
    title: str
    line: int
    code: str | None = None
    day: int | None = None
    file: str | None = None
    talks: int = 0  # talks below a file or day node
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTED.values(), 0))
    children: list[Node] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "title": self.title, "line": self.line}
        if self.kind == "file":
            out["file"] = self.file
        if self.kind == "talk":
            out["code"] = self.code
        if self.day is not None:
            out["day"] = self.day
        if self.kind in ("file", "day"):
            out["talks"] = self.talks
        out["counts"] = dict(self.counts)
        out["children"] = [c.to_json() for c in self.children]
        return out


def document_outline(doc: Document, max_depth: int | None = None) -> Node:
    """A tree of one notes file: headings nest by their path; bullets, links and announcements are
    counted in every heading above them (so a talk's counts include its sections')."""
    root = Node("file", doc.title or doc.file, 0, file=doc.file)
    talks = {t.line: t for t in doc.talks}
    days = {d.line: d for d in doc.days}
    stack: list[Node] = [root]  # stack[k] is the heading at path depth k
    order = sorted(range(len(doc.entries)), key=lambda i: (doc.entries[i].line, i))
    for i in order:
        e = doc.entries[i]
        depth = len(e.path)
        if e.kind in HEADINGS and depth >= 1:
            del stack[depth:]
            while len(stack) < depth:  # a heading whose parent was not indexed: hang it on the nearest
                stack.append(stack[-1])
            node = Node(e.kind, e.text, e.line, day=e.day)
            t = talks.get(e.line) if e.kind == "talk" else None
            if t is not None:
                node.code, node.title = t.code, t.title
            d = days.get(e.line) if e.kind == "day" else None
            if d is not None:
                node.day = d.number
            stack[-1].children.append(node)
            if e.kind == "talk":
                for above in {id(n): n for n in stack}.values():
                    above.talks += 1
            stack.append(node)
        elif e.kind in COUNTED:
            key = COUNTED[e.kind]
            seen: set[int] = set()
            for node in stack[: depth + 1]:
                if id(node) not in seen:
                    seen.add(id(node))
                    node.counts[key] += 1
    if max_depth is not None:
        _prune(root, max_depth)
    return root


def _prune(node: Node, depth: int) -> None:
    if depth <= 0:
        node.children = []
        return
    for c in node.children:
        _prune(c, depth - 1)


def _day_nodes(node: Node) -> list[Node]:
    """The day nodes nearest the top of a tree (a file's days, or those under its title)."""
    level = node.children
    while level:
        days = [c for c in level if c.kind == "day"]
        if days:
            return days
        level = [g for c in level for g in c.children]
    return []


def outline(notes: Any, day: Any = None, max_depth: int | None = None,
            documents: Sequence[Document] | None = None) -> list[Node]:
    """One tree per notes file (or per one of ``documents``, with their entries); ``day`` (an
    index.DaySpec) keeps only that day's branch."""
    trees = []
    for doc in notes.documents if documents is None else documents:
        root = document_outline(doc, max_depth)
        if day is not None:
            weekday = {d.number: d.weekday for d in doc.days}
            date = {d.number: d.title for d in doc.days}
            year = notes_year(doc)
            days = _day_nodes(root)  # (at any depth: days under a "# Title" heading too)
            if days or len(doc.days) != 1:
                root.children = [c for c in days
                                 if day.matches(c.day, weekday.get(c.day), iso_date(date.get(c.day) or "", year))]
            elif not day.matches(doc.days[0].number, doc.days[0].weekday, iso_date(doc.days[0].title, year)):
                root.children = []  # one day with no heading (from the file's name): the file is that day
            if not root.children:
                continue
            for key in root.counts:
                root.counts[key] = sum(c.counts[key] for c in root.children)
            root.talks = sum(c.talks for c in root.children)
        trees.append(root)
    return trees
