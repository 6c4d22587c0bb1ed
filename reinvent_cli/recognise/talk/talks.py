"""Talk headings: session codes, times before titles, labels ('Keynote: ...'), evidence that a heading is a talk."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from reinvent_cli.lexicon import TALK_LABELS as _TALK_LABELS
from reinvent_cli.model import Speaker
from reinvent_cli.recognise.talk.names import is_person
from reinvent_cli.recognise.talk.speakers import (
    LEADING_SPEAKER_LABEL,
    TRAILING_SPEAKER,
    looks_like_name,
    parse_speakers,
    person_heading,
    speakers_in_title,
)
from reinvent_cli.recognise.text.inline import FlatInline, flat_of
from reinvent_cli.recognise.text.patterns import TIME_PREFIX as _TIME_PREFIX
from reinvent_cli.recognise.text.patterns import TIME_SUFFIX as _TIME_SUFFIX
from reinvent_cli.recognise.text.patterns import pattern

# A session code: letters then digits, optional suffix (SEC314-R, GC-101); then " - ", ": " or " – ".
# Followed by a space alone, only the usual shape counts (DAT407 Title; not "ES2024 features", "WWDC24 recap").
# A year is no code ("KCD2024 recap", "AWS2023: ..."), nor one letter and digits ("H100: GPUs"), nor the
# start of a longer hyphenated number ("CVE-2024-3094 - ...").
_NOT_A_YEAR = r"(?![A-Z]+(?:19|20)\d\d\b(?!-))"


_CODE = rf"{_NOT_A_YEAR}(?:[A-Z]{{2}}[A-Z0-9]{{0,6}}\d{{2,4}}(?:-[A-Z0-9]{{1,4}})?|[A-Z]{{2,6}}-\d{{2,4}})"


_BARE_CODE = rf"{_NOT_A_YEAR}[A-Z]{{2,6}}\d{{3,4}}(?:-[A-Z0-9]{{1,4}})?"  # followed by a space alone


TALK_RE = pattern(rf"^(?:({_CODE})(?:\s*[:|]|\s*[–—]|\s+-)\s*|({_BARE_CODE})\s+)(.+)$")


# "KubeCon talk: Title", "Session - Title", "Keynote: Title": a talk without a session code.
LABELLED_TALK = pattern(
    r"^(?:[\w.'’&+@-]+\s+){0,3}?(lightning talk|talk|session|keynote|presentation|vortrag|conf[ée]rence|charla|ponencia)"
    r"\s*(?:[:–—|]|\s-)\s*(.+)$",
    re.IGNORECASE,
)


def split_talk_heading(title: str, trailing_speakers: bool = True) -> tuple[str | None, str, list[Speaker]]:
    """"DAT407 - Title (Name)" -> ("DAT407", "Title", [Speaker("Name")]); a time before it is dropped
    ("11:30 - Title", "2:00 PM – DAT407 Title")."""
    code, rest = None, strip_time(title.strip())
    m = TALK_RE.match(rest)
    if not m:
        lm = LABELLED_TALK.match(rest)
        if lm and lm.group(1).lower() in _TALK_LABELS:
            rest = lm.group(2).strip()
            m = TALK_RE.match(rest)  # "Session: DAT407 - Title"
    if m:
        code, rest = m.group(1) or m.group(2), m.group(3).strip()
    speakers: list[Speaker] = []
    sm = TRAILING_SPEAKER.match(rest) if trailing_speakers else None
    if sm:
        names = LEADING_SPEAKER_LABEL.sub("", sm.group(2))  # "(Speaker: Mark Ryland)"
        if looks_like_name(names):
            rest, speakers = sm.group(1), parse_speakers(names)
    return code, rest, speakers


def talk_parts(text: str) -> tuple[str | None, str, list[Speaker]]:
    """A talk's line (heading, bold line, list item) -> (code, clean title, speakers): the code and times
    here, the speakers as speakers.speakers_in_title reads them."""
    code, rest, _ = split_talk_heading(strip_trailing_time(text), trailing_speakers=False)
    person = person_heading(rest) if not code else None
    if person is not None:
        return code, rest, [person]  # "Rachel Moreau - CEO - Helix Cloud": one speaker, of that company
    clean, named = speakers_in_title(rest)
    if not named:
        if not code and rest != strip_time(text.strip()):  # "Invited talk: Jane Roe (MIT)": the label was all
            labelled = _label_then_name(strip_time(strip_trailing_time(text).strip()))
            if labelled[1]:
                return code, *labelled
        return code, *_label_then_name(rest)
    return code, clean or rest, named


# "A. Opening keynote: Maria Svensson", "C. Keynote: Jane Roe": a slot letter, a label, then who gave it.
_LABEL_NAME = pattern(r"^(?:[A-Z]\.\s+)?((?:[\w’'-]+\s+){0,3}?(?:keynote|talk|session|panel|workshop|vortrag))"
                         r"\s*:\s+(.+)$", re.IGNORECASE)


_PAREN_END = pattern(r"\s*\([^()]*\)\s*$")  # "Jane Roe (MIT)": her organisation


def _label_then_name(text: str) -> tuple[str, list[Speaker]]:
    m = _LABEL_NAME.match(text)
    if m and is_person(_PAREN_END.sub("", m.group(2).split(",")[0].split(" & ")[0].split(" and ")[0])):
        return m.group(1).strip(), parse_speakers(m.group(2))
    return text, []


def has_talk_label(title: str) -> bool:
    """A heading that says it is a talk: a session code or a label ("Keynote: ..."), after any time."""
    t = strip_time(title)
    return bool(TALK_RE.match(t) or LABELLED_TALK.match(t))


def strip_time(title: str) -> str:
    m = _TIME_PREFIX.match(title)
    return title[m.end():] if m else title


def strip_trailing_time(title: str) -> str:
    m = _TIME_SUFFIX.search(title) if any(c.isdigit() for c in title[-12:]) else None
    return title[:m.start()].rstrip() if m and m.start() > 0 else title


def block_texts(blocks: list[dict[str, Any]]) -> Iterator[FlatInline]:
    """The paragraphs of these blocks and of the first items of their lists (a bounded look)."""
    for tok in blocks:
        items = tok.get("children") or [] if tok.get("type") == "list" else [tok]
        for item in items[:10]:
            parts = item.get("children") or [] if item.get("type") == "list_item" else [item]
            for part in parts[:2]:
                if part.get("type") in ("paragraph", "block_text"):
                    yield flat_of(part)
