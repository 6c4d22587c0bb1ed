"""Where launches are not the event's: a section of launches made before it ("## Pre-re:Invent launches",
"## Before KubeCon: announcements"), which a recap lists for context; and a file-level cue that a file is a
launch recap (a legend of launch marks, "🚀 = Launch / New Service")."""

from __future__ import annotations

import re
from typing import Any

from reinvent_cli.lexicon import (
    ANNOUNCE_WORDS,
    EVENT_NEWS_LEAD,
    EVENT_NEWS_WORDS,
    LAUNCH_EVENT_ABOUT,
    LAUNCH_EVENT_WORDS,
    LAUNCH_EVENT_WORDS_CJK,
    PERSONAL_POSSESSIVES,
    PRE_EVENT_LEAD,
)
from reinvent_cli.recognise.launch.launch_rules import cjk_launch_heading, launch_label, legend_mark
from reinvent_cli.recognise.launch.launches import announce_lead_in, launch_heading
from reinvent_cli.recognise.text.inline import flat_of
from reinvent_cli.recognise.text.patterns import pattern

_PRE_EVENT = pattern(rf"^\W{{0,4}}(?:{PRE_EVENT_LEAD})", re.IGNORECASE)
_LAUNCH_WORD = pattern(rf"\b{ANNOUNCE_WORDS}|\blaunch|\bannounc", re.IGNORECASE)


def pre_event_heading(title: str) -> bool:
    """A heading over launches made before the event: "Pre-re:Invent'19 Launches 🚀 (November 2019)",
    "pre:Invent announcements", "Before the conference: what's new" (it names launches, and opens with a
    "before" word); not "Pre-release features", "Preview launches", "Launches before lunch"."""
    if len(title) > 120:
        return False
    return bool(_PRE_EVENT.match(title)) and bool(_LAUNCH_WORD.search(title))


# A file name that says launches: "wwdc2018-announcements", "reinvent-launches", "keynote-ankuendigungen".
_NAME_LAUNCH = pattern(r"\b(?:announcements|launches|ank[üu]ndigungen|annonces|anuncios|lanzamientos|анонсы)\b", re.IGNORECASE)
# An opening paragraph that says launches were made: "features ... that were announced at WWDC 2018", "today is
# announcing ...", "a dévoilé", "发布了", "を発表" (not a plan: "will announce").
_INTRO_LAUNCH = pattern(r"(?<!will )(?<!to )\b(?:announced|announcing|announces|unveiled|unveiling|launched|"
                        r"angek[üu]ndigt|annonc[ée]e?s?|d[ée]voil[ée]e?s?|anunciad[oa]s?|anunci[óo])\b"
                        r"|发布了|推出了|发布的|發佈的|を発表|が発表|発表された|リリースされた|발표된|발표했|анонсирова|представлен|объявлен",
                        re.IGNORECASE)
# The launches an opening sums up, named as a noun: "Jason and Carl recap their favorite //Build announcements", "a
# round-up of the launches" (with a word that says it lists them, _LISTED).
_INTRO_NOUN = pattern(r"\b(?:announcements|launches|what[’']?s\s+new|ank[üu]ndigungen|annonces|anuncios|lanzamientos"
                      r"|nouveaut[ée]s|novedades|neuigkeiten)\b", re.IGNORECASE)
_INTRO_BLOCKS = 3


def says_launches(tokens: list[dict[str, Any]], name: str, listed: bool = False, title: str = "") -> bool:
    """Whether the file says that it lists launches: its name ("wwdc2018-announcements"), its title ("X 2024:
    everything announced") or its opening paragraph ("... everything that was announced at X"; ``listed``: only
    one that says it lists or sums them up)."""
    if len(name) <= 200 and _NAME_LAUNCH.search(name) is not None:
        return True
    if title and len(title) <= 200 and (_LAUNCH_WORD.search(title) or cjk_launch_heading(title)):
        return True
    return launch_intro(tokens, listed)


# An opening that says it lists or sums up: "Here's my complete list of ...", "everything announced", "a recap of".
_LISTED = pattern(r"\b(?:list|everything|here[’']?s|here\s+(?:is|are)|summary|recap|round-?up|overview|übersicht|"
                  r"zusammenfassung|résumé|resumen|récap|итоги|обзор|список)\b|まとめ|总结|汇总|一览|一覧|정리|요약",
                  re.IGNORECASE)


def launch_intro(tokens: list[dict[str, Any]], listed: bool = False) -> bool:
    """Whether the file opens (its first paragraphs, before any heading but its title) by saying launches were made:
    "Here's my complete list of features that were announced at WWDC 2018.", "The Foundation today is announcing ..."
    (``listed``: and that it lists them, "list", "everything", "recap")."""
    return intro_sentence(tokens, listed) is not None


def intro_sentence(tokens: list[dict[str, Any]], listed: bool = False) -> str | None:
    """The sentence of the file's opening that says launches were made (see launch_intro), or None."""
    seen = 0
    for n, tok in enumerate(tokens[:12]):
        kind = tok.get("type")
        if kind == "heading" and (seen or n or int((tok.get("attrs") or {}).get("level", 1)) > 1):
            return None  # (the intro is before the sections: after the title's "# ..." at most)
        if seen >= _INTRO_BLOCKS:
            return None
        if kind in ("blank_line", "thematic_break"):
            continue
        seen += 1
        if kind == "paragraph":
            text = flat_of(tok).text
            if len(text) <= 2000:
                said = next((x for x in _SENTENCE.split(text) if _intro_sentence(x, listed)), None)
                if said is not None:
                    return said
    return None


