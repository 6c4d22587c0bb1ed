"""Schedule list items the older rules miss: "Title — Name", "「Title」 Name", "**Title**" over a speaker line, "Panel: ..."."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from reinvent_cli.lexicon import (
    AND_WORDS,
    CJK_ORG_MARKS,
    ITEM_TALK_LABELS,
    NAME_PARTICLES,
    NOT_CJK_NAMES,
    PRESENTER_OF,
    PRESENTING_AUX,
    PRESENTING_VERBS,
    SPEAKER_LABELS,
)
from reinvent_cli.recognise.talk.names import is_person, surely_person
from reinvent_cli.recognise.talk.reasons import Evidence, Fact
from reinvent_cli.recognise.talk.speakers import speaker_line
from reinvent_cli.recognise.text.inline import FlatInline, flat_of, flatten, one_line
from reinvent_cli.recognise.text.patterns import HANDLE_PAREN, pattern
from reinvent_cli.recognise.text.patterns import PAREN_TIME_RANGE as _PAREN_TIME  # ("(Jane Roe, 9:30 - 10:00)")
from reinvent_cli.recognise.text.rules import RuleTable, first_answer

# "Title — Name", "Title – Name, Role bij Org": the last spaced dash of a line (a bounded split, no backtracking).
_DASHES = (" — ", " – ", " -- ", " —— ", " - ")
# "「Title」 Name", "“Title” Name", '"Title" Name': a quoted title, then the rest (one shape, two sets of quotes).
_OPENS, _CLOSES = "“\"«「『„", "”\"»」』“"


def _quoted_lead(opens: str, closes: str) -> re.Pattern[str]:
    return pattern(rf"^\s*[{opens}]([^{closes}]{{2,200}})[{closes}]\s*(.*)$")


QUOTED_LEAD = _quoted_lead(_OPENS, _CLOSES)  # candidates: a schedule item led by a quoted title
# Talk list items take 《Title》 too ("《Title》—— 讲师：张伟": the title and its speaker).
_QUOTED_OR_BOOK_LEAD = _quoted_lead(_OPENS + "《", _CLOSES + "》")
_LABELS = "|".join(re.escape(w) for w in sorted(ITEM_TALK_LABELS, key=len, reverse=True))
# "Mesa redonda: ¿...?", "Taller: ...", "Panel: ...", "Workshop – ...": a talk's kind as its label.
_LABEL = pattern(rf"^(?:{_LABELS})\s*(?::|：|\s[-–—]\s)\s*\S", re.IGNORECASE)
_ROLE_SPLIT = pattern(r"\s*[,(（，]")


def _names_person(text: str) -> bool:
    """The text opens with a person's name ("Lotte Visser, Security Engineer bij X", "伊藤 さくら")."""
    head = _ROLE_SPLIT.split(text.strip(), maxsplit=1)[0].strip(" .;")
    return bool(head) and len(head) <= 60 and (is_person(head) or _kana_name(head))


