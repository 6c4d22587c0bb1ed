"""The walk over the AST: block handlers, chosen from a table by token type, that build the Document."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

from reinvent_cli.lexicon import _VIDEO_HOSTS
from reinvent_cli.model import Announcement, Day, Document, Entry, Talk, WatchItem
from reinvent_cli.read.source import Source
from reinvent_cli.recognise.headings import close_item_talks, inner_talk, on_heading
from reinvent_cli.recognise.inline import (
    _host,
    _html_text,
    _Inline,
    _one_line,
    _only_a_link,
    flatten,
)
from reinvent_cli.recognise.launches import (
    _ANNOUNCE_LEAD_IN,
    _FILLER,
    _announce_match,
    _detail,
    _list_texts,
    _split_name,
    _strip_name,
)
from reinvent_cli.recognise.layout import Plan
from reinvent_cli.recognise.links import add_links
from reinvent_cli.recognise.media import _GENERIC_LINK, _VIDEO_TEXT, video_in_text
from reinvent_cli.recognise.meta import _META_RE
from reinvent_cli.recognise.state import WalkState, finish, new_state
from reinvent_cli.recognise.talkmeta import code_metadata, metadata
from reinvent_cli.recognise.talks import split_talk_heading

Block = dict[str, Any]


class _Walker:
    """Walks the block tokens in order; all it knows is in ``self.st`` (a WalkState)."""

    def __init__(self, src: Source) -> None:
        self.st: WalkState = new_state(src)

    # The state the announcement rules read (they keep their names until they move to launches.py).
    @property
    def doc(self) -> Document:
        return self.st.doc

    @property
    def file(self) -> str:
        return self.st.file

    @property
    def day(self) -> Day | None:
        return self.st.day

    @property
    def talk(self) -> Talk | None:
        return self.st.talk

    @property
    def section(self) -> str | None:
        return self.st.section

    @property
    def last_lead_in(self) -> str | None:
        return self.st.last_lead_in

    @property
    def in_watch(self) -> bool:
        return self.st.in_watch

    def add_entry(self, kind: str, text: str, line: int, context: list[str] | None = None) -> Entry:
        return self.st.add_entry(kind, text, line, context)

    # blocks
    def blocks(self, tokens: list[Block], context: list[str]) -> None:
        tokens = [t for t in tokens if t.get("type") not in ("blank_line", "thematic_break")]
        for i, tok in enumerate(tokens):
            handler = _HANDLERS.get(str(tok.get("type")))
            if handler is not None:
                handler(self, tokens, i, context)

    def on_heading(self, tokens: list[Block], i: int, context: list[str]) -> None:
        on_heading(self.st, tokens[i])

    def on_paragraph(self, tokens: list[Block], i: int, context: list[str]) -> None:
        self.paragraph(tokens[i], tokens[i + 1 : i + 3], context)  # 2 suffice (a slice to the end: quadratic)

    def on_list(self, tokens: list[Block], i: int, context: list[str]) -> None:
        prev = tokens[i - 1] if i else None
        lead = None
        if prev is not None and prev.get("type") in ("paragraph", "block_text"):
            lead = _one_line(flatten(prev.get("children")).text)
        self.bullets(tokens[i], context, lead)

    def on_quote(self, tokens: list[Block], i: int, context: list[str]) -> None:
        self.blocks(tokens[i].get("children") or [], context)

    def on_html(self, tokens: list[Block], i: int, context: list[str]) -> None:
        """"<!-- TODO ... -->", "<div>text</div>": its words are notes too; an <iframe> a talk's video."""
        tok, st = tokens[i], self.st
        raw = str(tok.get("raw", ""))
        text = "\n".join(" ".join(x.split()) for x in _html_text(raw).split("\n"))
        lead = len(text) - len(text.lstrip("\n"))
        if text.strip():
            st.add_entry("paragraph", text.strip("\n"), tok["line"] + lead, context)
        if st.talk is not None and st.talk.video is None and not st.talk.sections and not context:
            st.talk.video = video_in_text(raw)

    def on_code(self, tokens: list[Block], i: int, context: list[str]) -> None:
        tok, st = tokens[i], self.st
        raw = str(tok.get("raw", "")).rstrip("\n")
        if raw.strip():
            first = tok["line"] + (1 if tok.get("style") == "fenced" else 0)
            st.add_entry("code", raw, first, context)
            if not context and (st.talk is not None or (st.day is None and not st.doc.talks)):
                code_metadata(st, raw)

    def paragraph(self, tok: Block, following: list[Block], context: list[str]) -> None:
        flat = flatten(tok.get("children"))
        text = flat.text.strip("\n")
        if not text.strip():
            return
        st = self.st
        line0 = tok["line"]
        if not context and st.plan.roles:
            inner_talk(st, line0)
        entry = st.add_entry("paragraph", text, line0, context)
        if flat.links:
            add_links(st, flat, line0)
        if st.talk is not None and not context:
            metadata(st, flat, st.talk)
        elif st.pre_talk is not None and not context and st.day is None and not st.doc.talks:
            metadata(st, flat, st.pre_talk)
        low = text.lower()
        if "announc" not in low and "launch" not in low:  # no line is an announcement (see _announce_match)
            if text.rstrip().endswith(":"):
                st.last_lead_in = _one_line(text)
            return
        self.paragraph_launches(flat, text, line0, entry.path, following, context)

    def paragraph_launches(self, flat: _Inline, text: str, line0: int, path: list[str], following: list[Block],
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
                ann = self.announcement(line_text, m, flat, offset, line0 + n, path)
                if n < last_text:  # details on the following lines of the same paragraph
                    end = next((i for i in range(n + 1, len(lines)) if matches[i]), len(lines))
                    ann.details += [_detail(x) for x in lines[n + 1 : end] if x.strip()]
                elif n == len(lines) - 1 and not context:
                    self.details_from_following(ann, following)
            offset += len(line_text) + 1
        if text.rstrip().endswith(":"):
            self.st.last_lead_in = _one_line(text)


    def bullets(self, tok: Block, context: list[str], lead_in: str | None = None) -> None:
        """Bullets, each with its context: the paragraph that leads into the list, parent bullets."""
        lead = [lead_in] if lead_in and len(lead_in) <= 200 else []
        announce_list = not context and (
            self.st.in_announce_list or bool(lead_in and _ANNOUNCE_LEAD_IN.match(lead_in))
        )
        # Iterative over nesting depth: (items iterator, context) frames.
        stack: list[tuple[Iterator[Block], list[str]]] = [(iter(tok.get("children") or []), context + lead)]
        item_talks = 0
        while stack:
            item = next(stack[-1][0], None)
            if item is None:
                stack.pop()
                continue
            ctx = stack[-1][1]
            top = len(stack) == 1
            children = item.get("children") or []
            if len(children) != 1:
                children = [c for c in children if c.get("type") != "blank_line"]
            elif children[0].get("type") == "blank_line":
                children = []
            head = children[0] if children and children[0].get("type") in ("block_text", "paragraph") else None
            text = ""
            rest = children
            if head is not None:
                if top and not context and self.st.plan.roles and inner_talk(self.st, head["line"]):
                    item_talks += 1
                text = self.list_item(head, children[1:], ctx, top and not context, announce_list and top)
                rest = children[1:]
            if rest:
                sub_ctx = ctx + ([_one_line(text)] if text else [])
                nested = [c for c in rest if c.get("type") == "list"]
                others = [c for c in rest if c.get("type") != "list"]
                if others:
                    self.blocks(others, sub_ctx)
                for lst in reversed(nested):
                    stack.append((iter(lst.get("children") or []), sub_ctx))
        if item_talks:
            close_item_talks(self.st, tok["line"])

    def list_item(self, head: Block, rest: list[Block], ctx: list[str], top: bool, announce_list: bool) -> str:
        """One bullet: its entry, its links, its role (a watch-list item, a launch, a talk's metadata)."""
        st = self.st
        flat = flatten(head.get("children"))
        text = flat.text.strip("\n")
        line0 = head["line"]
        entry = st.add_entry("bullet", text, line0, ctx)
        if flat.links:
            add_links(st, flat, line0)
        low = text.lower()
        if (st.in_watch and not ctx) or announce_list or "launch" in low or "announc" in low:
            # (else it is no announcement: see _announce_match)
            self.list_item_roles(flat, text, line0, rest, ctx, entry.path, announce_list)
        if st.talk is not None and top and (_META_RE.match(text.split("\n")[0].strip()) or _only_a_link(flat)):
            metadata(st, flat, st.talk)  # "* Speaker: Jane Doe", "* [Slides](url)" as a talk's bullets
        return text

    def list_item_roles(self, flat: _Inline, text: str, line0: int, rest: list[dict[str, Any]],
                        ctx: list[str], path: list[str], in_announce_list: bool) -> None:
        if self.in_watch and not ctx:
            self.watch_item(flat, text, line0)
        m = _announce_match(text.split("\n")[0])
        if m or in_announce_list:
            if m is None:
                m = re.match(r"", text)
            assert m is not None  # ("" matches any text)
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
        plain = re.sub(r"\(\s*(?:video|recording|slides)?\s*\)\S*$", "", plain.replace("()", ""), flags=re.IGNORECASE)
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
            if len(lines) == 1 and after is not None and after.get("type") in ("paragraph", "block_text"):  # noqa: SIM102
                if _announce_match(flatten(after.get("children")).text.split("\n")[0]):
                    return  # the lead-in of the next announcement
            ann.details += [_detail(x) for x in lines]


_HANDLERS: dict[str, Callable[[_Walker, list[Block], int, list[str]], None]] = {
    "heading": _Walker.on_heading,
    "paragraph": _Walker.on_paragraph,
    "block_text": _Walker.on_paragraph,
    "list": _Walker.on_list,
    "block_quote": _Walker.on_quote,
    "block_html": _Walker.on_html,
    "block_code": _Walker.on_code,
}


def walk(src: Source, tokens: list[Block], plan: Plan, title: str | None = None) -> tuple[Document, WalkState]:
    """The Document of a file's tokens, read as ``plan`` says (``title``: the notes' title when the front
    matter names none); and the walk's final state."""
    walker = _Walker(src)
    walker.st.plan = plan
    if walker.st.doc.title is None and title is not None:
        walker.st.doc.title = title
    walker.blocks(tokens, [])
    return finish(walker.st), walker.st
