"""Recognising structure: the mistune AST of a notes file to a Document (days, talks, entries, links, launches)."""

from __future__ import annotations

from dataclasses import dataclass

from reinvent_cli.model import Day, Document, Speaker
from reinvent_cli.read.source import Source
from reinvent_cli.recognise.document.days import day_of_file, weekdays_from_year
from reinvent_cli.recognise.document.kind import Cue, Decision, decide
from reinvent_cli.recognise.document.layout import Plan, plan_file
from reinvent_cli.recognise.document.one_talk import lead_line, title_recording
from reinvent_cli.recognise.talk.reasons import Evidence
from reinvent_cli.recognise.talk.roles import Layout, layout_in_front_matter
from reinvent_cli.recognise.walker.html_blocks import expand_html_blocks
from reinvent_cli.recognise.walker.post import (
    front_matter_entries,
    one_talk_post,
    only_h1,
    single_talk_post,
)
from reinvent_cli.recognise.walker.state import WalkState
from reinvent_cli.recognise.walker.walk import walk


@dataclass
class Reading:
    """A file as recognised: its Document, the reading (each candidate line's role and evidence) and the
    walk's final state (where each talk's speakers came from)."""

    doc: Document
    plan: Plan
    state: WalkState


def parse_source(src: Source, layout: Layout | None = None) -> Document:
    """The Document of a notes file (``layout``: how the user says it is laid out, if they do)."""
    return read_notes(src, layout).doc


def read_notes(src: Source, layout: Layout | None = None) -> Reading:
    """Read (plan_file), then walked (walk) as read; announcements; what a one-talk post says. A file that
    is no talk notes (recognise/document/kind.py, or the user says so) is walked with no plan: its headings are
    sections, nothing in it a talk, a day or a launch."""
    from reinvent_cli.read.mdast import gc_paused, parse_tokens

    own = layout_in_front_matter(src.meta, src.path)
    if own is not None and own.warnings:
        src.warnings.extend(own.warnings)
    if layout is not None and layout.warnings and (own is None or not (own.talks or own.days)):
        src.warnings.extend(layout.warnings)  # (the .reinvent.toml's: the notes' loader shows each once)
    said = own if own is not None and (own.talks or own.days) else layout
    forced = said.says_talks() if said is not None else None
    with gc_paused():  # tokens and Document are acyclic: the cycle collector only slows a big file
        tokens = expand_html_blocks(parse_tokens(src.body), src.body)  # (<h2>, <ul><li> read as markdown's blocks)
        recording = title_recording(tokens)  # (the recording a one-session note's title links: kind, post, talk)
        if forced is False or said is not None and said.talks == "one":
            plan = Plan(decision=Decision(forced is not False, 0, [Cue.FORCED]), layout=said)
        else:
            plan = plan_file(tokens, one_talk_post(src, tokens, recording), _planned(said), src.lines)
            plan.decision = (Decision(True, 0, [Cue.FORCED]) if forced
                             else decide(src, tokens, plan.roles, recording is not None))
            if not plan.decision.talks:
                plan = Plan(decision=plan.decision)  # other notes: headings are sections, nothing a talk
        h1 = only_h1(tokens)
        lead = lead_line(tokens) if h1 is None else None
        # "# KubeCon EU 2022" above everything: the notes' conference, unless the front matter names it
        talk_notes = plan.decision is None or plan.decision.talks
        # (the announcement pass in the walk's traversal: launch_find.py, hooked)
        doc, st = walk(src, tokens, plan, h1[0] if h1 is not None else None,
                       launches=plan.decision is None or plan.decision.launches)
        # Free the tokens while the collector is paused: re-enabled, it scans what is still alive.
        del tokens
        weekdays_from_year(doc)
        _speakers_by_video(doc, plan, st)
        _no_launch_in_a_title(doc)
        if talk_notes:
            single_talk_post(doc, src, st, h1, forced_one=said is not None and said.talks == "one", lead=lead,
                             recording=recording)
        front_matter_entries(doc, src)
        _day_of_file(doc, src)
    return Reading(doc, plan, st)


def _no_launch_in_a_title(doc: Document) -> None:
    """A talk's own line is its title, not a launch: "[Launching into Go](video) by Jane Roe" names a talk."""
    titles = {t.line: t.title.casefold() for t in doc.talks}
    if not titles or not doc.announcements:
        return
    drop = {(a.line, a.name) for a in doc.announcements
            if a.line in titles and a.name and a.name.casefold() in titles[a.line]}
    if drop:
        doc.announcements = [a for a in doc.announcements if (a.line, a.name) not in drop]
        doc.entries = [e for e in doc.entries if e.kind != "announcement" or (e.line, e.text) not in drop]


def _speakers_by_video(doc: Document, plan: Plan, st: WalkState) -> None:
    """A talk the walk found no speakers for: the people its section links by name where it shows its video."""
    for t in doc.talks:
        role = plan.roles.get(t.line) if not t.speakers else None
        if role is not None and role.people:
            t.speakers = [Speaker(name) for name in role.people]
            st.speaker_from[t.line] = Evidence.FROM_VIDEO_PEOPLE.of()


def _planned(layout: Layout | None) -> Layout | None:
    """The layout the reading follows: a heading level, bold lines or list items, days (not one/none/auto)."""
    if layout is None or layout.talks not in ("one", "none", "auto"):
        return layout
    return Layout(None, layout.days, layout.source) if layout.days else None


def _day_of_file(doc: Document, src: Source) -> None:
    """Talks of a file without day headings are on the day its title or its name gives ("Day 2 of ...",
    "2024-03-21-kubecon.md"), if any."""
    if doc.days or not doc.talks:
        return
    found = day_of_file(str(src.meta.get("title") or doc.title or ""), src.path)
    if found is None:
        return
    number, title, weekday = found
    doc.days.append(Day(number, title, weekday, doc.file, 1))
    for t in doc.talks:
        t.day, t.weekday = number, t.weekday or weekday
    for e in doc.entries:
        e.day = number
