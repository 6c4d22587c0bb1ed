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
    NOUN_MARKERS,
    POSSESSIVES,
    SCHEDULE_WORDS,
    SOCIAL_WORDS,
    SPEAKER_LABELS,
    TALK_PROSE,
)
from reinvent_cli.lexicon import (
    SLIDE_HOSTS as _SLIDE_HOSTS,
)
from reinvent_cli.lexicon import (
    SLIDE_KEYS as _SLIDE_KEYS,
)
from reinvent_cli.lexicon import (
    SPEAKER_KEYS as _SPEAKER_KEYS,
)
from reinvent_cli.recognise.talk.list_talks import lead_names, named_by_line, presented
from reinvent_cli.recognise.talk.media import GENERIC_LINK_TEXT, VIDEO_TEXT, video_in_text, video_key_of, video_url
from reinvent_cli.recognise.talk.names import is_person
from reinvent_cli.recognise.talk.reasons import Evidence, Fact
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
    FlatLink,
    flat_of,
    one_line,
    trim_decor,
    url_host,
)
from reinvent_cli.recognise.text.meta_lines import META_LINE
from reinvent_cli.recognise.text.patterns import pattern
from reinvent_cli.recognise.text.rules import RuleTable, first_answer

_OUTLINE_NUMBER = pattern(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-Z]\.)\s+")
BRACKETED_TAIL = pattern(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
_WORDS = "|".join(re.escape(w) for w in sorted({*NOT_TALK_WORDS, *SCHEDULE_WORDS}, key=len, reverse=True))
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
_TALK_PROSE = pattern(TALK_PROSE, re.IGNORECASE)
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
def not_talk(title: str) -> Fact | None:
    """Why a heading is no talk ("lunch", "table of contents"), or None: the first of NOT_TALK_RULES that
    fires on its core words (the Fact names that rule)."""
    c = core(title)
    hit = first_answer(NOT_TALK_RULES, c)
    return hit[1]._replace(rule=hit[0]) if hit is not None else None


def _short(c: str) -> bool:
    return len(c.split()) <= 8


def _no_words(c: str) -> Fact | None:
    return Evidence.NO_WORDS.of() if not any(ch.isalpha() for ch in c) else None


def _not_talk_words(c: str) -> Fact | None:
    return Evidence.NOT_A_TALK.of(c.lower()) if _NOT_TALK.match(c) else None


def _social(c: str) -> Fact | None:
    m = _SOCIAL.search(c)
    return Evidence.SOCIAL.of(m.group(0).lower()) if m else None


def _whats_new(c: str) -> Fact | None:
    return Evidence.ANNOUNCEMENTS.of(c) if c.lower().replace("’", "'") in _WHATS_NEW else None


_WHATS_NEW = frozenset(("what's new", "what is new", "new launches", "launches"))


def _announced(c: str) -> Fact | None:
    m = _ANNOUNCED.search(c) if not has_talk_label(c) else None
    return Evidence.ANNOUNCEMENTS.of(m.group(0)) if m else None


# Why a heading is no talk, tried in this order on its core words: (name, prefilter, rule). The prefilter (None:
# always) says whether the rule applies; the first rule that returns a Fact decides (as markdown-it-py's rulers).
NOT_TALK_RULES: RuleTable[str, Fact] = (
    ("no words", None, _no_words),  # "---", "2024"
    ("not-talk words", None, _not_talk_words),  # "Lunch", "Table of contents", "My takeaways"
    ("a social event", _short, _social),  # "Party at the pier"
    ("what's new", None, _whats_new),  # "What's new", "Launches"
    ("announced words", _short, _announced),  # "New announcements"
)


@lru_cache(maxsize=4096)
def labelled(title: str) -> bool:
    """A session code or a talk label ("Keynote: ..."); not "Rust conference - remote - 2025" (an event)."""
    if not has_talk_label(title):
        return False
    return not (_EVENT_LABEL.match(strip_time(title)) and _YEAR.search(title))


@lru_cache(maxsize=4096)
def group_word(title: str) -> Fact | None:
    """Why a heading groups talks ("Morning", "Track A", "Sessions I attended"), or None."""
    c = core(title)
    if _GROUP.match(c) or _GROUP_TALKS.match(c) and not LABELLED_TALK.match(c) or _GROUP_TALKS_CJK.match(c):
        return Evidence.GROUPS_TALKS.of(c)
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


def title_evidence(title: str) -> list[Fact]:
    """What a talk's own line says: a session code, a label, a time, a room, speakers."""
    found: list[Fact] = []
    t = strip_time(title)
    if t != title:
        found.append(_TIME)
    elif strip_trailing_time(title) != title:
        found.append(_TIME_RANGE)
    code, rest, named = split_talk_heading(title)
    if code:
        found.append(Evidence.CODE.of(code))
    elif LABELLED_TALK.match(t):
        found.append(_LABEL)
    if _ROOM.search(title):
        found.append(_ROOM_FACT)
    if named or _MAYBE_NAMED.search(rest) and speakers_in_title(rest)[1]:
        found.append(_SPEAKERS_IN_TITLE)
    return found


_TIME, _TIME_RANGE, _LABEL = Evidence.TIME.of(), Evidence.TIME_RANGE.of(), Evidence.LABEL.of()
_ROOM_FACT, _SPEAKERS_IN_TITLE = Evidence.ROOM.of(), Evidence.SPEAKERS_IN_TITLE.of()
_SPEAKER_LINE, _VIDEO, _SLIDES = Evidence.SPEAKER_LINE.of(), Evidence.VIDEO.of(), Evidence.SLIDES.of()
_TALK_PROSE_FACT = Evidence.TALK_PROSE.of()


def block_evidence(blocks: list[dict[str, Any]], lines: list[str] | None = None) -> list[Fact]:
    """What the first blocks after a talk's line say: a speaker line, a video, slides (``lines``: the
    file's lines, so that a speaker line is read as written: "_Name_", "**Name (Org)**")."""
    found: list[Fact] = []
    for n, tok in enumerate(blocks[:4]):
        if n < 3 and lines and kind_has_text(tok) and _short_speaker_line(_raw(tok, lines)):
            _add(found, _SPEAKER_LINE)
        kind = tok.get("type")
        if kind == "block_html":
            raw = str(tok.get("raw", ""))
            if video_in_text(raw):
                _add(found, _VIDEO)
            continue
        if kind == "heading" and n < 2 and (_short_speaker_line(_text(tok))
                                            or speaker_label_heading(_text(tok), blocks[n + 1:n + 2])):
            _add(found, _SPEAKER_LINE)
        for flat in _texts(tok):
            if n < 3 and (names_a_speaker(flat) or _short_speaker_line(flat.text.split("\n")[0])
                          or _speaker_label_over_list(flat, blocks[n + 1:n + 2])):
                _add(found, _SPEAKER_LINE)
            if video_in_text(flat.text) or any(video_url(lk.url) and not cited(flat, lk) for lk in flat.links):
                _add(found, _VIDEO)
            if any(url_host(lk.url).endswith(_SLIDE_HOSTS) for lk in flat.links) or n < 3 and _slides_line(flat):
                _add(found, _SLIDES)
            if n < 2 and kind == "paragraph" and _speaks_of_a_talk(flat.text[:800]):
                _add(found, _TALK_PROSE_FACT)
    return found


# Cheap tests before TALK_PROSE's search: a word that each of its phrases holds (lower case).
_PROSE_HINTS = ("talk", "session", "presentation", "keynote", "workshop", "tutorial", "attendee", "learn", "speaker",
                "we'll", "we’ll", "we will", "vortrag", "referent", "sprecher", "présentation", "conférence",
                "conference", "intervention", "charla", "ponencia", "sesi", "palestra", "sess", "quest",
                "セッション", "トーク", "講演", "本次", "本议题", "本场", "세션", "발표")


def _speaks_of_a_talk(text: str) -> bool:
    low = text.lower()
    return any(h in low for h in _PROSE_HINTS) and bool(_TALK_PROSE.search(text))


def _slides_line(flat: FlatInline) -> bool:
    """"Slides: <url>", "**발표자료**: http://bit.ly/x": a labelled link to the talk's slides."""
    head = flat.text.split("\n", 1)[0].replace("：", ":")
    key, colon, value = head.partition(":")
    return bool(colon) and len(key) <= 20 and key.strip(" *_").lower() in _SLIDE_KEYS and (
        "http" in value or bool(flat.links))


def kind_has_text(tok: dict[str, Any]) -> bool:
    return tok.get("type") in ("paragraph", "block_text", "heading")


def _raw(tok: dict[str, Any], lines: list[str]) -> str:
    """The first line of a block as written in the file."""
    n = int(tok.get("line") or 0)
    return lines[n - 1] if 0 < n <= len(lines) else ""


def cited(flat: FlatInline, lk: FlatLink) -> bool:
    """A talk's recording cited mid-sentence in a long paragraph of prose, by its own title ("… as we heard in the
    [welcoming keynote](https://youtu.be/…), GraphQL keeps growing …"): another talk's recording the section speaks
    of, not its own (which it links as "[Video](…)", "[the recording](…)", or on a line of its own)."""
    if lk.offset == 0 or len(flat.text) < 240:
        return False
    text = lk.text.strip()
    if len(text.split()) < 2 or VIDEO_TEXT.match(text) or GENERIC_LINK_TEXT.fullmatch(text):
        return False
    if text.split()[0].casefold() in _DESCRIBED:
        return False  # "who had [an extended segment](…)", "[his talk](…)": the section's own, described
    return len(flat.text.split()) >= 40 and not _OWN_RECORDING.search(flat.text[max(0, lk.offset - 40):lk.offset])


_DESCRIBED = NOUN_MARKERS | POSSESSIVES
# "watch the talk: [Title](…)", "the recording of [Title](…)": the section's own recording, led in by name
_OWN_RECORDING = pattern(r"(?:watch|recording|video|replay|here)\b[^.!?]{0,30}$|[:：]\s*$", re.IGNORECASE)


def video_key(blocks: list[dict[str, Any]]) -> str | None:
    """The video right under a heading (linked or embedded), without its timestamp: sections of one video are one
    talk."""
    for tok in blocks[:4]:
        if tok.get("type") == "block_html":
            embedded = video_in_text(str(tok.get("raw", "")))
            if embedded:
                return video_key_of(embedded)
            continue
        for flat in _texts(tok):
            for lk in flat.links:
                if video_url(lk.url):
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
    talk by [Jane Roe](url) here:" over the embed), or whom it tells on stage ("**Jane Roe** showed …"): who gave
    that talk."""
    found = _deep_video_at(blocks, 0, end)
    if found is None:
        return []
    at = found[0]
    for tok in (blocks[at], blocks[at - 1] if at else None):
        if tok is None or tok.get("type") not in ("paragraph", "block_text"):
            continue
        flat = flat_of(tok)
        people = [one_line(lk.text) for lk in flat.links if is_person(lk.text)]
        if people:
            return list(dict.fromkeys(people))
        on_stage = presented(one_line(flat.text)[:400])  # "**Jane Roe** opened with a history of …"
        if on_stage:
            return lead_names(on_stage[1])
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
                if video_url(lk.url) and video_key_of(lk.url) != skip and "playlist" not in lk.url \
                        and not cited(flat, lk):
                    return n, video_key_of(lk.url)
    return None


def _speaker_label_over_list(flat: FlatInline, after: list[dict[str, Any]]) -> bool:
    """"Presenters:" alone, the names in the list under it."""
    m = META_LINE.fullmatch(flat.text.strip()) if len(flat.text) <= 30 else None
    return bool(m and not m.group(2).strip() and m.group(1).lower().startswith(_SPEAKER_KEYS)
                and after and after[0].get("type") == "list")


_LABEL_ALONE = pattern(rf"^(?:{SPEAKER_LABELS})$", re.IGNORECASE)


def speaker_label_heading(title: str, after: list[dict[str, Any]]) -> bool:
    """"#### Speaker" (or "Sharing Guests") alone, over a "Name / Role, Org" line."""
    label = title.strip(" :：*_#")
    if len(label) > 30 or not _LABEL_ALONE.match(label) or not after or after[0].get("type") != "paragraph":
        return False
    return named_by_line(flat_of(after[0]).text.split("\n")[0]) is not None


@lru_cache(maxsize=4096)  # (pure; a line is read as written and as text, often the same)
def _short_speaker_line(text: str) -> bool:
    """A line that names speakers: short (names are), then as speakers.speaker_line reads it."""
    return len(text) <= 160 and speaker_line(text) is not None


def anchor_evidence(raw_title: str) -> list[Fact]:
    return [Evidence.ANCHOR.of()] if _ANCHOR.search(raw_title) else []


def _add(found: list[Fact], what: Fact) -> None:
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


