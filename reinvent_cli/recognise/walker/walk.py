"""The walk over the AST: block handlers, chosen from a table by token type, that build the Document."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from typing import Any

from reinvent_cli.model import Day, Document, Entry, Speaker, Talk, WatchItem
from reinvent_cli.read.source import Source
from reinvent_cli.recognise.document.layout import Plan
from reinvent_cli.recognise.launch.launch_find import LaunchFinder, Level, hooked, line_launch
from reinvent_cli.recognise.talk.candidates import lines_of
from reinvent_cli.recognise.talk.evidence import one_keynote
from reinvent_cli.recognise.talk.media import VIDEO_TEXT, video_in_text, video_url
from reinvent_cli.recognise.talk.names import is_person
from reinvent_cli.recognise.talk.reasons import Evidence
from reinvent_cli.recognise.talk.roles import RoleKind
from reinvent_cli.recognise.talk.speakers import speaker_label
from reinvent_cli.recognise.talk.talks import split_talk_heading
from reinvent_cli.recognise.text.inline import (
    FlatInline,
    ListItem,
    flat_of,
    list_items,
    one_line,
    only_a_link,
    words_of_html,
)
from reinvent_cli.recognise.text.meta_lines import META_LINE
from reinvent_cli.recognise.walker.headings import close_item_talks, inner_talk, on_heading
from reinvent_cli.recognise.walker.links import add_links
from reinvent_cli.recognise.walker.state import WalkState, finish, new_state
from reinvent_cli.recognise.walker.table_walk import walk_table
from reinvent_cli.recognise.walker.talkmeta import block_after, code_metadata, look_for_speakers, metadata, raw_lines

Block = dict[str, Any]


class _Walker:
    """Walks the block tokens in order; all it knows is in ``self.st`` (a WalkState)."""

    def __init__(self, src: Source) -> None:
        self.st: WalkState = new_state(src)
        # The announcement pass, hooked into this traversal (recognise/launch/launch_find.py): None in other notes.
        self.launches: LaunchFinder | None = None
        self.depth = 0  # how deep in lists and quotes the blocks walked are (0: the file's top level)

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
        if self.launches is not None:
            self.launches.heading(tokens[i], self.depth == 0)

    def on_paragraph(self, tokens: list[Block], i: int, context: list[str]) -> None:
        following = tokens[i + 1 : i + 3]  # 2 suffice (a slice to the end: quadratic)
        self.paragraph(tokens[i], following, context)
        if self.launches is not None:
            self.launches.ordered_scope = False
            self.launches.paragraph(tokens[i], following, context)

    def on_list(self, tokens: list[Block], i: int, context: list[str]) -> None:
        prev = tokens[i - 1] if i else None
        lead = None
        if prev is not None and prev.get("type") in ("paragraph", "block_text"):
            lead = one_line(flat_of(prev).text)
        level = None
        if self.launches is not None:
            level = self.launches.list_block_hook(tokens[i], context, lead, prev, self.depth == 0)
        self.bullets(tokens[i], context, lead, level)

    def on_quote(self, tokens: list[Block], i: int, context: list[str]) -> None:
        self.depth += 1
        self.blocks(tokens[i].get("children") or [], context)
        self.depth -= 1

    def on_html(self, tokens: list[Block], i: int, context: list[str]) -> None:
        """"<!-- TODO ... -->", "<div>text</div>": its words are notes too; an <iframe> a talk's video."""
        tok, st = tokens[i], self.st
        raw = str(tok.get("raw", ""))
        words = words_of_html(raw)
        if "&" in words:
            words = html.unescape(words)  # "caf&eacute;": the character, as in any other text
        text = "\n".join(" ".join(x.split()) for x in words.split("\n"))
        lead = len(text) - len(text.lstrip("\n"))
        if text.strip():
            st.add_entry("paragraph", text.strip("\n"), tok["line"] + lead, context)
        if st.talk is not None and st.talk.video is None and not st.talk.sections and not context:
            st.talk.video = video_in_text(raw)

    def on_table(self, tokens: list[Block], i: int, context: list[str]) -> None:
        walk_table(self.st, tokens[i], context)  # rows as entries; a schedule's rows as talks (recognise/talk/tables.py)
        if self.launches is not None:
            self.launches.table(tokens[i], context)  # a table of launches (recognise/launch/launch_table.py)

    def on_code(self, tokens: list[Block], i: int, context: list[str]) -> None:
        tok, st = tokens[i], self.st
        raw = str(tok.get("raw", "")).rstrip("\n")
        if raw.strip():
            first = tok["line"] + (1 if tok.get("style") == "fenced" else 0)
            st.add_entry("code", raw, first, context)
            # (a block of "Speaker: X" lines indented or fenced bare is the talk's metadata; code in a named
            # language -- ```yaml, ```ts -- is code, never structure)
            info = str((tok.get("attrs") or {}).get("info") or "").strip()
            if not info and not context and (st.talk is not None or (st.day is None and not st.doc.talks)):
                code_metadata(st, raw)

    def paragraph(self, tok: Block, following: list[Block], context: list[str]) -> None:
        flat = flat_of(tok)
        text = flat.text.strip("\n")
        if not text.strip():
            return
        st = self.st
        line0 = tok["line"]
        if not context and st.plan.roles:
            if "\n" in text and self._talk_lines(tok, line0, text.count("\n")):
                return
            inner_talk(st, line0)
        st.add_entry("paragraph", text, line0, context)
        if flat.links:
            add_links(st, flat, line0)
        if st.talk is not None and not context:
            metadata(st, flat, st.talk)
            self.speaker_block(line0, following, st.talk)
        elif st.talk is not None and st.speaker_look > 0:  # a talk in an outline (Logseq): its lines nest
            self.speaker_block(line0, following, st.talk)
        elif st.pre_talk is not None and not context and st.day is None and not st.doc.talks:
            metadata(st, flat, st.pre_talk)
            self.speaker_block(line0, following, st.pre_talk)

    def _talk_lines(self, tok: Block, line0: int, more: int) -> bool:
        """A paragraph whose later lines the reading made talks ("14:00 Title — Name" under each other): each line
        walked as a paragraph of its own, so that each talk opens at its line. False: no such line."""
        roles = self.st.plan.roles
        if not any((r := roles.get(line0 + k)) is not None and r.kind is RoleKind.TALK for k in range(1, more + 1)):
            return False
        parts = [{"type": "paragraph", "line": at, "children": children} for children, at in lines_of(tok)]
        for n, part in enumerate(parts):
            self.paragraph(part, parts[n + 1:n + 3], [])
        return True

    def speaker_block(self, line: int, following: list[Block], talk: Talk) -> None:
        """A paragraph right after a talk's line may name its speakers ("Speakers:" + the list under it)."""
        st = self.st
        if id(talk) in st.speaker_seen:
            return
        if st.speaker_look <= 0:
            if talk is not st.pre_talk or st.headings or not (following and following[0].get("type") == "list"):
                return
            st.speaker_look = 1  # "Speakers:" over a list before any heading: a one-talk post's speakers
        raw = block_after(st, line, talk, 12, False)
        if following and following[0].get("type") == "list" and speaker_label(raw):
            start = int(following[0].get("line") or 0)
            if not start:  # (a list after a blank line may come without its line: the first text line after)
                start = line + raw.count("\n") + 1
                while start <= len(st.lines) and not st.lines[start - 1].strip():
                    start += 1
            raw += "\n" + raw_lines(st, start, 24)
        look_for_speakers(st, raw, talk)

    def bullets(self, tok: Block, context: list[str], lead_in: str | None = None, level: Level | None = None) -> None:
        """Bullets, each with its context: the paragraph that leads into the list, parent bullets. (``level``:
        the hooked announcement pass's reading of the list, when it is on.)"""
        lead = [lead_in] if lead_in and len(lead_in) <= 200 else []
        launches = self.launches
        # Iterative over nesting depth: (items iterator, context, the announcement pass's level) frames.
        stack: list[tuple[Iterator[ListItem], list[str], Level | None]] = [
            (iter(list_items(tok)), context + lead, level)]
        item_talks: list[int] = []  # lines of the items that were talks
        while stack:
            item = next(stack[-1][0], None)
            if item is None:
                stack.pop()
                continue
            _, ctx, level = stack[-1]
            top = len(stack) == 1
            children, head, flat, text = item
            rest = children
            label = False
            if head is not None and flat is not None:
                if not context and self.st.plan.roles:
                    if inner_talk(self.st, head["line"]):
                        item_talks.append(head["line"])
                    elif top and item_talks:  # an item after talk items that is none: theirs no more
                        close_item_talks(self.st, item_talks[0])
                self.list_item(head, flat, text, ctx, top and not context)
                if launches is not None and level is not None:
                    label = launches.item(level, children, head, flat, text, top and not context)
                rest = children[1:]
            if rest:
                sub_ctx = ctx + ([one_line(text)] if text else [])
                others = [c for c in rest if c.get("type") != "list"]
                if others:
                    self.depth += 1
                    self.blocks(others, sub_ctx)
                    self.depth -= 1
                for n in reversed([n for n, c in enumerate(rest) if c.get("type") == "list"]):
                    sub = None
                    if launches is not None:
                        sub = launches.level(rest[n], launches.nested(label, rest, n))
                    stack.append((iter(list_items(rest[n])), sub_ctx, sub))
        if item_talks:
            close_item_talks(self.st, item_talks[0])

    def list_item(self, head: Block, flat: FlatInline, text: str, ctx: list[str], top: bool) -> None:
        """One bullet (``text``: its first block's, ``flat`` flattened): its entry, its links, its role (a
        watch-list item, a talk's metadata)."""
        st = self.st
        line0 = head["line"]
        st.add_entry("bullet", text, line0, ctx)
        if flat.links:
            add_links(st, flat, line0)
        if st.in_watch and not ctx:
            self.watch_item(flat, text, line0)
        if st.talk is not None and top and (META_LINE.match(text.split("\n")[0].strip()) or only_a_link(flat)):
            metadata(st, flat, st.talk)  # "* Speaker: Jane Doe", "* [Slides](url)" as a talk's bullets
        if top and st.speaker_look > 0:
            talk = st.talk or (st.pre_talk if not st.doc.talks else None)
            look_for_speakers(st, block_after(st, line0, talk, 4, True), talk)
        if top and st.talk is not None and _is_keynote(st, st.talk) and _has_strong(head):
            keynote_speakers(st, st.talk, head)

    def watch_item(self, flat: FlatInline, text: str, line0: int) -> None:
        plain = one_line(text)
        video = None
        for lk in flat.links:
            if VIDEO_TEXT.match(lk.text) or video_url(lk.url):
                video = lk.url
                break
            plain = plain.replace(lk.text, "")
        plain = re.sub(r"\(\s*(?:video|recording|slides)?\s*\)\S*$", "", plain.replace("()", ""), flags=re.IGNORECASE)
        for lk in flat.links:
            plain = plain.replace(f"({lk.text})", "").replace(lk.text, "")
        plain = re.sub(r"\(\s*\)\S*\s*$", "", plain).strip(" -–—")
        code, title, _ = split_talk_heading(plain)
        self.doc.watchlist.append(WatchItem(code, title.strip() or plain, video, self.file, line0))

