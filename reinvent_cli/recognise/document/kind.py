"""Whether a file is talk notes at all: what conference notes share (an event's name and year, session codes,
speaker lines, talk words, videos and slides, schedule times, day headings, front matter naming an event)
weighed against what other notes share (a meeting's minutes, a how-to, a help page, a daily note).

The reading (layout.plan_file) is kept only for a file this calls talk notes: a notes folder is mostly other
notes, and a talk invented there costs its user more than one missed in a conference file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from reinvent_cli.lexicon import (
    DAILY_WORDS,
    EVENT_NAME_SHAPE,
    EVENT_WORDS,
    EVENT_WORDS_CJK,
    GROUP_TALK_WORDS_CJK,
    HOWTO_WORDS,
    MEETING_WORDS,
    MONTHS,
    TALK_WORDS,
    WEEKDAYS,
)
from reinvent_cli.lexicon import (
    EVENT_KEYS as _EVENT_KEYS,
)
from reinvent_cli.lexicon import (
    SPEAKER_KEYS as _SPEAKER_KEYS,
)
from reinvent_cli.read.source import Source
from reinvent_cli.recognise.document.one_talk import lead_line
from reinvent_cli.recognise.launch.launch_scope import (
    intro_sentence,
    launch_event,
    launch_legend,
    launch_recap,
    says_launches,
)
from reinvent_cli.recognise.talk.evidence import block_evidence, clean_title, title_evidence
from reinvent_cli.recognise.talk.reasons import Evidence, Fact
from reinvent_cli.recognise.talk.roles import Role, RoleKind
from reinvent_cli.recognise.text.inline import flat_of
from reinvent_cli.recognise.text.patterns import pattern


class Cue(Enum):
    """A piece of evidence about the whole file: its weight (positive: talk notes) and, for inspect only,
    what it means."""

    FRONT_EVENT = (4, "front matter names an event or a speaker")
    META_LABEL = (3, "a Speaker:, Conference:, Event: or Slides: line")
    FRONT_TAG = (3, "a tag names a conference or talks")
    EVENT_TITLE = (3, "the title names an event or a keynote")
    EVENT_YEAR = (1, "the title or file name names something and a year")
    ACRONYM_YEAR = (2, "the title names an event's acronym and its year (ICML 2023, QCon 2018)")
    TALK_TITLE = (1, "the title names a talk or a session")
    SPEAKER_LINE = (3, "a speaker line")
    NAMED_ITEMS = (2, "list items naming a title and who gave it")
    SESSION_CODE = (3, "a session code")
    TALK_LABEL = (2, "a talk label (Keynote: ...)")
    SCHEDULE_TIME = (1, "a schedule time or room")
    SCHEDULE_TABLE = (3, "a schedule table (time, talk, speaker columns)")
    DAY_HEADING = (1, "headings naming days")
    ABSTRACT = (2, "a heading or label naming a talk's abstract or speaker")
    TALK_GROUP = (2, "a heading naming talks or sessions")
    SLIDES = (2, "a link to slides")
    VIDEO = (1, "a talk video")
    TITLE_RECORDING = (3, "the title links its recording, or its first link is a recording of that title")
    LAUNCH_LIST = (2, "a heading over a list of launches or announcements")
    LAUNCH_LEGEND = (2, "a legend of launch marks (🚀 = new service)")
    MEETING = (-3, "meeting words (minutes, attendees, agenda, action items)")
    MEETING_TITLE = (-3, "the title names a meeting")
    DAILY_NOTE = (-3, "a daily note (named by its date; tasks, meetings)")
    HOWTO = (-1, "a how-to or help page (usage, installation, examples)")
    TIL = (-3, "a TIL note")
    BOOK = (-4, "notes on a book (chapters)")
    FORCED = (0, "the front matter or .reinvent.toml says so")
    LAUNCH_RECAP = (0, "a recap of an event's launches: its launches are read, no talk")
    LAUNCH_EVENT = (0, "names an event held to launch things (Launch Week, Launch Day, 发布会)")

    @property
    def weight(self) -> int:
        return int(self.value[0])

    @property
    def description(self) -> str:
        return str(self.value[1])


@dataclass
class Decision:
    """Whether a file is talk notes, the score, and the cues it rests on (each once, strongest first)."""

    talks: bool
    score: int
    cues: list[Cue] = field(default_factory=list)
    recap: bool = False  # other notes that recap an event's launches (Cue.LAUNCH_RECAP): launches, no talk

    @property
    def launches(self) -> bool:
        """Whether the file's launches are read: talk notes, or a recap of an event's launches."""
        return self.talks or self.recap

    def evidence(self) -> list[str]:
        return [f"{c.description} ({c.weight:+d})" if c.weight else c.description for c in self.cues]


# The lowest score of talk notes: one strong cue (front matter, an event in the title, two speaker lines).
THRESHOLD = 3

_EVENT = pattern(rf"(?i:(?<![\w-])(?:{EVENT_WORDS})(?![\w-]))|\b{EVENT_NAME_SHAPE}\b")
_EVENT_CJK = pattern("|".join(EVENT_WORDS_CJK))
_TALK_CJK = pattern("|".join(GROUP_TALK_WORDS_CJK))  # (glued: "会議トーク一覧")
_TALK = pattern(rf"(?<![\w-])(?:{TALK_WORDS})(?![\w-])", re.IGNORECASE)
# "PyGotham 2018", "Google I/O 2017", "NDC Sydney 2024", "2024 上海 AI 开发者大会": a name and a year that is no
# date ("2020-02-03", "3/9/2025"), not "in 2024" / "since 2019".
_NAME_YEAR = pattern(
    r"(?:^|[\s(\[\"“'«])(?!(?:in|of|since|from|until|to|for|by|at|on|and|the|im|en|de|dans|desde|seit)\s)"
    r"(?:[A-Z][\w.:/'’&+-]*|[a-z]+[A-Z][\w:/-]*|re:\w+|i/o)\s*[-–]?\s*(?:19|20)\d\d(?![\d/.-]\d)"
    r"|(?<![\d/.-])(?:19|20)\d\d\s+\S*[^\x00-\x7f]",
)
# In a file name: "pygotham2018", "kubecon-eu-2024", "ndc-sydney2024" (not "2024-03-21").
_FILE_YEAR = pattern(r"(?:^|[-_ ])[a-z][a-z0-9]+[-_ ]?(?:19|20)\d\d(?![\d])(?![-_]\d\d[-_]\d\d)", re.IGNORECASE)
_GLUED_YEAR = pattern(r"(?<=[a-z])(?=(?:19|20)\d\d)|(?<=(?:19|20)\d\d)(?=[a-z])", re.IGNORECASE)


def _stem_words(stem: str) -> str:
    """A file name's words: "dolphinscheduler-meetup2019-beijing" -> "dolphinscheduler meetup 2019 beijing"."""
    return _GLUED_YEAR.sub(" ", stem.replace("-", " ").replace("_", " "))


