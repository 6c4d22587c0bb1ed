"""A post about one talk known by its title: its only H1 quotes the talk ('# Notes: "Title"', '# Notes on “Title”')."""

from __future__ import annotations

from typing import Any

from reinvent_cli.recognise.inline import flat_of
from reinvent_cli.recognise.patterns import pattern

# A short lead ("Notes", "Notes on", "My notes from"), then the quoted title: the whole heading.
_QUOTED_TITLE = pattern(r"^[^\"“„«「『]{0,40}[\"“„«「『]([^\"”“»」』]{3,200})[\"”“»」』]\s*[.!]?$")


def quoted_h1(tokens: list[dict[str, Any]]) -> str | None:
    """The quoted title of a file whose only H1 is its first heading and quotes one title, else None."""
    heads = [t for t in tokens if t.get("type") == "heading"]
    h1s = [t for t in heads if (t.get("attrs") or {}).get("level") == 1]
    if len(h1s) != 1 or heads[0] is not h1s[0]:
        return None
    m = _QUOTED_TITLE.match(flat_of(h1s[0]).text.strip())
    return m.group(1).strip() if m else None
