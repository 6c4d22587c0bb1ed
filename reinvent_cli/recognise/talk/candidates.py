"""Talk candidates that are no headings: bold lead lines and schedule list items, with their evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reinvent_cli.recognise.talk.evidence import (
    block_evidence,
    group_word,
    names_sessions,
    not_talk,
    title_evidence,
)
from reinvent_cli.recognise.talk.labelled_talks import topic_title
from reinvent_cli.recognise.talk.list_talks import (
    QUOTED_LEAD,
    dash_named,
    item_of_blocks,
    lead_people,
    name_then_linked_title,
    people_named,
    presented,
    separated_named,
    talk_label,
)
from reinvent_cli.recognise.talk.media import SLIDES_TEXT, VIDEO_TEXT, article_page, session_page, video_url
from reinvent_cli.recognise.talk.names import is_person, surely_person
from reinvent_cli.recognise.talk.reasons import TIMED, WHO_GAVE_IT, Evidence, Fact, has
from reinvent_cli.recognise.talk.roles import Role, RoleKind
from reinvent_cli.recognise.talk.speakers import names_a_role
from reinvent_cli.recognise.talk.talks import has_talk_label, strip_time
from reinvent_cli.recognise.talk.watch_heading import READING_LEAD, WATCH_HEADING
from reinvent_cli.recognise.text.inline import FlatInline, flat_of, flatten, one_line, trim_decor
from reinvent_cli.recognise.text.patterns import LEAD_TIME as _LEAD_TIME  # ("09:30-10:15: ": text/patterns.py)
from reinvent_cli.recognise.text.patterns import pattern
from reinvent_cli.recognise.text.rules import RuleTable, first_answer

# After a title: "by Jane Roe", "von Name", "- Name", "with A and B" (a capitalised word follows).
_BY = pattern(r"^\s*[,.]?\s*(?:by|von|with|mit|de|par|por|presented by|-|–|—|--|——)\s*(?:by\s+)?"
                 r"(?=[\[*_]*(?-i:[A-ZÀ-Þ]|[^\x00-\u024f\s]))", re.IGNORECASE)
_BR = pattern(r"^<br\s*/?>$", re.IGNORECASE)  # an HTML line break ends a bold lead's line
_EMOJI_CODE = pattern(r":[\w+-]+:")  # ":microphone:"
_SENTENCE_END = pattern(r"(?<![A-Z])\.\s+(?=[A-Z])|\.$")


def bold_lead(tok: dict[str, Any]) -> tuple[str, str] | None:
    """(bold text, the rest of its line) of a paragraph that opens with a bold span; None."""
    children = tok.get("children") or []
    if len(children) > 1 and children[0].get("type") == "text" and _LEAD_TIME.match(children[0].get("raw", "")):
        children = children[1:]  # "14:30-1455: **Title**": a schedule's time before the bold title
    if tok.get("type") != "paragraph" or not children or children[0].get("type") != "strong":
        return None
    title = flat_of(children[0]).text
    rest: list[dict[str, Any]] = []
    for child in children[1:]:
        if child.get("type") in ("softbreak", "linebreak") or _BR.match(str(child.get("raw", ""))):
            break
        rest.append(child)
    return one_line(title), one_line(flatten(rest).text)


def bold_candidates(blocks: list[dict[str, Any]], level: int, forced: bool, alone: bool = False) -> list[Role]:
    """Bold lead lines that are talks: ``**Title** by Name``, ``**“Title” von Name**`` and a video under
    it, ``**C. Keynote: Jane Roe**``; two or more alike in one part of the file (or the layout says so)."""
    found: list[Role] = []
    for n, tok in enumerate(blocks):
        lead = bold_lead(tok)
        if lead is None:
            continue
        title, rest = lead
        if rest[:1] in ":：" and surely_person(title.strip(" *_:：")) and len(rest[1:].split()) >= 2:
            # "**Jane Roe**: Title": who gave it, then the talk's title
            title, rest = rest[1:].strip(), "by " + title.strip(" *_:：")
        asks = title.rstrip("*_ ").endswith("?") and not (rest and _BY.match(rest))  # "**Signals?** – Name"
        if not 3 <= len(title) <= 160 or title.rstrip("*_ ").endswith((":", "：")) or asks or rest.startswith(":"):
            continue
        if rest and not _BY.match(rest):
            continue
        text = f"{title} {rest}".strip()
        why = title_evidence(text) + block_evidence([_rest_of(tok)] + blocks[n + 1:n + 3])
        if not has(why, Evidence.VIDEO) and _links_a_video(tok):
            why.append(Evidence.VIDEO.of())  # "**[Title](https://youtu.be/…) by Jane Roe**": its recording in it
        if not why and talk_label(title):
            why = [Evidence.KIND_LABEL.of()]  # "**Podiumsdiskussion: ...**"
        if why or forced:
            found.append(Role(RoleKind.TALK, "bold line", text, int(tok["line"]), level, why))
    if len(found) < 2 and not forced and not (alone and found and has(found[0].evidence, *_NAMES_SPEAKERS)):
        return []  # (``alone``: right under a day, one bold line that names its speakers is a talk)
    return found


# (a bold line's evidence that names its speakers)
_NAMES_SPEAKERS = (Evidence.SPEAKERS_IN_TITLE, Evidence.SPEAKER_LINE, Evidence.TITLE_THEN_SPEAKER_LINE)
_URL_TAIL = pattern(r"[:：\s]*(?:\(?\s*<?https?://\S+>?\s*\)?\s*)+$")  # "Title: https://youtu.be/…"
_NO_LINE_END = (".", ":", "：", ",", ";", "。", "…")  # a sentence, a lead-in (a title may ask, or be quoted)
_KEY = pattern(r"^\s*([^:：]{1,30})[:：]\s*")  # "Slides: …", "视频地址：…"
_NO_TITLE_END = (".", ":", "：", "?", "!", ",", "”", "\"", "»", "。")  # a sentence, a lead-in, a quotation


def plain_candidates(blocks: list[dict[str, Any]], level: int) -> list[Role]:
    """Plain two-line paragraphs "Title" over "Jane Roe (Acme)": a title line (no sentence), then a line that
    only names people; two or more alike in one part of the file."""
    found: list[Role] = []
    for tok in blocks:
        if tok.get("type") != "paragraph":
            continue
        lines = flat_of(tok).text.split("\n")
        if len(lines) < 2 or len(lines) > 6:
            continue
        title, who = one_line(lines[0]), one_line(lines[1])
        if not 3 <= len(title) <= 160 or len(title.split()) > 14 or title.endswith(_NO_TITLE_END):
            continue
        people = people_named(who)
        if people and not not_talk(title) and not people_named(title):
            found.append(Role(RoleKind.TALK, "plain line", f"{title} by {people}", int(tok["line"]), level,
                              [Evidence.TITLE_LINE_THEN_WHO.of()]))
    return found if len(found) >= 2 else []


def line_candidates(blocks: list[dict[str, Any]], level: int, placed: bool) -> list[Role]:
    """Lines that are talks as list items would be, written without a list: a paragraph's lines ("14:00 Title —
    Name" under each other, hard or soft breaks) and the first lines of paragraphs in a run ("09:30 - Palestra:
    Title - Name", "Jane Roe — “Title”" over what was said). Each such line is read as the item it would be
    (ITEM_RULES); the same rule holds: two or more alike, at least half of the lines looked at (``placed``: under
    a day or a group of talks, where the weaker shapes count too; layout.py looks for lines only there)."""
    found: list[Role] = []
    leads: list[dict[str, Any]] = []
    for tok in blocks:
        if tok.get("type") != "paragraph":
            continue
        lines = lines_of(tok)
        if len(lines) >= 2:
            own = [it for it in (_as_item(ln, at) for ln, at in lines) if it is not None]
            if len(own) >= 2:
                found += _list_talks({"children": own}, level, False, False, placed=placed)
                continue
        lead = _as_item(*lines[0]) if lines else None
        if lead is not None:
            leads.append(lead)
    if len(leads) >= 2:
        found += _list_talks({"children": leads}, level, False, False, placed=placed)
    for r in found:
        r.form = "plain line"
    return found


def lines_of(tok: dict[str, Any]) -> list[tuple[list[dict[str, Any]], int]]:
    """A paragraph's lines: (inline children, source line) each, split at its soft and hard breaks."""
    out: list[tuple[list[dict[str, Any]], int]] = []
    line, cur = int(tok.get("line") or 0), list[dict[str, Any]]()
    for child in tok.get("children") or []:
        if child.get("type") in ("softbreak", "linebreak"):
            out.append((cur, line))
            line, cur = line + 1, []
        else:
            cur.append(child)
    if cur:
        out.append((cur, line))
    return out