_DATE_NAME = pattern(r"^(?:19|20)\d\d[-_.]\d\d[-_.]\d\d$")
_WORD_SETS = {
    "meeting": frozenset(MEETING_WORDS),
    "daily": frozenset(DAILY_WORDS),
    "howto": frozenset(HOWTO_WORDS),
}
_LABEL = pattern(r"^\W*([^\W\d][^:：]{1,30}?)\s*[:：]")
# A meeting's title ("Platform team sync meeting", "Minutes 2024-05-02", "1:1 with Bo"), not a talk's words
# ("Capacity planning at scale", "Incident triage with LLMs") nor a society's "Annual Meeting 2024".
_MEETING_TITLE = pattern(
    r"(?<!annual )(?<!general )\b(?:meeting|minutes|stand-?up|1:1|one-on-one|sitzung|besprechung|protokoll|réunion"
    r"|reunión|compte[- ]rendu de réunion)\b|議事録|会议纪要|打ち合わせ|ミーティング",
    re.IGNORECASE,
)
_META_KEYS = frozenset((*_SPEAKER_KEYS, *_EVENT_KEYS, "speakers", "slides", "folien", "diapositivas", "video",
                        "recording of the talk", "talk", "session", "vortrag", "charla", "登壇者", "講演者",
                        "authors", "paper", "poster", "panelists", "moderator"))
