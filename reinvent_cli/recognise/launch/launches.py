"""Announcements: 'Announcing X', launch lists under 'What's new' headings, their names and details."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from reinvent_cli.lexicon import ANNOUNCE_WORDS as _ANNOUNCE_WORDS
from reinvent_cli.lexicon import LEAD_IN_VERBS
from reinvent_cli.model import Announcement
from reinvent_cli.recognise.talk.media import GENERIC_LINK_TEXT
from reinvent_cli.recognise.text.inline import FlatInline, flat_of, one_line, only_a_link, trim_decor
from reinvent_cli.recognise.text.patterns import pattern

_ANNOUNCE_RE = pattern(
    r"(?:^|(?<=[.?!;:])\s+|(?<=^[-*]\s))(announc(?:e|es|ed|ing|ement)|new launch|launch(?:ed|ing)?)\b"
    r"\s*(?:[:\-–—!]\s*)?",
    re.I,
)


# "Announcements", "What's new from Google I/O 2023", "Les nouveautés annoncées au Devoxx France 2024", "What's
# new in Kubernetes from KubeCon EU 2024" (the launches made at an event; not "What's new in Lambda", a talk).
ANNOUNCE_LIST_HEADING = pattern(
    r"^(?:(?:new|product|service|feature|keynote|today[’']?s|the|all|big|major|key|other|recent|latest|aws|our"
    r"|favou?rite|top|biggest|notable|exciting|some|more|les|la|le|los|las|el|die|os|as)\s+)*"
    rf"{_ANNOUNCE_WORDS}(?:\s+in\s+[\w.’'+# -]{{1,30}}?(?=\s+(?:from|at|during)\s))?"
    r"(?:\s+(?:announced|presented|annonc[ée]e?s?|pr[ée]sent[ée]e?s?|anunciad[oa]s?|angek[üu]ndigt(?:e|en)?))?"
    r"(?:\s+(?:from|at|during|of|au|aux|à|de|del|von|vom|auf|bei|zur|zum|en|na|no|do|da|desde)\s+(?:the\s+|la\s+|le\s+|el\s+)?"
    r"[\w:.’'/& -]{1,30})?\s*[:!]?$",
    re.I,
)


# "Announced at the keynote:", "We announced several things at X:", "In der Keynote wurden angekündigt:"; not
# "What I hope gets announced:", "What we'd like to see launched:" (a wish; "we" only before a launch verb).
ANNOUNCE_LEAD_IN = pattern(
    r"^(?!.*\b(?:i|our|my|me)\b)(?!.*\bwe\b(?!\s+(?:also\s+|just\s+|have\s+|officially\s+)?(?:announced|launched|released"
    r"|shipped|unveiled|introduced)\b))(?:[\w’'-]+\s+){0,4}?(?:" + _ANNOUNCE_WORDS + "|" + LEAD_IN_VERBS
    + r")\b[^.!?]{0,60}:$",
    re.I,
)


_LAST_SENTENCE = pattern(r"(?<=[.!?])\s+(?=[A-Z])")


def announce_lead_in(text: str) -> bool:
    """A line that leads into a list of launches (ANNOUNCE_LEAD_IN), or whose last sentence does ("The keynote was
    packed. They announced a few things:")."""
    if ANNOUNCE_LEAD_IN.match(text):
        return True
    if not text.endswith(":") or len(text) > 1000:
        return False
    last = _LAST_SENTENCE.split(text)[-1]
    return last != text and ANNOUNCE_LEAD_IN.match(last) is not None


LAUNCH_FILLER = pattern(r"^(now|first|then|next|and|also|finally|plus)\s+", re.I)


def announce_match(line_text: str) -> re.Match[str] | None:
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
    if not any(ch.isalnum() for ch in after):
        return None  # "Launched:" leads into a list of launches; "- Announcing" alone, "announced." name nothing
    if re.match(r"(?:my|our|your|his|her|their|i|we|it|this|that)\b", after, re.I):
        return None  # "Launched my own side project"
    if re.match(r"(?:for|to|by)\s", after) and ":" not in after:
        return None  # "(features that have been) announced for Firebase!": who they are for, or by, is no launch
    if word == "launch" and not line_text[m.end(1):m.end()].strip() and after[:1].islower():
        return None  # "Launch party at 8pm": the noun, no separator
    if word == "launch" and _EVENT_AFTER.match(after):
        return None  # "Launch Week 2 is over": the event held to launch things, no launch
    return m


_EVENT_AFTER = pattern(r"(?:week|day|days|event|livestream|party|keynote)s?\b", re.I)


_QUOTES = {'"': '"', "“": "”", "«": "»", "「": "」", "『": "』", "„": "“"}


def split_launch_name(text: str) -> tuple[str, str]:
    """"Name: details", "Name - details", "Name — details", "Name, details"; not inside parentheses."""
    text = text.strip()
    close = _QUOTES.get(text[:1])
    if close is not None:  # 'NEW - "Helix Stream" for ingestion': the quoted name, then its details
        end = text.find(close, 1)
        if end > 1:
            return text[1:end], text[end + 1:].strip(" ,:;-–—")
    for sep in (": ", " -- ", " - ", " – ", " — ", ", "):
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


def strip_launch_name(name: str) -> str:
    """An announcement's name without surrounding punctuation, an unmatched parenthesis or a leading article."""
    name = name.strip(" :-–—,!").rstrip(".")  # (not the dot of ".NET Scaffold")
    if name.startswith(".") and not name[1:2].isalnum():
        name = name.lstrip(". ")
    extra = name.count(")") - name.count("(")
    while extra > 0 and name.endswith(")"):
        name, extra = name[:-1].rstrip(" :-–—,."), extra - 1
    while extra < 0 and name.startswith("("):
        name, extra = name[1:].lstrip(" :-–—,."), extra + 1
    if name.startswith("(") and name.endswith(")") and name.count("(") == 1:
        name = name[1:-1].strip()
    article = re.match(r"(?:the|a|an)\s+(?=\S)", name, re.I)
    return name[article.end():] if article else name


def launch_detail(text: str) -> str:
    text = one_line(text)
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text


def texts_of_list(tokens: list[dict[str, Any]]) -> list[str]:
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
            text = flat_of(tok).text
            for line in text.split("\n"):
                if line.strip():
                    out.append(launch_detail(line))
        elif kind in ("list", "list_item", "block_quote"):
            stack.append(iter(tok.get("children") or []))
    return out


Block = dict[str, Any]


def launch_name_and_url(line_text: str, end: int, start: int, flat: FlatInline, offset: int) -> tuple[str, str | None, str]:
    """A launch's name, link and the rest of its line, the launch word ending at ``end``: "[Announcing X](url)"
    (the link's words), "Announcing [X](url) - details", "Announcing X ([blog](url))", "Launched: X, details"."""
    i = bisect.bisect_left(flat.links, offset + end, key=lambda lk: lk.offset)  # links are in offset order
    first_link = flat.links[i] if i < len(flat.links) and flat.links[i].offset < offset + len(line_text) else None
    between = line_text[end: first_link.offset - offset] if first_link else ""
    around = flat.links[i - 1] if i > 0 else None
    if around and around.offset <= offset + start < around.offset + len(around.text):
        stop = around.offset - offset + len(around.text)
        name, extra = split_launch_name(line_text[end:stop])
        return name, around.url, extra + line_text[stop:]
    if first_link and not between.strip() and first_link.text.strip() and not GENERIC_LINK_TEXT.match(first_link.text):
        text = one_line(first_link.text)
        rest = line_text[first_link.offset - offset + len(first_link.text):]
        for dash in (" – ", " — "):  # "[Amazon Braket – Get Started with Quantum Computing](url)": a post's title
            at = _outside_parens(text, dash)
            if at > 0:
                return text[:at], first_link.url, text[at + len(dash):] + rest
        return text, first_link.url, rest
    plain, url = line_text[end:], None
    if first_link:
        url = first_link.url
        head = line_text[end:first_link.offset - offset]
        after = line_text[first_link.offset - offset + len(first_link.text):]
        generic_last = bool(GENERIC_LINK_TEXT.match(first_link.text)) and not after.strip(" )]")
        if head.rstrip().endswith("(") or not head.strip() or generic_last:  # "Name ([blog](url))", "Name [blog](url)"
            plain = head.rstrip().rstrip("(")
    name, extra = split_launch_name(plain)
    return name, url, extra


def details_from_following(ann: Announcement, following: list[Block]) -> None:
    """Details of a launch named on a paragraph's last line: the list or paragraph right after it."""
    if not following:
        return
    nxt = following[0]
    kind = nxt.get("type")
    if kind == "list":
        ann.details += texts_of_list([nxt])
    elif kind in ("paragraph", "block_text"):
        flat = flat_of(nxt)
        text = flat.text.strip("\n")
        if not text.strip() or announce_match(text.split("\n")[0]):
            return
        if only_a_link(flat):
            ann.url = ann.url or flat.links[0].url
            return
        if text.rstrip().endswith(":"):
            return
        lines = [x for x in text.split("\n") if x.strip()]
        after = following[1] if len(following) > 1 else None
        if len(lines) == 1 and after is not None and after.get("type") in ("paragraph", "block_text") \
                and announce_match(flat_of(after).text.split("\n")[0]):
            return  # the lead-in of the next announcement
        ann.details += [launch_detail(x) for x in lines]


_PAREN_TAIL = pattern(r"\s*[(（][^()（）]{0,80}[)）]\s*$")


def launch_heading(title: str) -> bool:
    """A heading over launches: "What's new", "Launches from the keynote", "What's new (from the sponsor
    stage)", "✨ Announcements" (not "Launch checklist", not "What's new in Lambda")."""
    if ANNOUNCE_LIST_HEADING.match(title):
        return True
    bare = trim_decor(_PAREN_TAIL.sub("", title)) if len(title) <= 200 else ""
    return bool(bare) and bare != title and bool(ANNOUNCE_LIST_HEADING.match(bare))
