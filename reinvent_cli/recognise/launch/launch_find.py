"""The announcement pass: after the walk, the launches of a file from its tokens, with heading context."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from reinvent_cli.lexicon import (
    ADOPTER_WORDS,
    DAY_LABEL,
    MONTHS,
    NOT_PRODUCT_LEADS,
    OWN_CJK_LEADS,
    PROSE_NOT_SUBJECT,
    QUANTITY_WORDS,
    RECAP_NEWS_HEADING,
    RELEASE_NOTES_WORDS,
    WEEKDAYS,
)
from reinvent_cli.model import Announcement, Document, Entry, Talk
from reinvent_cli.read.md_tables import rows as md_rows
from reinvent_cli.recognise.launch.launch_heads import Head, heading_launches, keynote_title, launch_name
from reinvent_cli.recognise.launch.launch_links import launch_post_list, launch_post_url, reference_heading
from reinvent_cli.recognise.launch.launch_prose import intro_launch, prose_launch, sentence_launches
from reinvent_cli.recognise.launch.launch_rules import (
    announced_subject,
    apposition_launch,
    category_label,
    cjk_launch,
    cjk_launch_heading,
    cjk_launch_name,
    ga_launch,
    headline_launch,
    label_heads_list,
    label_launch,
    launch_label,
    lead_in_launch,
    legend_mark,
    linked_launch,
    marked_by,
    marked_new,
    may_name_launch,
    named_product,
    not_product,
    recap_feature,
    recap_other_section,
    remark,
    split_name,
    status_marked,
    strip_status,
    umbrella,
    vendor_item,
    versioned_product,
)
from reinvent_cli.recognise.launch.launch_scope import launch_event, news_lead, pre_event_heading
from reinvent_cli.recognise.launch.launch_table import launch_column
from reinvent_cli.recognise.launch.launches import (
    LAUNCH_FILLER,
    announce_lead_in,
    announce_match,
    details_from_following,
    launch_detail,
    launch_heading,
    launch_name_and_url,
    split_launch_name,
    strip_launch_name,
    texts_of_list,
)
from reinvent_cli.recognise.talk.evidence import BRACKETED_TAIL, heading_title
from reinvent_cli.recognise.text.inline import FlatInline, FlatLink, ListItem, flat_of, list_items, one_line
from reinvent_cli.recognise.text.patterns import pattern
from reinvent_cli.recognise.text.rules import RuleTable, first_answer

Block = dict[str, Any]


@dataclass
class _Hit:
    """Where a launch is named on a line: after ``end`` (the launch word's end; ``start`` its start), or
    exactly ``name`` (with ``url``) when a rule knows it."""

    start: int = 0
    end: int = 0
    name: str | None = None
    url: str | None = None
    rule: str = ""  # the rule that found it (LINE_RULES' names, or the pass's own): for inspect --json only


_MARK = pattern(r"^\s*[^\w\s\[\]()*_`#>-]{1,4}\s*")  # an emoji or mark that opens a line: "🚀", "✨ "


_GA_SUBJECT = pattern(r"\s+(?:is\s+|are\s+)?(?:now\b|became\b|generally\s+available\b|in\s+(?:public\s+|private\s+)?"
                      r"(?:preview|beta)\b).*$|\s+(?:goes|went|hits|hit)\s+ga\b.*$|\s+enter(?:s|ed)\s+\S*\s*preview\b.*$"
                      r"|^ga\s+of\s+", re.IGNORECASE)


def line_launch(line: str, flat: FlatInline | None = None, offset: int = 0, item: bool = False) -> _Hit | None:
    """(``flat``: the block the line is in, at ``offset`` in its text; only its links on the line are read.)"""
    links: list[FlatLink] = []
    if flat is not None and flat.links:
        lo = bisect.bisect_left(flat.links, offset, key=lambda lk: lk.offset)  # links are in offset order
        hi = bisect.bisect_left(flat.links, offset + len(line), key=lambda lk: lk.offset)
        links = flat.links[lo:hi]
    return _line_hit(line, links, offset, item)


def _line_hit(line: str, links: list[FlatLink], offset: int, item: bool) -> _Hit | None:
    """A line that names a launch, by the first of LINE_RULES that fires (the hit names that rule), or None."""
    at = _LineAt(line, line.lower(), line.strip(), links, offset, item)
    hit = first_answer(LINE_RULES, at)
    if hit is None or hit[1] is _NO_LAUNCH:
        return None
    hit[1].rule = hit[0]
    return hit[1]


@dataclass
class _LineAt:
    """A line as LINE_RULES read it: as written, lowered and stripped; the links on it (``offset``: where the
    line starts in its block's text, where the links' offsets count from); whether it is a list item's."""

    line: str
    low: str
    text: str
    links: list[FlatLink]
    offset: int
    item: bool


_NO_LAUNCH = _Hit()  # (a rule's answer: this line names no launch, try no other rule)


def _only_a_label(at: _LineAt) -> _Hit | None:
    return _NO_LAUNCH if launch_label(at.line) else None  # "Now in preview:" leads into launches; it names none


def _announce_words(at: _LineAt) -> bool:
    return "announc" in at.low or "launch" in at.low


def _announcing(at: _LineAt) -> _Hit | None:
    m = announce_match(at.line)
    return _Hit(m.start(), m.end()) if m is not None else None


def _marked_announcing(at: _LineAt) -> _Hit | None:
    mark = _MARK.match(at.line)
    m = announce_match(at.line[mark.end():]) if mark else None
    first = at.line[mark.end() + m.end():][:1] if mark is not None and m is not None else ""
    if first and (first.isupper() or first.isdigit() or not first.isascii() or first in "[\"“'"):
        assert mark is not None and m is not None
        return _Hit(mark.end() + m.start(), mark.end() + m.end())  # "🚀Announcing Amazon Kendra" (a name next)
    return None


def _lead_in(at: _LineAt) -> _Hit | None:
    start = lead_in_launch(at.line)
    if start is not None and _A_DATE.match(at.line[start:]):
        return _NO_LAUNCH  # "Schedule announcement: March 31st, 2023": a date in a timeline, no launch
    return _Hit(start, start) if start is not None else None


# A date where a name would be: "March 31st", "31 March", "2023-03-31", "3/31" (a lead-in's timeline, not a launch).
_A_DATE = pattern(rf"^\W*(?:(?i:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+\d|\d{{1,4}}(?:[-/.]\d{{1,2}}|\s*"
                  rf"(?:st|nd|rd|th)?\s+(?i:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b))")


def _video_title(at: _LineAt) -> _Hit | None:
    """An item that is one link to a video ("- [Introducing Acme Editions, Jane Roe](https://youtu.be/…)"): a
    talk's recording, titled as the talk is; no launch."""
    if len(at.links) != 1 or not _VIDEO_HOST.search(at.links[0].url):
        return None
    rest = at.text.replace(at.links[0].text, "", 1)
    return _NO_LAUNCH if not any(ch.isalnum() for ch in rest) else None


_VIDEO_HOST = pattern(r"^https?://(?:[\w-]+\.)*(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com)/", re.IGNORECASE)


def _labelled(at: _LineAt) -> _Hit | None:
    start = label_launch(at.line)
    return _Hit(start, start) if start is not None else None


def _intro_words(at: _LineAt) -> bool:
    low = at.low
    return "ntroduc" in low or "unveil" in low or not low.isascii() or "present" in low or "stellen" in low


def _introducing(at: _LineAt) -> _Hit | None:
    start = intro_launch(at.line)  # "Introducing Amazon Braket"
    return _Hit(start, start) if start is not None else None


def _has_links(at: _LineAt) -> bool:
    return bool(at.links)


def _linked(at: _LineAt) -> _Hit | None:
    line = at.line
    for lk in at.links:
        rel = lk.offset - at.offset
        after = line[rel + len(lk.text):rel + len(lk.text) + 3].lstrip()
        if 0 <= rel < len(line) and lk.text.strip() and linked_launch(line, rel) and not after[:1].islower():
            # (not "the announcement of the [Imagine Cup] finalists": the link only qualifies a noun)
            return _Hit(rel, rel, one_line(lk.text), lk.url)
    return None


def _announced_subject(at: _LineAt) -> _Hit | None:
    subject = announced_subject(at.text)
    return _Hit(name=subject) if subject else None


def _generally_available(at: _LineAt) -> _Hit | None:
    text = at.text
    if not ga_launch(text):
        return None
    name = _GA_SUBJECT.sub("", text).split(":")[0].strip(" .,;") or text
    if name.split()[0].lower().strip("*_") in QUANTITY_WORDS:
        return _NO_LAUNCH  # "Many of the native features are now available": a quantity of things, no product
    return _Hit(name=name)


def _headline(at: _LineAt) -> _Hit | None:
    headline = headline_launch(at.text)
    return _Hit(name=headline) if headline else None  # "Graviton4 and Trainium2 chips announced"


def _apposition(at: _LineAt) -> _Hit | None:
    apposition = apposition_launch(at.text)
    return _Hit(name=apposition) if apposition else None  # "Amazon S3 Express One Zone, a new storage class"


def _an_item(at: _LineAt) -> bool:
    return at.item


def _marked_new(at: _LineAt) -> _Hit | None:
    return _Hit(name=BRACKETED_TAIL.sub("", at.text)) if marked_new(at.text) else None


def _cjk_verb(at: _LineAt) -> _Hit | None:
    return _Hit(name=cjk_launch_name(at.text)) if cjk_launch(at.text) else None


def _prose(at: _LineAt) -> _Hit | None:
    prose = prose_launch(at.text)
    return _Hit(name=prose) if prose else None  # "we announced the React 19 RC", "X and Y are two new features"


def _status_marked(at: _LineAt) -> _Hit | None:
    # "Acme Vault (preview)": the status stays in the name, as written; "X - what it is (beta)": X
    return _Hit() if status_marked(at.text) else None


# A line that names a launch, tried in this order: (name, prefilter, rule) (as markdown-it-py's rulers: the
# prefilter, None for always, says whether the rule applies; the first rule that answers decides: a hit, or
# _NO_LAUNCH). What each rule needs in a line is also searched once per block first (launch_rules.may_name_launch).
LINE_RULES: RuleTable[_LineAt, _Hit] = (
    ("only a launch label", None, _only_a_label),  # "Now in preview:" (no launch: the chain stops)
    ("an item that is a talk's recording", _an_item, _video_title),  # "- [Introducing X, Jane Roe](youtu.be/…)"
    ("announcing X", _announce_words, _announcing),  # "Announcing X", the old rule
    ("a mark, then announcing X", _announce_words, _marked_announcing),  # "🚀Announcing Amazon Kendra"
    ("a lead-in", None, _lead_in),  # 'NEW - "X"', "Announcement: X"
    ("a launch label, then X", None, _labelled),  # "🚀 Launched: Acme Forge — ..."
    ("introducing X", _intro_words, _introducing),  # "Introducing Amazon Braket", "Wir stellen X vor"
    ("a launch verb, then a link", _has_links, _linked),  # "the announcement of [X](url)"
    ("X: something announced", None, _announced_subject),  # "Product: something announced."
    ("X is now GA", None, _generally_available),  # "Azure AI Studio is now GA."
    ("a headline: X announced", None, _headline),  # "Graviton4 and Trainium2 chips announced"
    ("an item: X, a new kind of thing", _an_item, _apposition),  # "Amazon S3 Express One Zone, a new storage class"
    ("an item marked new", _an_item, _marked_new),  # "- access firestore from the console (new)"
    ("a CJK launch verb", None, _cjk_verb),  # "X を発表", "X 提供开始"
    ("prose that says what was new", None, _prose),  # "we announced the React 19 RC"
    ("an item marked with a status", _an_item, _status_marked),  # "- Acme Vault (preview)"
)


_RELEASE_NOTES = pattern(rf"(?<![\w-])(?:{RELEASE_NOTES_WORDS})", re.IGNORECASE)


def release_notes_lead(lead: str | None) -> bool:
    """A lead-in that says its list is a changelog or release notes ("Below, some highlights from its pre-release
    changelog:", "For all the release notes, see the CHANGELOG. The highlights below!"): a release's changes."""
    if lead is None or len(lead) > 600:
        return False
    low = lead.lower()
    if lead.isascii() and not any(w in low for w in ("chang", "notes", "notas", "hinweise", "modifications", "cambios")):
        return False  # (every ASCII form of RELEASE_NOTES_WORDS has one of these)
    return _RELEASE_NOTES.search(lead) is not None


def _launch_title(title: str) -> bool:
    """A title that heads launches: "What's new from Google I/O 2023", "新发布一览"."""
    return len(title) <= 200 and (launch_heading(title) or cjk_launch_heading(title))


def heading_launch(title: str) -> str | None:
    """The launch a heading says was made: "OpenCue Pip Packages Released", "Acme Vault is now GA", "Announcing
    Helio 5"."""
    if len(title) > 160:
        return None
    name = headline_launch(title)
    if name is None and ga_launch(title):
        name = _GA_SUBJECT.sub("", title).split(":")[0].strip(" .,;") or None
    m = announce_match(title) if name is None else None
    if m is not None and m.group(1).lower() in ("announcing", "launching"):  # "Announcing Helio 5 at HelioConf"
        name = strip_launch_name(split_launch_name(title[m.end():])[0]) or None
    start = lead_in_launch(title) if name is None else None
    if start is not None and not _A_DATE.match(title[start:]):  # "### New: standard decorators support"
        name = strip_launch_name(split_launch_name(_ATTRIBUTES.sub("", title[start:]))[0]) or None
    return name


_ATTRIBUTES = pattern(r"\s*\{[^{}]{0,80}\}\s*$")  # a heading's "{ #lit-3.0 }" (kramdown's attributes)


def _umbrella(text: str, rest: list[Block]) -> bool:
    """An item of a launch list over a list of launches in its family ("- Pivotal Cloud Foundry" over "- Health Watch
    Dashboard", "- PCF 2.0", ...): launch_rules.umbrella on the first nested list's items."""
    sub = next((c for c in rest if c.get("type") == "list"), None)
    return sub is not None and umbrella(text, [x[3] for x in list_items(sub)])


def _before_link(line: str, flat: FlatInline) -> str:
    """An item's words before its last link's text ("New C3 VM [blog](url)" -> "New C3 VM"), or the link's text."""
    text = flat.links[-1].text
    at = line.rfind(text) if text else -1
    return line[:at].strip(" :-–—[(") or text if at > 0 else text


def _one_link(flat: FlatInline, line: str) -> bool:
    """An item's line that is one link and nothing else (a mark at most), or that points to something to read
    ("Firebase Storage [docs](url)", "Diagnostics - ... [video](url)"): a reference, no launch."""
    if any(_READ_LINK.match(lk.text) for lk in flat.links):
        return True
    return len(flat.links) == 1 and not any(ch.isalnum() for ch in line.replace(flat.links[0].text, "", 1))


_READ_LINK = pattern(r"^\s*(?:docs?|documentation|site|website|post|blog(?:\s+post)?|article|video|videos|github|repo|slides|"
                     r"here|link|more|details|read\s+more|learn\s+more)\s*$", re.IGNORECASE)


def _label_block(block: Block) -> bool:
    """A paragraph whose last line is a launch label ("Some context.\nNeu angekündigt:"): its list is launches."""
    if block.get("type") not in ("paragraph", "block_text"):
        return False
    text = flat_of(block).text.rstrip()
    return launch_label(text[text.rfind("\n") + 1:])


def _launch_block(blocks: list[Block]) -> bool:
    """A paragraph whose first line names a launch (so it is no detail of the one before)."""
    if not blocks or blocks[0].get("type") not in ("paragraph", "block_text"):
        return False
    first = flat_of(blocks[0]).text.strip("\n").split("\n")[0]
    return may_name_launch(first, False) and line_launch(first) is not None


@dataclass
class _Level:
    """A list being walked in ``bullets``: its items left, their context, whether its items are launches,
    and whether any of its items' texts may name a launch by a line rule (False proves none does)."""

    items: Iterator[ListItem]
    ctx: list[str]
    launches: bool
    may: bool = True


def _may_level(read: list[ListItem]) -> bool:
    """Whether a line rule may fire on any of a list's items (each rule's filter finds in the items' texts
    joined all it finds in any one of them: see may_name_launch): else none is tried on an item."""
    return may_name_launch("\n".join([x[3] for x in read]), any(x[2] is not None and x[2].links for x in read))


def _level(tok: Block, ctx: list[str], launches: bool) -> _Level:
    read = list_items(tok)
    return _Level(iter(read), ctx, launches, _may_level(read))


def _item_links(tok: Block) -> list[str | None]:
    """Each item's link when the item is one link (a mark before it at most), else None."""
    out: list[str | None] = []
    for _, _, flat, text in list_items(tok):
        url = None
        if flat is not None and len(flat.links) == 1:
            rest = text.split("\n", 1)[0].replace(flat.links[0].text, "", 1)
            if not any(ch.isalnum() for ch in rest):
                url = flat.links[0].url
        out.append(url)
    return out


def _legend_marks(texts: Iterable[str]) -> set[str]:
    """The marks a legend among these texts defines as "new" ("- ✨ = new service")."""
    marks: set[str] = set()
    for text in texts:
        mark = legend_mark(text)
        if mark:
            marks.add(mark)
    return marks


def legend_lines(entries: list[Entry]) -> list[str]:
    """The texts of bullets and paragraphs that may be a legend: up to 80 characters, not starting with a
    letter or digit (as the walk collects them: state.WalkState.legend_lines)."""
    return [e.text for e in entries if (e.kind == "bullet" or e.kind == "paragraph") and may_be_legend(e.text)]


def may_be_legend(text: str) -> bool:
    """(A legend starts with its mark: a text that starts with a letter or digit is none.)"""
    return not text[:1].isalnum() and len(text) <= 80


# A list's items as the hooked pass reads them: (its items are launches, a line rule may fire on one).
Level = tuple[bool, bool]


class LaunchFinder:
    """Walks the block tokens with their heading context, beside the Document the walk built (days, talks,
    entries), and adds the Document's announcements and their entries.

    Two ways to run it: after the walk, over the tokens (``blocks``: what ``find_announcements`` does), or
    hooked into the walk's own traversal (``hooked``: recognise/walker/walk.py calls ``heading``, ``paragraph``,
    ``list_block_hook``, ``level`` and ``item`` as it meets each block). Hooked, what only the finished
    Document knows is settled in ``finish``: where each launch is (path, day, talk, section), and whether
    the file has a legend of marks, launch headings over sub-headings or the shape of a keynote recap; a
    file that has one of these is read again by the pass after the walk (exactly as before)."""

    def __init__(self, doc: Document, tokens: list[Block] | None = None, recap: bool = False) -> None:
        self.doc = doc
        # The file is a recap of an event's launches (kind.Decision.recap): under its sections, an item that reads
        # as a feature's name is a launch ("- Dark mode: ..."), and so is a section named by a product's version
        # ("## iOS 12"); not under a section of talks, awards or links (``other``: that section's level).
        self.event_recap = recap
        self.other: int | None = None
        self.in_section = False
        self.titled = False  # a heading of the recap was met (a first "# ..." is its title)
        self.head_lines: set[int] = set()  # the lines of headings that name a launch (no section of their own)
        self.in_announce_list = False
        self.pre_event: int | None = None  # the level of a heading over launches made before the event
        self.reference = False  # under a heading over links to read ("Resources", "Blog posts")
        self.last_lead_in: str | None = None
        self.ordered_scope = False  # a lead-in's numbered list goes on: "1. X" ... "2. Y" (details between)
        self.by_line: dict[int, Entry] = {}
        # "- ✨ = new service": the marks a legend in the notes defines as "new"
        self.marks: set[str] = set()
        self.talks: list[Talk] = []
        self.starts: list[int] = []
        self.head_launches: dict[int, str] = {}
        self.recap = False
        # Hooked: the launches found, each with its block's line and its line's text, placed in ``finish``
        # (None: after the walk, placed when found).
        self.pending: list[tuple[Announcement, int, str, bool]] | None = None
        self.head_cues = False  # hooked: a heading over launches or naming a keynote (heading_launches may find some)
        self.heads: list[Head] = []  # hooked: the top-level headings (what heading_launches reads of the tokens)
        # Each launch found with the rule that found it (for inspect --json: a LINE_RULES name, or the pass's own)
        self.found_by: list[tuple[Announcement, str]] = []
        # the file's title heads launches ("What's new from Google I/O 2023"): a vendor's product leading an item
        # is a launch, as in a keynote recap ("- Google Pixel Fold")
        self.launch_title = bool(doc.title) and _launch_title(doc.title or "")
        self.headed = False  # a heading was met (the first is the title)
        # A recap of an event held to launch things ("Launch Week", "Launch Day"): each of its sections is one thing
        # launched, named by its heading unless a line of the section names it (``head_candidate``: the heading's
        # launch, kept when the next heading comes, or the file ends, with no launch found in between; the sections'
        # level: that of the first section).
        self.launch_event = recap and launch_event(doc.title or "", " ".join(doc.tags),
                                                   _file_words(doc.path or doc.file))
        self.section_level: int | None = None
        self.adopters = False  # the list's lead-in names who adopted something ("how a few top brands have built")
        self.head_candidate: tuple[str, int, str] | None = None
        self.event_year = _year_of(doc.title or "")
        if tokens is None:
            self.pending = []
            return
        self._placing(doc.entries)
        self.marks = _legend_marks(legend_lines(doc.entries))
        self.head_launches, self.recap = heading_launches(tokens, doc)

    def _placing(self, entries: list[Entry]) -> None:
        """What ``where`` reads: the walk's entries by line (of ``entries``: those at the lines asked), its
        talks in order."""
        for e in entries:
            if e.kind != "link" and e.line not in self.by_line:
                self.by_line[e.line] = e
        self.talks = sorted(self.doc.talks, key=lambda t: t.line)
        self.starts = [t.line for t in self.talks]

    def run(self, tokens: list[Block]) -> None:
        """The pass after the walk, over the file's tokens."""
        self.blocks(tokens, [])
        self.flush_section()

    def flush_section(self) -> None:
        """A launch event's section ended: its heading names its launch if no line of it did."""
        if self.head_candidate is not None:
            name, line, title = self.head_candidate
            self.head_candidate = None
            self.head_lines.add(line)
            self.add(name, None, line, line, title, "a launch event's section")

    def finish(self, tokens: list[Block], legend: list[str]) -> None:
        """Hooked, after the walk: the launches found placed, or, when a legend, a launch heading over
        sub-headings or a keynote recap changes what the hooked pass could decide, the pass after the walk.
        (``legend``: the texts of the walk's entries that may be a legend, see legend_lines.)"""
        self.flush_section()
        pending, doc = self.pending, self.doc
        assert pending is not None
        # (heading_launches finds none without a launch heading, or "keynote" in the title or a heading)
        if _legend_marks(legend) or (self.head_cues or keynote_title(doc.title or "")) \
                and any(heading_launches(tokens, doc, self.heads)):
            del doc.announcements[len(doc.announcements) - len(pending):]
            again = LaunchFinder(doc, tokens, self.event_recap)
            again.run(tokens)
            self.found_by = again.found_by
            return
        self.pending = None
        if not pending:
            return
        lines = {x[1] for x in pending}
        self._placing([e for e in doc.entries if e.line in lines])
        for ann, block_line, context, unnamed in pending:
            path, day, talk, section = self.where(block_line)
            if unnamed:
                ann.name = section or (talk.title if talk else "announcement")
            ann.day, ann.talk, ann.section, ann.path = day, talk.title if talk else None, section, list(path)
            doc.entries.append(Entry("announcement", ann.name, path, doc.file, ann.line, day, [], [context]))

    def blocks(self, tokens: list[Block], context: list[str]) -> None:
        tokens = [t for t in tokens if t.get("type") not in ("blank_line", "thematic_break")]
        for i, tok in enumerate(tokens):
            kind = tok.get("type")
            if kind == "heading":
                self.heading(tok)
            elif kind in ("paragraph", "block_text"):
                self.ordered_scope = False
                self.paragraph(tok, tokens[i + 1 : i + 3], context)  # 2 suffice (a slice to the end: quadratic)
            elif kind == "list":
                prev = tokens[i - 1] if i else None
                lead = None
                if prev is not None and prev.get("type") in ("paragraph", "block_text"):
                    lead = one_line(flat_of(prev).text)
                after_list = prev is not None and prev.get("type") == "list"
                self.list_block(tok, context, lead, after_list, prev is not None and _label_block(prev))
            elif kind == "table":
                self.table(tok, context)
            elif kind == "block_quote":
                self.blocks(tok.get("children") or [], context)

    def list_block(self, tok: Block, context: list[str], lead: str | None, after_list: bool, labelled: bool) -> None:
        if release_notes_lead(lead):
            self.bullets(tok, context, lead, False, tried=False)  # a changelog's items: none a launch
            return
        self.bullets(tok, context, lead, self.list_launches(tok, context, lead, after_list, labelled))

    def list_launches(self, tok: Block, context: list[str], lead: str | None, after_list: bool,
                      labelled: bool) -> bool:
        """Whether a list's items are launches: under a launch heading, lead-in or label ("Preview:",
        "Neu angekündigt:", nested too), or when they say so; "1. X" ... "2. Y" go on under one lead-in."""
        if not context and self.event_recap:  # "Here's how a few top brands have built for X:": who adopted it
            self.adopters = lead is not None and len(lead) <= 600 and _ADOPTERS.search(lead) is not None
        ordered = bool((tok.get("attrs") or {}).get("ordered"))
        led = labelled or bool(lead and (announce_lead_in(lead) or news_lead(lead)))
        launches = labelled or not context and (self.in_announce_list or led)
        if led:
            self.ordered_scope = ordered
        elif not (after_list and self.ordered_scope):
            self.ordered_scope = False
        elif ordered and not context:
            launches = True  # "2. FSx for Lustre" after "1. ..." and its details, under the same lead-in
        elif not context and self.doc.announcements:
            self.doc.announcements[-1].details += texts_of_list([tok])  # "1. X" then "- what X does"
            launches = False
        if not launches and not context and not self.reference and len(tok.get("children") or ()) >= 3:
            launches = launch_post_list(_item_links(tok))  # "- [AWS Outposts Now Available](.../whats-new/...)"
        return launches

    def heading(self, tok: Block, top: bool = False) -> None:
        """(``top``: hooked, a heading of the file's top level, not in a list or quote.)"""
        title = heading_title(tok)
        line = int(tok["line"])
        level = int((tok.get("attrs") or {}).get("level", 1))
        self.flush_section()
        if self.pre_event is not None and level <= self.pre_event:
            self.pre_event = None
        if self.pre_event is None and pre_event_heading(title):
            self.pre_event = level  # "## Pre-re:Invent launches": none of its launches is the event's
        self.reference = reference_heading(title)
        self.last_lead_in = None
        self.ordered_scope = False
        # (only launch words: "## What's new", "## 新サービス" head a launch list, even where read as a talk)
        self.in_announce_list = launch_heading(title) or cjk_launch_heading(title)
        if not self.headed:
            self.headed = True
            self.launch_title = self.launch_title or level <= 2 and self.in_announce_list
        if self.pending is not None:
            if top:
                self.heads.append(Head(line, int((tok.get("attrs") or {}).get("level", 1)), title))
            if not self.head_cues:
                self.head_cues = self.in_announce_list or keynote_title(title)
        name = self.head_launches.get(line) or heading_launch(title)
        if self.event_recap:
            self.recap_heading(title, line, level)
        if name:
            self.head_lines.add(line)  # (before add: placed at once after the walk)
            self.add(name, None, line, line, title, "a launch heading")
            self.in_section = False  # (a heading that names a launch: the items under it are its details)
        elif self.in_announce_list:
            self.in_section = False  # (a launch list's items are launches by that rule)

    def recap_heading(self, title: str, line: int, level: int) -> None:
        """A heading of a launch recap: a section of talks, awards or links (none of its items a launch), or one
        named by a product's version ("## iOS 12", "## Xcode 10", "## OSX → macOS 10.14 Mojave": that release)."""
        if self.other is not None and level <= self.other:
            self.other = None
        if self.other is None and recap_other_section(title):
            self.other = level
        # (not under the file's "# title": its sections hold the launches)
        self.in_section = self.other is None and not self.reference and (level > 1 or self.titled)
        self.titled = True
        product = versioned_product(title) if self.in_section and not self.head_launches.get(line) else None
        if product and not heading_launch(title):
            self.head_lines.add(line)
            self.add(product, None, line, line, title, "a recap's section named by a version")
        elif self.in_section and _NEWS_HEADING.match(title.strip()):
            self.in_announce_list = True  # "## News" in a recap of an event's launches: the event's news
        day = _DAY_LEAD.match(title) if self.launch_event else None
        if day is not None and not title[day.end():].strip():
            return  # "## Day 1": a day of the launch event, over its sections
        if self.launch_event and self.in_section and self.section_level is None:
            self.section_level = level
        if self.launch_event and self.in_section and level == self.section_level and not product \
                and not self.in_announce_list and not heading_launch(title):
            name = section_launch(title[day.end():] if day is not None else title)
            if name:
                self.head_candidate = (name, line, title)

    def where(self, line: int) -> tuple[list[str], int | None, Talk | None, str | None]:
        """The path, day, talk and section of a block at ``line``, from what the walk built."""
        entry = self.by_line.get(line)
        path = entry.path if entry is not None else []
        day = entry.day if entry is not None else None
        talk = None
        i = bisect.bisect_right(self.starts, line)
        while i > 0:
            i -= 1
            t = self.talks[i]
            if t.line <= line <= t.end_line:
                talk = t
                break
        top = path[-1] if path else None
        if top is None or talk is not None and top in (talk.title, talk.heading):
            return path, day, talk, None  # right under the talk's heading: no section
        recap_section = self.event_recap and top != self.doc.title and line not in self.head_lines
        return path, day, talk, top if talk is not None or launch_heading(top) or recap_section else None

    def paragraph(self, tok: Block, following: list[Block], context: list[str]) -> None:
        flat = flat_of(tok)
        text = flat.text.strip("\n")
        if not text.strip():
            return
        if may_name_launch(text, bool(flat.links)):  # (else no line rule can fire on any of its lines)
            self.launch_lines(flat, text, int(tok["line"]), following, context)
        if text.rstrip().endswith(":"):
            self.last_lead_in = one_line(text)

    def launch_lines(self, flat: FlatInline, text: str, line0: int, following: list[Block], context: list[str]) -> None:
        """The launches a paragraph's lines name, with their details."""
        lines = text.split("\n")
        # One pass (per-line rescans of the rest of the paragraph were quadratic): an announcement's
        # details are the following non-blank lines up to the next announcement line.
        offsets = [0]
        for x in lines[:-1]:
            offsets.append(offsets[-1] + len(x) + 1)
        hits = [line_launch(x, flat, offsets[n]) for n, x in enumerate(lines)]
        last = one_line(lines[-1])
        if following and following[0].get("type") == "list" and (announce_lead_in(last) or launch_label(last)):
            hits[-1] = None  # "Announced three tools to make common tasks easier:" leads into the launches
        last_text = max((i for i, x in enumerate(lines) if x.strip()), default=-1)
        for n, line_text in enumerate(lines):
            hit = hits[n]
            if hit is None:
                continue
            ann = self.announcement(line_text, hit, flat, offsets[n], line0 + n, line0)
            if n < last_text:  # details on the following lines of the same paragraph
                end = next((i for i in range(n + 1, len(lines)) if hits[i]), len(lines))
                ann.details += [launch_detail(x) for x in lines[n + 1 : end] if x.strip()]
            elif n == len(lines) - 1 and not context and not _launch_block(following[:1]):
                details_from_following(ann, following)
        self.sentence_lines(flat, text, lines, offsets, hits, line0)

    def sentence_lines(self, flat: FlatInline, text: str, lines: list[str], offsets: list[int],
                       hits: list[_Hit | None], line0: int) -> None:
        """The launches a paragraph's sentences name where its line rules saw none: a sentence over two lines
        ("We also\nannounced that Foo has graduated"), a second one on a line ("Finally, the new Foo Operator
        is now generally available."). Each at the line its name is on; none a line's launch already is."""
        found = sentence_launches(text)
        if not found:
            return
        named: dict[int, set[str]] = {}
        for ann in self.doc.announcements[-sum(1 for h in hits if h is not None) or len(self.doc.announcements):]:
            if line0 <= ann.line < line0 + len(lines):
                named.setdefault(ann.line - line0, set()).add(ann.name.casefold())
        for at, name in found:
            n = bisect.bisect_right(offsets, at) - 1
            if name.casefold() in named.get(n, ()) or not_product(name):
                continue  # (not "Slides are now available.")
            self.announcement(lines[n], _Hit(name=name, rule="a sentence of prose"), flat, offsets[n], line0 + n, line0)

    def bullets(self, tok: Block, context: list[str], lead_in: str | None, launches: bool, tried: bool = True) -> None:
        """The items of a list: launches when the list is under a launch heading or lead-in (or an item that is
        only a label, "- 発表：" over its launches), or they say so (``tried``: False, its own items are not tried,
        only what is nested in them: a changelog's list)."""
        lead = [lead_in] if lead_in and len(lead_in) <= 200 else []
        stack = [_level(tok, context + lead, launches)]
        while stack:
            item = next(stack[-1].items, None)
            if item is None:
                stack.pop()
                continue
            level = stack[-1]
            top = len(stack) == 1
            children, head, flat, text = item
            rest = children
            label = False
            if head is not None and flat is not None:
                if tried or not top:
                    label = self.item((level.launches, level.may), children, head, flat, text, top and not context)
                rest = children[1:]
            if rest:
                sub_ctx = level.ctx + ([one_line(text)] if text else [])
                others = [c for c in rest if c.get("type") != "list"]
                if others:
                    self.blocks(others, sub_ctx)
                for n in reversed([n for n, c in enumerate(rest) if c.get("type") == "list"]):
                    stack.append(_level(rest[n], sub_ctx, self.nested(label, rest, n)))

    def table(self, tok: Block, context: list[str]) -> None:
        """A table whose rows are launches (launch_table.launch_column): each row's name cell is one, its
        link the launch's, its other cells the details."""
        found = md_rows(tok)
        if len(found) < 2 or len(found) > 501:
            return
        cells = [[flat_of(c) for c in r.get("children") or []] for r in found]
        header = [one_line(c.text) for c in cells[0]]
        body = [[one_line(c.text) for c in row] for row in cells[1:]]
        col = launch_column(header, body, self.in_announce_list and not context)
        if col is None:
            return
        for r, row, texts in zip(found[1:], cells[1:], body):
            if col >= len(row) or not texts[col]:
                continue
            name = strip_status(strip_launch_name(split_launch_name(texts[col])[0]).strip("\"“”„'"))
            links = row[col].links or [lk for c in row for lk in c.links]
            line = int(r.get("line") or tok.get("line") or 0)
            ann = self.add(name or None, links[0].url if links else None, line, line, " | ".join(texts),
                           "a table of launches")
            ann.details += [t for i, t in enumerate(texts) if i != col and t]

    # The list hooks: the walk's on_list and bullets call them as blocks and bullets above do.
    def list_block_hook(self, tok: Block, context: list[str], lead: str | None, prev: Block | None,
                        top: bool) -> Level | None:
        """A list met by the walk (``prev``: the block before it, ``lead`` that block's text if a paragraph;
        ``top``: at the file's top level); None: its items are not tried (a changelog's list)."""
        if top and self.heads:
            self.heads[-1].has_list = True
        if release_notes_lead(lead):
            return None  # "For the highlights of the changelog, see below:": a release's changes, no event's launches
        after_list = prev is not None and prev.get("type") == "list"
        return self.level(tok, self.list_launches(tok, context, lead, after_list, prev is not None and _label_block(prev)))

    def level(self, tok: Block, launches: bool) -> Level:
        return launches, _may_level(list_items(tok))

    def item(self, level: Level, children: list[Block], head: Block, flat: FlatInline, text: str, top: bool) -> bool:
        """An item that opens with text (``head``, flattened ``flat``, ``text``); whether it is a label over
        its nested lists ("- 発表：")."""
        first = text.split("\n", 1)[0] if len(children) > 1 else ""
        # "- Data" over "- Azure Data Box", ... in a launch list: a field that groups launches, none itself
        category = level[0] and top and bool(first) and category_label(first) \
            and any(c.get("type") == "list" for c in children[1:])
        label = category or bool(first) and label_heads_list(first)
        if not category:
            self.list_item(flat, text, int(head["line"]), children[1:], level[0] and not label, top, level[1])
        return label or level[0] and top and len(children) > 1 and _umbrella(text, children[1:])

    @staticmethod
    def nested(label: bool, rest: list[Block], n: int) -> bool:
        """Whether the list ``rest[n]`` nested in an item holds launches: under a label ("- Talk" >
        "Neu angekündigt:" > "- X")."""
        return label or n > 0 and _label_block(rest[n - 1])

    def list_item(self, flat: FlatInline, text: str, line0: int, rest: list[Block], in_list: bool, top: bool,
                  may_level: bool = True) -> None:
        may = may_level and may_name_launch(text, bool(flat.links))
        vendors = (self.recap or self.launch_title) and top
        if not (may or in_list or self.marks or vendors or top and self.in_section):
            return  # (most items: no rule below can fire)
        lines = text.split("\n")
        hit = line_launch(lines[0], flat, 0, item=True) if may else None
        if hit is None and in_list and not (remark(lines[0]) and not flat.links) and legend_mark(lines[0]) is None:
            hit = _Hit(rule="an item of a launch list")  # (not "finally out of beta" under "What is new": a remark)
        marked = marked_by(lines[0], self.marks) if hit is None and self.marks else None
        if marked and legend_mark(lines[0]) is None:
            hit = _Hit(name=split_launch_name(marked)[0], url=flat.links[0].url if flat.links else None,
                       rule="the legend's mark")
        product = vendor_item(lines[0]) if hit is None and vendors else None
        if product is None and hit is None and (vendors or top and self.in_section):
            product = named_product(lines[0])  # "- new Vitals app", "- TabletopKit API"
        if product is not None:
            hit = _Hit(name=product, rule="a keynote recap's product")
        if hit is None and top and self.event_recap and self.other is None and flat.links \
                and launch_post_url(flat.links[-1].url):  # "- The next wave: New C3 VM [blog](.../introducing-c3-vms)"
            hit = _Hit(name=split_name(_before_link(lines[0], flat)), url=flat.links[-1].url,
                       rule="a launch recap's item linking a launch post")
        if hit is None and top and self.in_section and not self.adopters and recap_feature(lines[0]) \
                and not _one_link(flat, lines[0]):
            # (an item that is one link is one to read: "- [SE-0202 Random Unification](url)")
            hit = _Hit(name=split_name(lines[0].strip()), url=flat.links[0].url if flat.links else None,
                       rule="a launch recap's feature")
        if hit is not None:
            ann = self.announcement(lines[0], hit, flat, 0, line0, line0)
            if hit.rule == "a launch recap's feature":
                said = lines[0].strip()[len(hit.name or ""):].strip(" :：-–—")
                ann.details += [launch_detail(said)] if said else []  # "Dark mode: system apps support it"
            ann.details += [launch_detail(x) for x in lines[1:] if x.strip()]
            ann.details += texts_of_list(rest)
        elif top and may:  # "- Android P" over "・bata 版の発表": the launch is the item the line is in
            self.paragraph_lines(flat, lines, line0)

    def paragraph_lines(self, flat: FlatInline, lines: list[str], line0: int) -> None:
        """Launch lines after the first line of an item (its lazy continuation lines)."""
        offset = len(lines[0]) + 1
        for n, line_text in enumerate(lines[1:], 1):
            hit = line_launch(line_text, flat, offset, item=True)
            if hit is not None:
                self.announcement(line_text, hit, flat, offset, line0 + n, line0)
            offset += len(line_text) + 1

    def announcement(self, line_text: str, hit: _Hit, flat: FlatInline, offset: int, line: int,
                     block_line: int) -> Announcement:
        """The launch a line names: the rule's name, or the link's text or the words after the launch word
        up to a separator; the rest of the line is its first detail."""
        if hit.name is not None:
            name, url, extra = hit.name, hit.url, ""
            if url is None and flat.links:  # "[Acme Outposts Now Available](url)": the line's link is the launch's
                url = next((lk.url for lk in flat.links if offset <= lk.offset < offset + len(line_text)), None)
        else:
            name, url, extra = launch_name_and_url(line_text, hit.end, hit.start, flat, offset)
        if url and self.event_year and _year_of_url(url) and _year_of_url(url) < self.event_year:
            # "[Announcing Amber.js](…/2011/12/08/announcing-amber-js)" in notes of EmberConf 2017: a post of an
            # earlier year, linked for its history (read, not kept)
            return Announcement(name=name or "", url=url, day=None, talk=None, section=None, details=[],
                                file=self.doc.file, line=line)
        name = strip_status(strip_launch_name(name).strip("\"“”„'"))
        for mark in self.marks:  # "✨ Acme Queue" under a legend "✨ = new service": the mark is no word of it
            name = name.removeprefix(mark).removesuffix(mark).strip() or name
        if ga_launch(name):
            name = _GA_SUBJECT.sub("", name).strip(" .,;") or name  # "Acme Ledger now in preview"
        ann = self.add(name or self._name_from_context(url), url, line, block_line, one_line(line_text), hit.rule)
        extra = extra.strip(" :-–—,()")
        if extra:
            ann.details.append(launch_detail(extra))
        return ann

    def add(self, name: str | None, url: str | None, line: int, block_line: int, context: str,
            rule: str = "") -> Announcement:
        """(``name`` None: the section's or talk's, else "announcement"; ``rule``: what found it, for inspect.)"""
        self.head_candidate = None  # (a launch event's section: a line of it names its launch)
        ann = self._add(name, url, line, block_line, context)
        if rule:
            self.found_by.append((ann, rule))
        return ann

    def _add(self, name: str | None, url: str | None, line: int, block_line: int, context: str) -> Announcement:
        if self.pre_event is not None or self.other is not None:
            # (a launch before the event, or in a recap's section of talks, awards or links: read, not kept)
            return Announcement(name=name or "", url=url, day=None, talk=None, section=None, details=[],
                                file=self.doc.file, line=line)
        if self.pending is not None:  # hooked: placed when the walk is done (finish)
            ann = Announcement(name=name or "", url=url, day=None, talk=None, section=None, details=[],
                               file=self.doc.file, line=line)
            self.doc.announcements.append(ann)
            self.pending.append((ann, block_line, context, name is None))
            return ann
        path, day, talk, section = self.where(block_line)
        if name is None:
            name = section or (talk.title if talk else "announcement")
        ann = Announcement(name=name, url=url, day=day, talk=talk.title if talk else None, section=section,
                           details=[], file=self.doc.file, line=line, path=list(path))
        self.doc.announcements.append(ann)
        self.doc.entries.append(Entry("announcement", name, path, self.doc.file, line, day, [], [context]))
        return ann

    def _name_from_context(self, url: str | None) -> str | None:
        """A launch's name when its line gives none: the lead-in's, the link's words; None: its place's."""
        if self.last_lead_in:
            lead = LAUNCH_FILLER.sub("", self.last_lead_in.rstrip(":").strip())
            if lead and len(lead) <= 60:
                return lead
        if url:
            slug = [w for w in re.split(r"[-_/.]+", urlsplit(url).path) if w.isalpha() and w not in ("blogs", "aws", "html")]
            if slug:
                return " ".join(slug[:4]).title()
        return None


def find_announcements(tokens: list[Block], doc: Document, recap: bool = False) -> None:
    """The launches of a file (after the walk: its days, talks and entries are known): doc.announcements,
    and an "announcement" Entry for each (its text the name, its context the line; ``recap``: the file is a recap
    of an event's launches, kind.Decision.recap)."""
    LaunchFinder(doc, tokens, recap).run(tokens)


_NEWS_HEADING = pattern(RECAP_NEWS_HEADING, re.IGNORECASE)
# "Day 1: ", "Monday - ", "第1天：": a day's label before a launch event's section (its launch after it)
_DAY_LEAD = pattern(rf"^\W*(?:{DAY_LABEL}|(?:{'|'.join(sorted(WEEKDAYS, key=len, reverse=True))}))\b\s*(?:[:：.\-–—]\s*|$)",
                    re.IGNORECASE)
_ADOPTERS = pattern(rf"(?i:\b(?:{ADOPTER_WORDS})\b)")
_YEAR = pattern(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/.-]\d)")
_URL_YEAR = pattern(r"/((?:19|20)\d\d)/(?:[01]?\d/)?")


