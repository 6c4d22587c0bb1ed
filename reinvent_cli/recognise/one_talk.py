"""A post about one talk known by its title: its only H1 quotes the talk ('# Notes: "Title"', '# Notes on “Title”')."""

from __future__ import annotations

from typing import Any

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
