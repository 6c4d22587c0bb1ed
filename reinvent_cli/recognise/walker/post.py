"""A post that is one talk: its title from front matter, a 'Title:' line or its one heading."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from reinvent_cli.lexicon import EVENT_NAME_SHAPE, GATHERING_WORDS, TALK_WORDS
from reinvent_cli.lexicon import TITLE_KEYS as _TITLE_KEYS
from reinvent_cli.model import Document, Entry, Talk
from reinvent_cli.read.source import Source, unescape_entities
from reinvent_cli.recognise.document.days import classify_day
from reinvent_cli.recognise.document.one_talk import LeadLine, decorated_title, quoted_h1, the_h1
from reinvent_cli.recognise.talk.evidence import collection_title, one_keynote
from reinvent_cli.recognise.talk.speakers import names_a_speaker, parse_speakers, speakers_in_title
from reinvent_cli.recognise.talk.talks import (
    LABELLED_TALK,
    TALK_RE,
    block_texts,
    has_talk_label,
    split_talk_heading,
)
from reinvent_cli.recognise.text.inline import flat_of, one_line
from reinvent_cli.recognise.text.meta_lines import META_LINE
from reinvent_cli.recognise.text.patterns import pattern

if TYPE_CHECKING:  # only for an annotation
    from reinvent_cli.recognise.walker.state import WalkState


def one_talk_post(src: Source, tokens: list[dict[str, Any]], recording: str | None = None) -> bool:
    """A post about one talk: its speaker is named in the front matter or above its first heading (``recording``:
    the recording its title links, document/one_talk.title_recording)."""
    if src.meta.get("speaker") or src.meta.get("speakers"):
        return True
    title = unescape_entities(str(src.meta.get("title") or ""))
    if title and one_keynote(title) and not collection_title(title):
        return True  # "Google I/O 2017 - Keynote": a post about one keynote
    if quoted_h1(tokens) is not None:
        return True  # '# Notes: "Title"': its headings are the talk's sections
    if recording is not None:
        return True  # "# [Title](…/videos/play/…)": notes on one recorded talk
    h1 = the_h1(tokens)
    if decorated_title(title or (flat_of(h1).text if h1 is not None else "")):
        return True  # "Talk Notes: Title", "Conf 2018 - Title": one talk's post
    head = next((i for i, t in enumerate(tokens) if t.get("type") == "heading"), len(tokens))
    return any(names_a_speaker(flat) for flat in block_texts(tokens[:min(head, 20)]))


_GATHERING = pattern(rf"(?<![^\W\d_])(?:{GATHERING_WORDS})(?![^\W\d_])", re.IGNORECASE)
_EVENT_NAME = pattern(rf"\b(?:{EVENT_NAME_SHAPE})\b")  # "UbuCon", "PyCon", "DevOpsDays"
_GATHERING_CJK = pattern("|".join(w for w in GATHERING_WORDS.split("|") if max(w) >= "\u3000"))  # (glued)


_ONE_TALK = pattern(rf"(?<![^\W\d_])(?:{TALK_WORDS}|webinar|keynote|lecture|vortrag|conf[ée]rence)(?![^\W\d_])"
                    r"|(?-i:[A-Z]{2,6})-?\d{3}", re.IGNORECASE)  # (a session code in capitals: "DBS-305")


def _file_words(path: str) -> str:
    """A file's name as words ("kubecon-meetup2019-news" -> "kubecon meetup2019 news")."""
    return os.path.splitext(os.path.basename(path))[0].replace("-", " ").replace("_", " ")


def _names_one_talk(title: str, stem: str) -> bool:
    """The title or the file's name (as words) names a talk ("... webinar", "DBS-305-...", "Talk: ...")."""
    return bool(_ONE_TALK.search(title) or _ONE_TALK.search(stem))


def _names_gathering(title: str, stem: str) -> bool:
    """The title or the file's name (as words) names a gathering of talks ("Dubbo 开发者沙龙", "kubecon meetup2019")."""
    return any(_GATHERING.search(t) or _GATHERING_CJK.search(t) for t in (title, stem)) or bool(_EVENT_NAME.search(title))


_FRONT_KEYS = (("title", "Title"), ("conference", "Conference"), ("event", "Event"), ("speaker", "Speaker"),
               ("speakers", "Speakers"))


def _front_line(src: Source, key: str) -> int | None:
    """The line of the file where the front matter sets ``key`` (the opening "---" is line 1)."""
    if not src.front:
        return None
    lines = src.front[0].split("\n")
    toml = lines[0] == "+++"  # (Hugo's TOML front matter keeps its opening line: "title = ...")
    at = next((i for i, x in enumerate(lines) if re.match(rf"{key}\s*{'[=:]' if toml else ':'}", x, re.IGNORECASE)),
              None)
    return None if at is None else at + (1 if toml else 2)