def _as_item(children: list[dict[str, Any]], line: int) -> dict[str, Any] | None:
    """One line as a list item's tokens, if it could be a talk's line: short, no sentence, some words."""
    text = one_line(flatten(children).text)
    linked = bool(children) and children[0].get("type") == "link"  # "[Title: a subtitle](url) by Jane Roe, Role"
    if not 4 <= len(text) <= (240 if linked else 160) or text.endswith(_NO_LINE_END) or not any(c.isalpha() for c in text):
        return None
    key = None if linked else _KEY.match(text)
    if key and not (has_talk_label(text) or strip_time(text) != text or _a_person(key.group(1))):
        return None  # "Video: https://…", "详见：[…]": a note's key and value, no talk's line
    return {"type": "list_item", "line": line, "children": [{"type": "block_text", "line": line, "children": children}]}


def _a_person(text: str) -> bool:
    """A person's name; in CJK only with a common family name first ("视频地址" is four characters, no name)."""
    return is_person(text) if text.isascii() else surely_person(text)


def _links_a_video(tok: dict[str, Any]) -> bool:
    """The bold span that opens a paragraph links a recording."""
    children = tok.get("children") or []
    lead = next((c for c in children if c.get("type") == "strong"), None)
    return lead is not None and any(video_url(lk.url) for lk in flat_of(lead).links)