def keynote_speakers(st: WalkState, talk: Talk, head: Block) -> None:
    """A keynote's bullets name its speakers in bold: "**Satya Nadella** opened with ...", "guests included
    **Sam Altman (OpenAI CEO)**" (a person's name only: "**Azure AI Foundry**" is none; not when a line
    named its speakers; not a launch's line; not a name that opens with a word of the event's name, as
    products do: "**Nimbus Forge**" at "Nimbus Summit")."""
    source = st.speaker_from.get(talk.line)
    if source is not None and source.kind is not Evidence.FROM_BOLD_NAMES:
        return
    brand = {w.casefold() for w in (talk.conference or st.doc.title or "").split()[:1]}
    found: list[Speaker] = []
    for child in head.get("children") or []:
        if child.get("type") != "strong":
            continue
        text = one_line(flat_of(child).text).strip(" ,.:;")
        text = _POSSESSIVE.sub("", text)
        name, _, org = text.partition("(")
        name = name.strip()
        if not is_person(name) or any(s.name == name for s in [*talk.speakers, *found]) \
                or name.split()[0].casefold() in brand:
            continue
        found.append(Speaker(name, org.rstrip(")").strip() or None))
    if found and line_launch(one_line(flat_of(head).text)) is None:  # (not a launch's line; looked at last)
        talk.speakers.extend(found)
        st.speaker_from[talk.line] = Evidence.FROM_BOLD_NAMES.of()


