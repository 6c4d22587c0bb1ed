"""The walk's state, in one visible object: where the walk is (day, talk, section, open headings) and what it built."""

from __future__ import annotations

from dataclasses import dataclass, field

from reinvent_cli.model import Announcement, Day, Document, Entry, Talk
from reinvent_cli.read.source import Source, unescape_entities
from reinvent_cli.recognise.document.layout import Plan
from reinvent_cli.recognise.talk.reasons import Fact


@dataclass
class OpenHeading:
    level: int
    title: str
    line: int
    role: str  # "day", "talk", "section", "other"


@dataclass
class WalkState:
    doc: Document
    lines: list[str]  # the file's lines (to check where a link really is, and where notes end)
    plan: Plan = field(default_factory=Plan)
    stack: list[OpenHeading] = field(default_factory=list)  # the headings the walk is under
    # Titles of ``stack``: built once per heading and shared by the entries and links under it (nothing
    # mutates an Entry's or Link's path).
    path: list[str] = field(default_factory=list)
    day: Day | None = None
    day_level: int = 0
    day_count: int = 0
    talk: Talk | None = None
    talk_level: int = 0
    section: str | None = None
    in_watch: bool = False  # under a "to watch" heading
    in_announce_list: bool = False  # under a "Launches" / "What's new" heading
    headings: list[tuple[int, int]] = field(default_factory=list)  # (line, level) of each heading or talk line
    last_lead_in: str | None = None  # the last paragraph that ended in ":"
    speaker_seen: set[int] = field(default_factory=set)  # talks whose Speaker: line was read
    speaker_look: int = 0  # how many more blocks after a talk's line may name its speakers
    speaker_from: dict[int, Fact] = field(default_factory=dict)  # talk line -> where its speakers came from
    # What a post that turns out to be one talk says about it before any heading makes a talk.
    pre_talk: Talk | None = None
    keynote: tuple[Talk, bool] | None = None  # (the talk, whether it is a keynote): asked once per talk
    # Texts of bullets and paragraphs that may be a legend of marks ("✨ = new service"): as
    # launch_find.legend_lines reads them from the entries, collected as they are made.
    legend_lines: list[str] = field(default_factory=list)
    # Each announcement with the rule that found it (launch_find.LaunchFinder.found_by): for inspect --json only.
    launch_rules: list[tuple[Announcement, str]] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.doc.file

    def add_entry(self, kind: str, text: str, line: int, context: list[str] | None = None) -> Entry:
        breaks: list[int] = []
        at = text.find("\n")
        if at >= 0:
            while at >= 0:  # (where each line after the first starts: found, not a loop over the characters)
                breaks.append(at + 1)
                at = text.find("\n", at + 1)
            text = text.replace("\n", " ")
        day = self.day
        entry = Entry(kind, text, self.path, self.doc.file, line, day.number if day else None, breaks,
                      list(context) if context else [])
        if not text[:1].isalnum() and (kind == "bullet" or kind == "paragraph") and len(text) <= 80:
            self.legend_lines.append(text)  # (launch_find.may_be_legend)
        self.doc.entries.append(entry)
        return entry

    def enter(self, heading: OpenHeading) -> None:
        """A heading (or a talk's bold line or list item) opens: those at its level or deeper close."""
        self.pop_to(heading.level)
        self.stack.append(heading)
        self.path = [h.title for h in self.stack]

    def pop_to(self, level: int) -> None:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()


def new_state(src: Source) -> WalkState:
    meta = src.meta
    doc = Document(file=src.path, warnings=list(src.warnings))
    doc.title = meta.get("title") or meta.get("conference") or meta.get("event")
    if isinstance(doc.title, str):
        doc.title = unescape_entities(doc.title)  # ("Ginny Redish&#58; How to ...": a site's front matter)
    doc.date = meta.get("date")
    doc.tags = list(meta.get("tags") or meta.get("categories") or [])
    pre = Talk(day=None, code=None, title="", heading="", file=src.path, line=0, end_line=0)
    return WalkState(doc=doc, lines=src.lines, pre_talk=pre)


def finish(st: WalkState) -> Document:
    """A talk's notes run to the next heading (or talk line) at its level or above."""
    heads = sorted(st.headings)
    lines = st.lines
    last_line = len(lines)
    while last_line > 1 and not lines[last_line - 1].strip():
        last_line -= 1
    # For each heading, the line before the next heading at its level or above (one pass with a
    # stack: a scan of all headings per talk was quadratic).
    end_of: dict[int, int] = {}
    open_heads: list[tuple[int, int]] = []
    for ln, lv in heads:
        while open_heads and open_heads[-1][1] >= lv:
            end_of.setdefault(open_heads.pop()[0], ln - 1)
        open_heads.append((ln, lv))
    for talk in st.doc.talks:
        end = end_of.get(talk.line, last_line)
        while end > talk.line and not lines[end - 1].strip():
            end -= 1
        talk.end_line = end
    return st.doc
