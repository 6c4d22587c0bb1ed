"""Speakers: names in a heading's '(Name, Org)', 'Speaker:' lines, lists of names with organisations."""

from __future__ import annotations

import re

from reinvent_cli.lexicon import _NOT_NAMES, _ROLE_WORDS, _SPEAKER_KEYS
from reinvent_cli.model import Speaker
from reinvent_cli.recognise.inline import _Inline
from reinvent_cli.recognise.meta import _META_RE

_TRAILING_SPEAKER = re.compile(r"^(.*\S)\s+\(([^()]{2,60})\)$")


_SPEAKER_LABEL = re.compile(r"^\s*(?:speakers?|presenters?|presented by|by|with)\s*:?\s+", re.IGNORECASE)


def _looks_like_name(text: str) -> bool:
    words = text.replace(",", " ").replace("&", " ").split()
    if any(w.lower().strip(".") in _NOT_NAMES or any(c.isdigit() for c in w) for w in words):
        return False
    return 1 < len(words) <= 8 and all(w[:1].isupper() or w.lower() in ("and", "de", "van", "von") for w in words)


def parse_speakers(text: str) -> list[Speaker]:
    """"Nate Wiger (AWS), Tom Kerr (Riot)" -> two speakers with orgs. A one-word part after a full name
    is that speaker's organisation ("Michael Hausenblas, AWS"); a job title is skipped, and the part
    after it is the organisation ("Jane Doe, Principal Engineer, Google Cloud")."""
    parts, depth, cur = [], 0, ""
    i = 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and (ch in ",;&" or text.startswith(" and ", i)):
            parts.append(cur)
            cur = ""
            i += 5 if ch == " " else 1
            continue
        cur += ch
        i += 1
    parts.append(cur)
    speakers: list[Speaker] = []
    after_role = False
    for part in parts:
        part = part.strip(" .")
        if not part:
            continue
        m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", part)
        if speakers and ({w.strip(".").lower() for w in part.split()} & _ROLE_WORDS
                         or re.match(r"head of\b", part, re.IGNORECASE)):
            after_role = True  # "Principal Engineer": a job title, no person
            continue
        last = speakers[-1] if speakers else None
        if m and m.group(1):
            speakers.append(Speaker(m.group(1).strip(), m.group(2).strip() or None))
        elif last is not None and last.org is None and (after_role or (" " not in part and " " in last.name)):
            speakers[-1] = Speaker(last.name, part)
        else:
            speakers.append(Speaker(part, None))
        after_role = False
    return speakers


def _names_a_speaker(flat: _Inline) -> bool:
    for line in flat.text.split("\n")[:4]:
        m = _META_RE.match(line.strip())
        if m and m.group(1).lower().startswith(_SPEAKER_KEYS) and m.group(2).strip():
            return True
    return False


def speakers_in_title(title: str) -> tuple[str, list[Speaker]]:
    """A talk heading's or bold line's text (code and time already stripped) -> (clean title, speakers):
    "Title (Name, Org)", "Title (Speaker: Name)"; no speakers -> (title, [])."""
    rest = title.strip()
    sm = _TRAILING_SPEAKER.match(rest)
    if sm:
        names = _SPEAKER_LABEL.sub("", sm.group(2))
        if _looks_like_name(names):
            return sm.group(1), parse_speakers(names)
    return rest, []


def speaker_line(text: str) -> list[Speaker] | None:
    """A line right after a talk's heading that names its speakers ("Speaker: Name, Org") -> the speakers;
    None when it names none."""
    m = _META_RE.match(text.strip())
    if m and m.group(1).lower().startswith(_SPEAKER_KEYS) and m.group(2).strip():
        return parse_speakers(m.group(2).strip()) or None
    return None
