"""The queries commands ask of the loaded notes. Pure functions: no terminal, no printing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from reinvent_cli.errors import NothingFound, UsageError
from reinvent_cli.index.match import TextVocabulary, match_query
from reinvent_cli.index.terms import text_terms
from reinvent_cli.model import Announcement, Document, Link, Talk, WatchItem
from reinvent_cli.notes.dates import DaySpec, date_of, weekday_of
from reinvent_cli.notes.dates import entry_on_day as entry_on_day  # re-exported: commands ask query for days
from reinvent_cli.notes.dates import missing_day as missing_day
from reinvent_cli.notes.dates import parse_day as parse_day
from reinvent_cli.notes.loaded import Notes

if TYPE_CHECKING:
    from reinvent_cli.index.parsed_query import Query

T = TypeVar("T")


# --- filters -------------------------------------------------------------------------------------


def files_matching(notes: Notes, conference: str | None, file: str | None) -> set[str] | None:
    """Names of the files --conference / --file select (None: no filter)."""
    if not conference and not file:
        return None
    return {d.file for d in notes.docs() if _match_conference(d, conference, file)}


def _match_conference(doc: Document, conference: str | None, file: str | None) -> bool:
    if conference and conference.lower() not in (doc.title or "").lower():
        return False
    return not (file and file.lower() not in doc.file.lower())


def talks(notes: Notes, day: DaySpec | None = None, track: str | None = None,
          conference: str | None = None, file: str | None = None, query: str | None = None) -> list[Talk]:
    """The talks of these days, track and files; with ``query``, those whose code, title or speakers match
    its words (typos allowed), best first."""
    out = []
    for doc in notes.docs("talks"):
        if not _match_conference(doc, conference, file):
            continue
        for t in doc.talks:
            if day and not day.matches(t.day, t.weekday, date_of(doc, t.day)):
                continue
            if track and not (t.code or "").upper().startswith(track.upper()):
                continue
            out.append(t)
    if query:
        out = _fuzzy_filter(out, query, lambda t: " ".join([t.code or "", t.title, *(f"{s.name} {s.org or ''}" for s in t.speakers)]))
    return out


_DAY_WORDS = re.compile(r"\bday\s*([0-9]{1,2})\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundTalk:
    """The talk a user asked for; ``attended`` is False for a talk of the watch list."""

    talk: Talk
    attended: bool = True


def code_key(code: str) -> str:
    """A session code as compared: any case, with or without its repeat suffix (SEC314-R = SEC314)."""
    return re.sub(r"-R[0-9]*$", "", code.strip().upper())


def watched_talk(w: WatchItem) -> Talk:
    """A watch-list entry as a talk: its code, title and video, no day, no notes."""
    return Talk(day=None, code=w.code, title=w.title, heading=w.title, file=w.file, line=w.line,
                end_line=w.line - 1, video=w.video)


def find_talk(notes: Notes, query: str, conference: str | None = None, file: str | None = None,
              day: DaySpec | None = None) -> FoundTalk:
    """A talk by session code (exactly, any case, with or without -R) or by words of its title (typos
    allowed), among the talks and then the watch list of the files ``conference`` / ``file`` select.

    ``day 2`` in the query is the same as ``day``. An ambiguous query is a UsageError naming the
    candidates; no match is NothingFound, whose hint suggests the closest codes or titles.
    """
    q = query.strip()
    if not q:
        raise UsageError("give a session code or words of a talk title")
    m = _DAY_WORDS.search(q)
    if m and day is None and _DAY_WORDS.sub(" ", q).strip():
        day, q = DaySpec(number=int(m.group(1))), _DAY_WORDS.sub(" ", q).strip()
    attended = talks(notes, day, None, conference, file)
    watched = [] if day else [watched_talk(w) for d in notes.docs("watchlist") if _match_conference(d, conference, file)
                              for w in d.watchlist]
    from reinvent_cli.index.parsed_query import parse_query  # (~1 ms: only talk, open, edit look a talk up)

    parsed = parse_query(q)
    if parsed.code:
        return _by_code(parsed.code, attended, watched)
    for pool, was_attended in ((attended, True), (watched, False)):
        covering = _fuzzy_filter(pool, parsed, _talk_text)
        if len(covering) > 1 and parsed.stop:  # the words left out tell them apart: "the keynote" of keynotes
            covering = _fuzzy_filter(covering, parsed.every_term(), _talk_text) or covering
        if len(covering) == 1:
            return FoundTalk(covering[0], was_attended)
        if covering:
            raise _ambiguous(query, covering)
    raise _no_talk(query, attended + watched, day)


def _talk_text(t: Talk) -> str:
    return f"{t.code or ''} {t.title} {speakers_names(t)}"


def _by_code(q: str, attended: list[Talk], watched: list[Talk]) -> FoundTalk:
    key = code_key(q)
    for pool, was_attended in ((attended, True), (watched, False)):
        same = [t for t in pool if t.code and code_key(t.code) == key]
        if same and len({(t.code, t.title, t.file) for t in same}) == 1:  # a watch list may name a talk twice
            return FoundTalk(same[0], was_attended)
        if same:
            raise _ambiguous(q, same)
    from rapidfuzz import fuzz, process  # only a code that is nowhere needs suggestions

    codes = sorted({t.code for t in attended + watched if t.code})
    ranked = process.extract(key, [code_key(c) for c in codes], scorer=fuzz.ratio, limit=3)
    close = [codes[i] for _, score, i in ranked if score >= 80]
    if close:
        raise NothingFound(f"no talk {q}; did you mean {' or '.join(close)}?")
    raise NothingFound(f"no talk {q}", hint="run `reinvent talks` to list them")


def _ambiguous(query: str, covering: list[Talk]) -> UsageError:
    twins = Counter(t.label for t in covering)  # the same talk in several files: name the file
    names = [t.label + _where(t, twins[t.label] > 1) for t in covering[:5]]
    hint = "which one: " + "; ".join(names) + "?"
    if len({t.file for t in covering}) > 1:
        hint += " (--file or --conference narrows it to one file)"
    elif any(t.day is not None for t in covering):
        hint += " (--day narrows it to one day)"
    return UsageError(f"{len(covering)} talks match {query!r}", hint=hint)


def _no_talk(query: str, pool: list[Talk], day: DaySpec | None) -> NothingFound:
    from rapidfuzz import fuzz, process  # only a query that matches nothing needs suggestions

    ranked = process.extract(query.lower(), [t.label.lower() for t in pool], scorer=fuzz.WRatio, limit=3)
    suggestions = [pool[i].label for _, score, i in ranked if score >= 70]
    hint = ("did you mean: " + "; ".join(suggestions) + "?") if suggestions else "run `reinvent talks` to list them"
    on_day = f" on day {day.number or day.weekday}" if day else ""
    return NothingFound(f"no talk matches {query!r}{on_day}", hint=hint)


def _where(t: Talk, with_file: bool) -> str:
    parts = [f"day {t.day}"] if t.day is not None else []
    if with_file:
        parts.append(f"{t.file}:{t.line}")
    return f" ({', '.join(parts)})" if parts else ""


def speakers_names(t: Talk) -> str:
    return " ".join(s.name for s in t.speakers)


def talk_source(notes: Notes, talk: Talk) -> str:
    """The markdown of a talk's notes as written, its heading line excluded."""
    from reinvent_cli.read.source import read_source  # (the store answers every other question)

    doc = next((d for d in notes.docs() if d.file == talk.file), None)
    if doc is None or not doc.path:
        return ""
    lines = read_source(doc.path).body.split("\n")  # front matter lines blank: a post's YAML is not its notes
    return "\n".join(lines[talk.line : talk.end_line]).strip("\n")