def _rest_of(tok: dict[str, Any]) -> dict[str, Any]:
    """A paragraph without its first line (what follows a bold lead line in the same paragraph)."""
    children = tok.get("children") or []
    cut = next((i for i, c in enumerate(children) if c.get("type") in ("softbreak", "linebreak")), len(children))
    return {"type": "paragraph", "children": children[cut + 1:], "line": tok.get("line")}


def item_candidates(blocks: list[dict[str, Any]], level: int, group: str, forced: bool,
                    alone: bool = False, of_talks: bool = False, after: frozenset[int] = frozenset(),
                    heading: str = "") -> list[Role]:
    """List items that are talks: ``- 14:00 [Title](url) von *Name*``, ``[*Title*][ref] by Name``,
    ``*Title* -- by Name``, ``「Title」 — Name``, a link to each session under "Sessions"/"Sessions I
    attended:" (``of_talks``: a part of a list of talks, "## 2023" under "# Talks"; ``after``: the lines of talks
    found as bold lines, whose lists are theirs; ``heading``: the title over these blocks); two or more alike in one
    list (the items of a "13:30 Lightning talks" item too)."""
    if group and WATCH_HEADING.search(group) or heading and READING_LEAD.match(heading) and not forced:
        return []  # (``heading``: the title over these blocks; "Further reading" lists no talks)
    found: list[Role] = []
    for n, tok in enumerate(blocks):
        if tok.get("type") != "list":
            continue
        prev = blocks[n - 1] if n else None
        lead = one_line(flat_of(prev).text) if prev and prev.get("type") == "paragraph" else ""
        led_in = lead.endswith((":", "：")) or len(lead.split()) <= 12  # (a lead-in, not a paragraph saying "to see")
        if led_in and WATCH_HEADING.search(lead) or prev is not None and int(prev.get("line") or 0) in after:
            continue  # (``after``: the lines of bold talks; the list under one is its speakers and times)
        if not forced and _reading_above(blocks, n):
            continue  # "_To Read_", "**Further reading**" over the list: articles, no talks attended
        headed = of_talks or names_sessions(group)  # (a heading's words, not a lead-in's: "Workshops:" over feedback)
        bold_heading = prev is not None and _bold_only(prev)  # "**Talks**" alone over the list: a heading in bold
        sessions = headed or ((lead.endswith(":") or bold_heading) and names_sessions(lead))
        found += _list_talks(tok, level, bool(sessions), forced, alone, placed=bool(group or sessions), headed=headed)
    return found


def _bold_only(tok: dict[str, Any]) -> bool:
    """A paragraph that is one emphasised span and nothing else ("**Talks**", "__Sessions:__")."""
    children = [c for c in tok.get("children") or () if not (c.get("type") == "text" and not str(c.get("raw", "")).strip())]
    return tok.get("type") == "paragraph" and len(children) == 1 and children[0].get("type") == "strong"


def _reading_above(blocks: list[dict[str, Any]], n: int) -> bool:
    """One of the two paragraphs right above the list at ``n`` is a lead-in of things to read ("_To Read_",
    "**Further reading**")."""
    for prev in blocks[max(0, n - 2):n][::-1]:
        if prev.get("type") != "paragraph":
            return False
        if READING_LEAD.match(one_line(flat_of(prev).text)):
            return True
    return False


