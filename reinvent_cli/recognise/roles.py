"""The roles a reading gives to a file's lines, and the layout a user can impose on it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Role:
    """What one line of the file was read as, and the evidence for it."""

    kind: str  # "day", "group", "talk", "section", "ignored"
    form: str  # "heading", "bold line", "list item"
    title: str
    line: int
    level: int  # a heading's level; a bold line's or list item's: its container's level + 1
    evidence: list[str] = field(default_factory=list)
    day: tuple[int | None, str | None] | None = None


@dataclass
class Layout:
    """How the user says a file is laid out (front matter ``reinvent:`` or a ``.reinvent.toml``)."""

    talks: str | None = None  # "###" (a heading level), "bold", "list"
    days: str | None = None  # "##"
    source: str = ""  # where it was said: "front matter", a .reinvent.toml path

    def talk_level(self) -> int | None:
        return _hashes(self.talks)

    def day_level(self) -> int | None:
        return _hashes(self.days)


def _hashes(value: str | None) -> int | None:
    v = (value or "").strip()
    return len(v) if v and set(v) == {"#"} and len(v) <= 6 else None