def _kana_name(text: str) -> bool:
    """A Japanese name written partly in kana ("伊藤 さくら"): one or two short words of CJK letters."""
    words = text.split()
    if text in NOT_CJK_NAMES or any(m in text for m in CJK_ORG_MARKS):
        return False  # "ディレクター", "株式会社サンプル": a role, a company
    return 1 <= len(words) <= 2 and len(text) <= 12 and all(
        all("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in w) for w in words)


def people_named(text: str) -> str | None:
    """The people a text names ("Jane Roe", "Jane Roe and John Doe, Acme", "讲师：张伟", "山田 太郎、佐藤 花子"), joined
    with " and "; None unless every part is a person's name (after a speaker label, before a role or org)."""
    text = _SPEAKER_LABEL.sub("", text.strip(" -–—|/:：")).strip()
    if not text or len(text) > 120:
        return None
    parts = [p for p in _PEOPLE_SPLIT.split(_ROLE_SPLIT.split(text, maxsplit=1)[0] if " and " not in text
                                            and "、" not in text else text) if p.strip()]
    names = []
    for part in parts:
        head = _ROLE_SPLIT.split(part.strip(), maxsplit=1)[0].strip(" .;")
        if not head or not (is_person(head) or _kana_name(head)):
            return None
        names.append(head)
    return " and ".join(names) if names else None


_SPEAKER_LABEL = pattern(rf"^(?:{SPEAKER_LABELS})\s*[:：]\s*", re.IGNORECASE)
# The parts of a line naming someone and what they do: "周晓峰/星河科技/工程师", "Jane Roe, CTO, Acme", "Jane Roe | Acme".
_NAME_PARTS = pattern(r"\s*(?:[/／|｜，,、]|\s[-–—·]\s)\s*")


def named_by_line(text: str) -> str | None:
    """The person a "Name/Org/Role" or "Name, Role, Org" line names (its first part), else None."""
    parts = _NAME_PARTS.split(text.strip(), maxsplit=1)
    if len(parts) < 2 and len(text) > 40:
        return None
    head = parts[0].strip(" *_")
    return people_named(head) if head and surely_person(_ROLE_SPLIT.split(head, maxsplit=1)[0]) else None
_PEOPLE_SPLIT = pattern(r"\s*(?:、|&|\s(?:" + "|".join(AND_WORDS) + r")\s)\s*")
# "Title (Jane Roe)", "Title（山田 太郎）": a person in closing parentheses.
_PAREN_TAIL = pattern(r"^(.{3,200}?)\s*[(（]([^()（）]{2,100})[)）]\s*$")
_CJK = pattern(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# "Title / Jane Roe", "Title | Jane Roe", "Title ｜ 山田 太郎": the last such separator.
_SEPARATORS = (" / ", " | ", " ｜ ", "／", "｜")


def paren_named(text: str) -> tuple[str, str] | None:
    """(title, speakers) of "Title (Jane Roe)", "Title (Jane Roe, Acme)"; None unless persons are in them."""
    m = _PAREN_TAIL.match(text) if text.rstrip().endswith((")", "）")) else None
    if not m:
        return None
    title, inside = m.group(1).strip(" -–—:"), m.group(2)
    if _CJK.search(inside) and not _CJK.search(title):
        return None  # "Multilingual (多语言)": a translation, not a speaker
    people = people_named(inside)
    return (title, people) if people else None


_ORG_DASH = pattern(r"[-–—－]")


def timed_paren_named(text: str) -> tuple[str, str] | None:
    """(title, speaker) of "Title（Org-Jane Roe 14:00-14:20）": who gave it and when, in the closing parentheses
    (the name after an organisation's "Org-"); a schedule's item, so strong."""
    text = text.rstrip("。. ")
    if not text.endswith((")", "）")) or ":" not in text and "：" not in text and "." not in text:
        return None  # (cheaply: most items close no parentheses with a time in them)
    m = _PAREN_TAIL.match(text)
    if not m or not _PAREN_TIME.search(m.group(2)):
        return None
    inside = _PAREN_TIME.sub(" ", m.group(2)).strip()
    people = people_named(inside) or people_named(_ORG_DASH.split(inside)[-1])
    title = m.group(1).strip(" -–—:")
    return (title, people) if people and title else None


def separated_named(text: str) -> tuple[str, str] | None:
    """(title, speakers) of "Title / Jane Roe" or "Title | Jane Roe"."""
    for sep in _SEPARATORS:
        at = text.rfind(sep)
        if at > 2:
            people = people_named(text[at + len(sep):])
            if people:
                return text[:at].strip(), people
    return None


def name_first(text: str) -> tuple[str, str] | None:
    """(title, speakers) of "Jane Roe — Title" (the person first, then a spaced dash and the title)."""
    for dash in _DASHES:
        at = text.find(dash)
        if at > 2:
            people = people_named(text[:at])
            title = text[at + len(dash):].strip()
            if people and len(title) >= 3 and not people_named(title):
                return title, people
    return None


def dash_named(text: str) -> tuple[str, str] | None:
    """(title, speakers) of "Title — Name[, Role]"; None when no person follows the dash."""
    for dash in _DASHES:
        at = text.rfind(dash)
        if at > 2:
            title, rest = text[:at].strip(), text[at + len(dash):].strip()
            if title and _names_person(rest):
                return title, rest
            people = people_named(rest) if title else None  # "Title —— 讲师：张伟", "Title - A and B"
            if people:
                return title, people
    return None


def quoted_named(text: str) -> tuple[str, str] | None:
    """(title, speakers) of "「Title」 Name" or '"Title" Name' (no word between them)."""
    m = _QUOTED_OR_BOOK_LEAD.match(text)
    if not m or len(m.group(2)) > 200:
        return None
    rest = m.group(2).strip().lstrip("-–—,:").strip()
    if rest and _names_person(rest):
        return m.group(1).strip(), rest
    people = people_named(rest) if rest else None  # "《Title》—— 讲师：张伟"
    return (m.group(1).strip(), people) if people else None


# "Name, Role at Org, “Title”", "季敏(清铭) 《Title》": a quoted or book-quoted title closing a line that opens with a
# person's name (labelled_talks reads such lines written as paragraphs).
QUOTED_TAIL = pattern(r"^(.{2,160}?)[，,、:：\s]*(?:《([^《》]{2,160})》|[“\"«「『]([^“”\"«»「」『』]{2,160})[”\"»」』])[。.\s]*$")


def quoted_tail_named(text: str) -> tuple[str, str] | None:
    """(title, speakers) of "Jane Roe, CTO at Acme, “Title”" or "张伟（阿里）《Title》": a person first, the quoted
    title last; None unless the line opens with a person's name."""
    if not text.rstrip(" .。").endswith(("》", "”", "\"", "»", "」", "』")):
        return None  # (cheaply: most items close with no quotation mark)
    m = QUOTED_TAIL.match(text)
    if not m:
        return None
    quoted = m.group(3)
    if quoted is not None and (quoted.rstrip().endswith((".", "。")) or text[len(m.group(1)):].lstrip()[:1] in ":："):
        return None  # 'Jane Roe: “Ship small.”': what someone said, no title
    who = named_by_line(m.group(1))
    title = (m.group(2) or quoted or "").strip()
    return (title, who) if who and title else None


def lead_people(text: str) -> str | None:
    """The people a sentence opens with, as its subject ("Jane Roe, an engineer at Acme, showed …", "Jane Roe and
    John Doe from Acme explained …", "Dr. Jane Roe walked through …"), joined with " and "; None when it opens with
    no person's name."""
    names: list[list[str]] = [[]]
    for word in text.split()[:16]:
        bare = word.rstrip(",;:")
        if word.lower() in _AND_JOIN or word == "&":
            if not names[-1]:
                return None
            names.append([])
            continue
        if bare[:1].isupper() or names[-1] and bare.lower() in _PARTICLES:
            names[-1].append(bare)
            if word.endswith((",", ";", ":")):
                break  # "Jane Roe, an engineer": what follows is who she is
            continue
        break
    groups = [" ".join(n) for n in names if n]
    if not groups or len(groups) != len(names) or not all(is_person(g) for g in groups):
        return None
    return " and ".join(groups)


_AND_JOIN = frozenset(AND_WORDS)
_PARTICLES = frozenset(NAME_PARTICLES)


def presented(text: str) -> tuple[str, str] | None:
    """(what it was, who) of a recap's sentence about someone on stage: "Jane Roe gave the opening keynote",
    "Jane Roe and John Doe talk about putting GraphQL to work.", "Jane Roe, an engineer at Acme, showed how …"; a
    person (or people) as the subject, then a verb of PRESENTING_VERBS. None for anything else ("Jane Roe joined the
    team", "Spotify relies on …")."""
    who = lead_people(text)
    if who is None:
        return None
    words = text.split()
    at = _after_names(words, who)
    if at < len(words) - 1 and words[at].lower() in _OF:  # "Jane Roe from Acme gave …": her organisation
        at += 1
        while at < len(words) - 1 and words[at][:1].isupper() and words[at].lower() not in _PRESENTING:
            at += 1
    while at < len(words) and words[at].lower() in _AUX:
        at += 1
    if at >= len(words) or words[at].lower().strip(",.:") not in _PRESENTING:
        return None
    rest = words[at + 1:]
    while rest and rest[0].lower() in _PARTICLES_AFTER_VERB:
        rest = rest[1:]  # "talks about", "walks you through", "went over"
    tail = _A_TALK_ON.sub("", " ".join(rest))  # "gave a talk on X", "presented their session about X"
    clause = _CLAUSE_END.split(tail, maxsplit=1)[0].strip(" ,;:")
    if len(clause.split()) < 2:  # "will preview N1: The Nylas Mail Client and …": the colon within the title
        clause = _SENTENCE_STOP.split(tail, maxsplit=1)[0].strip(" ,;:").removesuffix(".")
    if len(clause.split()) < 2:
        return None
    cut = clause.split()
    title = " ".join(cut[:14]) + ("…" if len(cut) > 14 else "")
    return title[:1].upper() + title[1:], who


def lead_names(joined: str) -> list[str]:
    """The people lead_people joined with " and ", one by one."""
    return [name for name in _JOINED.split(joined) if name]


_JOINED = pattern(r"\s+and\s+")


def _after_names(words: list[str], who: str) -> int:
    """The index of the first word after the people ``who`` names (and their appositive: "Jane Roe, CTO, showed")."""
    last = who.split()[-1]
    for n, w in enumerate(words[:20]):
        if w.rstrip(",;:") == last:
            if w.endswith(","):  # "Jane Roe, an engineer at Acme, showed": past the appositive's closing comma
                for m in range(n + 1, min(len(words), n + 12)):
                    if words[m].endswith(","):
                        return m + 1
            return n + 1
    return len(words)


_PRESENTING = PRESENTING_VERBS
_AUX = PRESENTING_AUX
_OF = PRESENTER_OF
_PARTICLES_AFTER_VERB = frozenset(("about", "over", "through", "on", "into", "us", "you", "off", "with", "in", "at"))
_A_TALK_ON = pattern(r"^(?:an?|the|his|her|their|our)\s+(?:(?:short|quick|great|lightning|live)\s+)?(?:talk|session|"
                     r"presentation|demo|overview)\s+(?:on|about|of|called|titled|entitled)\s+", re.IGNORECASE)
_SENTENCE_STOP = pattern(r"(?<=[a-z0-9)\]])[.!?](?:\s|$)|[:：]\s*$")
_CLAUSE_END = pattern(r"(?<=[a-z0-9)\]])[.!?]\s|[:：]\s*$|[:：]\s|\.$")


def talk_label(text: str) -> bool:
    """A talk's kind leads the item: "Mesa redonda: ...", "Taller: ...", "Panel: ..."."""
    return bool(_LABEL.match(text.strip(" *_")))


def item_talk(first: str, emphasised: str | None, tail: str, next_lines: list[str],
              placed: bool = False) -> tuple[str, Fact] | None:
    """(title, why) of a list item that is a talk by these styles, else None: the first of ITEM_SHAPES that
    fires (the Fact names it). ``first``: its first line as text; ``emphasised``: the bold/italic text it opens
    with (``tail`` after it on that line); ``next_lines``: the lines under it in the item (a "Ponente: X" line);
    ``placed``: the list sits where talks are expected (see NAMED_SHAPES)."""
    item = ItemText(first, emphasised, tail, next_lines, placed)
    hit = first_answer(ITEM_SHAPES, item)
    return (hit[1][0], hit[1][1]._replace(rule=hit[0])) if hit is not None else None


class ItemText(NamedTuple):
    """What the shapes of a list item read (see item_talk)."""

    first: str
    emphasised: str | None
    tail: str
    next_lines: list[str]
    placed: bool


def _emphasised(item: ItemText) -> bool:
    return item.emphasised is not None


def _placed(item: ItemText) -> bool:
    return item.placed


def _title_over_speaker(item: ItemText) -> tuple[str, Fact] | None:
    """"**Title**" over "Ponente: X"."""
    title = item.emphasised
    if title is None or item.tail.strip(" ,.") or not item.next_lines:
        return None
    under = item.next_lines[0]
    if _speaker_under(under):
        return title, Evidence.TITLE_THEN_SPEAKER_LINE.of()
    people = people_named(HANDLE_PAREN.sub("", under)) if len(under) <= 160 else None
    return (f"{title} by {people}", Evidence.TITLE_THEN_WHO.of()) if people else None  # over "Jane Roe (@jroe)"



def _emphasised_label(item: ItemText) -> tuple[str, Fact] | None:
    """"**Taller:** Title", "*Panel: ...*"."""
    return (item.first, Evidence.KIND_LABEL.of()) if item.emphasised is not None and talk_label(item.emphasised) else None


def _label_first(item: ItemText) -> tuple[str, Fact] | None:
    """"Mesa redonda: ..."."""
    return (item.first, Evidence.KIND_LABEL.of()) if talk_label(item.first) else None


def _named_by(shape: Callable[[str], tuple[str, str] | None]) -> Callable[[ItemText], tuple[str, Fact] | None]:
    """A shape of NAMED_SHAPES as an item rule: "Title by Names"."""
    def rule(item: ItemText) -> tuple[str, Fact] | None:
        named = shape(item.first)
        return (f"{named[0]} by {named[1]}", Evidence.TITLE_THEN_WHO.of()) if named is not None else None
    return rule


def comma_named(text: str) -> tuple[str, str] | None:
    """(title, speaker) of "Title, Jane Doe" (an HTML talk list's style): the last comma, then only a
    person's name (a list of such items is talks only when most items are alike: _list_talks)."""
    at = text.rfind(", ")
    if at <= 2 or len(text) > 200:
        return None
    title, rest = text[:at].strip(), text[at + 2:].strip(" .")
    if len(title.split()) < 2 or not is_person(rest):
        return None
    return title, rest


def by_named(text: str) -> tuple[str, str] | None:
    """(title, speakers) of "Title, by Jane Roe and John Doe", "Title von Name": a title of two words or more, then
    "by" and only people (where talks are expected: "Dune by Frank Herbert" is a book elsewhere)."""
    if len(text) > 200:
        return None
    m = _BY_NAMES.match(text)
    if m is None or len(m.group(1).split()) < 2:
        return None
    names = [n for n in _PEOPLE_SPLIT.split(m.group(2).strip(" .")) if n.strip()]
    if not names or not all(is_person(n.strip()) for n in names):
        return None
    return m.group(1).strip(" ,;"), " and ".join(n.strip() for n in names)


_BY_NAMES = pattern(r"^(.{3,160}?)[,;]?\s+(?:by|von|par|por|door)\s+(.{3,120})$", re.IGNORECASE)


def _speaker_under(line: str) -> bool:
    text = line.strip()
    return len(text) <= 200 and any(c in text[:40] for c in ":：") and bool(speaker_line(text))


def name_then_linked_title(flat: FlatInline) -> tuple[str, str] | None:
    """(title, speakers) of "Jane Roe: [Title](url)", "[Jane Roe](url) and John Doe: [Title](url)." -- people,
    a colon, then a link that is the whole title; None otherwise."""
    text = one_line(flat.text.split("\n")[0])
    at = min((i for i in (text.find(": "), text.find("：")) if i > 0), default=-1)
    if at <= 0 or at > 120:
        return None
    names, rest = text[:at].strip(" *_"), text[at + 1:].strip(" .。")
    if not rest or not any(lk.text.strip() and one_line(lk.text).strip(" *_") == rest.strip(" *_")
                           for lk in flat.links):
        return None
    people = [n for n in _AND.split(names) if n.strip()]
    if not people or not all(_names_person(n) for n in people):
        return None
    return rest.strip(" *_"), " and ".join(p.strip(" *_") for p in people)


_AND = pattern(r"\s*(?:,|&|、|\s(?:" + "|".join(AND_WORDS) + r")\s)\s*")


def item_of_blocks(parts: list[dict[str, Any]], placed: bool = False, first: str | None = None) -> tuple[str, Fact] | None:
    """(title, why) of a list item (its blocks) that is a talk by these styles, else None (``first``: its first line
    as the caller reads it, without the slides and video links that close it)."""
    head = parts[0] if parts and parts[0].get("type") in ("paragraph", "block_text") else None
    if head is None:
        return None
    children = head.get("children") or []
    lines = flat_of(head).text.split("\n")  # (kept on the token: the walk and the announcements read it)
    first = first if first is not None else one_line(lines[0])
    under = [x for x in lines[1:3] if x.strip()]
    below = parts[1] if len(parts) > 1 else {}
    if not under and below.get("type") == "list":  # "- **Title**" over a nested "- Speaker: X"
        below = next(iter(below.get("children") or []), {})
        below = next(iter(below.get("children") or []), {})
    if not under and below.get("type") in ("paragraph", "block_text"):
        under = flat_of(below).text.split("\n")[:1]
    emphasised, tail = None, ""
    if children and children[0].get("type") in ("emphasis", "strong"):
        emphasised = one_line(flat_of(children[0]).text)
        cut = next((i for i, c in enumerate(children) if c.get("type") in ("softbreak", "linebreak")), len(children))
        tail = one_line(flatten(children[1:cut]).text)
    found = item_talk(first, emphasised or None, tail, under, placed)
    if found is None and ": " in first or found is None and "：" in first:
        named = name_then_linked_title(flat_of(head))
        if named is not None:
            return f"{named[0]} by {named[1]}", Evidence.WHO_THEN_TITLE.of()
    return found


# The shapes of "a title and who gave it" in one list item, tried in this order: (name, strong, rule). A weak shape
# ("Title (Name)", "Title / Name", "Name — Title") is tried only where talks are expected (under a day, a group of
# talks, a lead-in naming sessions): elsewhere a product and its vendor look the same.
NAMED_SHAPES: tuple[tuple[str, bool, Callable[[str], tuple[str, str] | None]], ...] = (
    ("quoted title, then names", True, quoted_named),
    ("title, dash, names", True, dash_named),
    ("title, comma, a name", True, comma_named),
    ("title, names and time in parentheses", True, timed_paren_named),
    ("names, then a quoted title", True, quoted_tail_named),
    ("title, names in parentheses", False, paren_named),
    ("title, by names", False, by_named),
    ("title, slash or bar, names", False, separated_named),
    ("names, dash, title", False, name_first),
)

# The shapes of a list item that is a talk, tried in this order: (name, prefilter, rule) (as markdown-it-py's
# rulers: the prefilter, None for always, says whether the rule applies; the first rule that fires decides).
ITEM_SHAPES: RuleTable[ItemText, tuple[str, Fact]] = (
    ("emphasised title over a speaker line", _emphasised, _title_over_speaker),
    ("emphasised talk label", _emphasised, _emphasised_label),
    ("talk label", None, _label_first),
    *((name, None if strong else _placed, _named_by(shape)) for name, strong, shape in NAMED_SHAPES),
)