def _list_talks(tok: dict[str, Any], level: int, sessions: bool, forced: bool, alone: bool = False,
                placed: bool = False, headed: bool = False) -> list[Role]:
    """The talks among a list's items (``placed``: the list sits under a day, a group of talks or a lead-in
    naming sessions, where the weaker shapes "Title (Name)", "Title / Name", "Name — Title" count too)."""
    items = tok.get("children") or []
    nested: list[Role] = []
    for it in items:  # "- 13:30 Lightning talks" over the talks
        parts = it.get("children") or []
        if len(parts) > 1 and any(sub.get("type") == "list" for sub in parts[1:]):
            head = _head_text(parts)
            if head and len(head) <= 60 and group_word(strip_time(head)):
                for sub in parts[1:]:
                    if sub.get("type") == "list":
                        nested += _list_talks(sub, level + 1, True, forced, placed=True)
    talks: list[Role] = []
    for n, it in enumerate(items):
        if n == _LOOK and len(talks) < 2 and not forced:
            return nested  # the first items are no talks: the list is notes (a bounded look)
        role = _item(it, level, sessions, forced, placed, headed, alone)
        if role is not None:
            talks.append(role)
    if not forced and len(talks) + len(nested) < 2:
        if alone and len(items) == 1 and talks and (has(talks[0].evidence, *WHO_GAVE_IT) or has(
                talks[0].evidence, *TIMED) and has(talks[0].evidence, Evidence.SPEAKERS_IN_TITLE)):
            return talks  # (``alone``: right under a day, the one item "Title, Name" or "14:00 Title - Name")
        return nested
    # ("12:30 Lunch", "13:30 Lightning talks": a schedule's breaks and groups count for neither side)
    weighed = sum(1 for it in items if not _break_or_group(_head_text(it.get("children") or []) or ""))
    alike = 2 * len(talks) >= weighed
    return sorted((talks if forced or alike else []) + nested, key=lambda r: r.line)


_LOOK = 8


def _break_or_group(text: str) -> bool:
    rest = strip_time(text)  # (an untimed "- Lunch" or "- Borrel" too: a break is named alone)
    return rest != text and bool(group_word(rest) or not_talk(rest)) or len(rest) <= 30 and bool(not_talk(rest))


def _head_text(parts: list[dict[str, Any]]) -> str | None:
    if parts and parts[0].get("type") in ("paragraph", "block_text"):
        return one_line(flat_of(parts[0]).text)
    return None


def _item(item: dict[str, Any], level: int, sessions: bool, forced: bool, placed: bool = False,
          headed: bool = False, under_day: bool = False) -> Role | None:
    """The talk a list item is, by the first of ITEM_RULES that fires (its Facts name the rule), or None."""
    parts = item.get("children") or []
    head = parts[0] if parts and parts[0].get("type") in ("paragraph", "block_text") else None
    if head is None:
        return None
    flat = flat_of(head)
    first = _without_media_tail(flat, one_line(flat.text))
    at = _ItemAt(parts, head, flat, first, sessions, forced, placed, headed, under_day)
    hit = first_answer(ITEM_RULES, at)
    if hit is None or hit[1] is _NO_TALK:
        return None
    name, (title, facts) = hit
    why = [f if f.rule else f._replace(rule=name) for f in facts]
    return Role(RoleKind.TALK, "list item", title, int(head["line"]), level, why)


@dataclass
class _ItemAt:
    """A list item as ITEM_RULES read it: its blocks, its first block's text, where the list sits."""

    parts: list[dict[str, Any]]
    head: dict[str, Any]
    flat: FlatInline
    first: str  # its first line
    sessions: bool  # under a heading or lead-in naming sessions
    forced: bool  # the layout says talks are list items
    placed: bool  # where talks are expected (the weaker shapes count)
    headed: bool = False  # right under a heading naming talks ("Talks", "Sessions I attended", "講演")
    under_day: bool = False  # right under a day heading
    _led: tuple[tuple[str, str] | None] | None = None
    _emphasised: tuple[tuple[str, str] | None] | None = None

    @property
    def led(self) -> tuple[str, str] | None:
        """(title, the rest of the line) of an item led by a link, an emphasis or a quoted title."""
        if self._led is None:
            self._led = (_link_led(self.flat) or self.emphasised or _quoted(self.first),)
        return self._led[0]

    @property
    def emphasised(self) -> tuple[str, str] | None:
        """(emphasised text, the rest) of an item that opens with ``*Title*`` or ``**Title**`` (read once)."""
        if self._emphasised is None:
            self._emphasised = (_emphasis_led(self.head.get("children") or []),)
        return self._emphasised[0]


_NO_TALK: tuple[str, list[Fact]] = ("", [])  # a rule's answer that decides the item is no talk


