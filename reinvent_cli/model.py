"""Plain dataclasses for what the parser finds in a notes file. Every item has its file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class EntryKind(str, Enum):
    """The kinds of searchable entries; members compare, hash and serialise as their plain strings."""

    TALK = "talk"
    SECTION = "section"
    DAY = "day"
    ANNOUNCEMENT = "announcement"
    LINK = "link"
    BULLET = "bullet"
    PARAGRAPH = "paragraph"
    CODE = "code"

    def __str__(self) -> str:
        return self.value


ENTRY_KINDS: tuple[str, ...] = tuple(k.value for k in EntryKind)  # as `--kind` takes them, in this order


@dataclass
class Speaker:
    name: str
    org: str | None = None

    @property
    def label(self) -> str:
        """How a speaker is named to a reader: "Jane Roe (Acme)", or the name alone."""
        return f"{self.name} ({self.org})" if self.org else self.name


@dataclass
class Link:
    text: str
    url: str
    context: str  # the line or bullet the link sits in
    path: list[str]
    file: str
    line: int
    day: int | None = None
    talk: str | None = None


@dataclass
class Announcement:
    name: str
    url: str | None
    day: int | None
    talk: str | None
    section: str | None
    details: list[str]
    file: str
    line: int
    path: list[str] = field(default_factory=list)


@dataclass
class WatchItem:
    code: str | None
    title: str
    video: str | None
    file: str
    line: int


@dataclass
class Talk:
    day: int | None
    code: str | None
    title: str
    heading: str  # the heading as written: "DAT407 - Amazon ElastiCache: Deep Dive"
    file: str
    line: int
    end_line: int  # last line of the talk's notes (inclusive)
    speakers: list[Speaker] = field(default_factory=list)
    video: str | None = None
    slides: str | None = None
    description: str | None = None
    weekday: str | None = None
    conference: str | None = None
    sections: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How a talk is named to a reader: "DAT407 - Amazon ElastiCache: Deep Dive", or its title alone."""
        return f"{self.code} - {self.title}" if self.code else self.title

    @property
    def speakers_label(self) -> str:
        """Its speakers as a reader sees them: "Jane Roe (Acme), John Doe"."""
        return ", ".join(s.label for s in self.speakers)

    @property
    def track(self) -> str | None:
        if not self.code:
            return None
        letters = ""
        for ch in self.code:
            if not ch.isalpha():
                break
            letters += ch
        return letters or None


@dataclass
class Day:
    number: int | None
    title: str
    weekday: str | None
    file: str
    line: int


@dataclass
class Entry:
    """One searchable piece of text: a heading, bullet, paragraph, link, announcement."""

    kind: str  # an EntryKind value
    text: str
    path: list[str]  # heading titles above it (and itself, for headings)
    file: str
    line: int
    day: int | None = None
    # Lines of ``text`` after the first start at these character offsets (soft-wrapped text).
    breaks: list[int] = field(default_factory=list)
    # Entries whose text frames this one (a lead-in "Memcached:" paragraph, a parent bullet).
    context: list[str] = field(default_factory=list)


@dataclass
class Document:
    """Everything indexed from one notes file."""

    file: str
    path: str = ""  # where it was read from (``file`` is how results name it)
    title: str | None = None
    date: str | None = None
    tags: list[str] = field(default_factory=list)
    days: list[Day] = field(default_factory=list)
    talks: list[Talk] = field(default_factory=list)
    announcements: list[Announcement] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    watchlist: list[WatchItem] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    front: tuple[Any, ...] | None = field(default=None, repr=False, compare=False)  # source.Front, kept by the cache