# A session code leading a title: "DAT401 - Title", "DBS-305-building-apps", "SVC201: Title".
_TITLE_CODE = pattern(r"^([A-Z]{2,6}-?\d{3}[A-Z]?)\s*[-–—:]")
_ABSTRACT_WORDS = frozenset(("abstract", "talk abstract", "session abstract", "speaker", "speakers", "about the speaker",
                             "about the talk", "the talk", "slides", "recording", "q&a", "q a", "zusammenfassung des vortrags",
                             "resumen de la charla", "résumé de la conférence", "登壇者", "講演概要", "演讲者"))
_NUMBERING = pattern(r"^[\d.)]+\s+")
_MARKS = pattern(r"[#*_`>\[\]()!.:：]+")
# "ICML 2023", "QCon 2018", "NDC 2024", "KCD'24" (not "ES2015", a language's version).
_ACRONYM_YEAR = pattern(r"(?<![\w.])(?!ES\d|ES\s)[A-Z][A-Z0-9]{1,7}[a-z]{0,2}\s?['’]?(?:(?:19|20)\d\d|\d\d(?=\b)(?<=['’]\d\d))(?![\d.-])")
_LETTER = pattern(r"[^\W\d_]")
# Notes on a book: "Chapter 1", "Kapitel 2", "Chapitre 3", "Capítulo 4", "第1章".
# (Not "Part 1", "Part 2": a talk's parts are headed so too.)
_CHAPTER = pattern(r"^(?:chapter|ch|kapitel|chapitre|cap[ií]tulo|capitolo|hoofdstuk)\s+[\divxlc]+\b|^第.{1,3}章")
_TIL = pattern(r"^(?:til|today i learned)\b", re.IGNORECASE)


def _words(text: str) -> str:
    """A heading or label as words to look up: no outline number, marks or case ("2. **Attendees:**")."""
    return " ".join(_MARKS.sub(" ", _NUMBERING.sub("", text.strip())).lower().split())


def _as_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return str(value or "")


def _headings(tokens: list[dict[str, Any]], depth: int = 0) -> list[tuple[int, str]]:
    """(level, text) of the headings, also those an outline's list items open with (Logseq)."""
    found: list[tuple[int, str]] = []
    for tok in tokens:
        kind = tok.get("type")
        if kind == "heading":
            found.append((int((tok.get("attrs") or {}).get("level", 1)), flat_of(tok).text))
        elif kind == "list" and depth < 4:
            for item in tok.get("children") or []:
                kids = item.get("children") or []
                if kids and kids[0].get("type") == "heading":
                    found.extend(_headings(kids, depth + 1))
    return found


def _labels(tokens: list[dict[str, Any]]) -> list[str]:
    """The labels that lead the file's first top-level paragraphs and list items ("Attendees:", "**Agenda**",
    "Speaker:"): a bounded look (labels of minutes and of a talk come near the top; a long file costs no more)."""
    found: list[str] = []
    for tok in tokens[:_LOOK_BLOCKS]:
        kind = tok.get("type")
        if kind == "paragraph":
            _label_of(tok, found)
        elif kind == "list":
            for item in (tok.get("children") or [])[:_LOOK_ITEMS]:
                first = (item.get("children") or [{}])[0]
                if first.get("type") in ("paragraph", "block_text"):
                    _label_of(first, found)
    return found


_LOOK_BLOCKS = 60
_LOOK_ITEMS = 6