def _year_of(title: str) -> int:
    """The latest year a title names ("EmberConf 2017 CliffsNotes" -> 2017), or 0."""
    return max((int(m.group(0)) for m in _YEAR.finditer(title[:300])), default=0)


def _year_of_url(url: str) -> int:
    """The year a post's address dates it by ("…/2011/12/08/announcing-amber-js" -> 2011), or 0."""
    m = _URL_YEAR.search(urlsplit(url).path) if len(url) <= 2000 else None
    return int(m.group(1)) if m else 0


def _proper(word: str) -> bool:
    """A word of a product's name: a capital, a digit or a mark inside it, or all capitals ("Studio", "PostgREST", "9.0",
    "HTTP/3", "CDN"); not "uploads", "a"."""
    word = word.strip("\"'“”*_`()[],.:;!?")
    if len(word) < 2 and not word.isdigit():
        return False
    return word[0].isupper() or word[0].isdigit() or any(ch.isupper() or ch.isdigit() or ch in "/_@" for ch in word[1:])


def _coined(word: str) -> bool:
    """A one-word name that is no dictionary word: capitals, digits or marks inside it ("PostgREST", "HTTP/3", "CDN",
    "pg_graphql"); not "Results", "Timeline"."""
    word = word.strip("\"'“”*_`()[],.:;!?")
    return len(word) >= 2 and any(ch.isupper() or ch.isdigit() or ch in "/_@" for ch in word[1:])


