"""How a file was read: its headings and candidate lines as a tree, each with its role and the evidence for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from reinvent_cli.model import Talk
from reinvent_cli.read.overrides import Layout
from reinvent_cli.read.source import Source
from reinvent_cli.recognise.talk.reasons import Evidence, Fact
from reinvent_cli.recognise.talk.roles import Role, RoleKind


@dataclass
class SeenSpeaker:
    name: str
    org: str | None


@dataclass
class SeenLine:
    """One heading, bold line or list item the reading looked at."""

    line: int
    level: int
    form: str  # "heading", "bold line", "list item", "post" (the file itself is one talk)
    text: str
    role: str  # a RoleKind's value: "day", "group", "talk", "section", "ignored"
    evidence: list[str]  # (the descriptions of its evidence: talk/reasons.py)
    title: str | None = None  # a talk's clean title
    code: str | None = None
    day: int | None = None
    speakers: list[SeenSpeaker] = field(default_factory=list)
    speakers_from: str | None = None  # "the talk's line", "a Speaker: line", "the line after it: ..."
    children: list[SeenLine] = field(default_factory=list)
    # The rule of a table that decided (evidence.NOT_TALK_RULES, list_talks.ITEM_SHAPES), if one did: --json only
    rule: str | None = None


@dataclass
class SeenAnnouncement:
    name: str
    line: int
    rule: str
    found_by: str | None = None  # the rule that found it (launch_find.LINE_RULES' name, or the pass's own): --json only


@dataclass
class Inspection:
    file: str
    title: str | None
    layout: str | None  # the override applied ("talks: ### (from front matter)"), or None
    days: int
    talks: int
    lines: list[SeenLine]
    announcements: list[SeenAnnouncement]
    # Whether the file was read as talk notes, the score of its evidence and that evidence (recognise/document/kind.py).
    talk_notes: bool = True
    score: int = 0
    evidence: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what its front matter or .reinvent.toml says in vain


def inspect_source(src: Source, layout: Layout | None = None) -> Inspection:
    """The reading of ``src`` as parse_source does it (the same pass), laid out for a person to check."""
    from reinvent_cli.recognise import read_notes  # (the package imports this module's siblings)

    reading = read_notes(src, layout)
    doc, plan, st = reading.doc, reading.plan, reading.state
    talks = {t.line: t for t in doc.talks}
    flat = [_seen(role, talks.get(role.line), st.speaker_from) for role in sorted(plan.roles.values(),
                                                                               key=lambda r: r.line)]
    for t in doc.talks:
        if t.line not in plan.roles:  # the post itself, or a talk a one-talk post's title names
            role = Role(RoleKind.TALK, "post", t.heading or t.title, t.line, 0, [Evidence.ONE_TALK_FILE.of()])
            flat.append(_seen(role, t, st.speaker_from))
    flat.sort(key=lambda s: (s.line, s.level))
    decision = plan.decision
    found_by = {id(a): rule for a, rule in st.launch_rules}  # (the announcements are alive: their ids are theirs)
    return Inspection(
        file=doc.file, title=doc.title, layout=plan.layout.describe() if plan.layout else None,
        days=len(doc.days), talks=len(doc.talks), lines=_tree(flat),
        announcements=[SeenAnnouncement(a.name, a.line, str(getattr(a, "rule", "") or "the announcements pass"),
                                        found_by.get(id(a))) for a in doc.announcements],
        talk_notes=decision is None or decision.talks, score=decision.score if decision else 0,
        evidence=decision.evidence() if decision else [], warnings=list(doc.warnings),
    )


def _seen(role: Role, talk: Talk | None, speaker_from: dict[int, Fact]) -> SeenLine:
    seen = SeenLine(role.line, role.level, role.form, role.title, role.kind.value, [f.describe() for f in role.evidence])
    seen.rule = next((f.rule for f in role.evidence if f.rule), None)
    if role.kind is RoleKind.TALK and talk is None:
        seen.role, seen.evidence = RoleKind.SECTION.value, seen.evidence + [Evidence.UNDER_ANOTHER_TALK.description]
    if talk is not None:
        seen.role = RoleKind.TALK.value
        seen.title, seen.code, seen.day = talk.title, talk.code, talk.day
        seen.speakers = [SeenSpeaker(s.name, s.org) for s in talk.speakers]
        source = speaker_from.get(talk.line) if talk.speakers else None
        seen.speakers_from = source.describe() if source is not None else None
        if seen.speakers and seen.speakers_from is None:
            seen.speakers_from = (Evidence.FROM_TALK_LINE if role.form != "post" else Evidence.FROM_FRONT_MATTER).description
    return seen


def _tree(flat: list[SeenLine]) -> list[SeenLine]:
    """Lines nested by level: each under the last one above it with a lower level (a heading only ever under a
    heading: "### Day 2" after a list item of level 2 is no part of that item)."""
    roots: list[SeenLine] = []
    stack: list[SeenLine] = []
    for s in flat:
        while stack and (stack[-1].level >= s.level or s.form == "heading" and stack[-1].form != "heading"):
            stack.pop()
        (stack[-1].children if stack else roots).append(s)
        stack.append(s)
    return roots
