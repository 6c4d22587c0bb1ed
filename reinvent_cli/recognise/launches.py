"""Announcements: 'Announcing X', launch lists under 'What's new' headings, their names and details."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from reinvent_cli.lexicon import _ANNOUNCE_WORDS
from reinvent_cli.model import Announcement, Document, Entry, Talk
from reinvent_cli.recognise.evidence import clean_title
from reinvent_cli.recognise.inline import _Inline, _one_line, _only_a_link, flatten
from reinvent_cli.recognise.media import _GENERIC_LINK

_ANNOUNCE_RE = re.compile(
    r"(?:^|(?<=[.?!;:])\s+|(?<=^[-*]\s))(announc(?:e|es|ed|ing|ement)|new launch|launch(?:ed|ing)?)\b"
    r"\s*(?:[:\-–—!]\s*)?",
    re.I,
)


_ANNOUNCE_LIST_HEADING = re.compile(
    r"^(?:(?:new|product|service|feature|keynote|today[’']?s|the|all|big|major|key|other|recent|latest|aws)\s+)*"
    rf"{_ANNOUNCE_WORDS}(?:\s+(?:from|at|during|of)\s+(?:the\s+)?[\w:.’' -]{{1,30}})?\s*[:!]?$",
    re.I,
)


_ANNOUNCE_LEAD_IN = re.compile(
    r"^(?!.*\b(?:we|i|our|my|me)\b)(?:[\w’'-]+\s+){0,3}?" + _ANNOUNCE_WORDS + r"\b[^.!?]{0,30}:$",
    re.I,
)


_FILLER = re.compile(r"^(now|first|then|next|and|also|finally|plus)\s+", re.I)


def _announce_match(line_text: str) -> re.Match[str] | None:
    # The regex needs "announc..." or "launch..." (no character that re.I folds onto their letters
    # lowers to anything else): most lines have neither, and the search tries every position.
    low = line_text.lower()
    if "announc" not in low and "launch" not in low:
        return None
    m = _ANNOUNCE_RE.search(line_text)
    if not m:
        return None
    word = m.group(1).lower()
    if word == "announcement":
        return None
    if word.startswith("launch") and m.start(1) > 0:
        return None
    after = line_text[m.end():].strip()
    if not after:
        return None  # "Launched:" leads into a list of launches; "- Announcing" alone names nothing
    if re.match(r"(?:my|our|your|his|her|their|i|we|it|this|that)\b", after, re.I):
        return None  # "Launched my own side project"
    if word == "launch" and not line_text[m.end(1):m.end()].strip() and after[:1].islower():
        return None  # "Launch party at 8pm": the noun, no separator
    return m


def _split_name(text: str) -> tuple[str, str]:
    """"Name: details", "Name - details", "Name — details", "Name, details"; not inside parentheses."""
    text = text.strip()
    for sep in (": ", " - ", " – ", " — ", ", "):
        at = _outside_parens(text, sep)
        if at >= 0:
            return text[:at], text[at + len(sep):]
    return text, ""


def _outside_parens(text: str, sep: str) -> int:
    """Where ``sep`` first occurs in ``text`` outside parentheses, or -1."""
    depth, pos = 0, 0
    at = text.find(sep)
    while at >= 0:
        depth += text.count("(", pos, at) - text.count(")", pos, at)  # counted once per stretch: linear
        if depth <= 0:
            return at
        pos = at
        at = text.find(sep, at + 1)
    return -1


def _strip_name(name: str) -> str:
    """An announcement's name without surrounding punctuation, an unmatched parenthesis or a leading article."""
    name = name.strip(" :-–—,.")
    extra = name.count(")") - name.count("(")
    while extra > 0 and name.endswith(")"):
        name, extra = name[:-1].rstrip(" :-–—,."), extra - 1
    while extra < 0 and name.startswith("("):
        name, extra = name[1:].lstrip(" :-–—,."), extra + 1
    if name.startswith("(") and name.endswith(")") and name.count("(") == 1:
        name = name[1:-1].strip()
    article = re.match(r"(?:the|a|an)\s+(?=\S)", name, re.I)
    return name[article.end():] if article else name


def _detail(text: str) -> str:
    text = _one_line(text)
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text


def _list_texts(tokens: list[dict[str, Any]]) -> list[str]:
    """Texts of every item of these lists, nested items included, in document order."""
    out: list[str] = []
    stack: list[Iterator[dict[str, Any]]] = [iter(tokens)]
    while stack:
        tok = next(stack[-1], None)
        if tok is None:
            stack.pop()
            continue
        kind = tok.get("type")
        if kind in ("paragraph", "block_text"):
            text = flatten(tok.get("children")).text
            for line in text.split("\n"):
                if line.strip():
                    out.append(_detail(line))
        elif kind in ("list", "list_item", "block_quote"):
            stack.append(iter(tok.get("children") or []))
    return out