def _label_of(tok: dict[str, Any], found: list[str]) -> None:
    children = tok.get("children") or []
    if not children:
        return
    opens = children[0]
    if opens.get("type") == "strong":
        first = flat_of(tok).text.split("\n", 1)[0]
    elif opens.get("type") == "text":
        first = str(opens.get("raw", "")).split("\n", 1)[0]  # (the line's text before any mark)
    else:
        return
    if ":" in first or "：" in first:
        m = _LABEL.match(first)
        if m:
            found.append(m.group(1).strip().lower())
            return
    if opens.get("type") == "strong" and len(first) <= 40:
        found.append(_words(first))


def _names_a_year(text: str) -> bool:
    """A name and a year ("NDC Sydney 2024"), not a date ("21 March 2024", "Thursday 2024")."""
    for m in _NAME_YEAR.finditer(text):
        word = m.group(0).strip(" ([\"“'«").split()[0].strip(",.").lower() if m.group(0).strip() else ""
        if word not in MONTHS and word not in WEEKDAYS:
            return True
    return False


# What a line's evidence (talk/reasons.py) says of the whole file. The cues in _COUNTED count once, when
# enough lines show them (the least number each needs); the others are cues each time a line shows them.
_LINE_CUES: dict[Evidence, Cue] = {
    Evidence.TITLE_THEN_WHO: Cue.NAMED_ITEMS,  # "[Title](url) by Name": a reading list's items too
    Evidence.WHO_THEN_TITLE: Cue.NAMED_ITEMS,
    Evidence.TITLE_LINE_THEN_WHO: Cue.NAMED_ITEMS,
    Evidence.TOPIC_THEN_WHO: Cue.NAMED_ITEMS,
    Evidence.WHO_THEN_TOPIC: Cue.NAMED_ITEMS,
    Evidence.WHO_THEN_QUOTED_TITLE: Cue.NAMED_ITEMS,
    Evidence.SPEAKER_LINE: Cue.SPEAKER_LINE,
    Evidence.SPEAKERS_IN_TITLE: Cue.SPEAKER_LINE,
    Evidence.TITLE_THEN_SPEAKER_LINE: Cue.SPEAKER_LINE,
    Evidence.CODE: Cue.SESSION_CODE,
    Evidence.LABEL: Cue.TALK_LABEL,
    Evidence.KIND_LABEL: Cue.TALK_LABEL,
    Evidence.TIME: Cue.SCHEDULE_TIME,
    Evidence.TIME_RANGE: Cue.SCHEDULE_TIME,
    Evidence.ROOM: Cue.SCHEDULE_TIME,
    Evidence.SLIDES: Cue.SLIDES,
    Evidence.VIDEO: Cue.VIDEO,
    Evidence.SCHEDULE_ROW: Cue.SCHEDULE_TABLE,
    Evidence.SESSION_LINK: Cue.TALK_GROUP,
    Evidence.SESSION_PAGE: Cue.TALK_GROUP,
    Evidence.ANNOUNCEMENTS: Cue.LAUNCH_LIST,
}
# (of the file's first heading and the blocks under it: its speaker line, code, slides, video)
_TITLE_CUES = {e: _LINE_CUES[e] for e in (Evidence.SPEAKER_LINE, Evidence.CODE, Evidence.SLIDES, Evidence.VIDEO)}
_COUNTED = {Cue.NAMED_ITEMS: 1, Cue.SPEAKER_LINE: 1, Cue.SESSION_CODE: 1, Cue.SCHEDULE_TIME: 2, Cue.VIDEO: 1}


def _first_heading_evidence(tokens: list[dict[str, Any]], lines: list[str]) -> list[Fact]:
    """What the file's first heading (when it is its title) and the blocks right under it say: a session
    code, a label, speakers, a speaker line, a video, slides (a one-talk post's evidence)."""
    at = next((i for i, t in enumerate(tokens[:12]) if t.get("type") == "heading"), None)
    if at is None:
        lead = lead_line(tokens)  # "CON366 - Title" as the first plain line: its code, the blocks under it
        if lead is None:
            return block_evidence(tokens[:4], lines)
        found = title_evidence(lead.title) + ([Evidence.SPEAKER_LINE.of()] if lead.speakers else [])
        return found + block_evidence([t for t in tokens[:12] if t.get("type") != "blank_line"][1:5], lines)
    head = tokens[at]
    if int((head.get("attrs") or {}).get("level", 1)) > 2:
        return []
    title = clean_title(flat_of(head).text)
    found = title_evidence(title) + block_evidence(tokens[at + 1:at + 5], lines)
    m = _TITLE_CODE.match(title)
    if m:
        found.append(Evidence.CODE.of(m.group(1)))
    return found


