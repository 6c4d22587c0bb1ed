"""Headings and talk lines in the walk: a planned role opens a day, a talk or a section, and the path follows."""

from __future__ import annotations

import re
from typing import Any

from reinvent_cli.lexicon import SLIDE_HOSTS as _SLIDE_HOSTS
from reinvent_cli.model import Day, Talk
from reinvent_cli.recognise.launch.launches import ANNOUNCE_LIST_HEADING
from reinvent_cli.recognise.talk.evidence import heading_title
from reinvent_cli.recognise.talk.media import SLIDES_TEXT, VIDEO_TEXT, video_url
from reinvent_cli.recognise.talk.reasons import Evidence
from reinvent_cli.recognise.talk.roles import RoleKind
from reinvent_cli.recognise.talk.talks import talk_parts
from reinvent_cli.recognise.talk.watch_heading import WATCH_HEADING
from reinvent_cli.recognise.text.inline import FlatInline, flat_of, url_host
from reinvent_cli.recognise.text.patterns import ROW_TIME as _ROW_TIME
from reinvent_cli.recognise.walker.links import add_links
from reinvent_cli.recognise.walker.state import OpenHeading, WalkState
from reinvent_cli.recognise.walker.talkmeta import look_for_speakers


def on_heading(st: WalkState, tok: dict[str, Any]) -> None:
    level = int((tok.get("attrs") or {}).get("level", 1))
    line = tok["line"]
    flat = flat_of(tok)  # (the reading pass flattened it)
    title = heading_title(tok)
    st.headings.append((line, level))
    st.pop_to(level)
    planned = st.plan.roles.get(line)
    kind = planned.kind if planned is not None else None
    if st.day and (level < st.day_level or level == st.day_level and kind is not RoleKind.TALK):
        st.day = None
    if st.talk and level <= st.talk_level:
        st.talk = None
    st.section = None
    st.last_lead_in = None
    role = "other"
    if kind is RoleKind.DAY and st.talk is None and planned is not None:
        start_day(st, title, line, level, planned.day)
        role = "day"
    elif kind is RoleKind.TALK and st.talk is None:
        heading_links(start_talk(st, title, line, level), flat)
        role = "talk"
    elif st.talk is not None:
        look_for_speakers(st, st.lines[line - 1] if 0 < line <= len(st.lines) else title, st.talk)
        st.section = title
        st.talk.sections.append(title)
        role = "section"
    elif not st.doc.talks and st.day is None:
        if st.speaker_look == 0 and len(st.headings) == 1:
            st.speaker_look = 4  # a post's first heading: the lines after it may name its speaker
        elif len(st.headings) > 1:
            look_for_speakers(st, st.lines[line - 1] if 0 < line <= len(st.lines) else title, st.pre_talk)
    st.enter(OpenHeading(level, title, line, role))
    st.in_watch = bool(WATCH_HEADING.search(title)) and role != "talk"
    # "### Announcements", "### Launches from the keynote" (not "#### Launch checklist")
    st.in_announce_list = role != "talk" and bool(ANNOUNCE_LIST_HEADING.match(title))
    if st.in_announce_list and role == "other":
        st.section = title  # "## What's new" outside any talk
    st.add_entry({"day": "day", "talk": "talk"}.get(role, "section"), title, line)
    add_links(st, flat, line)  # a link in a heading is a link of the notes too


def start_day(st: WalkState, title: str, line: int, level: int, day: tuple[int | None, str | None] | None) -> None:
    number, weekday = day or (None, None)
    st.day_count += 1
    st.day = Day(st.day_count if number is None else number, title, weekday, st.file, line)
    st.day_level = level
    st.doc.days.append(st.day)


def start_talk(st: WalkState, text: str, line: int, level: int) -> Talk:
    code, name, speakers = talk_parts(text)
    day = st.day
    st.talk = Talk(
        day=day.number if day else None, code=code, title=name, heading=text, file=st.file, line=line,
        end_line=line, speakers=speakers, weekday=day.weekday if day else None, conference=st.doc.title,
    )
    st.talk_level = level
    st.doc.talks.append(st.talk)
    st.speaker_look = 3
    if speakers:
        st.speaker_from[line] = Evidence.FROM_TALK_LINE.of()
    return st.talk


def inner_talk(st: WalkState, line: int) -> bool:
    """A bold line or list item the reading made a talk: it opens one, in the path like a heading."""
    planned = st.plan.roles.get(line)
    if planned is None or planned.kind is not RoleKind.TALK or planned.form == "heading":
        return False
    if st.talk is not None and st.talk_level < planned.level:
        return False
    talk = start_talk(st, planned.title, line, planned.level)
    if planned.speakers:  # a schedule row's speaker cell: who gave it, whatever the title cell seems to name
        cell = {s.name for s in planned.speakers}
        if talk.speakers and not cell & {s.name for s in talk.speakers}:
            talk.title = _ROW_TIME.sub("", planned.title, count=1)  # ("Bayesian Optimization - Can you …")
        talk.speakers = list(planned.speakers)
        st.speaker_from[line] = Evidence.FROM_TALK_LINE.of()
        st.speaker_look = 0  # (the lines after it are not its speakers' to name)
    if planned.form == "table row":
        talk.title = _ROW_TIME.sub("", talk.title, count=1) or talk.title  # ("11:15 fastmat - …": the time cell's)
    st.headings.append((line, planned.level))
    st.enter(OpenHeading(planned.level, talk.title, line, "talk"))
    st.add_entry("talk", talk.title, line)
    return True


def close_item_talks(st: WalkState, first_line: int) -> None:
    """After a list whose items were talks: what follows the list is none of theirs."""
    while st.stack and st.stack[-1].role == "talk" and st.stack[-1].line >= first_line:
        st.stack.pop()
    st.path = [h.title for h in st.stack]
    st.talk = None


def heading_links(talk: Talk, flat: FlatInline) -> None:
    """A video or slides link in a talk's heading: "[DAT407 - Title](youtube)", "Title [video](url)"."""
    for lk in flat.links:
        host, text = url_host(lk.url), lk.text.strip()
        video_word, slides_word = VIDEO_TEXT.fullmatch(text), SLIDES_TEXT.fullmatch(text)
        if talk.video is None and (video_url(lk.url) or video_word):
            talk.video = lk.url
        elif talk.slides is None and (host.endswith(_SLIDE_HOSTS) or slides_word):
            talk.slides = lk.url
        else:
            continue
        if video_word or slides_word:  # "Title [video](url)", "Title ([slides](url))": no word of the title
            bare = re.sub(rf"\s*[-–—|:]?\s*\(?{re.escape(text)}\)?\s*$", "", talk.title)
            talk.title = bare or talk.title
