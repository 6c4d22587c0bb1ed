"""The persistent index: each notes file parsed once and kept in SQLite, re-read only when it changes.

One database (``index.sqlite3``) in the user cache folder (``REINVENT_CACHE_DIR`` overrides). Files are
keyed by absolute path, size and mtime_ns; a changed, added or deleted file is re-read alone. A warm
run never imports the parser (mistune, yaml): it reads only what the command needs --

* ``files``: one row per notes file: its key, its head (title, date, days, warnings) as JSON, and
  per entry its kind, day and number of terms as packed arrays (what scoring needs);
* ``entries``: one row per searchable entry (id = file id << SHIFT | its number in the file);
* ``postings``: per (term, file) the entries whose text has the term and those whose context has it;
* ``docs``: per file the talks, announcements, links and watch list as JSON;
* ``vocab``: every text term, also kept sorted in one blob in ``meta`` for the fuzzy look-ups.

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

from .model import Announcement, Day, Document, Entry, Link, Speaker, Talk, WatchItem

SCHEMA = 2
APP_ID = 0x52764E74  # "RvNt": marks the file as reinvent's
DB_NAME = "index.sqlite3"
SHIFT = 24  # entry id = file id << SHIFT | entry number
MASK = (1 << SHIFT) - 1
BUSY_TIMEOUT = 15.0
DOC_KINDS = {"talks": Talk, "announcements": Announcement, "links": Link, "watchlist": WatchItem}
_FINGERPRINT_MODULES = ("cache.py", "parse.py", "mdast.py", "source.py", "terms.py", "model.py")

_TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value);
CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, size INTEGER, mtime_ns INTEGER,
                   error TEXT, n INTEGER, wide INTEGER, head TEXT, kinds BLOB, days BLOB, nterms BLOB, lines BLOB,
                   breaks BLOB, terms TEXT);
CREATE TABLE entries(id INTEGER PRIMARY KEY, kind TEXT, text TEXT, line INTEGER, day INTEGER, extra TEXT);
CREATE TABLE postings(term TEXT, file_id INTEGER, tx BLOB, cx BLOB, PRIMARY KEY(term, file_id)) WITHOUT ROWID;
CREATE TABLE docs(file_id INTEGER, kind TEXT, data TEXT, PRIMARY KEY(file_id, kind)) WITHOUT ROWID;
CREATE TABLE vocab(term TEXT PRIMARY KEY) WITHOUT ROWID;
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
    from . import __version__

    here = os.path.dirname(os.path.abspath(__file__))
    parts = [f"v{__version__}", f"s{SCHEMA}"]
    for name in _FINGERPRINT_MODULES:
        try:
            st = os.stat(os.path.join(here, name))
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
            for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall():
                con.execute(f'DROP TABLE IF EXISTS "{name}"')
            for stmt in _TABLES.strip().split(";"):
                if stmt.strip():
                    con.execute(stmt)
            con.execute(f"PRAGMA application_id = {APP_ID}")
            con.execute(f"PRAGMA user_version = {SCHEMA}")
            con.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fp,))
            con.execute("INSERT INTO meta VALUES ('vocab', '')")
            con.execute("INSERT INTO meta VALUES ('vocab_dirty', 0)")
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
            con.execute("PRAGMA synchronous=NORMAL")
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


def file_rows(doc: Document) -> tuple:
    """A parsed file as rows: (n, wide, head, kinds, days, nterms, lines, breaks, terms, entries, postings, docs)."""
    from .terms import text_terms, url_terms

    memo: dict[str, frozenset[str]] = {}

    def tt(s: str) -> frozenset[str]:
        r = memo.get(s)
        if r is None:
            r = memo[s] = frozenset(text_terms(s))
        return r

    path_memo: dict[tuple[str, ...], frozenset[str]] = {}
    kind_names: list[str] = []
    kinds = bytearray()
    days = array("i")
    nterms = array("I")
    lines = array("i")
    breaks = bytearray()
    tx: dict[str, list[int]] = {}
    cx: dict[str, list[int]] = {}
    entries = []
    for i, e in enumerate(doc.entries):
        terms = tt(e.text)
        key = tuple(e.path)
        ctx = path_memo.get(key)
        if ctx is None:
            ctx = path_memo[key] = frozenset(t for p in key for t in tt(p))
        if e.context:
            ctx = set(ctx)
            for c in e.context:
                ctx |= url_terms(c) if c.startswith(("http://", "https://")) else tt(c)
        for t in terms:
            tx.setdefault(t, []).append(i)
        for t in ctx:
            if t not in terms:
                cx.setdefault(t, []).append(i)
        if e.kind not in kind_names:
            kind_names.append(e.kind)
        kinds.append(kind_names.index(e.kind))
        days.append(-1 if e.day is None else e.day)
        nterms.append(len(terms))
        lines.append(e.line)
        breaks.append(1 if e.breaks else 0)
        extra = json.dumps([e.path, e.breaks, e.context], ensure_ascii=False)
        entries.append((i, e.kind, e.text, e.line, e.day, extra))
    n = len(entries)
    wide = n > 0xFFFF
    code = "I" if wide else "H"
    postings = []
    for t in sorted(tx.keys() | cx.keys()):
        a, b = tx.get(t), cx.get(t)
        postings.append((t, array(code, a).tobytes() if a else None, array(code, b).tobytes() if b else None))
    head = json.dumps({
        "title": doc.title, "date": doc.date, "tags": doc.tags, "warnings": doc.warnings, "kinds": kind_names,
        "days": [[d.number, d.title, d.weekday, d.line] for d in doc.days],
    }, ensure_ascii=False)
    docs = {k: json.dumps([_pack(x) for x in getattr(doc, k)], ensure_ascii=False) for k in DOC_KINDS}
    terms_list = "\n".join(t for t, _, _ in postings)
    return (n, int(wide), head, bytes(kinds), days.tobytes(), nterms.tobytes(), lines.tobytes(), bytes(breaks),
            terms_list, entries, postings, docs)


def head_document(head: str, name: str, path: str) -> Document:
    h = json.loads(head)
    return Document(
        file=name, path=path, title=h["title"], date=h["date"], tags=h["tags"], warnings=h["warnings"],
        days=[Day(num, title, wd, name, line) for num, title, wd, line in h["days"]],
    )


# --- the store -------------------------------------------------------------------------------------


class FileRow:
    __slots__ = ("id", "path", "size", "mtime_ns", "error", "n", "wide", "head")

    def __init__(self, row: Sequence[Any]) -> None:
        self.id, self.path, self.size, self.mtime_ns, self.error, self.n, self.wide, self.head = row


_FILE_COLS = "id, path, size, mtime_ns, error, n, wide, head"


class Store:
    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self.con = con
        self.path = path
        self._vocab_set: set[str] | None = None

    def close(self) -> None:
        _rollback(self.con)
        self.con.close()

    def file_rows(self) -> dict[str, FileRow]:
        return {r[1]: FileRow(r) for r in self.con.execute(f"SELECT {_FILE_COLS} FROM files")}

    # writing

    def write(self, results: list[tuple]) -> None:
        """Store parsed files, each (key, size, mtime_ns, error or None, rows or None), in one transaction."""
        con = self.con
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise CacheUnusable(str(exc)) from None
        try:
            if self._vocab_set is None:
                self._vocab_set = {r[0] for r in con.execute("SELECT term FROM vocab")}
            new_terms: list[tuple[str]] = []
            # Postings of the whole batch go in term order: each page of the (term, file) tree is
            # then written once per batch rather than once per file.
            all_postings: list[tuple] = []
            for key, size, mtime_ns, error, rows in results:
                self._delete(key)
                if rows is None:
                    con.execute("INSERT INTO files(path, size, mtime_ns, error, n) VALUES (?,?,?,?,0)",
                                (key, size, mtime_ns, error))
                    continue
                n, wide, head, kinds, days, nterms, lines, breaks, terms, entries, postings, docs = rows
                fid = con.execute(
                    "INSERT INTO files(path, size, mtime_ns, error, n, wide, head, kinds, days, nterms, lines, breaks,"
                    " terms) VALUES (?,?,?,NULL,?,?,?,?,?,?,?,?,?)",
                    (key, size, mtime_ns, n, wide, head, kinds, days, nterms, lines, breaks, terms)).lastrowid
                base = fid << SHIFT
                con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?)",
                                [(base | i, k, t, ln, d, x) for i, k, t, ln, d, x in entries])
                all_postings.extend((t, fid, a, b) for t, a, b in postings)
                con.executemany("INSERT INTO docs VALUES (?,?,?)", [(fid, k, v) for k, v in docs.items()])
                for t, a, _ in postings:
                    if a and t not in self._vocab_set:
                        self._vocab_set.add(t)
                        new_terms.append((t,))
            all_postings.sort(key=lambda r: (r[0], r[1]))
            con.executemany("INSERT INTO postings VALUES (?,?,?,?)", all_postings)
            if new_terms:
                con.executemany("INSERT OR IGNORE INTO vocab VALUES (?)", new_terms)
                con.execute("UPDATE meta SET value=1 WHERE key='vocab_dirty'")
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            self._vocab_set = None
            raise

    def _delete(self, key: str) -> None:
        con = self.con
        row = con.execute("SELECT id, terms FROM files WHERE path=?", (key,)).fetchone()
        if row is None:
            return
        fid, terms = row
        base = fid << SHIFT
        con.execute("DELETE FROM entries WHERE id BETWEEN ? AND ?", (base, base | MASK))
        if terms:
            con.executemany("DELETE FROM postings WHERE term=? AND file_id=?", [(t, fid) for t in terms.split("\n")])
        con.execute("DELETE FROM docs WHERE file_id=?", (fid,))
        con.execute("DELETE FROM files WHERE id=?", (fid,))

    def prune(self, keys: Iterable[str]) -> None:
        """Forget files that no longer exist."""
        keys = list(keys)
        if not keys:
            return
        con = self.con
        con.execute("BEGIN IMMEDIATE")
        try:
            for key in keys:
                self._delete(key)
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise

    def vocab_dirty(self) -> bool:
        return bool(self.con.execute("SELECT value FROM meta WHERE key='vocab_dirty'").fetchone()[0])

    def refresh_vocab(self) -> None:
        con = self.con
        if not con.execute("SELECT value FROM meta WHERE key='vocab_dirty'").fetchone()[0]:
            return
        con.execute("BEGIN IMMEDIATE")
        try:
            if con.execute("SELECT value FROM meta WHERE key='vocab_dirty'").fetchone()[0]:
                blob = "\n".join(r[0] for r in con.execute("SELECT term FROM vocab ORDER BY term"))
                con.execute("UPDATE meta SET value=? WHERE key='vocab'", (blob,))
                con.execute("UPDATE meta SET value=0 WHERE key='vocab_dirty'")
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise

    # reading (inside the read transaction begun by begin_read)

    def begin_read(self) -> None:
        self.con.execute("BEGIN")

    def vocab(self) -> list[str]:
        blob = self.con.execute("SELECT value FROM meta WHERE key='vocab'").fetchone()[0]
        return blob.split("\n") if blob else []


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
                for r in self.rows:
                    doc = self.by_id[r.id]
                    base = r.id << SHIFT
                    cur = con.execute("SELECT kind, text, line, day, extra FROM entries WHERE id BETWEEN ? AND ?"
                                      " ORDER BY id", (base, base | MASK))
                    doc.entries = [_entry(k, t, ln, d, x, doc.file) for k, t, ln, d, x in cur]
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


def _entry(kind: str, text: str, line: int, day: int | None, extra: str | None, name: str) -> Entry:
    path, breaks, context = json.loads(extra) if extra else ([], [], [])
    return Entry(kind, text, path, name, line, day, breaks, context)


def _chunks(seq: Sequence[Any], n: int):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


class StoreIndex:
    """The search index over the store: the same interface as search.SearchIndex, read on demand."""

    def __init__(self, store: Store, rows: list[FileRow], names: dict[int, str]) -> None:
        self.store = store
        self.names = names
        self.wide = {r.id: r.wide for r in rows}
        self.size = sum(r.n for r in rows)
        self._vocab: list[str] | None = None
        self._meta: dict[int, tuple] = {}

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
        from .search import match_vocab

        return match_vocab(q, self.vocab, self._contains)

    def postings_for(self, terms: Iterable[str]) -> dict[str, tuple[set[int], set[int]]]:
        out: dict[str, tuple[set[int], set[int]]] = {t: (set(), set()) for t in terms}
        con = self.store.con
        for chunk in _chunks(list(out), 500):
            qs = ",".join("?" * len(chunk))
            for term, fid, tx, cx in con.execute(
                    f"SELECT term, file_id, tx, cx FROM postings WHERE term IN ({qs})", chunk):
                wide = self.wide.get(fid)
                if wide is None:
                    continue
                base = fid << SHIFT
                code = "I" if wide else "H"
                t_ids, c_ids = out[term]
                if tx:
                    t_ids.update(base | i for i in array(code, tx))
                if cx:
                    c_ids.update(base | i for i in array(code, cx))
        return out

    def prefetch(self, ids: Iterable[int]) -> None:
        fids = {i >> SHIFT for i in ids} - self._meta.keys()
        con = self.store.con
        for chunk in _chunks(sorted(fids), 500):
            qs = ",".join("?" * len(chunk))
            for fid, head, kinds, days, nterms, lines, breaks in con.execute(
                    f"SELECT id, head, kinds, days, nterms, lines, breaks FROM files WHERE id IN ({qs})", chunk):
                self._meta[fid] = (kinds, array("i", days), array("I", nterms), array("i", lines), breaks,
                                   json.loads(head)["kinds"])

    def kind(self, i: int) -> str:
        m = self._meta[i >> SHIFT]
        return m[5][m[0][i & MASK]]

    def day(self, i: int) -> int | None:
        d = self._meta[i >> SHIFT][1][i & MASK]
        return None if d == -1 else d

    def nterms(self, i: int) -> int:
        return self._meta[i >> SHIFT][2][i & MASK]

    def file_name(self, i: int) -> str:
        return self.names[i >> SHIFT]

    def line(self, i: int) -> int:
        return self._meta[i >> SHIFT][3][i & MASK]

    def has_breaks(self, i: int) -> bool:
        return bool(self._meta[i >> SHIFT][4][i & MASK])

    def entries_for(self, ids: Iterable[int]) -> dict[int, Entry]:
        out: dict[int, Entry] = {}
        con = self.store.con
        for chunk in _chunks(sorted(ids), 500):
            qs = ",".join("?" * len(chunk))
            for i, k, t, ln, d, x in con.execute(
                    f"SELECT id, kind, text, line, day, extra FROM entries WHERE id IN ({qs})", chunk):
                out[i] = _entry(k, t, ln, d, x, self.names[i >> SHIFT])
        return out