def decide(src: Source, tokens: list[dict[str, Any]], roles: dict[int, Role], recording: bool = False) -> Decision:
    """Whether ``src`` (its tokens and the roles the reading gave its lines) is talk notes (``recording``: its title
    links its recording, document/one_talk.title_recording)."""
    meta = src.meta
    cues: list[Cue] = []
    stem = os.path.splitext(os.path.basename(src.path))[0]
    heads = _headings(tokens)
    h1 = next((t for lv, t in heads if lv == 1), heads[0][1] if heads and heads[0][0] <= 2 else "")
    titles = [_as_text(meta.get(k)) for k in ("title", "subtitle", "series", "description") if meta.get(k)]
    titles.append(h1)
    title = " ".join(titles)

    if any(meta.get(k) for k in ("conference", "event", "speaker", "speakers", "konferenz", "evento",
                                 "veranstaltung", "session", "talk")):
        cues.append(Cue.FRONT_EVENT)
    tags = " ".join(_as_text(meta.get(k)) for k in ("tags", "categories", "category", "keywords") if meta.get(k))
    if tags and (_EVENT.search(tags) or _TALK.search(tags) or _EVENT_CJK.search(tags) or _NAME_YEAR.search(tags)):
        cues.append(Cue.FRONT_TAG)
    if _EVENT.search(title) or _EVENT_CJK.search(title) or _EVENT.search(_stem_words(stem)):
        cues.append(Cue.EVENT_TITLE)
    if _ACRONYM_YEAR.search(title):
        cues.append(Cue.ACRONYM_YEAR)
    elif _names_a_year(title) or _FILE_YEAR.search(stem):
        cues.append(Cue.EVENT_YEAR)
    if _TALK.search(title) or _TALK.search(stem.replace("-", " ").replace("_", " ")):
        cues.append(Cue.TALK_TITLE)

    if recording:
        cues.append(Cue.TITLE_RECORDING)

    counted: dict[Cue, int] = {}
    days: list[str] = []
    for fact in _first_heading_evidence(tokens, src.lines):
        cue = _TITLE_CUES.get(fact.kind)
        if cue is not None:
            counted[cue] = counted.get(cue, 0) + 1
            if cue not in _COUNTED:
                cues.append(cue)
    for role in roles.values():
        for fact in role.evidence:
            cue = _LINE_CUES.get(fact.kind)
            if cue is not None:
                counted[cue] = counted.get(cue, 0) + 1
                if cue not in _COUNTED:
                    cues.append(cue)
        if role.kind is RoleKind.DAY and role.form == "heading":
            days.append(role.title)
        elif role.kind is RoleKind.GROUP and (_TALK.search(role.title) or _TALK_CJK.search(role.title)) \
                or _EVENT.search(role.title):
            cues.append(Cue.TALK_GROUP)
    if launch_legend(tokens):
        cues.append(Cue.LAUNCH_LEGEND)
    if len(days) >= 2 or any(_LETTER.search(d) for d in days):  # (not one "# 2019.03.14": a dated note)
        cues.append(Cue.DAY_HEADING)
    cues += [cue for cue, least in _COUNTED.items() if counted.get(cue, 0) >= least]

    labels = _labels(tokens)
    if any(w in _META_KEYS for w in labels):
        cues.append(Cue.META_LABEL)
    words = [_words(t) for _, t in heads] + labels
    if any(w in _ABSTRACT_WORDS for w in words):
        cues.append(Cue.ABSTRACT)
    meeting = {w for w in words if w in _WORD_SETS["meeting"]}
    if len(meeting) >= 2:
        cues.append(Cue.MEETING)
    if _MEETING_TITLE.search(title) or _MEETING_TITLE.search(stem.replace("-", " ").replace("_", " ")):
        cues.append(Cue.MEETING_TITLE)
    if _DATE_NAME.match(stem) and not cues or sum(1 for w in words if w in _WORD_SETS["daily"]) >= 2:
        cues.append(Cue.DAILY_NOTE)
    if sum(1 for w in words if w in _WORD_SETS["howto"]) >= 1:
        cues.append(Cue.HOWTO)
    if sum(1 for w in words if _CHAPTER.match(w)) >= 2 or any(meta.get(k) for k in ("isbn", "book", "author_of_book")):
        cues.append(Cue.BOOK)
    if _TIL.match(title.strip()) or "til" in src.path.replace("\\", "/").lower().split("/")[-4:-1]:
        cues.append(Cue.TIL)

    found = list(dict.fromkeys(cues))  # (each cue once)
    score = sum(c.weight for c in found)
    found.sort(key=lambda c: -abs(c.weight))
    # Other notes may still recap an event's launches ("What's new from Nimbus Next 2025", "Helio at X 2024" +
    # "We announced several things at X:"): an event named, launches said, and nothing of other notes.
    event = (any(c in _EVENT_CUES for c in found) or Cue.EVENT_YEAR in found and not _RELEASE_TITLE.search(title)
             or _AT_EVENT.search(title) is not None or score < THRESHOLD and _intro_names_event(tokens))
    plain = not any(c.weight < 0 for c in found)
    plain = plain and not recording  # (notes on one recorded session, "What's New in Swift": its talk, no recap)
    # An event held to launch things ("Launch Week", "Launch Day"), named by the title, a tag or the file name: its
    # posts are about what it launched (no talk evidence: a recap of its launches).
    launched = launch_event(h1 or (titles[0] if titles else ""), title, tags, _stem_words(stem))
    if launched:
        found.append(Cue.LAUNCH_EVENT)
    recap = score < THRESHOLD and (event or launched) and plain \
        and (launched or launch_recap(tokens, title, _stem_words(stem)))
    # Talk notes in which no talk is read, that say they list an event's launches (their file name or title, their
    # opening paragraph): a recap too, whose items name the launches.
    recap = recap or score >= THRESHOLD and plain and not any(r.kind is RoleKind.TALK for r in roles.values()) \
        and (launched or says_launches(tokens, _stem_words(stem), listed=True, title=h1 or (titles[0] if titles else "")))
    if recap:
        found.append(Cue.LAUNCH_RECAP)
    return Decision(score >= THRESHOLD, score, found, recap)