def _has_strong(head: Block) -> bool:
    return any(c.get("type") == "strong" for c in head.get("children") or [])


def _is_keynote(st: WalkState, talk: Talk) -> bool:
    """Whether the talk is a keynote (asked once per talk, not per bullet)."""
    if st.keynote is None or st.keynote[0] is not talk:
        st.keynote = (talk, one_keynote(talk.title))
    return st.keynote[1]


_POSSESSIVE = re.compile(r"['’]s$")


_HANDLERS: dict[str, Callable[[_Walker, list[Block], int, list[str]], None]] = {
    "heading": _Walker.on_heading,
    "paragraph": _Walker.on_paragraph,
    "block_text": _Walker.on_paragraph,
    "list": _Walker.on_list,
    "block_quote": _Walker.on_quote,
    "block_html": _Walker.on_html,
    "block_code": _Walker.on_code,
    "table": _Walker.on_table,
}


def walk(src: Source, tokens: list[Block], plan: Plan, title: str | None = None,
         launches: bool = False) -> tuple[Document, WalkState]:
    """The Document of a file's tokens, read as ``plan`` says (``title``: the notes' title when the front
    matter names none), with its announcements if ``launches`` (the announcement pass hooked into the
    walk's traversal); and the walk's final state."""
    walker = _Walker(src)
    walker.st.plan = plan
    if walker.st.doc.title is None and title is not None:
        walker.st.doc.title = title
    if launches:
        walker.launches = hooked(walker.st.doc, plan.decision is not None and plan.decision.recap)
    walker.blocks(tokens, [])
    doc = finish(walker.st)
    if walker.launches is not None:
        walker.launches.finish(tokens, walker.st.legend_lines)
        walker.st.launch_rules = walker.launches.found_by
    return doc, walker.st