def front_matter_entries(doc: Document, src: Source) -> None:
    """Front matter values a reader would search for (title, conference, speakers) as entries at their
    lines: the title of a post that is one talk is that talk's heading; the others read "Key: value"."""
    if not src.front or not src.meta:
        return
    talk = doc.talks[0] if len(doc.talks) == 1 and doc.talks[0].line > 1 else None
    found: list[Entry] = []
    for key, label in _FRONT_KEYS:
        value = src.meta.get(key)
        line = _front_line(src, key) if value else None
        if line is None:
            continue
        text = one_line(unescape_entities(str(value)))  # ("&#58;" as ":": as the talk's title and speakers read)
        if key == "title" and talk is not None and talk.line == line:
            found.append(Entry("talk", text, [text], doc.file, line))
        else:
            found.append(Entry("paragraph", f"{label}: {text}", [], doc.file, line))
    doc.entries[:0] = sorted(found, key=lambda e: e.line)


def only_h1(tokens: list[dict[str, Any]]) -> tuple[str, int] | None:
    """(title, line) of the file's one level-1 heading when it comes first and names no day or talk."""
    h1 = the_h1(tokens)
    if h1 is None:
        return None
    title = one_line(flat_of(h1).text)
    if not title or classify_day(title) is not None or TALK_RE.match(title) or LABELLED_TALK.match(title):
        return None
    return title, int(h1["line"])


def single_talk_post(doc: Document, src: Source, walker: WalkState, h1: tuple[str, int] | None = None,
                      forced_one: bool = False, lead: LeadLine | None = None, recording: str | None = None) -> None:
    """A post with no days and no talks is one talk when it has a title: front matter ``title:``, a
    ``Title:`` line, or (when it names a speaker) its one ``#`` heading. Its metadata lines (even in an
    indented block), front matter and video/slides links describe the talk; its headings are its sections."""
    if doc.talks or doc.days:
        return
    pre = walker.pre_talk
    meta = src.meta
    title = meta.get("title")
    if isinstance(title, str):
        title = unescape_entities(title)  # "Ginny Redish&#58; How to ...": front matter as a site wrote it, not HTML
    if title and collection_title(str(title)) and not forced_one and not decorated_title(str(title)):
        title = None  # "QConSP 2018": the event, not a talk
    line = 1
    if title:
        line = _front_line(src, "title") or 1
    else:
        for line_no, text in enumerate(src.body.split("\n"), 1):  # (the front matter's lines are blank)
            clean = re.sub(r"^[*_]{1,2}([^*_]+?)(?:[*_]{1,2}\s*:|:[*_]{1,2})", r"\1:", text.strip())  # **Title**: / **Title:**
            m = META_LINE.match(clean)
            if m and m.group(1).lower() in _TITLE_KEYS and m.group(2).strip():
                title, line = m.group(2).strip().strip("*_").strip(), line_no
                if collection_title(title) and not decorated_title(title):
                    title = None  # "title:: RustNation UK 2025": the event
                break
    used_h1 = False
    if not title and h1 is not None and (forced_one or recording or pre is not None and pre.speakers
                                         or not collection_title(h1[0], False) or decorated_title(h1[0])):
        title, line = h1
        used_h1 = True
    from_lead = not title and lead is not None
    if lead is not None and from_lead:  # a first plain line with a session code or a label, no heading above
        title, line = lead.title, lead.line
    if not title:
        return
    code, name, speakers = split_talk_heading(decorated_title(str(title)) or str(title))
    if lead is not None and from_lead and not speakers:
        name, speakers = speakers_in_title(name)  # "Keynote - Werner Vogels"
        speakers = speakers or lead.speakers  # "Jane Doe - Principal Engineer" under it
    if meta.get("speaker") or meta.get("speakers"):
        speakers = parse_speakers(unescape_entities(str(meta.get("speaker") or meta.get("speakers"))))
    elif pre is not None and pre.speakers and not from_lead:
        speakers = pre.speakers
    last = len(walker.lines)
    while last > 1 and not walker.lines[last - 1].strip():
        last -= 1
    sections = [e.text for e in doc.entries if e.kind == "section" and not (used_h1 and e.line == line)]
    video = meta.get("video") or (pre.video if pre else None) or recording  # (``recording``: the one its title links)
    slides = meta.get("slides") or (pre.slides if pre else None)
    event = meta.get("conference") or meta.get("event") or (pre.conference if pre else None)
    if not (forced_one or speakers or video or slides or code or from_lead or event or decorated_title(str(title))
            or has_talk_label(str(title)) or one_keynote(str(title))) and (
            _names_gathering(str(title), words := _file_words(src.path)) or not _names_one_talk(str(title), words)):
        # news of a meetup or a conference, or a title alone: nothing in it of one talk (no speaker, video, slides,
        # session code, talk word)
        return
    talk = Talk(day=None, code=code or meta.get("code"), title=name, heading=str(title), file=doc.file,
                line=line, end_line=max(last, line), speakers=speakers,
                video=video, slides=slides,
                description=pre.description if pre else None,
                conference=event,
                sections=sections)
    if doc.title is None and talk.conference:
        doc.title = talk.conference
    doc.talks.append(talk)
