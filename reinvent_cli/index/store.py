"""The persistent index: each notes file parsed once and kept in SQLite, re-read only when it changes.

One database (``index.sqlite3``) in the user cache folder (``REINVENT_CACHE_DIR`` overrides). Files are
keyed by absolute path, size and mtime_ns; a changed, added or deleted file is re-read alone. A warm
run never imports the parser (mistune, yaml): it reads only what the command needs --

* ``files``: one row per notes file: its key, its head (title, date, days, warnings) as JSON, per
  entry its kind, day, number of terms, line and path group as packed arrays (what scoring needs),
  and the heading path of each path group (entries under the same headings share one group), and its
  front matter as read (raw YAML, metadata, warning): an edit that leaves it unchanged skips YAML;
* ``entries``: per file, the text of each searchable entry and its line breaks and context when it has
  any, as one JSON array (an entry's id is file id << SHIFT | its number in the file);
* ``postings``: per (term, file) the entries whose text has the term, the path groups whose headings
  have it, and the entries whose own context (lead-in, parent bullet, link URL) has it, and per text
  posting the entry's kind and number of terms (``tk``: search bounds scores with it, without reading
  the file's arrays);
* ``postings_side``: the same for files stored a few at a time (an edited file): a small table, so one
  changed file writes a few pages rather than ~1,400 scattered ones of the big tree; their old postings
  stay in ``postings`` (listed in ``dead``; file ids are never reused, readers skip unknown ones) until a
  bigger write, or the 33rd file on the side, merges the side table and deletes the dead postings;
* ``docs``: per file the talks, announcements, links and watch list as JSON;
* ``meta`` 'vocab': every text term, sorted, in one blob (prefix and stem look-ups); ``typo``: their
  deletion neighbourhoods (SymSpell), for the typo look-ups.

Writes are transactions (WAL journal): a reader never sees half a file, two processes at once never
corrupt it, Ctrl-C rolls back. Any cache failure is a warning at most: the notes are then parsed.
"""

from __future__ import annotations

import bisect
import json
import os
import sqlite3
from array import array
from pathlib import Path
from typing import Any, Iterable, Sequence

from reinvent_cli.model import Announcement, Day, Document, Entry, Link, Speaker, Talk, WatchItem

SCHEMA = 5
APP_ID = 0x52764E74  # "RvNt": marks the file as reinvent's
DB_NAME = "index.sqlite3"
SHIFT = 24  # entry id = file id << SHIFT | entry number
MASK = (1 << SHIFT) - 1
BUSY_TIMEOUT = 15.0
SIDE_BATCH = 4  # a write of at most this many files puts their postings in the side table ...
SIDE_MAX_FILES = 32  # ... until it holds this many files' postings: then it is merged into the big one
DOC_KINDS = {"talks": Talk, "announcements": Announcement, "links": Link, "watchlist": WatchItem}
# What decides what is stored: every module of these folders (package-relative) and these modules.
_FINGERPRINT_FOLDERS = ("read", "recognise", "index")
_FINGERPRINT_MODULES = ("model.py", "lexicon.py")

_TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value);
CREATE TABLE files(id INTEGER PRIMARY KEY AUTOINCREMENT, side INTEGER DEFAULT 0, path TEXT UNIQUE NOT NULL, size INTEGER, mtime_ns INTEGER,
                   error TEXT, n INTEGER, wide INTEGER, head TEXT, knames TEXT, kinds BLOB, days BLOB, nterms BLOB, lines BLOB,
                   breaks BLOB, groups BLOB, paths TEXT, terms TEXT, front TEXT);
CREATE TABLE entries(file_id INTEGER PRIMARY KEY, data TEXT);
CREATE TABLE postings(term TEXT, file_id INTEGER, tx BLOB, gx BLOB, cx BLOB, tk BLOB, PRIMARY KEY(term, file_id))
    WITHOUT ROWID;
CREATE TABLE postings_side(term TEXT, file_id INTEGER, tx BLOB, gx BLOB, cx BLOB, tk BLOB, PRIMARY KEY(term, file_id))
    WITHOUT ROWID;
