"""The loaded notes and the queries over them. Pure functions: no terminal, no printing."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from reinvent_cli.errors import InputError, NothingFound, UsageError
from reinvent_cli.model import Announcement, Document, Entry, Link, Talk, WatchItem
from reinvent_cli.notes.days import DaySpec, _date_of, _weekday_of
from reinvent_cli.notes.days import entry_on_day as entry_on_day  # re-exported: commands ask query for days
from reinvent_cli.notes.days import missing_day as missing_day
from reinvent_cli.notes.days import parse_day as parse_day

if TYPE_CHECKING:
    from reinvent_cli.index.query import Query

T = TypeVar("T")
BUNDLED_NAME = "reinvent-2015.md"
NOTES_SUFFIXES = (".md", ".markdown")


def bundled_notes() -> Path:
    here = Path(__file__).resolve().parent.parent  # the package folder
    for candidate in (here / "data" / BUNDLED_NAME, here.parent / "data" / BUNDLED_NAME):
        if candidate.is_file():
            return candidate
    raise InputError(f"the bundled notes ({BUNDLED_NAME}) are missing from this installation")


def notes_paths(given: Iterable[str] | None) -> list[str]:
    """Paths from ``--notes`` (repeatable) or ``REINVENT_NOTES`` (``:``-separated); else the bundled file."""
    paths = [p for p in (given or []) if p]
    if not paths:
        env = os.environ.get("REINVENT_NOTES", "")
        paths = [p for p in env.split(os.pathsep) if p]
    return paths or [str(bundled_notes())]


def expand_paths(paths: list[str]) -> tuple[list[str | Path], set[str]]:
    """Files to read: given files as they are, folders searched recursively for notes files.

    Returns (files, the names of files given explicitly). A file found in a folder is named as
    ``Path(folder, name)`` would name it, and they come in Path order, but as plain strings (a
    thousand Path objects cost more than the rest of a warm search's file listing).
    """
    files: list[str | Path] = []
    explicit: set[str] = set()
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            top = str(p)
            found: list[str] = []
            _walk(top, "" if top == "." else top if top.endswith(os.sep) else top + os.sep, found, raw)
            found.sort(key=lambda f: f.split(os.sep))  # = sorted(map(Path, found)): Paths compare by parts
            files.extend(found)
        elif p.exists():
            files.append(p)
            explicit.add(str(p))
        else:
            raise InputError(f"{raw}: no such file or folder")
    return files, explicit  # a file reached twice is read once: the loader keys files by device and inode


SKIPPED_FOLDERS = frozenset({"node_modules"})


def _walk(folder: str, prefix: str, found: list[str], raw: str | None) -> None:
    """Notes files under ``folder``, as os.walk finds them (symlinked folders not entered, an unreadable
    sub-folder skipped, hidden files and folders and node_modules left out, as ripgrep does);
    ``raw``: the folder as given, whose being unreadable is an error."""
    here: list[str] = []
    subdirs: list[str] = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                name = entry.name
                if name.startswith(".") or name in SKIPPED_FOLDERS:
                    continue  # .git, .obsidian, .trash, a hidden note; node_modules' READMEs are not notes
                if is_dir:
                    try:
                        link = entry.is_symlink()
                    except OSError:
                        link = False
                    if not link:
                        subdirs.append(name)
                elif os.path.splitext(name)[1].lower() in NOTES_SUFFIXES:
                    try:
                        if entry.is_file():
                            here.append(prefix + name)
                    except OSError:
                        pass
    except OSError as exc:
        if raw is not None and exc.filename == folder:
            raise InputError(f"{raw}: cannot read folder ({exc.strerror or exc})") from None
        return
    found.extend(here)
    for name in subdirs:
        _walk(prefix + name, prefix + name + os.sep, found, None)


class Notes:
    """The loaded notes. ``documents`` is complete; from the cache, ``docs(kind, ...)`` reads only the
    lists asked for ("talks", "announcements", "links", "watchlist", "entries"), so a command pays
    only for what it shows."""

    ALL = ("talks", "announcements", "links", "watchlist", "entries")

    def __init__(self, documents: list[Document], warnings: list[str] | None = None, store: Any = None) -> None:
        self._documents = documents
        self.warnings = warnings if warnings is not None else []
        self.warnings[:] = dict.fromkeys(self.warnings)  # (a .reinvent.toml's warning comes with each file under it)
        self._store = store  # a cache.StoreNotes, or None when everything is in memory
        self._loaded: set[str] = set()
        self._entries_of: set[str] = set()  # files whose entries were read alone (with_entries)
        self._search_index: Any = None

    def docs(self, *kinds: str) -> list[Document]:
        """The documents, with (at least) these lists filled in; with no kinds, only their heads."""
        if self._store is not None:
            todo = [k for k in kinds if k not in self._loaded]
            if todo:
                import sqlite3

                try:
                    self._store.fill(self._documents, todo)
                    self._loaded.update(todo)
                except sqlite3.DatabaseError as exc:
                    self._drop_cache(exc)
        return self._documents

    def with_entries(self, files: Collection[str]) -> list[Document]:
        """These files' documents (by name) with talks and entries: from the cache, their entries alone."""
        docs, todo = self.docs("talks"), set(files) - self._entries_of
        if self._store is not None and "entries" not in self._loaded and todo:
            import sqlite3

            try:
                self._store.fill_entries(todo)
                self._entries_of |= todo
            except sqlite3.DatabaseError as exc:
                self._drop_cache(exc)
                docs = self.docs("talks")
        return [d for d in docs if d.file in files]

    @property
    def cache(self) -> Any:
        """The open cache these notes read from (index.store.Store), or None: parsed in memory."""
        return None if self._store is None else self._store.store

    @property
    def documents(self) -> list[Document]:
        return self.docs(*self.ALL)

    @property
    def talks(self) -> list[Talk]:
        return [t for d in self.docs("talks") for t in d.talks]

    @property
    def announcements(self) -> list[Announcement]:
        return [a for d in self.docs("announcements") for a in d.announcements]

    @property
    def links(self) -> list[Link]:
        return [lk for d in self.docs("links") for lk in d.links]

    @property
    def watchlist(self) -> list[WatchItem]:
        return [w for d in self.docs("watchlist") for w in d.watchlist]

    @property
    def entries(self) -> list[Entry]:
        return [e for d in self.docs("entries") for e in d.entries]

    def search_index(self) -> Any:
        """The search index: read from the cache on demand, or built in memory (--no-cache)."""
        if self._search_index is None:
            if self._store is not None:
                self._search_index = self._store.search_index()
            else:
                from reinvent_cli.index.search import SearchIndex

                self._search_index = SearchIndex(self.entries, self.announcements)
        return self._search_index

    def search(self, query: str, **kw: Any) -> Any:
        """search.search over these notes; a cache found broken half-way is dropped and the notes parsed."""
        import sqlite3

        from reinvent_cli.index.search import search

        if set(kw.get("kinds") or ()) == {"talk"}:
            kw["talks"] = self.talks  # talks whose notes are about the query, not only their titles
        try:
            return search(self.search_index(), query, **kw)
        except sqlite3.DatabaseError as exc:
            if self._store is None:
                raise
            self._drop_cache(exc)
            return search(self.search_index(), query, **kw)

    def close(self) -> None:
        """Close the cache these notes read from (notes no command will read)."""
        if self._store is not None:
            self._store.store.close()

    def _drop_cache(self, exc: Exception) -> None:
        from reinvent_cli.index import store as cache
        from reinvent_cli.notes.load import load

        self.warnings.append(f"cache {self._store.store.path} failed ({exc}); it will be rebuilt")
        try:
            self._store.store.close()
            cache._remove_db(self._store.store.path)
        except Exception:  # noqa: BLE001 - best effort
            pass
        fresh = load([Path(d.path) for d in self._documents], set(), use_cache=False, progress=False)
        self._documents, self._store, self._search_index = fresh.documents, None, None


def load_notes(given: Iterable[str] | None = None, *, use_cache: bool = True, progress: Any = None,
               idle: Any = None, only_small: bool = False) -> Notes:
    """Read and index every notes file the user pointed at (``idle``, ``only_small``: see load.load)."""
    from reinvent_cli.notes.load import load

    files, explicit = notes_files(given)
    notes: Notes = load(files, explicit, use_cache=use_cache, progress=progress, idle=idle, only_small=only_small)
    return notes


def notes_files(given: Iterable[str] | None = None) -> tuple[list[str | Path], set[str]]:
    """The files to read for these paths (see notes_paths, expand_paths); none is an InputError."""
    paths = notes_paths(given)
    files, explicit = expand_paths(paths)
    if not files:
        raise InputError(f"no notes files (*.md, *.markdown) in {', '.join(paths)}")
    return files, explicit


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
            if day and not day.matches(t.day, t.weekday, _date_of(doc, t.day)):
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
    from reinvent_cli.index.query import parse_query

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


def _label(t: Talk) -> str:
    return f"{t.code} - {t.title}" if t.code else t.title


def _ambiguous(query: str, covering: list[Talk]) -> UsageError:
    from collections import Counter

    twins = Counter(_label(t) for t in covering)  # the same talk in several files: name the file
    names = [_label(t) + _where(t, twins[_label(t)] > 1) for t in covering[:5]]
    hint = "which one: " + "; ".join(names) + "?"
    if len({t.file for t in covering}) > 1:
        hint += " (--file or --conference narrows it to one file)"
    elif any(t.day is not None for t in covering):
        hint += " (--day narrows it to one day)"
    return UsageError(f"{len(covering)} talks match {query!r}", hint=hint)


def _no_talk(query: str, pool: list[Talk], day: DaySpec | None) -> NothingFound:
    from rapidfuzz import fuzz, process  # only a query that matches nothing needs suggestions

    ranked = process.extract(query.lower(), [_label(t).lower() for t in pool], scorer=fuzz.WRatio, limit=3)
    suggestions = [_label(pool[i]) for _, score, i in ranked if score >= 70]
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
    from reinvent_cli.read.source import read_source

    doc = next((d for d in notes.docs() if d.file == talk.file), None)
    if doc is None or not doc.path:
        return ""
    lines = read_source(doc.path).body.split("\n")  # front matter lines blank: a post's YAML is not its notes
    return "\n".join(lines[talk.line : talk.end_line]).strip("\n")


def announcements(notes: Notes, day: DaySpec | None = None, query: str | None = None,
                  conference: str | None = None, file: str | None = None) -> list[Announcement]:
    out = [a for d in notes.docs("announcements") if _match_conference(d, conference, file) for a in d.announcements
           if not day or day.matches(a.day, _weekday_of(d, a.day), _date_of(d, a.day))]
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
    from urllib.parse import urlsplit

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
    from reinvent_cli.index.match import TextVocabulary, match_query
    from reinvent_cli.index.query import as_query
    from reinvent_cli.index.terms import text_terms

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
            label = f"{t.code} - {t.title}" if t.code else t.title
            if key not in rows:
                rows[key] = SpeakerRow(s.name, s.org, [label], t.file, t.line)
            else:
                rows[key].talks.append(label)
                rows[key].org = rows[key].org or s.org
    found = sorted(rows.values(), key=lambda r: r.name.lower())
    if query:
        found = _fuzzy_filter(found, query, lambda r: " ".join([r.name, r.org or "", *r.talks]))
    return found


