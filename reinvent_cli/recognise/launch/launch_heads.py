"""Launches named by headings: the innermost headings under a launch heading ("## New products" > "### Lens"),
or, in a keynote recap without one, under its category headings ("## Compute" > "### AWS Fargate")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reinvent_cli.lexicon import KEYNOTE_TROPE_LEAD
from reinvent_cli.model import Document
from reinvent_cli.recognise.launch.launch_links import reference_heading
from reinvent_cli.recognise.launch.launch_rules import cjk_launch_heading
from reinvent_cli.recognise.launch.launches import launch_heading
from reinvent_cli.recognise.talk.evidence import heading_title, not_talk
from reinvent_cli.recognise.text.patterns import pattern

_OUTLINE = pattern(r"^(?:\d{1,2}(?:\.\d{1,2}){0,4}\.?|[IVX]{1,4}\.)\s+")


_BY_NAME = pattern(r"\s*[(（][^()（）]{0,60}[)）]\s*$")


# "3.4 Google Assistant (By Scott Huffman)": a presenter's part of the keynote (about a product), no launch.
_PRESENTED = pattern(r"[(（]\s*(?:by|von|par|por|presented\s+by)\s+[^()（）]{1,60}[)）]\s*$", re.IGNORECASE)


_TROPE = pattern(KEYNOTE_TROPE_LEAD, re.IGNORECASE)


_KEYNOTE = pattern(r"keynote|基調講演|主題演講|主题演讲|keynote-", re.IGNORECASE)


@dataclass
class Head:
    line: int
    level: int
    title: str
    has_list: bool = False  # a list right under it, before the next heading


def _heads(tokens: list[dict[str, Any]]) -> list[Head]:
    out = []
    for tok in tokens:
        if tok.get("type") == "heading":
            out.append(Head(int(tok["line"]), int((tok.get("attrs") or {}).get("level", 1)), heading_title(tok)))
        elif tok.get("type") == "list" and out:
            out[-1].has_list = True
    return out


def launch_name(title: str) -> str | None:
    """A heading's title as a launch's name ("3.1 Google Lens" -> "Google Lens", "Android Go (By Sameer
    Samat)" -> "Android Go"); None when it reads as a sentence rather than a name."""
    name = _BY_NAME.sub("", _OUTLINE.sub("", title.strip())).strip(" :-–—")
    name = _TROPE.sub("", name) or name  # "One more thing: Apple Intelligence"
    if not name or len(name.split()) > 8 or name.endswith(("?", "!", ".")) or not (name[0].isupper() or name[0].isdigit()
                                                                                 or not name[0].isascii()
                                                                                 or _camel(name.split()[0])):
        return None
    return name


def _topic_word(name: str) -> bool:
    """A keynote recap's heading that is one plain word ("Home", "Photos", "Health"): a topic of the keynote, not a
    product's name (which has a capital, a digit or a mark inside it, or more words: "HomePod", "iOS 18", "Apple Pay")."""
    return name.isascii() and name.isalpha() and name[:1].isupper() and name[1:].islower()


def _camel(word: str) -> bool:
    """A name that starts lowercase with a capital inside it: "iOS", "macOS", "watchOS", "gRPC", "eBPF"."""
    return word[:1].isalpha() and any(ch.isupper() for ch in word[1:]) and len(word) <= 20


def _leaves(heads: list[Head], i: int) -> list[Head]:
    """The headings under heads[i] with none under them."""
    out = []
    j = i + 1
    while j < len(heads) and heads[j].level > heads[i].level:
        if j + 1 == len(heads) or heads[j + 1].level <= heads[j].level:
            out.append(heads[j])
        j += 1
    return out


def launch_leaves(heads: list[Head], i: int) -> list[Head]:
    """The headings under the launch heading heads[i] that name launches: its leaves, none shallower than the first
    ("## Where to read more" after "### X", "### Y" is a section), none over links to read ("Resources"); under a launch
    heading that is the file's title, leaves with lists are its sections (their items say what was launched)."""
    leaves = [x for x in _leaves(heads, i) if not reference_heading(x.title)]
    if not leaves:
        return []
    leaves = [x for x in leaves if x.level >= leaves[0].level]  # (a shallower one after them is a section)
    if title_launch_heading(heads, i) and any(x.has_list for x in leaves):
        return []  # (sections of a recap titled by its launches: their lists say what each is, not their titles)
    return leaves


def title_launch_heading(heads: list[Head], i: int) -> bool:
    """Whether the launch heading heads[i] is the file's title: its first heading, none above its level."""
    return i == 0 and all(x.level > heads[0].level for x in heads[1:])


def keynote_title(title: str) -> bool:
    """A title that says "keynote" (of a recap's notes, if they are one talk at most)."""
    return bool(_KEYNOTE.search(title))


def _is_recap(doc: Document, heads: list[Head]) -> bool:
    """Notes of one keynote: the title (front matter, or the first heading) says "keynote", and the notes
    are one talk at most."""
    title = doc.title or (heads[0].title if heads else "")
    return keynote_title(title or "") and len(doc.days) <= 1 and len(doc.talks) <= 1


def heading_launches(tokens: list[dict[str, Any]], doc: Document,
                     heads: list[Head] | None = None) -> tuple[dict[int, str], bool]:
    """The lines of headings that name launches, with the names; and whether the file is a keynote recap
    (whose items naming a vendor's product are launches too). (``heads``: the top-level headings, as _heads
    reads them from the tokens, when the walk collected them.)"""
    if heads is None:
        heads = _heads(tokens)
    talk_lines = {t.line for t in doc.talks}
    found: dict[int, str] = {}
    for i, h in enumerate(heads):
        if h.line not in talk_lines and not h.has_list and (
                launch_heading(h.title) or cjk_launch_heading(h.title)):
            # (a launch heading with its own list: the launches are its items, its sub-headings something else)
            for leaf in launch_leaves(heads, i):
                name = launch_name(leaf.title)
                segment = leaf.level == heads[i + 1].level and _PRESENTED.search(leaf.title)  # (a part's child: a launch)
                if name and leaf.line not in talk_lines and not segment:
                    found[leaf.line] = name
    recap = not found and _is_recap(doc, heads)  # (a launch heading is better evidence than the recap's shape)
    if not recap:
        return found, recap
    for i, h in enumerate(heads):
        if any(x.level < h.level for x in heads[:i]) and (i + 1 == len(heads) or heads[i + 1].level <= h.level):
            name = launch_name(h.title)
            if name and len(name.split()) <= 6 and not launch_heading(h.title) and not cjk_launch_heading(h.title) \
                    and not keynote_title(h.title) and not_talk(h.title) is None and not _topic_word(name):
                # ("## Dana Roe keynote": a talk, over the launches it made; "## Notes", "## Resources": the author's)
                found[h.line] = name  # (not "## Announcements": it heads launches, names none)
    return found, recap