def _timed_item(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"14:00 Title": a talk, unless the words after the time are a break or a group ("12:30 Mittag")."""
    rest = strip_time(at.first)
    if rest == at.first or not any(c.isalpha() for c in rest):
        return None
    if group_word(rest) or not_talk(rest):
        return _NO_TALK  # "12:30 Mittag", "13:30 Lightning talks"
    return at.first, title_evidence(at.first)


def _topic_item(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"主题：Title", "Topic: Title" (its speaker on a nested "讲师：Name" line or beside it)."""
    title = topic_title(at.first)
    return (title, [Evidence.TOPIC_ITEM.of()]) if title and any(c.isalpha() for c in title) else None


def _titled_under_sessions(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """A bare title in a list right under "Talks" / "Sessions I attended" / "講演" ("Knative Serving deep dive",
    "Dapr 1.10 release overview: https://youtu.be/…"): a few words, no sentence, no note's key."""
    text = _URL_TAIL.sub("", at.first).strip(" -–—:：|")
    words = len(text.split()) if text.isascii() else len(text.replace(" ", "")) // 3
    if not 2 <= words <= 14 or text.endswith(_NO_LINE_END) or not any(c.isalpha() for c in text):
        return None
    if not_talk(text) or group_word(text) or _KEY.match(text) and not has_talk_label(text):
        return None
    return text, [Evidence.UNDER_SESSIONS.of()]


def _video_item(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"Title - [Video](youtube) | [Slides](…)" under sessions (a heading or a lead-in naming them): the talk's
    own video or slides beside its title."""
    if not any(video_url(lk.url) or VIDEO_TEXT.fullmatch(one_line(lk.text))
               or SLIDES_TEXT.fullmatch(one_line(lk.text)) for lk in at.flat.links):
        return None
    text = _URL_TAIL.sub("", at.first).strip(" -–—:：|")
    if not 2 <= len(text.split()) <= 20 or text.endswith(_NO_LINE_END) or not_talk(text) or group_word(text):
        return None
    return text, [Evidence.VIDEO.of()]


def _video_link_item(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"[Title | Jane Roe, Acme](https://youtu.be/…)": the item one link to a recording (after a lead-in or a name at
    most: "Jane Roe: [Title](…)"), its text the talk's title (and who gave it, after a bar, a slash or a dash)."""
    lk = at.flat.links[-1]
    if not video_url(lk.url):
        return None
    text = one_line(lk.text)
    before = one_line(at.flat.text[:lk.offset])
    if before and not (before.endswith((":", "：")) and len(before.split()) <= 16):
        return None  # (only a lead-in may come first: "Max's talk on multi-cluster: [Title - Name](…)")
    if trim_decor(at.flat.text[lk.offset + len(lk.text):]).strip(" -–—|·,.:()[]") or VIDEO_TEXT.fullmatch(text) \
            or text.startswith("http"):
        return None  # (more than the link: another rule's; "[Video](…)", a bare address: no title)
    if not 2 <= len(text.split()) <= 30 or not_talk(text) or group_word(text):
        return None
    named = separated_named(text) or dash_named(text)
    who = people_named(before.rstrip(":： ")) if before else None
    if who:
        return f"{text} by {who}", [Evidence.VIDEO.of()]  # "Jane Roe: [Title](https://youtu.be/…)"
    if named is None:
        return text, [Evidence.VIDEO.of()]
    who = text[len(named[0]):].strip(" |/｜／-–—")  # (with their organisations: "Jane Roe, Acme")
    return f"{named[0]} by {who}", [Evidence.VIDEO.of()]


def _one_link(at: _ItemAt) -> bool:
    return 1 <= len(at.flat.links) <= 2


def _emphasised_then_person(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"**Title**: Jane Roe, an engineer at Acme, showed how …", "*Title* — Jane Roe and John Doe explained …": an
    emphasised title, then a sentence whose subject is who gave the talk (a recap's list of the sessions)."""
    led = at.emphasised
    if led is None:
        return None
    title, tail = led[0].strip(" :：-–—"), led[1]
    if not tail.strip() or tail.lstrip()[:1] not in ":：-–—" and not led[0].rstrip().endswith((":", "：")):
        return None
    people = lead_people(tail.lstrip(" :：-–—*_"))
    if not people or not 2 <= len(title.split()) <= 30 or not_talk(title):
        return None
    return f"{title} by {people}", [Evidence.TITLE_THEN_WHO.of()]


def _emphasised_then_about(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"**Knative Eventing:** How the eventing API routes events …" where talks are expected (under a day, a group
    of talks, a lead-in naming sessions): an emphasised title, a colon, then what the talk is about."""
    led = at.emphasised
    if led is None:
        return None
    title, tail = led[0].strip(), led[1].strip()
    if title.endswith((":", "：")):
        title = title[:-1].strip()
    elif tail[:1] in ":：":
        tail = tail[1:].strip()
    else:
        return None
    if not 2 <= len(title.split()) <= 12 or len(tail.split()) < 4 or not_talk(title) or group_word(title):
        return None
    return title, [Evidence.TITLE_THEN_ABOUT.of()]


def _person_item(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"**Jane Roe**, Express lead maintainer", "Jane Roe, VP Engineering at Acme" under a day or a lead-in naming
    keynotes: a programme's slot named by who gives it (its title unknown yet)."""
    text = at.first.strip()
    head = _PERSON_CUT.split(text, maxsplit=1)[0].strip(" *_")
    if not is_person(head) or len(text.split()) > 24 or text.endswith(_NO_LINE_END) or ". " in text:
        return None  # (no sentence: "Jane Roe, Acme, showed us how … ." is a note about her talk)
    rest = text[len(head):].strip(" *_")
    if rest and not rest.startswith((",", "(", "（", "-", "–", "—", "|")):
        return None  # "Jane Roe said …": a sentence about her
    if not (_emphasis_first(at) or rest and names_a_role(rest.strip(" ,()（）-–—|"))):
        return None  # "Wolke Speicher Pro, ein neuer Speicherdienst": a product's name looks like a person's
    return text, [Evidence.PERSON_ITEM.of()]


_PERSON_CUT = pattern(r"\s*(?:[,(（|]|\s[-–—]\s)")


def _by_emphasised_person(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"Title from **Jane Roe of Acme**", "Title by *Jane Roe*": a plain title, a word saying by whom, then the
    person emphasised (and their organisation)."""
    children = at.head.get("children") or []
    last = next((i for i in range(len(children) - 1, -1, -1) if children[i].get("type") not in ("softbreak",
                 "linebreak") and (children[i].get("type") != "text" or children[i].get("raw", "").strip())), -1)
    if last < 1 or children[last].get("type") not in ("strong", "emphasis"):
        return None
    before = one_line(flatten(children[:last]).text)
    m = _FROM_BY.match(before)
    who = _ORG_CUT.split(one_line(flat_of(children[last]).text), maxsplit=1)[0].strip(" ,")
    if m is None or len(m.group(1).split()) < 2 or not is_person(who):
        return None
    return f"{m.group(1).strip()} by {who}", [Evidence.TITLE_THEN_WHO.of()]


def _ends_emphasised(at: _ItemAt) -> bool:
    return " " in at.first and (at.head.get("children") or [{}])[-1].get("type") in ("strong", "emphasis")


# "Title from ", "Title by ", "Title, von ": before an emphasised name.
_FROM_BY = pattern(r"^(.{3,200}?)[,;]?\s+(?:by|from|von|par|por|door|with|mit)\s*$", re.IGNORECASE)
# "Jane Roe of Acme", "Jane Roe, Acme", "Jane Roe (Acme)", "Jane Roe creator of Socket.io": the name, then the rest.
_ORG_CUT = pattern(r"\s+(?:of|at|from|bei|de|chez)\s+|\s*[,(（]|\s+(?=[a-z])")


def _with_sessions(at: _ItemAt) -> bool:
    return at.sessions and bool(at.flat.links) and not any(lk.url.startswith("#") for lk in at.flat.links)


def _under_sessions(at: _ItemAt) -> bool:
    """(not a table of contents: "[Title](#title)" points to the talk's own heading, which the reading has)"""
    return at.headed and len(at.first) <= 200 and not any(lk.url.startswith("#") for lk in at.flat.links)


def _linked_by_links(at: _ItemAt) -> bool:
    return at.led is not None and bool(at.flat.links)


def _emphasis_first(at: _ItemAt) -> bool:
    children = at.head.get("children") or []
    return bool(children) and children[0].get("type") in ("strong", "emphasis")


def _under_day_or_sessions(at: _ItemAt) -> bool:
    return at.sessions or at.under_day


def _placed_emphasis(at: _ItemAt) -> bool:
    return at.placed and _emphasis_first(at)


def _led(at: _ItemAt) -> bool:
    return at.led is not None


def _who_then_linked_title(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"[Jane Roe](url): [Title](video)": the link that leads is who gave it."""
    named = name_then_linked_title(at.flat)
    return (f"{named[0]} by {named[1]}", [Evidence.WHO_THEN_TITLE.of()]) if named is not None else None


def _title_then_by(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"[Title](url) by Jane Roe", "*Title* -- by Name", "「Title」 — Name"."""
    if at.led is None:
        return None
    title, tail = at.led
    m = _BY.match(tail)
    names = _SENTENCE_END.split(tail[m.end():], maxsplit=1)[0] if m else ""
    if m and len(names.split()) > 8:
        # "[Title](url) by Jane Roe - what the talk was about", "… by **Jane Roe**, Head of Learning and UX, Acme"
        names = _names_before_dash(names) or _person_before_comma(names)
    if not (m and names and len(names.split()) <= 8) or not _who(names, m.group(0)):
        return None
    if not at.sessions and at.flat.links and at.flat.text.startswith(at.flat.links[0].text) \
            and article_page(at.flat.links[0].url):
        return None  # "[Title](https://…/blog/…) by Jane Roe": a post to read, not a talk
    return f"{title} by {names.strip()}", [Evidence.TITLE_THEN_WHO.of()]


def _who(names: str, joint: str) -> bool:
    """The names after "by" open with a person's name ("Hanselman" alone too); after a dash they are people
    ("[Ep. 74](…) — Changelog, race and …" names nobody)."""
    first = _AND.split(names.strip(" *_"), maxsplit=1)[0].strip(" *_()")
    if joint.strip(" ,.").lower().endswith(("-", "–", "—")):
        return people_named(names) is not None
    return is_person(first, 1) or surely_person(first)


def _recorded_or_sessions(at: _ItemAt) -> bool:
    return at.first[:1].isupper() and (at.sessions or any(video_url(lk.url) for lk in at.flat.links))


def _presented_item(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"[Jane Roe](https://youtu.be/…) talks about Flux over the wire, …": who was on stage, then what they talked
    about (list_talks.presented); the recording linked from the item, or the list under sessions."""
    found = presented(one_line(at.flat.text)[:400])
    return (f"{found[0]} by {found[1]}", [Evidence.PRESENTED.of()]) if found else None


def _session_link(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """A link to each session under "Sessions" / "Sessions I attended:"."""
    if at.led is None:
        return None
    if at.sessions and at.flat.links and not at.flat.links[0].url.startswith("#"):
        who = _tail_people(at.led[1])
        return (f"{at.led[0]} by {who}" if who else at.led[0]), [Evidence.SESSION_LINK.of()]
    return None


def _tail_people(tail: str) -> str | None:
    """Who gave it, right after a linked or emphasised title: "(Jane Roe, Acme) - recording", ", Jane Roe, KubeCon
    EU 2019" -> "Jane Roe, Acme" / "Jane Roe"; None when what follows names nobody."""
    t = tail.strip(" ,;-–—|:")
    if t.startswith(("(", "（")):
        end = t.find(")") if t.startswith("(") else t.find("）")
        inner = t[1:end].strip() if end > 1 else ""
    else:
        inner = t.split(",")[0].strip() if "," in t else t
    if not inner or len(inner) > 120 or not people_named(inner):
        return None
    head = inner.split(",")[0].split("，")[0].split("、")[0].strip()
    # (CJK: a spaced name or a common family name; "(カーディナリティの悩み)" is the title in another language)
    return inner if head.isascii() or " " in head or "・" in head or surely_person(head) else None


def _session_link_in_prose(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"Jane Roe will give her talk, [Title](https://sched.co/abc). It covers …" under sessions: the one link to a
    session's own page in an item's prose is the talk's title."""
    pages = [lk for lk in at.flat.links if session_page(lk.url)]
    if len(pages) != 1 or len(one_line(pages[0].text).split()) < 2:
        return None
    title = one_line(pages[0].text).strip(" *_")
    return (title, [Evidence.SESSION_PAGE.of()]) if not not_talk(title) else None


def _sessions_with_links(at: _ItemAt) -> bool:
    return at.sessions and bool(at.flat.links)


def _session_page(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """"[Title](https://sched.co/abc)": a link, the whole item, to the session's own page."""
    if at.led is None:
        return None
    title, tail = at.led
    links = at.flat.links
    if not _PAREN_ONLY.sub("", tail).strip(" .,;") and links and one_line(links[0].text) == title \
            and session_page(links[0].url):
        return title, [Evidence.SESSION_PAGE.of()]
    return None


def _item_shapes(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    """More styles (list_talks.ITEM_SHAPES): "Title — Name", "**Title**" over "Ponente: X", "Taller: ..."."""
    more = item_of_blocks(at.parts, at.placed, at.first)
    return (more[0], [more[1]]) if more is not None else None


def _forced(at: _ItemAt) -> bool:
    return at.forced


def _layout_says(at: _ItemAt) -> tuple[str, list[Fact]] | None:
    return (at.first, [Evidence.LAYOUT_SAYS.of("list items")]) if at.first else None


# A list item that is a talk, tried in this order: (name, prefilter, rule) (as markdown-it-py's rulers: the
# prefilter, None for always, says whether the rule applies; the first rule that answers decides: a talk, or
# _NO_TALK).
ITEM_RULES: RuleTable[_ItemAt, tuple[str, list[Fact]]] = (
    ("a time, then a title", None, _timed_item),
    ("who gave it, then a linked title", _linked_by_links, _who_then_linked_title),
    ("a led title, then by whom", _led, _title_then_by),
    ("a recording's link, the whole item (after a lead-in)", _one_link, _video_link_item),
    ("an emphasised title, then its speaker's sentence", _emphasis_first, _emphasised_then_person),
    ("a title, then by an emphasised person", _ends_emphasised, _by_emphasised_person),
    ("an emphasised title, then what it is about, where talks are expected", _placed_emphasis, _emphasised_then_about),
    ("people on stage, with its recording or under sessions", _recorded_or_sessions, _presented_item),
    ("a link to a session, under sessions", _led, _session_link),
    ("a link to the session's page", _led, _session_page),
    ("list item shapes", None, _item_shapes),
    ("a topic label", None, _topic_item),
    ("a title under a heading naming talks", _under_sessions, _titled_under_sessions),
    ("a title with its video, under sessions", _with_sessions, _video_item),
    ("a session page's link in prose, under sessions", _sessions_with_links, _session_link_in_prose),
    ("a person and their role, under a day or keynotes", _under_day_or_sessions, _person_item),
    ("the layout says talks are list items", _forced, _layout_says),
)


def _without_media_tail(flat: FlatInline, text: str) -> str:
    """An item's text without the slides and video links that close it ("Title [PPT](url) [video](url)")."""
    for lk in reversed(flat.links):
        word = one_line(lk.text)
        bare = text.rstrip(" )）]")  # ("Title by Name ([recording](url))": the link inside parentheses)
        if not word or not (SLIDES_TEXT.fullmatch(word) or VIDEO_TEXT.fullmatch(word)) or not bare.endswith(word):
            break
        text = bare[:-len(word)].rstrip(" |·-–—,()[]（")
    return text


def _person_before_comma(text: str) -> str:
    """The person before the first comma ("Jane Roe, Head of Learning and UX, Acme" -> "Jane Roe"), or ""."""
    head = text.split(",", 1)[0].strip(" *_")
    return head if "," in text and is_person(head) else ""


def _names_before_dash(text: str) -> str:
    """The names before " - " that opens a description ("Jane Roe and John Doe - how we ..."), or ""."""
    head = _DASH.split(text, maxsplit=1)[0].strip(" *_")
    return head if head != text.strip(" *_") and all(is_person(n) for n in _AND.split(head) if n.strip()) else ""


_DASH = pattern(r"\s[-–—]\s")
_PAREN_ONLY = pattern(r"^\s*[(（][^()（）]{0,200}[)）]")  # "[Title](url)（its translation）"
_AND = pattern(r"\s*(?:,|&|\band\b)\s*")


def _emphasis_led(children: list[dict[str, Any]]) -> tuple[str, str] | None:
    """(emphasised text, the rest) of an item that opens with ``*Title*`` or ``**Title**``."""
    if not children or children[0].get("type") not in ("emphasis", "strong"):
        return None
    title = one_line(flat_of(children[0]).text)
    return (title, one_line(flatten(children[1:]).text)) if title else None


def _quoted(text: str) -> tuple[str, str] | None:
    m = QUOTED_LEAD.match(text)
    return (m.group(1).strip(), m.group(2)) if m else None


def _link_led(flat: FlatInline) -> tuple[str, str] | None:
    """(link text, the text after the link) of an item that opens with a link (after an emoji)."""
    if not flat.links:
        return None
    lk = flat.links[0]
    if trim_decor(_EMOJI_CODE.sub("", flat.text[:lk.offset])) or not lk.text.strip():
        return None
    text = one_line(lk.text)
    if text == lk.url and text.startswith("doc:") and len(text) > 4:
        text = " ".join(text[4:].replace("-", " ").split())  # a DocC link "<doc:Swift-Beyond-Apple>": its page's title
    return text, one_line(flat.text[lk.offset + len(lk.text):])
