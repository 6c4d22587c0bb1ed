"""A talk's metadata from the lines under it: Speaker:/Description:/Event:/Date: lines, its video and slides links."""

from __future__ import annotations

import bisect
import re

from reinvent_cli.lexicon import (
    DATE_KEYS as _DATE_KEYS,
)
from reinvent_cli.lexicon import (
    DESC_KEYS as _DESC_KEYS,
)
from reinvent_cli.lexicon import (
    EVENT_KEYS as _EVENT_KEYS,
)
from reinvent_cli.lexicon import (
    SLIDE_HOSTS as _SLIDE_HOSTS,
)
from reinvent_cli.lexicon import (
    SPEAKER_KEYS as _SPEAKER_KEYS,
)
from reinvent_cli.model import Speaker, Talk
from reinvent_cli.read.source import unescape_entities
from reinvent_cli.recognise.talk.media import SLIDES_TEXT, VIDEO_TEXT, video_in_text, video_url
from reinvent_cli.recognise.talk.reasons import Evidence, Fact
from reinvent_cli.recognise.talk.speakers import parse_speakers, speaker_line
from reinvent_cli.recognise.talk.talks import split_talk_heading
from reinvent_cli.recognise.text.inline import (
    BARE_URL,
    FlatInline,
    FlatLink,
    only_a_link,
    trim_decor,
    url_host,
)
from reinvent_cli.recognise.text.meta_lines import KV_LINE, META_LINE
from reinvent_cli.recognise.text.patterns import pattern
from reinvent_cli.recognise.walker.state import WalkState


def metadata(st: WalkState, flat: FlatInline, talk: Talk) -> None:
    """``Speaker:``/``Description:``/``Conference:``/``Date:`` lines, video and slides links of a talk."""
    ftext = flat.text
    # A metadata line has ":" or a dash after its key.
    if ":" in ftext or "-" in ftext or "\u2013" in ftext or "\u2014" in ftext:
        for line_text in ftext.split("\n"):
            m = META_LINE.match(line_text.strip())
            if m:
                value = m.group(2).strip()
                if "[[" in value:
                    value = _WIKI_LINK.sub(r"\1", value)  # "[[Greta Holm]]" (Logseq, Obsidian): the name
                _key_value(st, talk, m.group(1).lower(), value)
    if flat.links:
        media_links(talk, flat)
    elif talk.video is None and not talk.sections and ("{" in ftext or "<" in ftext):
        talk.video = video_in_text(ftext)  # "{{< youtube ID >}}"


def _key_value(st: WalkState, talk: Talk, key: str, value: str) -> None:
    if key.startswith(_SPEAKER_KEYS) and value and id(talk) not in st.speaker_seen:
        set_speakers(st, talk, parse_speakers(value), Evidence.FROM_KEY_LINE.of(key.capitalize()))
    elif key in _DESC_KEYS and value and not talk.description:
        talk.description = value
    elif key in _EVENT_KEYS and value and not talk.conference:
        talk.conference = value
    elif key in _DATE_KEYS and value and not st.doc.date and not talk.heading:
        st.doc.date = value  # the date of a one-talk post


def set_speakers(st: WalkState, talk: Talk, named: list[Speaker], source: Fact) -> None:
    """A talk's speakers from a line that names them (it wins over a "(...)" read off the heading)."""
    heard = {x.name.casefold() for x in talk.speakers}
    if heard and talk.heading and not heard & {x.name.casefold() for x in named}:
        # a Speaker: line naming others wins over a "(...)" read off the heading: it was no name
        talk.title = split_talk_heading(talk.heading, trailing_speakers=False)[1]
    talk.speakers = named
    st.speaker_seen.add(id(talk))
    st.speaker_look = 0
    st.speaker_from[talk.line] = source


def look_for_speakers(st: WalkState, raw: str, talk: Talk | None) -> None:
    """One of the first blocks after a talk's line (a paragraph, a list, a small heading, as written):
    if it names the talk's speakers ("Presenter: [Name](url), CTO", "by Name", "**Name (Org)**"), they are."""
    if talk is None or st.speaker_look <= 0 or id(talk) in st.speaker_seen:
        return
    st.speaker_look -= 1
    named = speaker_line(raw) if len(raw) <= 2000 else None
    if named:
        set_speakers(st, talk, named, Evidence.FROM_LINE_AFTER.of(" ".join(raw.split("\n")[0].split())[:60]))