def announcements(notes: Notes, day: DaySpec | None = None, query: str | None = None,
                  conference: str | None = None, file: str | None = None) -> list[Announcement]:
    out = [a for d in notes.docs("announcements") if _match_conference(d, conference, file) for a in d.announcements
           if not day or day.matches(a.day, weekday_of(d, a.day), date_of(d, a.day))]
    if query:
        out = _fuzzy_filter(out, query, lambda a: " ".join([a.name, *a.details, a.url or ""]), launches=True)
    return out


def links(notes: Notes, query: str | None = None, domain: str | None = None,
          conference: str | None = None, file: str | None = None) -> list[Link]:
    out = [lk for d in notes.docs("links") if _match_conference(d, conference, file) for lk in d.links]
    if domain:
        dom = domain.lower().removeprefix("www.")
        out = [lk for lk in out if _host_matches(lk.url, dom)]
    if query:
        out = _fuzzy_filter(out, query, lambda lk: f"{lk.text} {lk.url} {lk.context}")
    return out


SHORT_HOSTS = {"youtube": ("youtu.be",), "youtube.com": ("youtu.be",)}  # a site's short links


def _host_matches(url: str, domain: str) -> bool:
    """``domain`` is the host or a parent of it (``youtube.com``), or a name of the site without its
    ending (``youtube``, ``github``); YouTube's short links count as YouTube's."""
    try:
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    except ValueError:
        return False
    if host in SHORT_HOSTS.get(domain, ()):
        return True
    if "." not in domain:
        return domain in host.split(".")[:-1]
    return host == domain or host.endswith("." + domain)


def _fuzzy_filter(items: Sequence[T], query: str | Query, text_of: Callable[[T], str], *,
                  launches: bool = False) -> list[T]:
    """Items whose text covers every term the query looks for, best first, order kept on ties. The terms are
    matched as search matches them, against the words of all the items as search does against the notes'
    (typos, word forms, joined and split words; stop words beside other words not asked for). ``launches``:
    the items are announcements, which an announcement word ("launch") is met by."""
    from reinvent_cli.index.parsed_query import as_query  # (~1 ms: only words given to a listing filter)

    q = as_query(query)
    asked = [t for t, announce in zip(q.content, q.announce) if not (launches and announce)]
    terms_of = [text_terms(text_of(item)) for item in items]
    found = match_query(TextVocabulary(set().union(*terms_of)), asked)
    splits = found.splits
    scored: list[tuple[float, int, T]] = []
    for n, (item, terms) in enumerate(zip(items, terms_of)):
        sims = [max((s for v, s in m.items() if v in terms or v in splits and terms.issuperset(splits[v])),
                    default=0.0) for m in found.terms]
        if all(sims):
            scored.append((-sum(sims), n, item))
    scored.sort(key=lambda x: (x[0], x[1]))
    return [item for _, _, item in scored]


@dataclass
class SpeakerRow:
    name: str
    org: str | None
    talks: list[str]
    file: str
    line: int


def speakers(notes: Notes, query: str | None = None) -> list[SpeakerRow]:
    """One row per speaker (by name), with their talks; with ``query``, the speakers whose name,
    organisation or talks match its words (typos allowed), best first."""
    rows: dict[str, SpeakerRow] = {}
    for t in notes.talks:
        for s in t.speakers:
            key = s.name.lower()
            label = t.label
            if key not in rows:
                rows[key] = SpeakerRow(s.name, s.org, [label], t.file, t.line)
            else:
                rows[key].talks.append(label)
                rows[key].org = rows[key].org or s.org
    found = sorted(rows.values(), key=lambda r: r.name.lower())
    if query:
        found = _fuzzy_filter(found, query, lambda r: " ".join([r.name, r.org or "", *r.talks]))
    return found