Block = dict[str, Any]


class _Finder:
    """The announcement pass: walks the block tokens with their heading context and the Document the walk
    built (days, talks, entries), and adds the Document's announcements and their entries."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.in_announce_list = False
        self.last_lead_in: str | None = None
        self.talk_lines = {t.line for t in doc.talks}
        self.by_line: dict[int, Entry] = {}
        for e in doc.entries:
            if e.kind in ("paragraph", "bullet"):
                self.by_line.setdefault(e.line, e)
        self.talks = sorted(doc.talks, key=lambda t: t.line)
        self.starts = [t.line for t in self.talks]

    def blocks(self, tokens: list[Block], context: list[str]) -> None:
        tokens = [t for t in tokens if t.get("type") not in ("blank_line", "thematic_break")]
        for i, tok in enumerate(tokens):
            kind = tok.get("type")
            if kind == "heading":
                self.heading(tok)
            elif kind in ("paragraph", "block_text"):
                self.paragraph(tok, tokens[i + 1 : i + 3], context)  # 2 suffice (a slice to the end: quadratic)
            elif kind == "list":
                prev = tokens[i - 1] if i else None
                lead = None
                if prev is not None and prev.get("type") in ("paragraph", "block_text"):
                    lead = _one_line(flatten(prev.get("children")).text)
                self.bullets(tok, context, lead)
            elif kind == "block_quote":
                self.blocks(tok.get("children") or [], context)

    def heading(self, tok: Block) -> None:
        text = flatten(tok.get("children")).text
        title = clean_title(text) if "<" in text or text.rstrip().endswith("#") else _one_line(text)
        self.last_lead_in = None
        self.in_announce_list = tok["line"] not in self.talk_lines and bool(_ANNOUNCE_LIST_HEADING.match(title))

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
        return path, day, talk, top if talk is not None or _ANNOUNCE_LIST_HEADING.match(top) else None

    def paragraph(self, tok: Block, following: list[Block], context: list[str]) -> None:
        flat = flatten(tok.get("children"))
        text = flat.text.strip("\n")
        if not text.strip():
            return
        line0 = tok["line"]
        low = text.lower()
        if "announc" in low or "launch" in low:  # else no line is an announcement (see _announce_match)
            self.paragraph_launches(flat, text, line0, following, context)
        if text.rstrip().endswith(":"):
            self.last_lead_in = _one_line(text)

    def paragraph_launches(self, flat: _Inline, text: str, line0: int, following: list[Block],
                           context: list[str]) -> None:
        lines = text.split("\n")
        # One pass (per-line rescans of the rest of the paragraph were quadratic): an announcement's
        # details are the following non-blank lines up to the next announcement line.
        matches = [_announce_match(x) for x in lines]
        last_text = max((i for i, x in enumerate(lines) if x.strip()), default=-1)
        offset = 0
        for n, line_text in enumerate(lines):
            m = matches[n]
            if m:
                ann = self.announcement(line_text, m, flat, offset, line0 + n, line0)
                if n < last_text:  # details on the following lines of the same paragraph
                    end = next((i for i in range(n + 1, len(lines)) if matches[i]), len(lines))
                    ann.details += [_detail(x) for x in lines[n + 1 : end] if x.strip()]
                elif n == len(lines) - 1 and not context:
                    _details_from_following(ann, following)
            offset += len(line_text) + 1

    def bullets(self, tok: Block, context: list[str], lead_in: str | None = None) -> None:
        """The items of a list: launches when the list is under a launch heading or lead-in, or they say so."""
        lead = [lead_in] if lead_in and len(lead_in) <= 200 else []
        announce_list = not context and (self.in_announce_list or bool(lead_in and _ANNOUNCE_LEAD_IN.match(lead_in)))
        stack: list[tuple[Iterator[Block], list[str]]] = [(iter(tok.get("children") or []), context + lead)]
        while stack:
            item = next(stack[-1][0], None)
            if item is None:
                stack.pop()
                continue
            ctx = stack[-1][1]
            top = len(stack) == 1
            children = [c for c in item.get("children") or [] if c.get("type") != "blank_line"]
            head = children[0] if children and children[0].get("type") in ("block_text", "paragraph") else None
            text = ""
            rest = children
            if head is not None:
                flat = flatten(head.get("children"))
                text = flat.text.strip("\n")
                self.list_item(flat, text, head["line"], children[1:], announce_list and top)
                rest = children[1:]
            if rest:
                sub_ctx = ctx + ([_one_line(text)] if text else [])
                others = [c for c in rest if c.get("type") != "list"]
                if others:
                    self.blocks(others, sub_ctx)
                for lst in reversed([c for c in rest if c.get("type") == "list"]):
                    stack.append((iter(lst.get("children") or []), sub_ctx))

    def list_item(self, flat: _Inline, text: str, line0: int, rest: list[Block], in_announce_list: bool) -> None:
        first = text.split("\n")[0]
        low = text.lower()
        m = _announce_match(first) if "launch" in low or "announc" in low else None
        if m or in_announce_list:
            ann = self.announcement(first, m, flat, 0, line0, line0)
            ann.details += [_detail(x) for x in text.split("\n")[1:] if x.strip()]
            ann.details += _list_texts(rest)

    def announcement(self, line_text: str, m: re.Match[str] | None, flat: _Inline, offset: int, line: int,
                     block_line: int) -> Announcement:
        """The launch a line names after ``m`` (the launch word, or nothing in a launch list): the link's
        text or the words up to a separator; the rest of the line is its first detail."""
        end_m = m.end() if m else 0
        name, url, extra = _name_and_url(line_text, end_m, m.start() if m else 0, flat, offset)
        name = _strip_name(name)
        path, day, talk, section = self.where(block_line)
        if not name:
            name = self._name_from_context(url, talk, section)
        ann = Announcement(name=name, url=url, day=day, talk=talk.title if talk else None, section=section,
                           details=[], file=self.doc.file, line=line, path=list(path))
        extra = extra.strip(" :-–—,()")
        if extra:
            ann.details.append(_detail(extra))
        self.doc.announcements.append(ann)
        self.doc.entries.append(Entry("announcement", name, path, self.doc.file, line, day, [],
                                      [_one_line(line_text)]))
        return ann

    def _name_from_context(self, url: str | None, talk: Talk | None, section: str | None) -> str:
        if self.last_lead_in:
            lead = _FILLER.sub("", self.last_lead_in.rstrip(":").strip())
            if lead and len(lead) <= 60:
                return lead
        if url:
            slug = [w for w in re.split(r"[-_/.]+", urlsplit(url).path) if w.isalpha() and w not in ("blogs", "aws", "html")]
            if slug:
                return " ".join(slug[:4]).title()
        return section or (talk.title if talk else "announcement")


def _name_and_url(line_text: str, end: int, start: int, flat: _Inline, offset: int) -> tuple[str, str | None, str]:
    """A launch's name, link and the rest of its line, the launch word ending at ``end``: "[Announcing X](url)"
    (the link's words), "Announcing [X](url) - details", "Announcing X ([blog](url))", "Launched: X, details"."""
    i = bisect.bisect_left(flat.links, offset + end, key=lambda lk: lk.offset)  # links are in offset order
    first_link = flat.links[i] if i < len(flat.links) and flat.links[i].offset < offset + len(line_text) else None
    between = line_text[end: first_link.offset - offset] if first_link else ""
    around = flat.links[i - 1] if i > 0 else None
    if around and around.offset <= offset + start < around.offset + len(around.text):
        stop = around.offset - offset + len(around.text)
        name, extra = _split_name(line_text[end:stop])
        return name, around.url, extra + line_text[stop:]
    if first_link and not between.strip() and first_link.text.strip() and not _GENERIC_LINK.match(first_link.text):
        return _one_line(first_link.text), first_link.url, line_text[first_link.offset - offset + len(first_link.text):]
    plain, url = line_text[end:], None
    if first_link:
        url = first_link.url
        head = line_text[end:first_link.offset - offset]
        if head.rstrip().endswith("(") or not head.strip():  # "Name ([blog](url))"
            plain = head.rstrip().rstrip("(")
    name, extra = _split_name(plain)
    return name, url, extra


def _details_from_following(ann: Announcement, following: list[Block]) -> None:
    """Details of a launch named on a paragraph's last line: the list or paragraph right after it."""
    if not following:
        return
    nxt = following[0]
    kind = nxt.get("type")
    if kind == "list":
        ann.details += _list_texts([nxt])
    elif kind in ("paragraph", "block_text"):
        flat = flatten(nxt.get("children"))
        text = flat.text.strip("\n")
        if not text.strip() or _announce_match(text.split("\n")[0]):
            return
        if _only_a_link(flat):
            ann.url = ann.url or flat.links[0].url
            return
        if text.rstrip().endswith(":"):
            return
        lines = [x for x in text.split("\n") if x.strip()]
        after = following[1] if len(following) > 1 else None
        if len(lines) == 1 and after is not None and after.get("type") in ("paragraph", "block_text") \
                and _announce_match(flatten(after.get("children")).text.split("\n")[0]):
            return  # the lead-in of the next announcement
        ann.details += [_detail(x) for x in lines]


def find_announcements(tokens: list[Block], doc: Document) -> None:
    """The launches of a file (after the walk: its days, talks and entries are known): doc.announcements,
    and an "announcement" Entry for each (its text the name, its context the line)."""
    _Finder(doc).blocks(tokens, [])