def _file_words(path: str) -> str:
    """A file's name as words ("supabase-launch-week3-recap.md" -> "supabase launch week3 recap")."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return name.replace("-", " ").replace("_", " ")


# A section heading of a launch event's recap that is no launch: a sentence of one's own news ("We acquired Logflare"),
# a question or a how-to ("How we launch", "Building a SaaS?"), an activity ("Kicking off the hackdays").
def section_launch(title: str) -> str | None:
    """The launch a launch event's section heading names ("## Supabase Studio", "## New Storage CDN" -> "Storage
    CDN", "## PostgREST 9.0"), or None ("## We acquired Logflare", "## How we launch", "## Building a SaaS?")."""
    name = launch_name(_ATTRIBUTES.sub("", title))
    if name is None or name.startswith(OWN_CJK_LEADS):
        return None
    words = name.split()
    first = words[0].lower().strip("\"'“”*_`")
    if first in PROSE_NOT_SUBJECT or first in NOT_PRODUCT_LEADS or first.endswith("ing") and len(first) > 5:
        return None
    if name.isascii() and not (any(_proper(w) for w in words[1:]) if len(words) > 1 else _coined(words[0])):
        return None  # "Pick a theme", "Results", "Faster uploads": no name in it
    name = strip_status(strip_launch_name(split_launch_name(name)[0]))
    if name.lower().startswith("new "):
        name = name[4:].strip()
    return name or None


def hooked(doc: Document, recap: bool = False) -> LaunchFinder:
    """The announcement pass to hook into the walk of ``doc`` (its ``finish`` after the walk; ``recap``: the file
    is a recap of an event's launches, kind.Decision.recap)."""
    return LaunchFinder(doc, recap=recap)