def raw_lines(st: WalkState, line: int, limit: int = 12) -> str:
    """The source lines of the block at ``line`` (up to a blank line): what the note's author wrote."""
    out: list[str] = []
    for n in range(line - 1, min(len(st.lines), line - 1 + limit)):
        if not st.lines[n].strip():
            break
        out.append(st.lines[n])
    text = "\n".join(out)
    if "&" in text:
        text = unescape_entities(text)  # "Mart&iacute;n": a name
    if "::" in text:
        text = _PROPERTY.sub(r"\1: \2", text)  # Logseq "speaker:: [[Greta Holm]]"
    return text


def block_after(st: WalkState, line: int, talk: Talk | None, limit: int, nested: bool) -> str:
    """The raw lines of the block at ``line``; when that line is the talk's own (a bold line, a list item
    made a talk), the lines under it instead ("**Title**" over "Mit: A, B"; an item's second line or its
    nested item, ``nested``: only the lines indented under it)."""
    raw = raw_lines(st, line, limit)
    if talk is None or talk.line != line or "\n" not in raw:
        return raw
    first, *under = raw.split("\n")
    if nested:
        indent = len(first) - len(first.lstrip())
        kept = []
        for x in under:
            if len(x) - len(x.lstrip()) <= indent:
                break
            kept.append(x)
        under = kept
    return "\n".join(under)


_WIKI_LINK = pattern(r"\[\[([^\[\]|]+)(?:\|[^\[\]]*)?\]\]")
_PROPERTY = pattern(r"^(\s*[\w-]+)::\s*(?:\[\[([^\]]+)\]\])?", re.MULTILINE)


def media_links(talk: Talk, flat: FlatInline) -> None:
    """The video and slides among a paragraph's links: by their text, a label before them ("Video: <url>",
    "Watch - [here](url)"), or their host when the link is alone on its line."""
    before_sections = not talk.sections
    link_only = only_a_link(flat)
    lines = flat.text.split("\n")
    starts = [0]
    for x in lines[:-1]:
        starts.append(starts[-1] + len(x) + 1)
    # Links by line, and each line with its links' texts blanked, computed once: linear however
    # many links a paragraph holds (a per-link scan of every link was quadratic).
    on_line: dict[int, list[FlatLink]] = {}
    for other in flat.links:
        on_line.setdefault(bisect.bisect_right(starts, other.offset) - 1, []).append(other)
    bare_of: dict[int, str] = {}
    for lk in flat.links:
        host = url_host(lk.url)
        n = bisect.bisect_right(starts, lk.offset) - 1
        label = lines[n][: lk.offset - starts[n]]
        if n not in bare_of:
            bare_of[n] = _bare_line(lines[n], starts[n], on_line[n])
        label_words = label.strip(" *_:-–—|([").strip()
        short_label = bool(label_words) and len(label_words.split(maxsplit=3)) <= 3
        labelled_video = short_label and bool(VIDEO_TEXT.match(label_words))
        labelled_slides = short_label and bool(SLIDES_TEXT.match(label_words))
        bare = bare_of[n]
        line_only = not bare or (bare == label_words and (labelled_video or labelled_slides))
        if talk.video is None and before_sections and (
            VIDEO_TEXT.match(lk.text) or labelled_video
            or ((link_only or line_only) and video_url(lk.url))
        ):
            talk.video = lk.url
        elif talk.slides is None and (
            SLIDES_TEXT.match(lk.text) or host.endswith(_SLIDE_HOSTS) or (labelled_slides and not labelled_video)
        ):
            talk.slides = lk.url


def _bare_line(line_text: str, start: int, links: list[FlatLink]) -> str:
    """A line's words without its links' texts ("🎥 <url>": an emoji is no words)."""
    parts, pos = [], 0
    for other in links:
        begin = other.offset - start
        if begin >= pos:
            parts.append(line_text[pos:begin])
        pos = max(pos, begin + len(other.text))
    parts.append(line_text[pos:])
    return trim_decor(" ".join(parts))


def code_metadata(st: WalkState, raw: str) -> bool:
    """An indented/fenced block of ``Key: value`` lines naming a talk's speaker, event, date: metadata."""
    talk = st.talk or st.pre_talk
    if talk is None:
        return False
    rows = [x for x in raw.split("\n") if x.strip()]
    if not rows or len(rows) > 30 or not all(KV_LINE.match(x) for x in rows):
        return False
    texts = [re.sub(r"^[*_]{1,2}([^*_]+?)[*_]{1,2}\s*:", r"\1:", x.strip()) for x in raw.split("\n")]
    if not any(META_LINE.match(x) for x in texts):
        return False
    text = "\n".join(texts)
    links = [FlatLink(m.group(0), m.group(0), m.start()) for m in BARE_URL.finditer(text)]
    metadata(st, FlatInline(text, links), talk)
    return True
