"""Evidence rules: small pure functions saying why a heading, bold line or list item is (or is not) a talk."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from reinvent_cli.lexicon import (
    ANNOUNCED_WORDS,
    COLLECTION_WORDS,
    GROUP_LIST_WORDS_CJK,
    GROUP_PLACE_WORDS,
    GROUP_TALK_WORDS,
    GROUP_TALK_WORDS_CJK,
    GROUP_TIME_WORDS,
    NOT_TALK_WORDS,
    SOCIAL_WORDS,
)
from reinvent_cli.lexicon import (
    SLIDE_HOSTS as _SLIDE_HOSTS,
)
from reinvent_cli.lexicon import (
    SPEAKER_KEYS as _SPEAKER_KEYS,
)
from reinvent_cli.lexicon import (
    VIDEO_HOSTS as _VIDEO_HOSTS,
)
from reinvent_cli.recognise.talk.media import video_in_text, video_key_of
from reinvent_cli.recognise.talk.names import is_person
from reinvent_cli.recognise.talk.speakers import (
    names_a_speaker,
    speaker_line,
    speakers_in_title,
)
from reinvent_cli.recognise.talk.talks import (
    LABELLED_TALK,
    has_talk_label,
    split_talk_heading,
    strip_time,
    strip_trailing_time,
)
from reinvent_cli.recognise.text.inline import (
    FlatInline,
    flat_of,
    one_line,
    trim_decor,
    url_host,
)
from reinvent_cli.recognise.text.meta_lines import META_LINE
from reinvent_cli.recognise.text.patterns import pattern

_OUTLINE_NUMBER = pattern(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-Z]\.)\s+")
BRACKETED_TAIL = pattern(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
_WORDS = "|".join(re.escape(w) for w in sorted(NOT_TALK_WORDS, key=len, reverse=True))
_NOT_TALK = pattern(rf"^(?:the |my |some |a |our )?(?:{_WORDS})(?:\s*(?:&|and|/|,)\s*\w+)?$", re.IGNORECASE)
_GROUP = pattern(
    r"^(?:(?:{t})(?:\s+(?:sessions?|talks|track|keynotes?))?|(?:{p})\s+(?-i:[A-Z0-9])\w{{0,11}})$".format(
        t="|".join(GROUP_TIME_WORDS), p="|".join(GROUP_PLACE_WORDS)),
    re.IGNORECASE,
)
_TALK_WORDS = "|".join(re.escape(w) for w in sorted(GROUP_TALK_WORDS, key=len, reverse=True))
# "Sessions", "Afternoon keynotes", "Talks I attended", "Session highlights", "Day 1 talks"
_GROUP_TALKS = pattern(rf"^(?:[\w'’-]+\s+){{0,2}}(?:{_TALK_WORDS})(?:\s+[\w'’-]+){{0,8}}$", re.IGNORECASE)
# "KubeConトーク一覧", "会議トーク一覧", "セッション一覧": a CJK talk word (after an event's name), a "list" word.
_GROUP_TALKS_CJK = pattern(r"^[^\n]{{0,40}}?(?:{t})(?:\s*(?:{l}))?$".format(
    t="|".join(GROUP_TALK_WORDS_CJK), l="|".join(GROUP_LIST_WORDS_CJK)))
_ANNOUNCED = pattern("|".join(re.escape(w) for w in ANNOUNCED_WORDS), re.I)
_SOCIAL = pattern("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in SOCIAL_WORDS), re.IGNORECASE)
_EVENT_LABEL = pattern(r"^(?:[\w.'’&+@-]+\s+){0,3}?(?:conference|konferenz)\b", re.IGNORECASE)
_SESSION_WORD = pattern(r"\b(?:sessions?|talks?|keynotes?|workshops?|presentations?|panels?|vortr[äa]ge|palestras|charlas)\b",
                        re.IGNORECASE)
_YEAR = pattern(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_COLLECTION = pattern("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in COLLECTION_WORDS), re.IGNORECASE)
_ROOM = pattern(r"(?:\(|@|\|)\s*(?:room|hall|stage|track|saal|salle|sala|raum|auditorium)\b", re.IGNORECASE)
_ANCHOR = pattern(r"<a\s+(?:name|id)\s*=", re.IGNORECASE)
_TAG = pattern(r"<[^<>]*>")
# Where a title may name its speakers: "(Name)", " - Name", "by Name", "Title, Name", "“Title” von Name".
_MAYBE_NAMED = pattern(r"[(\[（]|\s[-–—|/]\s|,\s|[”\"»]\s|[》」』][-–—\s]|\s(?:by|von|with|par|por|mit|de|avec|con|and|und|&)\s",
                       re.I)
_ONE_KEYNOTE = pattern(r"\bkeynote\b", re.IGNORECASE)


def clean_title(text: str) -> str:
    """A heading's text as a title: inline HTML (``<a name>`` anchors) dropped, closing ``##`` gone, and an
    explicit heading id (``{#install}``, MDX's ``{/*install*/}``, read by mistune as ``{/install/}``) too."""
    if "<" in text:
        text = _TAG.sub("", text)
    text = " ".join(text.split()).rstrip("#").strip()
    if text.endswith("}"):
        text = _HEADING_ID.sub("", text) or text
    return text


# A heading's explicit id at its end: "{#custom-id}" (Pandoc, kramdown, Docusaurus), "{/*custom-id*/}" (MDX).
_HEADING_ID = re.compile(r"\s*\{(?:#[\w.:-]+|/\*?[\w.:-]+\*?/)\}$")


def heading_title(tok: dict[str, Any]) -> str:
    """A heading token's title, once per parse (kept on the token, as flat_of keeps its flattening): the
    walk and the announcement pass both read it."""
    title: str | None = tok.get("_title")
    if title is None:
        text = flat_of(tok).text
        title = tok["_title"] = (clean_title(text) if "<" in text or text.rstrip().endswith(("#", "}"))
                                 else one_line(text))
    return title


@lru_cache(maxsize=4096)  # (pure, on a heading's text: a folder repeats its headings)
def core(title: str) -> str:
    """The words that decide what a heading is: no outline number, decoration or trailing "(...)"."""
    t = _OUTLINE_NUMBER.sub("", trim_decor(BRACKETED_TAIL.sub("", strip_time(title.strip()))) or title)
    return trim_decor(BRACKETED_TAIL.sub("", t)) or trim_decor(t)


@lru_cache(maxsize=4096)
def not_talk(title: str) -> str | None:
    """Why a heading is no talk ("lunch", "table of contents"), or None."""
    c = core(title)
    if not any(ch.isalpha() for ch in c):
        return "no words"
    if _NOT_TALK.match(c):
        return f"'{c.lower()}' is no talk"
    short = len(c.split()) <= 8
    m = _SOCIAL.search(c) if short else None
    if m:
        return f"'{m.group(0).lower()}': a social event"
    if c.lower().replace("’", "'") in ("what's new", "what is new", "new launches", "launches"):
        return f"'{c}': a list of announcements"
    m = _ANNOUNCED.search(c) if short and not has_talk_label(c) else None
    if m:
        return f"'{m.group(0)}': a list of announcements"
    return None


@lru_cache(maxsize=4096)
def labelled(title: str) -> bool:
    """A session code or a talk label ("Keynote: ..."); not "Rust conference - remote - 2025" (an event)."""
    if not has_talk_label(title):
        return False
    return not (_EVENT_LABEL.match(strip_time(title)) and _YEAR.search(title))


@lru_cache(maxsize=4096)
def group_word(title: str) -> str | None:
    """Why a heading groups talks ("Morning", "Track A", "Sessions I attended"), or None."""
    c = core(title)
    if _GROUP.match(c) or _GROUP_TALKS.match(c) and not LABELLED_TALK.match(c) or _GROUP_TALKS_CJK.match(c):
        return f"'{c}' groups talks"
    return None


def one_keynote(title: str) -> bool:
    return bool(_ONE_KEYNOTE.search(title))


def names_sessions(text: str) -> bool:
    """A lead-in or heading that talks about sessions ("Sessions I attended:", "Talks")."""
    return (bool(_SESSION_WORD.search(text)) or bool(_GROUP_TALKS_CJK.match(core(text.rstrip(":：")))))\
        and len(text) <= 80


def collection_title(title: str, keynote_is_talk: bool = True) -> bool:
    """A title naming an event or a set of notes ("QConSP 2018", "MSBuild 2024 Notes"), not one talk
    (with ``keynote_is_talk``, "re:Invent 2017 Keynote Recap" names one talk)."""
    t = strip_time(title)
    if labelled(t) or keynote_is_talk and _ONE_KEYNOTE.search(t):
        return False
    if _COLLECTION.search(t):
        return True
    rest = _YEAR.sub("", t)
    return bool(_YEAR.search(t)) and len(rest.split()) <= 4


def title_evidence(title: str) -> list[str]:
    """What a talk's own line says: a session code, a label, a time, a room, speakers."""
    found: list[str] = []
    t = strip_time(title)
    if t != title:
        found.append("a time")
    elif strip_trailing_time(title) != title:
        found.append("a time range")
    code, rest, named = split_talk_heading(title)
    if code:
        found.append(f"code {code}")
    elif LABELLED_TALK.match(t):
        found.append("a label")
    if _ROOM.search(title):
        found.append("a room")
    if named or _MAYBE_NAMED.search(rest) and speakers_in_title(rest)[1]:
        found.append("speakers in the title")
    return found


def block_evidence(blocks: list[dict[str, Any]], lines: list[str] | None = None) -> list[str]:
    """What the first blocks after a talk's line say: a speaker line, a video, slides (``lines``: the
    file's lines, so that a speaker line is read as written: "_Name_", "**Name (Org)**")."""
    found: list[str] = []
    for n, tok in enumerate(blocks[:4]):
        if n < 3 and lines and kind_has_text(tok) and _short_speaker_line(_raw(tok, lines)):
            _add(found, "a speaker line")
        kind = tok.get("type")
        if kind == "block_html":
            raw = str(tok.get("raw", ""))
            if video_in_text(raw):
                _add(found, "a video")
            continue
        if kind == "heading" and n < 2 and _short_speaker_line(_text(tok)):
            _add(found, "a speaker line")
        for flat in _texts(tok):
            if n < 3 and (names_a_speaker(flat) or _short_speaker_line(flat.text.split("\n")[0])
                          or _speaker_label_over_list(flat, blocks[n + 1:n + 2])):
                _add(found, "a speaker line")
            if video_in_text(flat.text) or any(url_host(lk.url).endswith(_VIDEO_HOSTS) for lk in flat.links):
                _add(found, "a video")
            if any(url_host(lk.url).endswith(_SLIDE_HOSTS) for lk in flat.links):
                _add(found, "slides")
    return found


def kind_has_text(tok: dict[str, Any]) -> bool:
    return tok.get("type") in ("paragraph", "block_text", "heading")


def _raw(tok: dict[str, Any], lines: list[str]) -> str:
    """The first line of a block as written in the file."""
    n = int(tok.get("line") or 0)
    return lines[n - 1] if 0 < n <= len(lines) else ""


def video_key(blocks: list[dict[str, Any]]) -> str | None:
    """The video right under a heading, without its timestamp: sections of one video are one talk."""
    for tok in blocks[:4]:
        for flat in _texts(tok):
            for lk in flat.links:
                if url_host(lk.url).endswith(_VIDEO_HOSTS):
                    return video_key_of(lk.url)
    return None


_VIDEO_SRC = pattern(r"https?://(?:www\.)?(?:youtube\.com|youtu\.be|vimeo\.com)/[^\s\"'<>]+", re.IGNORECASE)


def deep_video(blocks: list[dict[str, Any]], start: int = 0, end: int = 16) -> str | None:
    """The one video in a heading's first blocks (an embed, a component, or a link to a video site), without
    its timestamp; None when there is none, or more than one (a list of videos is no talk's)."""
    found = _deep_video_at(blocks, start, end)
    if found is None:
        return None
    again = _deep_video_at(blocks, found[0], end, skip=found[1])
    return found[1] if again is None else None


def video_people(blocks: list[dict[str, Any]], end: int = 16) -> list[str]:
    """The people linked by name in the paragraph that shows a section's video or leads into it ("Watch the
    talk by [Jane Roe](url) here:" over the embed): who gave that talk."""
    found = _deep_video_at(blocks, 0, end)
    if found is None:
        return []
    at = found[0]
    for tok in (blocks[at], blocks[at - 1] if at else None):
        if tok is None or tok.get("type") not in ("paragraph", "block_text"):
            continue
        people = [one_line(lk.text) for lk in flat_of(tok).links if is_person(lk.text)]
        if people:
            return list(dict.fromkeys(people))
    return []


def _deep_video_at(blocks: list[dict[str, Any]], start: int, end: int, skip: str = "") -> tuple[int, str] | None:
    """(block number, video) of the first video from ``start`` on that is not ``skip``."""
    for n, tok in enumerate(blocks[start:end], start):
        html = [tok] if tok.get("type") == "block_html" else [
            c for c in tok.get("children") or () if c.get("type") == "inline_html"]
        for h in html:  # an iframe, or a component: <YouTubeIframe src="..." />
            raw = str(h.get("raw", ""))
            found = video_in_text(raw) or (m.group(0) if (m := _VIDEO_SRC.search(raw)) else None)
            if found and video_key_of(found) != skip and "playlist" not in found:
                return n, video_key_of(found)
        if tok.get("type") == "block_html":
            continue
        for flat in _texts(tok):
            for lk in flat.links:
                if url_host(lk.url).endswith(_VIDEO_HOSTS) and video_key_of(lk.url) != skip and "playlist" not in lk.url:
                    return n, video_key_of(lk.url)
    return None


def _speaker_label_over_list(flat: FlatInline, after: list[dict[str, Any]]) -> bool:
    """"Presenters:" alone, the names in the list under it."""
    m = META_LINE.fullmatch(flat.text.strip()) if len(flat.text) <= 30 else None
    return bool(m and not m.group(2).strip() and m.group(1).lower().startswith(_SPEAKER_KEYS)
                and after and after[0].get("type") == "list")


@lru_cache(maxsize=4096)  # (pure; a line is read as written and as text, often the same)
def _short_speaker_line(text: str) -> bool:
    """A line that names speakers: short (names are), then as speakers.speaker_line reads it."""
    return len(text) <= 160 and speaker_line(text) is not None


def anchor_evidence(raw_title: str) -> list[str]:
    return ["an anchor"] if _ANCHOR.search(raw_title) else []


def _add(found: list[str], what: str) -> None:
    if what not in found:
        found.append(what)


def _text(tok: dict[str, Any]) -> str:
    return " ".join(flat_of(tok).text.split())


def _texts(tok: dict[str, Any]) -> Iterator[FlatInline]:
    """The paragraph of a block, or the first items of a list (a bounded look)."""
    kind = tok.get("type")
    if kind in ("paragraph", "block_text"):
        yield flat_of(tok)
    elif kind == "list":
        for item in (tok.get("children") or [])[:4]:
            for part in (item.get("children") or [])[:1]:
                if part.get("type") in ("paragraph", "block_text"):
                    yield flat_of(part)
    elif kind == "block_quote":
        for part in (tok.get("children") or [])[:2]:
            yield from _texts(part)