_SENTENCE = pattern(r"(?<=[.!?])\s+|(?<=[。！？])")


def _intro_sentence(sentence: str, listed: bool) -> bool:
    """A sentence that says launches were made (``listed``: and that the file lists them), not an event's news of
    itself ("today announced the final keynotes and programming for X")."""
    m = _INTRO_LAUNCH.search(sentence)
    if m is None and _LISTED.search(sentence):
        m = _INTRO_NOUN.search(sentence)  # "recap their favorite //Build announcements": listed by its noun
    if m is None or listed and not _LISTED.search(sentence):
        return False
    after = [w.strip(".,;:!?()[]\"'“”").lower() for w in sentence[m.end():].split()[:6]]
    if after and after[0] in PERSONAL_POSSESSIVES:
        return False  # "We announced our engagement at dinner.": one's own news
    return not any(w in EVENT_NEWS_WORDS for w in after)



_LOOK_ITEMS = 12
_LOOK_BLOCKS = 80


def launch_legend(tokens: list[dict[str, Any]]) -> bool:
    """A legend of launch marks among the first items of the file's first top-level lists ("- 🚀 = Launch / New
    Service", "- ✨ = new"): a launch recap's."""
    for tok in tokens[:_LOOK_BLOCKS]:  # (a legend comes before the launches it marks: near the top)
        if tok.get("type") != "list":
            continue
        for item in (tok.get("children") or [])[:_LOOK_ITEMS]:
            first = (item.get("children") or [{}])[0]
            if first.get("type") not in ("paragraph", "block_text"):
                continue
            opens = (first.get("children") or [{}])[0]
            if opens.get("type") != "text" or str(opens.get("raw", ""))[:1].isalnum():
                continue  # (a legend opens with its mark: most items are read no further)
            text = flat_of(first).text.strip()
            if text and not text[:1].isalnum() and len(text) <= 80 and legend_mark(text):
                return True
    return False


def launch_recap(tokens: list[dict[str, Any]], title: str, name: str = "") -> bool:
    """Whether a file reads as a recap of launches (whose event the caller checks the title names): its title
    or file name (``name``: its words) says so ("What's new from Nimbus Next 2025", "Announcements at X",
    "新发布一览", "wwdc2024-announcements.md"), or its opening paragraph does ("Here is everything that was
    announced at X.", "The Foundation today is announcing ..."), or a heading near the top heads launches ("##
    Announcements", "## 発表されたもの"), or a lead-in before a list does ("We announced several things at X:",
    "In der Keynote wurden angekündigt:", "発表："), or a legend of launch marks."""
    if len(title) <= 200 and (_LAUNCH_WORD.search(title) or cjk_launch_heading(title)):
        return True
    if says_launches(tokens, name):
        return True
    prev: dict[str, Any] | None = None
    for tok in tokens[:_LOOK_BLOCKS]:
        kind = tok.get("type")
        if kind == "heading":
            text = flat_of(tok).text.strip()
            if launch_heading(text) or cjk_launch_heading(text):
                return True
        elif kind == "list" and prev is not None and prev.get("type") == "paragraph":
            lead = flat_of(prev).text.strip()
            last = lead[lead.rfind("\n") + 1:]
            if len(last) <= 200 and (announce_lead_in(last) or launch_label(last)) or news_lead(lead):
                return True
        if kind != "blank_line":
            prev = tok
    return launch_legend(tokens)


_LAUNCH_EVENT = pattern(rf"(?i:(?<![\w-])(?:{LAUNCH_EVENT_WORDS}))|{LAUNCH_EVENT_WORDS_CJK}")


_ABOUT_LAUNCH_EVENT = pattern(LAUNCH_EVENT_ABOUT, re.IGNORECASE)


def launch_event(title: str, *texts: str) -> bool:
    """Whether a title, tags or a file name's words name an event held to launch things ("Supabase Launch Week 3",
    "Lit Launch Day", a tag "launch-week", "新品发布会"): its posts recap what it launched; not a post on running one
    ("How we run a launch week", "Lessons from our launch day")."""
    if _ABOUT_LAUNCH_EVENT.match(title):
        return False
    return any(len(t) <= 400 and _LAUNCH_EVENT.search(t) is not None for t in (title, *texts) if t)


_NEWS_LEAD = pattern(EVENT_NEWS_LEAD)


def news_lead(lead: str | None) -> bool:
    """A paragraph before a list that points to an event's news ("Check out the [Ignite 2018 News Guide](…) for more",
    "Here is all the news from Google I/O"): the list under it is the event's launches."""
    if lead is None or len(lead) > 600:
        return False
    low = lead.lower()
    if "news" not in low and "nouveaut" not in low and "neuigkeit" not in low and "novedad" not in low:
        return False
    return _NEWS_LEAD.search(lead) is not None