CREATE TABLE dead(file_id INTEGER PRIMARY KEY, terms TEXT);
CREATE TABLE docs(file_id INTEGER, kind TEXT, data TEXT, PRIMARY KEY(file_id, kind)) WITHOUT ROWID;
CREATE TABLE typo(key TEXT, term TEXT, PRIMARY KEY(key, term)) WITHOUT ROWID;
"""


class CacheUnusable(Exception):
    """The cache cannot be used this time (locked too long, unwritable): work without it."""


def cache_dir() -> Path:
    env = os.environ.get("REINVENT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reinvent"))


def db_path() -> Path:
    return cache_dir() / DB_NAME


def fingerprint() -> str:
    """Changes whenever the code that decides what is stored changes: then everything is re-read."""
    from reinvent_cli import __version__

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts = [f"v{__version__}", f"s{SCHEMA}"]
    names = list(_FINGERPRINT_MODULES)
    for folder in _FINGERPRINT_FOLDERS:
        try:
            names += sorted(f"{folder}/{n}" for n in os.listdir(os.path.join(package, folder)) if n.endswith(".py"))
        except OSError:
            parts.append(f"{folder}:-")
    for name in names:
        try:
            st = os.stat(os.path.join(package, name))
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:-")
    return "|".join(parts)


# --- opening, checking, rebuilding -----------------------------------------------------------------


def _remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(str(path) + suffix)
        except FileNotFoundError:
            pass


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
    return con


def _state(con: sqlite3.Connection, fp: str) -> str:
    """'ok', 'new' (empty file), 'stale' (ours, older code) or 'foreign' (not reinvent's)."""
    app = con.execute("PRAGMA application_id").fetchone()[0]
    if app == 0:
        n = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return "new" if n == 0 else "foreign"
    if app != APP_ID:
        return "foreign"
    if con.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
        return "stale"
    row = con.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
    return "ok" if row and row[0] == fp else "stale"


def _create(con: sqlite3.Connection, fp: str) -> None:
    con.execute("BEGIN IMMEDIATE")
    try:
        if _state(con, fp) != "ok":  # another process may have just done it
            for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall():
                con.execute(f'DROP TABLE IF EXISTS "{name}"')
            for stmt in _TABLES.strip().split(";"):
                if stmt.strip():
                    con.execute(stmt)
            con.execute(f"PRAGMA application_id = {APP_ID}")
            con.execute(f"PRAGMA user_version = {SCHEMA}")
            con.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fp,))
            con.execute("INSERT INTO meta VALUES ('vocab', '')")
            con.execute("INSERT INTO meta VALUES ('side_files', 0)")
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise


def _rollback(con: sqlite3.Connection) -> None:
    try:
        if con.in_transaction:
            con.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def _locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower()


def open_store(warnings: list[str]) -> "Store | None":
    """The cache, ready to use; None (and at most one warning) when it cannot be used."""
    folder = cache_dir()
    path = folder / DB_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        warnings.append(f"cache folder {folder} is not usable ({exc.strerror or exc}); working without the cache")
        return None
    fp = fingerprint()
    for attempt in range(2):
        con = None
        try:
            con = _connect(path)
            if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                con.execute("PRAGMA journal_mode=WAL")
            # A cache: no fsync (a crash of the machine may corrupt it; it is then found corrupt and rebuilt).
            # With it, every checkpoint of the WAL -- after one changed file too -- cost ~50 ms.
            con.execute("PRAGMA synchronous=OFF")
            con.execute("PRAGMA cache_size=-65536")  # 64 MB of pages: bulk writes touch many
            state = _state(con, fp)
            if state == "foreign":
                raise sqlite3.DatabaseError("not a reinvent cache")
            if state != "ok":
                _create(con, fp)
            return Store(con, path)
        except sqlite3.DatabaseError as exc:
            if con is not None:
                con.close()
            if _locked(exc) or attempt or isinstance(exc, sqlite3.OperationalError) and not _corrupt(exc):
                warnings.append(f"cache {path} is not usable ({exc}); working without the cache")
                return None
            warnings.append(f"cache {path} was corrupt or not reinvent's ({exc}); rebuilding it")
            try:
                _remove_db(path)
            except OSError as rm_exc:
                warnings.append(f"cannot remove {path} ({rm_exc.strerror or rm_exc}); working without the cache")
                return None
    return None


