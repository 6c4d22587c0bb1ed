"""A post about one talk known by its title: its only H1 quotes the talk ('# Notes: "Title"', '# Notes on “Title”'), or a plain-text post's first line names it ("CON366 - Title")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reinvent_cli.lexicon import TITLE_DECORATIONS
from reinvent_cli.model import Speaker
from reinvent_cli.recognise.document.days import classify_day
from reinvent_cli.recognise.talk.evidence import clean_title, collection_title, group_word, not_talk, title_evidence
from reinvent_cli.recognise.talk.media import video_url
from reinvent_cli.recognise.talk.names import clean_name, is_person
from reinvent_cli.recognise.talk.reasons import Evidence, has
from reinvent_cli.recognise.talk.speakers import person_heading, speaker_line
from reinvent_cli.recognise.text.inline import flat_of
from reinvent_cli.recognise.text.patterns import pattern

# A short lead ("Notes", "Notes on", "My notes from"), then the quoted title: the whole heading.
_QUOTED_TITLE = pattern(r"^[^\"“„«「『]{0,40}[\"“„«「『]([^\"”“»」』]{3,200})[\"”“»」』]\s*[.!]?$")


def the_h1(tokens: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The file's only level-1 heading when it is also its first heading, else None."""
    heads = [t for t in tokens if t.get("type") == "heading"]
    h1s = [t for t in heads if int((t.get("attrs") or {}).get("level", 1)) == 1]
    return h1s[0] if len(h1s) == 1 and heads[0] is h1s[0] else None


def quoted_h1(tokens: list[dict[str, Any]]) -> str | None:
    """The quoted title of a file whose only H1 is its first heading and quotes one title, else None."""
    h1 = the_h1(tokens)
    m = _QUOTED_TITLE.match(flat_of(h1).text.strip()) if h1 is not None else None
    return m.group(1).strip() if m else None


# "Talk Notes: Observability Without Tears", "My notes on: X", "Notizen: X".
_DECORATED = pattern(rf"^(?:{TITLE_DECORATIONS})\s*[:：|–—-]\s*(?P<t>\S.{{2,200}})$", re.IGNORECASE)
# "Conf 2018 - Title", "RubyRiver 2018 – Refactoring", "PyCon 2024: Title"; "Title | Conf 2018".
_EVENT_FIRST = pattern(r"^(?P<ev>[^\n:|–—]{2,40}?(?<!\d)(?:19|20)\d\d)\s*(?:[:|–—]|\s-)\s*(?P<t>\S.{2,200})$")
_EVENT_LAST = pattern(r"^(?P<t>\S.{2,200}?)\s*(?:[|–—]|\s-\s)\s*(?P<ev>[^|–—\n]{2,40}?(?<!\d)(?:19|20)\d\d)$")


def decorated_title(text: str) -> str | None:
    """One talk's title inside a blog's decoration ("Talk Notes: X", "Conf 2018 - X", "X | Conf 2018"), or
    None: not decorated, or what is left names a day, a group of talks or a set of notes ("PyCon 2024 -
    Day 1", "KubeCon 2024 – my notes")."""
    t = " ".join(text.split())
    m = _DECORATED.match(t) or _EVENT_FIRST.match(t) or _EVENT_LAST.match(t)
    if m is None:
        return None
    rest = m.group("t").strip(" \"'“”«»")
    if len(rest) < 3 or classify_day(rest) is not None or group_word(rest) or not_talk(rest):
        return None
    if collection_title(rest) and not _DECORATED.match(rest):
        return None
    return rest


@dataclass
class LeadLine:
    """A plain-text post's first line as its talk's title, and the speakers the lines under it name."""

    title: str
    line: int
    speakers: list[Speaker] = field(default_factory=list)


def lead_line(tokens: list[dict[str, Any]]) -> LeadLine | None:
    """The title of a post whose first block, before any heading, is one short line with a session code or a
    talk label ("CON366 - Introducing Cloud Map", "Keynote - Jane Doe"): a plain-text post about one talk.
    Its speakers: those of that line, else "Name - Role" or "Speaker: Name" lines in the next three blocks."""
    first = next((t for t in tokens[:4] if t.get("type") != "blank_line"), None)
    if first is not None and first.get("type") == "heading":
        return _keynote_heading(first, tokens)
    if first is None or first.get("type") != "paragraph" or "line" not in first:
        return None
    text = flat_of(first).text.strip()
    if not text or "\n" in text or len(text) > 120:
        return None
    if not has(title_evidence(text), Evidence.CODE, Evidence.LABEL):
        return None
    found = LeadLine(text, int(first["line"]))
    after = [t for t in tokens[tokens.index(first) + 1:tokens.index(first) + 8] if t.get("type") != "blank_line"]
    for tok in after[:3]:
        if tok.get("type") != "paragraph":
            continue
        for x in flat_of(tok).text.split("\n"):
            one = person_heading(x.strip())
            named = [one] if one else speaker_line(x) if ":" in x else None
            found.speakers += named or []
    return found


_NAME_KEYNOTE = pattern(r"^(.{3,60}?)(?:'s|’s)?\s+(?:keynote|opening keynote|closing keynote)$", re.IGNORECASE)


def _keynote_heading(head: dict[str, Any], tokens: list[dict[str, Any]]) -> LeadLine | None:
    """The file's first and only heading names one person's keynote ("### Jane Roe Keynote"): the file is
    that keynote's notes, given by that person."""
    if "line" not in head or sum(1 for t in tokens if t.get("type") == "heading") != 1:
        return None
    text = " ".join(flat_of(head).text.split())
    m = _NAME_KEYNOTE.match(text)
    if m is None or not is_person(m.group(1)):
        return None
    return LeadLine(text, int(head["line"]), [Speaker(clean_name(m.group(1)), None)])


def title_recording(tokens: list[dict[str, Any]]) -> str | None:
    """"# [What's New in Swift](…/videos/play/wwdc2019/402/)", or "# What's New in Swift" over "[What's New in Swift -
    WWDC 2019 - Videos](…/videos/play/…)": notes on one recorded talk (the file's first heading links its recording, or
    its first links, in the blocks right under it, are a recording whose text holds the title): that recording."""
    at = next((i for i, t in enumerate(tokens[:8]) if t.get("type") == "heading"), None)
    if at is None or int((tokens[at].get("attrs") or {}).get("level", 1)) > 2:
        return None
    head = flat_of(tokens[at])
    for lk in head.links:
        if video_url(lk.url):
            return lk.url
    title = " ".join(clean_title(head.text).casefold().split())
    if len(title.split()) < 2:
        return None
    for tok in [t for t in tokens[at + 1:at + 8] if t.get("type") != "blank_line"][:3]:
        if tok.get("type") != "paragraph":
            continue
        for lk in flat_of(tok).links:
            if video_url(lk.url) and title in " ".join(lk.text.casefold().split()):
                return lk.url
    return None
