"""The walk over the AST: block handlers that turn headings, paragraphs and lists into the Document."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, Iterator
from urllib.parse import urlsplit

from reinvent_cli.lexicon import (
    _DATE_KEYS,
    _DESC_KEYS,
    _EVENT_KEYS,
    _SLIDE_HOSTS,
    _SPEAKER_KEYS,
    _VIDEO_HOSTS,
)
from reinvent_cli.model import (
    Announcement,
    Day,
    Document,
    Entry,
    Link,
    Talk,
    WatchItem,
)
from reinvent_cli.read.source import Source
from reinvent_cli.recognise.inline import (
    _BARE_URL,
    _host,
    _html_text,
    _Inline,
    _InlineLink,
    _one_line,
    _only_a_link,
    _trim_decor,
    flatten,
)
from reinvent_cli.recognise.launches import (
    _ANNOUNCE_LEAD_IN,
    _ANNOUNCE_LIST_HEADING,
    _FILLER,
    _announce_match,
    _detail,
    _list_texts,
    _split_name,
    _strip_name,
)
from reinvent_cli.recognise.media import _GENERIC_LINK, _SLIDES_TEXT, _VIDEO_TEXT
from reinvent_cli.recognise.meta import _KV_LINE, _META_RE
from reinvent_cli.recognise.speakers import parse_speakers
from reinvent_cli.recognise.evidence import clean_title
from reinvent_cli.recognise.layout import Plan
from reinvent_cli.recognise.talks import split_talk_heading, talk_parts
from reinvent_cli.recognise.watchlist import _WATCH_HEADING


@dataclass
class _Heading:
    level: int
    title: str
    line: int
    role: str  # "day", "talk", "section", "other"


class _Walker:
    def __init__(self, src: Source) -> None:
        self.src = src
        self.lines = src.text.split("\n")
        self.file = src.path
        self.doc = Document(file=src.path, warnings=list(src.warnings))
        meta = src.meta
        self.doc.title = meta.get("title") or meta.get("conference") or meta.get("event")
        self.doc.date = meta.get("date")
        self.doc.tags = list(meta.get("tags") or meta.get("categories") or [])
        self.stack: list[_Heading] = []
        self._path: list[str] = []  # titles of self.stack
        self.day: Day | None = None
        self.day_level = 0
        self.plan = Plan()
        self.talk: Talk | None = None
        self.talk_level = 0
        self.section: str | None = None
        self.in_watch = False
        self.in_announce_list = False
        self.headings: list[tuple[int, int]] = []  # (line, level) of every heading
        self.day_count = 0
        self.last_lead_in: str | None = None
        self.speaker_seen: set[int] = set()  # talks whose Speaker: line was read
        # What a post that turns out to be one talk says about it before any heading makes a talk.
        self.pre_talk: Talk | None = Talk(day=None, code=None, title="", heading="", file=src.path, line=0,
                                          end_line=0)

    # paths and entries
    def path(self) -> list[str]:
        # Built once per heading (only heading() changes the stack) and shared by the entries and
        # links under it: nothing mutates an Entry's or Link's path.
        return self._path

    def add_entry(self, kind: str, text: str, line: int, context: list[str] | None = None) -> Entry:
        if "\n" in text:
            breaks = [i + 1 for i, ch in enumerate(text) if ch == "\n"]
            text = text.replace("\n", " ")
        else:
            breaks = []
        day = self.day
        entry = Entry(kind, text, self._path, self.file, line, day.number if day else None, breaks,
                      list(context) if context else [])
        self.doc.entries.append(entry)
        return entry

    # headings
    def heading(self, tok: dict[str, Any]) -> None:
        level = int((tok.get("attrs") or {}).get("level", 1))
        line = tok["line"]
        flat = flatten(tok.get("children"))
        title = clean_title(flat.text) if "<" in flat.text or flat.text.rstrip().endswith("#") else _one_line(flat.text)
        self.headings.append((line, level))
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        planned = self.plan.roles.get(line)
        kind = planned.kind if planned is not None else "other"
        if self.day and (level < self.day_level or level == self.day_level and kind != "talk"):
            self.day = None
        if self.talk and level <= self.talk_level:
            self.talk = None
        self.section = None
        self.last_lead_in = None
        role = "other"
        if kind == "day" and self.talk is None and planned is not None:
            self.start_day(title, line, level, planned.day)
            role = "day"
        elif kind == "talk" and self.talk is None:
            self.start_talk(title, line, level)
            self._heading_links(self.talk, flat)  # type: ignore[arg-type]
            role = "talk"
        elif self.talk is not None:
            self.section = title
            self.talk.sections.append(title)
            role = "section"
        self.stack.append(_Heading(level, title, line, role))
        self._path = [h.title for h in self.stack]
        self.in_watch = bool(_WATCH_HEADING.search(title)) and role != "talk"
        # "### Announcements", "### Launches from the keynote" (not "#### Launch checklist")
        self.in_announce_list = role != "talk" and bool(_ANNOUNCE_LIST_HEADING.match(title))
        if self.in_announce_list and role == "other":
            self.section = title  # "## What's new" outside any talk
        kind = {"day": "day", "talk": "talk"}.get(role, "section")
        self.add_entry(kind, title, line)
        self.links(flat, line)  # a link in a heading is a link of the notes too

    def start_day(self, title: str, line: int, level: int, day: tuple[int | None, str | None] | None) -> None:
        number, weekday = day or (None, None)
        self.day_count += 1
        self.day = Day(self.day_count if number is None else number, title, weekday, self.file, line)
        self.day_level = level
        self.doc.days.append(self.day)

    def start_talk(self, text: str, line: int, level: int) -> Talk:
        code, name, speakers = talk_parts(text)
        self.talk = Talk(
            day=self.day.number if self.day else None, code=code, title=name, heading=text,
            file=self.file, line=line, end_line=line, speakers=speakers,
            weekday=self.day.weekday if self.day else None, conference=self.doc.title,
        )
        self.talk_level = level
        self.doc.talks.append(self.talk)
        return self.talk

    def inner_talk(self, line: int) -> bool:
        """A bold line or list item the reading made a talk: it starts one, in the path like a heading."""
        planned = self.plan.roles.get(line)
        if planned is None or planned.kind != "talk" or planned.form == "heading":
            return False
        if self.talk is not None and self.talk_level < planned.level:
            return False
        while self.stack and self.stack[-1].level >= planned.level:
            self.stack.pop()
        talk = self.start_talk(planned.title, line, planned.level)
        self.headings.append((line, planned.level))
        self.stack.append(_Heading(planned.level, talk.title, line, "talk"))
        self._path = [h.title for h in self.stack]
        self.add_entry("talk", talk.title, line)
        return True

    def _heading_links(self, talk: Talk, flat: _Inline) -> None:
        """A video or slides link in a talk's heading: "[DAT407 - Title](youtube)", "Title [video](url)"."""
        for lk in flat.links:
            host, text = _host(lk.url), lk.text.strip()
            video_word, slides_word = _VIDEO_TEXT.fullmatch(text), _SLIDES_TEXT.fullmatch(text)
            if talk.video is None and (host.endswith(_VIDEO_HOSTS) or video_word):
                talk.video = lk.url
            elif talk.slides is None and (host.endswith(_SLIDE_HOSTS) or slides_word):
                talk.slides = lk.url
            else:
                continue
            if video_word or slides_word:  # "Title [video](url)", "Title ([slides](url))": no word of the title
                bare = re.sub(rf"\s*[-–—|:]?\s*\(?{re.escape(text)}\)?\s*$", "", talk.title)
                talk.title = bare or talk.title

    # blocks
    def blocks(self, tokens: list[dict[str, Any]], context: list[str]) -> None:
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
                self.list(tok, context, lead)
            elif kind == "block_quote":
                self.blocks(tok.get("children") or [], context)
            elif kind == "block_html":  # "<!-- TODO ... -->", "<div>text</div>": its words are notes too
                text = "\n".join(" ".join(x.split()) for x in _html_text(str(tok.get("raw", ""))).split("\n"))
                lead = len(text) - len(text.lstrip("\n"))
                if text.strip():
                    self.add_entry("paragraph", text.strip("\n"), tok["line"] + lead, context)
            elif kind == "block_code":
                raw = str(tok.get("raw", "")).rstrip("\n")
                if raw.strip():
                    first = tok["line"] + (1 if tok.get("style") == "fenced" else 0)
                    self.add_entry("code", raw, first, context)
                    if not context and (self.talk is not None or (self.day is None and not self.doc.talks)):
                        self.code_metadata(raw, first)

    def paragraph(self, tok: dict[str, Any], following: list[dict[str, Any]], context: list[str]) -> None:
        flat = flatten(tok.get("children"))
        text = flat.text.strip("\n")
        if not text.strip():
            return
        line0 = tok["line"]
        if not context and self.plan.roles:
            self.inner_talk(line0)
        entry = self.add_entry("paragraph", text, line0, context)
        if flat.links:
            self.links(flat, line0)
        if self.talk is not None and not context:
            self.metadata(flat, line0)
        elif self.pre_talk is not None and not context and self.day is None and not self.doc.talks:
            self.metadata(flat, line0, self.pre_talk)
        low = text.lower()
        if "announc" not in low and "launch" not in low:  # no line is an announcement (see _announce_match)
            if text.rstrip().endswith(":"):
                self.last_lead_in = _one_line(text)
            return
        lines = text.split("\n")
        # One pass (per-line rescans of the rest of the paragraph were quadratic): an announcement's
        # details are the following non-blank lines up to the next announcement line.
        matches = [_announce_match(x) for x in lines]
        last_text = max((i for i, x in enumerate(lines) if x.strip()), default=-1)
        offset = 0
        for n, line_text in enumerate(lines):
            m = matches[n]
            if m:
                ann = self.announcement(line_text, m, flat, offset, line0 + n, entry.path)
                if n < last_text:  # details on the following lines of the same paragraph
                    end = next((i for i in range(n + 1, len(lines)) if matches[i]), len(lines))
                    ann.details += [_detail(x) for x in lines[n + 1 : end] if x.strip()]
                elif n == len(lines) - 1 and not context:
                    self.details_from_following(ann, following)
            offset += len(line_text) + 1
        if text.rstrip().endswith(":"):
            self.last_lead_in = _one_line(text)

    def metadata(self, flat: _Inline, line0: int, talk: Talk | None = None) -> None:
        """``Speaker:``/``Description:``/``Conference:``/``Date:`` lines, video and slides links of a talk."""
        talk = talk or self.talk
        assert talk is not None
        ftext = flat.text
        # A metadata line has ":" or a dash after its key.
        has_sep = ":" in ftext or "-" in ftext or "\u2013" in ftext or "\u2014" in ftext
        for n, line_text in enumerate(ftext.split("\n") if has_sep else ()):
            m = _META_RE.match(line_text.strip())
            if not m:
                continue
            key, value = m.group(1).lower(), m.group(2).strip()
            if key.startswith(_SPEAKER_KEYS) and value and id(talk) not in self.speaker_seen:
                named = parse_speakers(value)
                heard = {x.name.casefold() for x in talk.speakers}
                if heard and talk.heading and not heard & {x.name.casefold() for x in named}:
                    # a Speaker: line naming others wins over a "(...)" read off the heading: it was no name
                    talk.title = split_talk_heading(talk.heading, trailing_speakers=False)[1]
                talk.speakers = named
                self.speaker_seen.add(id(talk))
            elif key in _DESC_KEYS and value and not talk.description:
                talk.description = value
            elif key in _EVENT_KEYS and value and not talk.conference:
                talk.conference = value
            elif key in _DATE_KEYS and value and not self.doc.date and not talk.heading:
                self.doc.date = value  # the date of a one-talk post
        if not flat.links:
            return
        before_sections = not talk.sections
        link_only = _only_a_link(flat)
        lines = flat.text.split("\n")
        starts = [0]
        for x in lines[:-1]:
            starts.append(starts[-1] + len(x) + 1)
        # Links by line, and each line with its links' texts blanked, computed once: linear however
        # many links a paragraph holds (a per-link scan of every link was quadratic).
        on_line: dict[int, list[_InlineLink]] = {}
        for other in flat.links:
            on_line.setdefault(bisect.bisect_right(starts, other.offset) - 1, []).append(other)
        bare_of: dict[int, str] = {}
        for lk in flat.links:
            host = _host(lk.url)
            n = bisect.bisect_right(starts, lk.offset) - 1
            line_text = lines[n]
            # "Video: <url>", "Watch - [here](url)": a label before the link; a line that is only links
            label = line_text[: lk.offset - starts[n]]
            if n not in bare_of:
                parts, pos = [], 0
                for other in on_line[n]:
                    begin = other.offset - starts[n]
                    if begin >= pos:
                        parts.append(line_text[pos:begin])
                    pos = max(pos, begin + len(other.text))
                parts.append(line_text[pos:])
                bare_of[n] = _trim_decor(" ".join(parts))  # "🎥 <url>": an emoji is no words
            bare_words = bare_of[n]
            label_words = label.strip(" *_:-–—|([").strip()
            short_label = bool(label_words) and len(label_words.split(maxsplit=3)) <= 3
            labelled_video = short_label and bool(_VIDEO_TEXT.match(label_words))
            labelled_slides = short_label and bool(_SLIDES_TEXT.match(label_words))
            line_only = not bare_words or (bare_words == label_words and (labelled_video or labelled_slides))
            if talk.video is None and before_sections and (
                _VIDEO_TEXT.match(lk.text) or labelled_video
                or ((link_only or line_only) and host.endswith(_VIDEO_HOSTS))
            ):
                talk.video = lk.url
            elif talk.slides is None and (
                _SLIDES_TEXT.match(lk.text) or host.endswith(_SLIDE_HOSTS) or (labelled_slides and not labelled_video)
            ):
                talk.slides = lk.url

    def code_metadata(self, raw: str, line0: int) -> bool:
        """An indented/fenced block of ``Key: value`` lines naming a talk's speaker, event, date: metadata."""
        talk = self.talk or self.pre_talk
        if talk is None:
            return False
        rows = [x for x in raw.split("\n") if x.strip()]
        if not rows or len(rows) > 30 or not all(_KV_LINE.match(x) for x in rows):
            return False
        texts = [re.sub(r"^[*_]{1,2}([^*_]+?)[*_]{1,2}\s*:", r"\1:", x.strip()) for x in raw.split("\n")]
        if not any(_META_RE.match(x) for x in texts):
            return False
        text = "\n".join(texts)
        links = [_InlineLink(m.group(0), m.group(0), m.start()) for m in _BARE_URL.finditer(text)]
        self.metadata(_Inline(text, links), line0, talk)
        return True

    def links(self, flat: _Inline, line0: int) -> None:
        if not flat.links:
            return
        lines = flat.text.split("\n")  # once, not per link: many links in one paragraph stay linear
        starts = [0]
        for x in lines[:-1]:
            starts.append(starts[-1] + len(x) + 1)
        ctx_of: dict[int, str] = {}
        for lk in flat.links:
            n = bisect.bisect_right(starts, lk.offset) - 1
            line = self._verify_line(lk.url, line0 + n, line0, line0 + len(lines) - 1)
            text = _one_line(lk.text) or lk.url
            if n not in ctx_of:
                ctx_of[n] = _one_line(lines[n])
            self.doc.links.append(Link(text, lk.url, ctx_of[n], self.path(), self.file, line,
                                       self.day.number if self.day else None,
                                       self.talk.title if self.talk else None))
            self.add_entry("link", text, line, [lk.url])

    def _verify_line(self, needle: str, line: int, first: int, last: int) -> int:
        """The computed line, or the line of the block that really holds ``needle``."""
        lines = self.lines
        if not needle or 0 < line <= len(lines) and needle in lines[line - 1]:
            return line
        for n in range(max(first, 1), min(last, len(lines)) + 1):
            if needle in lines[n - 1]:
                return n
        return line

    def list(self, tok: dict[str, Any], context: list[str], lead_in: str | None = None) -> None:
        """Bullets, each with its context: the paragraph that leads into the list, parent bullets."""
        lead = [lead_in] if lead_in and len(lead_in) <= 200 else []
        announce_list = not context and (
            self.in_announce_list or bool(lead_in and _ANNOUNCE_LEAD_IN.match(lead_in))
        )
        # Iterative over nesting depth: (items iterator, context) frames.
        stack: list[tuple[Iterator[dict[str, Any]], list[str]]] = [(iter(tok.get("children") or []), context + lead)]
        item_talks = 0
        while stack:
            item = next(stack[-1][0], None)
            if item is None:
                stack.pop()
                continue
            ctx = stack[-1][1]
            children = item.get("children") or []
            if len(children) != 1:
                children = [c for c in children if c.get("type") != "blank_line"]
            elif children[0].get("type") == "blank_line":
                children = []
            head = children[0] if children and children[0].get("type") in ("block_text", "paragraph") else None
            text = ""
            if head is not None:
                flat = flatten(head.get("children"))
                text = flat.text.strip("\n")
                line0 = head["line"]
                if len(stack) == 1 and not context and self.plan.roles and self.inner_talk(line0):
                    item_talks += 1
                entry = self.add_entry("bullet", text, line0, ctx)
                if flat.links:
                    self.links(flat, line0)
                top = len(stack) == 1
                low = text.lower()
                if (self.in_watch and not ctx) or (announce_list and top) or "launch" in low or "announc" in low:
                    # (else it is no announcement: see _announce_match)
                    self.list_item_roles(flat, text, line0, children[1:], ctx, entry.path, announce_list and top)
                if self.talk is not None and not context and top and (
                    _META_RE.match(text.split("\n")[0].strip())
                    or _only_a_link(flat)
                ):
                    self.metadata(flat, line0)  # "* Speaker: Jane Doe", "* [Slides](url)" as a talk's bullets
                rest = children[1:]
            else:
                rest = children
            if rest:
                sub_ctx = ctx + ([_one_line(text)] if text else [])
                nested = [c for c in rest if c.get("type") == "list"]
                others = [c for c in rest if c.get("type") != "list"]
                if others:
                    self.blocks(others, sub_ctx)
                for lst in reversed(nested):
                    stack.append((iter(lst.get("children") or []), sub_ctx))
        if item_talks:  # the list's items were talks: what follows the list is none of theirs
            while self.stack and self.stack[-1].role == "talk" and self.stack[-1].line >= tok["line"]:
                self.stack.pop()
            self._path = [h.title for h in self.stack]
            self.talk = None

    def list_item_roles(self, flat: _Inline, text: str, line0: int, rest: list[dict[str, Any]],
                        ctx: list[str], path: list[str], in_announce_list: bool) -> None:
        if self.in_watch and not ctx:
            self.watch_item(flat, text, line0)
        m = _announce_match(text.split("\n")[0])
        if m or in_announce_list:
            if m is None:
                m = re.match(r"", text)
            ann = self.announcement(text.split("\n")[0], m, flat, 0, line0, path)
            ann.details += [_detail(x) for x in text.split("\n")[1:] if x.strip()]
            ann.details += _list_texts(rest)

    def watch_item(self, flat: _Inline, text: str, line0: int) -> None:
        plain = _one_line(text)
        video = None
        for lk in flat.links:
            if _VIDEO_TEXT.match(lk.text) or _host(lk.url).endswith(_VIDEO_HOSTS):
                video = lk.url
                break
            plain = plain.replace(lk.text, "")
        plain = re.sub(r"\(\s*(?:video|recording|slides)?\s*\)\S*$", "", plain.replace("()", ""), flags=re.I)
        for lk in flat.links:
            plain = plain.replace(f"({lk.text})", "").replace(lk.text, "")
        plain = re.sub(r"\(\s*\)\S*\s*$", "", plain).strip(" -–—")
        code, title, _ = split_talk_heading(plain)
        self.doc.watchlist.append(WatchItem(code, title.strip() or plain, video, self.file, line0))

    # announcements
    def announcement(self, line_text: str, m: re.Match[str], flat: _Inline, offset: int, line: int,
                     path: list[str]) -> Announcement:
        start = offset + m.end()
        rest_text = line_text[m.end():]
        name, url, extra = "", None, ""
        i = bisect.bisect_left(flat.links, start, key=lambda lk: lk.offset)  # links are in offset order
        first_link = flat.links[i] if i < len(flat.links) and flat.links[i].offset < offset + len(line_text) else None
        between = line_text[m.end(): first_link.offset - offset] if first_link else ""
        around = flat.links[i - 1] if i > 0 else None  # "[Announcing X](url)": the words are the link's
        if around and around.offset <= offset + m.start() < around.offset + len(around.text):
            end = around.offset - offset + len(around.text)
            name, extra = _split_name(line_text[m.end():end])
            url, extra = around.url, extra + line_text[end:]
        elif first_link and not between.strip() and first_link.text.strip() and not _GENERIC_LINK.match(first_link.text):
            name, url = _one_line(first_link.text), first_link.url
            extra = line_text[first_link.offset - offset + len(first_link.text):]
        else:
            plain = rest_text
            if first_link:
                url = first_link.url
                cut = first_link.offset - offset
                head = line_text[m.end():cut]
                if head.rstrip().endswith("(") or not head.strip():  # "Name ([blog](url))"
                    plain = head.rstrip().rstrip("(")
            name, extra = _split_name(plain)
        name = _strip_name(name)
        if not name:
            name = self._name_from_context(url)
        ann = Announcement(
            name=name, url=url, day=self.day.number if self.day else None,
            talk=self.talk.title if self.talk else None, section=self.section,
            details=[], file=self.file, line=line, path=list(path),
        )
        extra = extra.strip(" :-–—,()")
        if extra:
            ann.details.append(_detail(extra))
        self.doc.announcements.append(ann)
        self.add_entry("announcement", name, line, [_one_line(line_text)])
        return ann

    def _name_from_context(self, url: str | None) -> str:
        if self.last_lead_in:
            lead = _FILLER.sub("", self.last_lead_in.rstrip(":").strip())
            if lead and len(lead) <= 60:
                return lead
        if url:
            slug = [w for w in re.split(r"[-_/.]+", urlsplit(url).path) if w.isalpha() and w not in ("blogs", "aws", "html")]
            if slug:
                return " ".join(slug[:4]).title()
        return self.section or (self.talk.title if self.talk else "announcement")

    def details_from_following(self, ann: Announcement, following: list[dict[str, Any]]) -> None:
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
            if len(lines) == 1 and after is not None and after.get("type") in ("paragraph", "block_text"):
                if _announce_match(flatten(after.get("children")).text.split("\n")[0]):
                    return  # the lead-in of the next announcement
            ann.details += [_detail(x) for x in lines]

    def finish(self) -> Document:
        # A talk's notes run to the next heading at its level or above.
        heads = sorted(self.headings)
        last_line = len(self.lines)
        while last_line > 1 and not self.lines[last_line - 1].strip():
            last_line -= 1
        # For each heading, the line before the next heading at its level or above (one pass with a
        # stack: a scan of all headings per talk was quadratic).
        end_of: dict[int, int] = {}
        open_heads: list[tuple[int, int]] = []
        for ln, lv in heads:
            while open_heads and open_heads[-1][1] >= lv:
                end_of.setdefault(open_heads.pop()[0], ln - 1)
            open_heads.append((ln, lv))
        for talk in self.doc.talks:
            end = end_of.get(talk.line, last_line)
            while end > talk.line and not self.lines[end - 1].strip():
                end -= 1
            talk.end_line = end
        return self.doc