def _corrupt(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(s in text for s in ("malformed", "not a database", "no such table", "no such column", "corrupt"))


def clear() -> tuple[Path, bool]:
    path = db_path()
    existed = path.exists()
    _remove_db(path)
    return path, existed


def info() -> dict[str, Any]:
    path = db_path()
    out: dict[str, Any] = {"location": str(path), "exists": path.exists(), "files": 0, "entries": 0, "bytes": 0}
    if not path.exists():
        return out
    out["bytes"] = sum(os.path.getsize(str(path) + s) for s in ("", "-wal", "-shm") if os.path.exists(str(path) + s))
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
        try:
            if _state(con, fingerprint()) in ("foreign", "new"):
                out["status"] = "not a reinvent cache (it will be rebuilt)"
                return out
            out["files"] = con.execute("SELECT count(*) FROM files WHERE error IS NULL").fetchone()[0]
            out["unreadable"] = con.execute("SELECT count(*) FROM files WHERE error IS NOT NULL").fetchone()[0]
            out["entries"] = con.execute("SELECT coalesce(sum(n), 0) FROM files").fetchone()[0]
            out["status"] = "ok" if _state(con, fingerprint()) == "ok" else "stale (it will be rebuilt)"
        finally:
            con.close()
    except sqlite3.Error as exc:
        out["status"] = f"unreadable ({exc}; it will be rebuilt)"
    return out


# --- what is stored for one file (runs in worker processes) ----------------------------------------


def _pack(obj: Any) -> dict:
    d = dict(obj.__dict__)
    d.pop("file", None)
    if "speakers" in d:
        d["speakers"] = [[s.name, s.org] for s in d["speakers"]]
    return d


def _unpack(cls: type, d: dict, name: str) -> Any:
    d["file"] = name
    if "speakers" in d:
        d["speakers"] = [Speaker(n, o) for n, o in d["speakers"]]
    return cls(**d)


def _packed(values: Any, signed: bool = False) -> bytes:
    """An array of ints as bytes, in the narrowest type that holds them; the first byte is its type code."""
    a = array("b" if signed else "B")
    if values:
        lo, hi = min(values), max(values)
        if signed:
            code = "b" if -128 <= lo and hi < 128 else "h" if -32768 <= lo and hi < 32768 else "i" if -2**31 <= lo and hi < 2**31 else "q"
        else:
            code = "B" if hi < 256 else "H" if hi < 65536 else "I" if hi < 2**32 else "Q"
        a = array(code, values)
    return a.typecode.encode() + a.tobytes()


def _unpacked(blob: bytes) -> array:
    a = array(chr(blob[0]))
    a.frombytes(blob[1:])
    return a


def _extra(breaks: list[int], context: list[str]) -> str | None:
    """An entry's line breaks and context: "1,5" NUL context NUL context ...; JSON if a context has a NUL."""
    if not context:
        return ",".join(map(str, breaks)) if breaks else None
    s = "\x00".join(context)
    if s.count("\x00") != len(context) - 1:
        return json.dumps([breaks, context], ensure_ascii=False)
    return ",".join(map(str, breaks)) + "\x00" + s if breaks else "\x00" + s


def _unextra(extra: str | None) -> tuple[list[int], list[str]]:
    if not extra:
        return [], []
    if extra[0] == "[":
        breaks, context = json.loads(extra)
        return breaks, context
    head, *context = extra.split("\x00")
    return ([int(b) for b in head.split(",")] if head else []), context


def file_rows(doc: Document) -> tuple:
    """A parsed file as rows: (n, head, kinds, days, nterms, lines, breaks, groups, paths, terms, entries,
    postings as columns (terms, tx, gx, cx, tk), docs, front matter as read (JSON) or None).

    Entries under the same headings form one path group: the terms of the headings are posted once per
    group, not once per entry; an entry's own context (lead-in, parent bullet, URL) per entry, less the
    terms of its text and of its group."""
    from collections import defaultdict

    from reinvent_cli.index.terms import entry_terms, text_terms, url_terms

    memo: dict[str, set[str]] = {}

    def tt(s: str) -> set[str]:
        r = memo.get(s)
        if r is None:
            r = memo[s] = text_terms(s)  # (never changed)
        return r

    entries = doc.entries
    texts = [e.text for e in entries]
    term_sets = [entry_terms(e.kind, e.text, e.context) if e.kind == "link" else tt(e.text) for e in entries]
    nterms = [len(ts) for ts in term_sets]
    lines = [e.line for e in entries]
    days = [-1 if e.day is None else e.day for e in entries]
    kind_names: dict[str, int] = {}
    kinds = bytes([kind_names.setdefault(e.kind, len(kind_names)) for e in entries])
    group_of: dict[tuple[str, ...], int] = {}
    groups = [group_of.setdefault(tuple(e.path), len(group_of)) for e in entries]
    paths = [list(key) for key in group_of]
    group_terms = [frozenset(t for p in key for t in tt(p)) for key in group_of]
    breaks = bytes([1 if e.breaks else 0 for e in entries])
    extras = [_extra(e.breaks, e.context) if e.breaks or e.context else None for e in entries]
    tx: defaultdict[str, list[int]] = defaultdict(list)
    gx: defaultdict[str, list[int]] = defaultdict(list)
    cx: defaultdict[str, list[int]] = defaultdict(list)
    for g, gt in enumerate(group_terms):
        for t in gt:
            gx[t].append(g)
    for i, terms in enumerate(term_sets):
        for t in terms:
            tx[t].append(i)
    for i, e in enumerate(entries):
        if e.context:
            own: set[str] = set()
            for c in e.context:
                own |= url_terms(c) if c.startswith(("http://", "https://")) else tt(c)
            own -= term_sets[i]
            own -= group_terms[groups[i]]
            for t in own:
                cx[t].append(i)
    n = len(texts)
    code = "I" if n > 0xFFFF else "H"
    p_terms = sorted(tx.keys() | gx.keys() | cx.keys())
    p_tx, p_gx, p_cx = ([array(code, lst).tobytes() if lst else None for lst in map(d.get, p_terms)]
                        for d in (tx, gx, cx))
    # Per text posting, what bounds its score without the file's arrays: the kind (number in the file's
    # kind names) of each entry, then its number of terms (at most 255).
    words = bytes(min(k, 255) for k in nterms)
    p_tk = [bytes(map(kinds.__getitem__, lst)) + bytes(map(words.__getitem__, lst)) if lst else None
            for lst in map(tx.get, p_terms)]
    head = json.dumps({
        "title": doc.title, "date": doc.date, "tags": doc.tags, "warnings": doc.warnings,
        "days": [[d.number, d.title, d.weekday, d.line] for d in doc.days],
    }, ensure_ascii=False)
    docs = {k: json.dumps([_pack(x) for x in getattr(doc, k)], ensure_ascii=False) for k in DOC_KINDS}
    return (n, head, "\n".join(kind_names), b"B" + kinds, _packed(days, True), _packed(nterms), _packed(lines), breaks,
            _packed(groups), json.dumps(paths, ensure_ascii=False), "\n".join(p_terms),
            json.dumps([texts, extras], ensure_ascii=False),
            (p_terms, p_tx, p_gx, p_cx, p_tk), docs, None if doc.front is None else json.dumps(doc.front, ensure_ascii=False))


def head_documents(heads: Sequence[str], names: Sequence[str], paths: Sequence[str]) -> list[Document]:
    """The files' heads as Documents (parsed in one go: a thousand small JSON parses cost more)."""
    return [Document(file=name, path=path, title=h["title"], date=h["date"], tags=h["tags"], warnings=h["warnings"],
                     days=[Day(num, title, wd, name, line) for num, title, wd, line in h["days"]])
            for h, name, path in zip(json.loads("[" + ",".join(heads) + "]"), names, paths)]


# --- the store -------------------------------------------------------------------------------------


class FileRow:
    __slots__ = ("id", "path", "size", "mtime_ns", "error", "n", "wide", "head", "knames")

    def __init__(self, row: Sequence[Any]) -> None:
        self.id, self.path, self.size, self.mtime_ns, self.error, self.n, self.wide, self.head, self.knames = row


_FILE_COLS = "id, path, size, mtime_ns, error, n, wide, head, knames"


class Store:
    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self.con = con
        self.path = path

    def close(self) -> None:
        _rollback(self.con)
        self.con.close()

    def file_rows(self) -> dict[str, FileRow]:
        return {r[1]: FileRow(r) for r in self.con.execute(f"SELECT {_FILE_COLS} FROM files")}

    # writing

    def write(self, results: list[tuple]) -> None:
        """Store parsed files, each (key, size, mtime_ns, error or None, rows or None), in one transaction."""
        from itertools import repeat
        from operator import itemgetter

        from reinvent_cli.index.terms import typo_keys, typo_reach

        con = self.con
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise CacheUnusable(str(exc)) from None
        try:
            # A few files (a file edited since the last run): their postings go to the small side table
            # and the old ones stay, dead, in the big one (readers skip postings of unknown file ids; ids
            # are never reused). One changed file then writes a few pages instead of ~1,400 scattered
            # ones. A bigger batch, or too many files on the side, merges the side table and drops the dead.
            side = len(results) <= SIDE_BATCH
            side_files = con.execute("SELECT value FROM meta WHERE key='side_files'").fetchone()[0]
            if side and side_files + len(results) > SIDE_MAX_FILES:
                side = False
            vocab = self._vocab_terms()
            known = set(vocab)
            new_terms: set[str] = set()
            # Postings of the whole batch go in term order: each page of the (term, file) tree is
            # then written once per batch rather than once per file.
            all_postings: list[tuple] = []
            for key, size, mtime_ns, error, rows in results:
                self._delete(key, lazy=side)
                if rows is None:
                    con.execute("INSERT INTO files(path, size, mtime_ns, error, n) VALUES (?,?,?,?,0)",
                                (key, size, mtime_ns, error))
                    continue
                n, head, knames, kinds, days, nterms, lines, breaks, groups, paths, terms, entries, post, docs, front = rows
                fid = con.execute(
                    "INSERT INTO files(side, path, size, mtime_ns, error, n, wide, head, knames, kinds, days, nterms,"
                    " lines, breaks, groups, paths, terms, front) VALUES (?,?,?,?,NULL,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (int(side), key, size, mtime_ns, n, int(n > 0xFFFF), head, knames, kinds, days, nterms, lines,
                     breaks, groups, paths, terms, front)).lastrowid
                con.execute("INSERT INTO entries VALUES (?,?)", (fid, entries))
                p_terms, p_tx, p_gx, p_cx, p_tk = post
                all_postings.extend(zip(p_terms, repeat(fid), p_tx, p_gx, p_cx, p_tk))
                con.executemany("INSERT INTO docs VALUES (?,?,?)", zip(repeat(fid), docs.keys(), docs.values()))
                new_terms.update(t for t, a in zip(p_terms, p_tx) if a and t not in known)
            all_postings.sort(key=itemgetter(0, 1))
            if side:
                con.executemany("INSERT INTO postings_side VALUES (?,?,?,?,?,?)", all_postings)
                con.execute("UPDATE meta SET value=value+? WHERE key='side_files'", (len(results),))
            else:
                con.executemany("INSERT INTO postings VALUES (?,?,?,?,?,?)", all_postings)
                self._merge_side()
            if new_terms:
                # The vocabulary only grows (a term of a file gone stays; search skips terms without postings).
                con.execute("UPDATE meta SET value=? WHERE key='vocab'", ("\n".join(sorted(vocab + list(new_terms))),))
                typo = sorted({(k, t) for t in new_terms if typo_reach(t) for k in typo_keys(t, typo_reach(t))})
                con.executemany("INSERT OR IGNORE INTO typo VALUES (?,?)", typo)
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise

    def _vocab_terms(self) -> list[str]:
        blob = self.con.execute("SELECT value FROM meta WHERE key='vocab'").fetchone()[0]
        return blob.split("\n") if blob else []

    def _merge_side(self) -> None:
        """Side postings into the big table, dead postings out of it (inside a write transaction)."""
        con = self.con
        con.execute("INSERT INTO postings SELECT * FROM postings_side ORDER BY term, file_id")
        con.execute("DELETE FROM postings_side")
        con.execute("UPDATE files SET side=0 WHERE side=1")
        dead = sorted((t, fid) for fid, terms in con.execute("SELECT file_id, terms FROM dead") if terms
                      for t in terms.split("\n"))
        con.executemany("DELETE FROM postings WHERE term=? AND file_id=?", dead)
        con.execute("DELETE FROM dead")
        con.execute("UPDATE meta SET value=0 WHERE key='side_files'")

    def _delete(self, key: str, lazy: bool = False) -> None:
        con = self.con
        row = con.execute("SELECT id, terms, side FROM files WHERE path=?", (key,)).fetchone()
        if row is None:
            return
        fid, terms, on_side = row
        con.execute("DELETE FROM entries WHERE file_id=?", (fid,))
        if on_side:
            con.execute("DELETE FROM postings_side WHERE file_id=?", (fid,))
        elif lazy:
            con.execute("INSERT INTO dead VALUES (?,?)", (fid, terms))
        elif terms:
            con.executemany("DELETE FROM postings WHERE term=? AND file_id=?", [(t, fid) for t in terms.split("\n")])
        con.execute("DELETE FROM docs WHERE file_id=?", (fid,))
        con.execute("DELETE FROM files WHERE id=?", (fid,))

    def fronts(self, keys: Sequence[str]) -> dict[str, tuple]:
        """The front matter (source.Front) of these files as last read, for those that had one."""
        out: dict[str, tuple] = {}
        for chunk in _chunks(list(keys), 500):
            qs = ",".join("?" * len(chunk))
            for key, front in self.con.execute(f"SELECT path, front FROM files WHERE front IS NOT NULL AND path IN ({qs})", chunk):
                raw, meta, warning = json.loads(front)
                out[key] = (raw, meta, warning)
        return out

    def prune(self, keys: Iterable[str]) -> None:
        """Forget files that no longer exist."""
        keys = list(keys)
        if not keys:
            return
        con = self.con
        con.execute("BEGIN IMMEDIATE")
        try:
            side = len(keys) <= SIDE_BATCH
            for key in keys:
                self._delete(key, lazy=side)
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise

    # reading (inside the read transaction begun by begin_read)

    def begin_read(self) -> None:
        self.con.execute("BEGIN")

    def vocab(self) -> list[str]:
        return self._vocab_terms()

    def typo_candidates(self, keys: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(list(keys), 500):
            qs = ",".join("?" * len(chunk))
            out.update(r[0] for r in self.con.execute(f"SELECT term FROM typo WHERE key IN ({qs})", chunk))
        return out


class _FileMeta:
    """The packed per-entry columns of one file."""

    __slots__ = ("kinds", "days", "nterms", "lines", "breaks", "groups", "kind_names", "paths", "name")

    def __init__(self, row: Sequence[Any], name: str) -> None:
        knames, kinds, days, nterms, lines, breaks, groups = row
        self.kind_names = knames.split("\n")
        self.kinds = kinds[1:]
        self.days = _unpacked(days)
        self.nterms = _unpacked(nterms)
        self.lines = _unpacked(lines)
        self.breaks = breaks
        self.groups = _unpacked(groups)
        self.paths: list[list[str]] | None = None
        self.name = name


class _Reader:
    """Per-file columns and entries, read on demand."""

    def __init__(self, store: Store, names: dict[int, str]) -> None:
        self.store = store
        self.names = names
        self.meta: dict[int, _FileMeta] = {}
        self.texts: dict[int, tuple[list[str], list[str | None]]] = {}

    def load(self, fids: Iterable[int]) -> None:
        todo = sorted(set(fids) - self.meta.keys())
        con = self.store.con
        for chunk in _chunks(todo, 500):
            qs = ",".join("?" * len(chunk))
            for fid, *row in con.execute(
                    f"SELECT id, knames, kinds, days, nterms, lines, breaks, groups FROM files WHERE id IN ({qs})", chunk):
                self.meta[fid] = _FileMeta(row, self.names.get(fid, ""))

    def load_paths(self, fids: Iterable[int]) -> None:
        todo = sorted(f for f in set(fids) if self.meta[f].paths is None)
        con = self.store.con
        for chunk in _chunks(todo, 500):
            qs = ",".join("?" * len(chunk))
            for fid, paths in con.execute(f"SELECT id, paths FROM files WHERE id IN ({qs})", chunk):
                self.meta[fid].paths = json.loads(paths)

    def entries(self, ids: Iterable[int]) -> dict[int, Entry]:
        ids = sorted(ids)
        if not ids:
            return {}
        fids = {i >> SHIFT for i in ids}
        self.load(fids)
        self.load_paths(fids)
        self.load_texts(fids)
        out: dict[int, Entry] = {}
        for i in ids:
            texts, extras = self.texts.get(i >> SHIFT, ((), ()))
            j = i & MASK
            if j < len(texts):
                out[i] = self.entry(i, texts[j], extras[j])
        return out

    def load_texts(self, fids: Iterable[int]) -> None:
        todo = sorted(set(fids) - self.texts.keys())
        for chunk in _chunks(todo, 500):
            qs = ",".join("?" * len(chunk))
            for fid, data in self.store.con.execute(f"SELECT file_id, data FROM entries WHERE file_id IN ({qs})", chunk):
                texts, extras = json.loads(data)
                self.texts[fid] = (texts, extras)

    def file_entries(self, fid: int) -> list[Entry]:
        self.load((fid,))
        self.load_paths((fid,))
        self.load_texts((fid,))
        texts, extras = self.texts.get(fid, ((), ()))
        base = fid << SHIFT
        return [self.entry(base | j, text, extra) for j, (text, extra) in enumerate(zip(texts, extras))]

    def entry(self, i: int, text: str, extra: str | None) -> Entry:
        m = self.meta[i >> SHIFT]
        j = i & MASK
        breaks, context = _unextra(extra)
        day = m.days[j]
        return Entry(m.kind_names[m.kinds[j]], text, list(m.paths[m.groups[j]]), m.name, m.lines[j],
                     None if day == -1 else day, breaks, context)


class StoreNotes:
    """Fills the documents of a Notes from the store, one kind of list at a time."""

    def __init__(self, store: Store, rows: list[FileRow], docs: list[Document]) -> None:
        self.store = store
        self.rows = rows
        self.by_id = {r.id: d for r, d in zip(rows, docs)}

    def fill(self, documents: list[Document], kinds: Iterable[str]) -> None:
        con = self.store.con
        ids = list(self.by_id)
        for kind in kinds:
            if kind == "entries":
                reader = _Reader(self.store, {r.id: self.by_id[r.id].file for r in self.rows})
                for r in self.rows:
                    self.by_id[r.id].entries = reader.file_entries(r.id) if r.n else []
                continue
            cls = DOC_KINDS[kind]
            for chunk in _chunks(ids, 500):
                qs = ",".join("?" * len(chunk))
                for fid, data in con.execute(f"SELECT file_id, data FROM docs WHERE kind=? AND file_id IN ({qs})",
                                             [kind, *chunk]):
                    doc = self.by_id[fid]
                    setattr(doc, kind, [_unpack(cls, d, doc.file) for d in json.loads(data)])

    def search_index(self) -> "StoreIndex":
        return StoreIndex(self.store, self.rows, {r.id: self.by_id[r.id].file for r in self.rows})


def _ids_by_file(ids: Iterable[int]) -> dict[int, list[int]]:
    """Entry ids grouped by the file they belong to (the high bits of an id), order kept."""
    by_file: dict[int, list[int]] = {}
    for i in ids:
        f = i >> SHIFT
        lst = by_file.get(f)
        if lst is None:
            by_file[f] = [i]
        else:
            lst.append(i)
    return by_file


def _chunks(seq: Sequence[Any], n: int):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


class StoreIndex:
    """The search index over the store: the same interface as search.SearchIndex, read on demand."""

    def __init__(self, store: Store, rows: list[FileRow], names: dict[int, str]) -> None:
        self.store = store
        self.names = names
        self.size = sum(r.n for r in rows)
        self.codes = {r.id: "I" if r.wide else "H" for r in rows}  # how a file's postings are packed
        self.knames = {r.id: r.knames for r in rows}
        self.shift = SHIFT
        self.reader = _Reader(store, names)
        self._vocab: list[str] | None = None
        self._ctx_raw: dict[str, list[tuple[int, bytes | None, bytes | None]]] = {}
        self._text: dict[str, set[int]] = {}

    @property
    def vocab(self) -> list[str]:
        if self._vocab is None:
            self._vocab = self.store.vocab()
        return self._vocab

    def _contains(self, term: str) -> bool:
        v = self.vocab
        i = bisect.bisect_left(v, term)
        return i < len(v) and v[i] == term

    def has_term(self, term: str) -> bool:
        return self._contains(term)

    def matches(self, q: str) -> dict[str, float]:
        from reinvent_cli.index.search import match_vocab

        return match_vocab(q, self.vocab, self._contains, self._near)

    def _near(self, q: str) -> set[str]:
        from reinvent_cli.index.terms import typo_allowed, typo_keys

        return self.store.typo_candidates(typo_keys(q, typo_allowed(q)))

    def postings_for(self, terms: Iterable[str]) -> dict[str, set[int]]:
        """Per term: the entries with it in their text (the context part is kept for context_of)."""
        out: dict[str, set[int]] = {}
        todo = []
        for t in terms:
            if t in self._text:
                out[t] = self._text[t]
            else:
                out[t] = self._text[t] = set()
                self._ctx_raw[t] = []
                todo.append(t)
        con = self.store.con
        names, codes = self.names, self.codes
        for chunk in _chunks(todo, 500):
            qs = ",".join("?" * len(chunk))
            for term, fid, tx, gx, cx in con.execute(
                    f"SELECT term, file_id, tx, gx, cx FROM postings WHERE term IN ({qs}) UNION ALL"
                    f" SELECT term, file_id, tx, gx, cx FROM postings_side WHERE term IN ({qs})", chunk * 2):
                if fid not in names:
                    continue
                if tx:
                    out[term].update(map((fid << SHIFT).__or__, array(codes[fid], tx)))
                if gx or cx:
                    self._ctx_raw[term].append((fid, gx, cx))
        return out

    def file_postings(self, terms: Iterable[str]) -> dict[str, list[tuple[int, array, bytes]]]:
        """Per term, per loaded file having it in an entry's text: (file id, entry numbers, kinds and numbers
        of terms of those entries: see file_rows)."""
        out: dict[str, list[tuple[int, array, bytes]]] = {t: [] for t in terms}
        con = self.store.con
        names, codes = self.names, self.codes
        todo = list(out)
        for chunk in _chunks(todo, 500):
            qs = ",".join("?" * len(chunk))
            for term, fid, tx, tk in con.execute(
                    f"SELECT term, file_id, tx, tk FROM postings WHERE term IN ({qs}) AND tx IS NOT NULL UNION ALL"
                    f" SELECT term, file_id, tx, tk FROM postings_side WHERE term IN ({qs}) AND tx IS NOT NULL",
                    chunk * 2):
                if fid in names:
                    out[term].append((fid, array(codes[fid], tx), tk))
        return out

    def kind_names(self, fid: int) -> list[str]:
        return (self.knames.get(fid) or "").split("\n")

    def context_of(self, terms: Iterable[str], ids: set[int]) -> dict[str, set[int]]:
        """Per term: which of ``ids`` have it in their context (headings, lead-in) and not in their text."""
        out: dict[str, set[int]] = {}
        by_group: dict[int, dict[int, list[int]]] | None = None
        for t in terms:
            raw = self._ctx_raw.get(t)
            if raw is None:
                self.postings_for((t,))
                raw = self._ctx_raw[t]
            found: set[int] = set()
            for fid, gx, cx in raw:
                if gx:
                    if by_group is None:
                        by_group = self._by_group(ids)
                    cand = by_group.get(fid)
                    if cand:
                        for g in array(self.codes[fid], gx):
                            lst = cand.get(g)
                            if lst:
                                found.update(lst)
                if cx:
                    found.update(map((fid << SHIFT).__or__, array(self.codes[fid], cx)))
            found &= ids
            found -= self._text[t]
            out[t] = found
        return out

    def _by_group(self, ids: set[int]) -> dict[int, dict[int, list[int]]]:
        """The ids per file, per path group."""
        by_file = _ids_by_file(ids)
        self.reader.load(by_file)
        out: dict[int, dict[int, list[int]]] = {}
        for f, lst in by_file.items():
            groups = self.reader.meta[f].groups
            d: dict[int, list[int]] = {}
            for i, g in zip(lst, map(groups.__getitem__, [i & MASK for i in lst])):
                x = d.get(g)
                if x is None:
                    d[g] = [i]
                else:
                    x.append(i)
            out[f] = d
        return out

    def rows(self, ids: Sequence[int]) -> list[tuple]:
        """(id, kind, day (-1: none), number of terms, line, soft-wrapped, file name) of each of ``ids``, in order."""
        by_file = _ids_by_file(ids)
        self.reader.load(by_file)
        out: list[tuple] = []
        meta = self.reader.meta
        from itertools import repeat

        for f, lst in by_file.items():
            m = meta[f]
            js = [i & MASK for i in lst]
            kinds = map(m.kind_names.__getitem__, map(m.kinds.__getitem__, js))
            out.extend(zip(lst, kinds, map(m.days.__getitem__, js), map(m.nterms.__getitem__, js),
                           map(m.lines.__getitem__, js), map(m.breaks.__getitem__, js), repeat(m.name)))
        return out

    def entries_for(self, ids: Iterable[int]) -> dict[int, Entry]:
        return self.reader.entries(ids)