def _intro_names_event(tokens: list[dict[str, Any]]) -> bool:
    """Whether the file opens by saying it lists the launches made at a named event ("Here is everything that was
    announced at Quarry Summit 2024.")."""
    said = intro_sentence(tokens, listed=True)
    return said is not None and (_EVENT.search(said) is not None or _EVENT_CJK.search(said) is not None
                                 or _names_a_year(said))


# The cues that name an event (a launch recap's event); a name and a year is one unless the title reads as a
# product's release ("What's new in Helio 2024", "Helio 2024 release notes"); a capitalised name after a word
# that says the launches were made there is one ("What's new from Google I/O", "Node.js at OpenJS World").
_EVENT_CUES = frozenset((Cue.FRONT_EVENT, Cue.FRONT_TAG, Cue.EVENT_TITLE, Cue.ACRONYM_YEAR))
_RELEASE_TITLE = pattern(r"^\W*(?:what[’']?s\s+new\s+in|new\s+in|neu\s+in|nouveaut[ée]s\s+de|novedades\s+de)\s"
                         r"|release\s+notes|changelog|change\s+log|versionshinweise|notes\s+de\s+version", re.IGNORECASE)
_AT_EVENT = pattern(r"(?:\b(?:at|from|during|von|auf|bei|desde|durante|lors\s+de|à)\s+|@\s?)(?:the\s+)?[A-Z]")
