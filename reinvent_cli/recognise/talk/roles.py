"""The roles a reading gives to a file's lines, and the layout a user can impose on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from reinvent_cli.model import Speaker
from reinvent_cli.read.overrides import Layout, layout_in_front_matter
from reinvent_cli.recognise.talk.reasons import Fact

__all__ = ["Layout", "Role", "RoleKind", "layout_in_front_matter"]


class RoleKind(Enum):
    """What a line was read as. The value is the word ``reinvent inspect`` (and its --json) shows."""

    DAY = "day"
    GROUP = "group"  # a heading over talks (a track, "Sessions"), itself none
    TALK = "talk"
    SECTION = "section"  # under a talk
    IGNORED = "ignored"  # no talk, and over none


@dataclass
class Role:
    """What one line of the file was read as, and the evidence for it."""

    kind: RoleKind
    form: str  # "heading", "bold line", "list item"
    title: str
    line: int
    level: int  # a heading's level; a bold line's or list item's: its container's level + 1
    evidence: list[Fact] = field(default_factory=list)  # (members: their descriptions are for inspect only)
    day: tuple[int | None, str | None] | None = None
    people: list[str] = field(default_factory=list)  # who gave it, when its section says so (by its video)
    speakers: list[Speaker] = field(default_factory=list)  # who gave it, as its own cell says (a schedule's row)
