"""A post about one talk known by its title: its only H1 quotes the talk ('# Notes: "Title"', '# Notes on “Title”')."""

from __future__ import annotations

import re
from typing import Any

from reinvent_cli.lexicon import TITLE_DECORATIONS
from reinvent_cli.recognise.days import classify_day
from reinvent_cli.recognise.evidence import collection_title, group_word, not_talk
from reinvent_cli.recognise.inline import flat_of
from reinvent_cli.recognise.patterns import pattern

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
