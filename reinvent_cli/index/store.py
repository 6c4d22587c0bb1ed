"""The persistent index: each notes file parsed once and kept in SQLite, re-read only when it changes.

One database (``index.sqlite3``) in the user cache folder (``REINVENT_CACHE_DIR`` overrides). Files are
keyed by absolute path, size and mtime_ns; a changed, added or deleted file is re-read alone. A warm
run never imports the parser (mistune, yaml): it reads only what the command needs --

* ``files``: one row per notes file: its key, its head (title, date, days, warnings) as JSON, per
  entry its kind, day, number of terms, line and path group as packed arrays (what scoring needs),
  and the heading path of each path group (entries under the same headings share one group), and its
  front matter as read (raw YAML, metadata, warning): an edit that leaves it unchanged skips YAML;
* ``entries``: per file, the text of each searchable entry and its line breaks and context when it has
  any, as one compressed JSON array (an entry's id is file id << SHIFT | its number in the file);
* ``postings``: per (term, batch of files written together) one row: per file of the batch having the
  term, one record -- the entries whose text has the term, the path groups whose headings have it, the
  context groups (entries with the same lead-in, parent bullet or link URL: ``files`` has each entry's)
  whose context has it, and per text entry its kind and number of terms (search bounds scores with them,
  without reading the file's arrays) -- and whether any has it in a text. A cold index of 1,000 files
  writes a few thousand rows, not one a term and file;
* ``postings_side``: the same for files stored a few at a time (an edited file): a small table, so one
  changed file writes a few pages rather than ~1,400 scattered ones of the big tree. A forgotten file's
  records stay where they are (listed in ``dead``; file ids are never reused, readers skip unknown ones)
  until a bigger write, or the 33rd file on the side, merges the side table and rewrites each row with
  dead records once, without them;
* ``docs``: per file the talks, announcements, links and watch list as compressed JSON;
* ``meta`` 'vocab': every text term, sorted, in one blob (prefix, stem and typo look-ups: typos are
  found in it with rapidfuzz, only for a query word the notes do not have).

Writes are transactions (WAL journal): a reader never sees half a file, two processes at once never
corrupt it, Ctrl-C rolls back. Free pages are given back when they dominate the file (auto_vacuum).
Any cache failure is a warning at most: the notes are then parsed.
"""

from __future__ import annotations

import sqlite3
import struct
from bisect import insort
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain, compress, repeat
from pathlib import Path
from typing import Any, NamedTuple

from reinvent_cli.index import schema
from reinvent_cli.index.rows import FileRows, Heads, Postings, batch_blob, batch_records, file_rows, head_documents, unz
from reinvent_cli.index.schema import CacheUnusable, clear, db_path, info
from reinvent_cli.index.stored_index import SHIFT, StoreIndex, StoreNotes, chunks

__all__ = [
    "SHIFT",
    "CacheUnusable",
    "FileRow",
    "Heads",
    "Parsed",
    "Store",
    "StoreIndex",
    "StoreNotes",
    "clear",
    "db_path",
    "file_rows",
    "head_documents",
    "info",
    "open_store",
]

SIDE_BATCH = 4  # a write of at most this many files puts their postings in the side table ...
SIDE_MAX_FILES = 32  # ... until it holds this many files' postings: then it is merged into the big one


class Parsed(NamedTuple):
    """One file to store: its cache key and, from the parse, an error or its rows."""

    key: str
    size: int
    mtime_ns: int
    error: str | None
    rows: FileRows | None


class FileRow(NamedTuple):
    """What is read of every file on each run."""

    id: int
    path: str
    size: int
    mtime_ns: int
    error: str | None
    n: int
    wide: int
    head: str
    knames: str


_FILE_COLS = "id, path, size, mtime_ns, error, n, wide, head, knames"


def open_store(warnings: list[str]) -> Store | None:
    """The cache, ready to use; None (and at most one warning) when it cannot be used."""
    folder = schema.cache_dir()
    path = folder / schema.DB_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        warnings.append(f"cache folder {folder} is not usable ({exc.strerror or exc}); working without the cache")
        return None
    fp = schema.fingerprint()
    for attempt in range(2):
        con = None
        try:
            con = schema.connect(path)
            if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                if con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                    con.execute("PRAGMA auto_vacuum = INCREMENTAL")  # must come before the first table
                con.execute("PRAGMA journal_mode=WAL")
            # A cache: no fsync (a crash of the machine may corrupt it; it is then found corrupt and rebuilt).
            # With it, every checkpoint of the WAL -- after one changed file too -- cost ~50 ms.
            con.execute("PRAGMA synchronous=OFF")
            con.execute("PRAGMA cache_size=-65536")  # 64 MB of pages: bulk writes touch many
            st = schema.state(con, fp)
            if st == "foreign":
                raise sqlite3.DatabaseError("not a reinvent cache")
            if st != "ok":
                schema.create(con, fp)
            return Store(con, path)
        except sqlite3.DatabaseError as exc:
            if con is not None:
                con.close()
            if (schema.locked(exc) or attempt
                    or isinstance(exc, sqlite3.OperationalError) and not schema.corrupt(exc)):
                warnings.append(f"cache {path} is not usable ({exc}); working without the cache")
                return None
            warnings.append(f"cache {path} was corrupt or not reinvent's ({exc}); rebuilding it")
            try:
                schema.remove_db(path)
            except OSError as rm_exc:
                warnings.append(f"cannot remove {path} ({rm_exc.strerror or rm_exc}); working without the cache")
                return None
    return None


_ONE_HEAD = struct.Struct("=3I").pack  # batch_blob's head for one file: 1, its id times 2 plus text, the record's end
_ROWS_AT_ONCE = 50  # postings rows a statement: ~40% less time than one a statement (executemany)


def _batch_rows(batch: int, posted: list[tuple[int, Postings]]) -> tuple[list[tuple[Any, ...]], set[str]]:
    """The postings rows (term, batch, text, blob) of a batch's files (each: its id times 2, its postings),
    in term order, and their text terms."""
    if len(posted) == 1:  # one file (an edit): its terms are sorted, one record each
        f2, post = posted[0]
        rows = [(t, batch, flag, _ONE_HEAD(1, f2 | flag, len(rec)) + rec)
                for t, flag, rec in zip(post.terms, post.text, post.recs)]
        return rows, set(compress(post.terms, post.text))
    fids_of: defaultdict[str, list[int]] = defaultdict(list)
    recs_of: defaultdict[str, list[bytes]] = defaultdict(list)
    text: set[str] = set()
    for f2, post in posted:
        for t, flag, rec in zip(post.terms, post.text, post.recs):
            fids_of[t].append(f2 | flag)
            recs_of[t].append(rec)
        text.update(compress(post.terms, post.text))
    return [(t, batch, t in text, batch_blob(fids_of[t], recs_of[t])) for t in sorted(fids_of)], text


def _insert_rows(con: sqlite3.Connection, table: str, rows: list[tuple[Any, ...]]) -> None:
    """Postings rows into a table, many a statement (their binding and stepping cost less than a call each)."""
    k = _ROWS_AT_ONCE
    full = len(rows) - len(rows) % k
    if full:
        flat = list(chain.from_iterable(rows[:full]))
        con.executemany(f"INSERT INTO {table} VALUES " + ",".join(["(?,?,?,?)"] * k),
                        [flat[i:i + 4 * k] for i in range(0, len(flat), 4 * k)])
    con.executemany(f"INSERT INTO {table} VALUES (?,?,?,?)", rows[full:])


class Store:
    """The open cache: the file rows, writes of parsed files, and forgetting files that are gone."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self.con = con
        self.path = path
        self._written: tuple[int, list[str]] | None = None  # the vocabulary written here, at this data version

    def close(self) -> None:
        schema.rollback(self.con)
        self.con.close()

    def file_rows(self, keys: Sequence[str] | None = None) -> dict[str, FileRow]:
        """Every file's row, or those of these keys (files just written)."""
        if keys is None:
            return {r[1]: FileRow(*r) for r in self.con.execute(f"SELECT {_FILE_COLS} FROM files")}
        out: dict[str, FileRow] = {}
        for chunk in chunks(list(keys), 500):
            sql = f"SELECT {_FILE_COLS} FROM files WHERE path IN ({','.join('?' * len(chunk))})"
            out.update((r[1], FileRow(*r)) for r in self.con.execute(sql, chunk))
        return out

    def data_version(self) -> int:
        """Changes (inside a read transaction: for its snapshot) when another connection has committed a
        write since it was last read here; this connection's own writes leave it as it is."""
        version: int = self.con.execute("PRAGMA data_version").fetchone()[0]
        return version

    # writing

    def write(self, results: Sequence[Parsed] | Sequence[tuple[Any, ...]]) -> None:
        """Store parsed files (each a Parsed) in one transaction."""
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
            text = self._insert_files([Parsed(*r) for r in results], side)
            vocab = list(self.vocab())  # (a copy: insort below must not change the one a search may hold)
            new_terms = text.difference(vocab)  # (cheaper than a set of the vocabulary)
            if new_terms:
                # The vocabulary grows here; it is rebuilt when many files are forgotten (prune).
                if len(new_terms) < 64:
                    for t in new_terms:
                        insort(vocab, t)
                else:
                    vocab = sorted(vocab + list(new_terms))
                self._set_vocab(vocab)
            version = self.data_version()
            con.execute("COMMIT")
        except BaseException:
            schema.rollback(con)
            raise
        self._written = version, vocab  # a search right after it need not read it again
        schema.vacuum(con)

    def _insert_files(self, results: list[Parsed], side: bool) -> set[str]:
        """The files' rows and postings (one row a term for the whole batch: a few thousand rows rather than
        one a term and file); their text terms."""
        con = self.con
        con.execute("UPDATE meta SET value=value+1 WHERE key='batch'")
        batch = con.execute("SELECT value FROM meta WHERE key='batch'").fetchone()[0]
        posted: list[tuple[int, Postings]] = []
        for p in results:
            self._delete(p.key)
            r = p.rows
            if r is None:
                con.execute("INSERT INTO files(path, size, mtime_ns, error, n) VALUES (?,?,?,?,0)",
                            (p.key, p.size, p.mtime_ns, p.error))
                continue
            fid = con.execute(
                "INSERT INTO files(batch, path, size, mtime_ns, error, n, wide, head, knames, kinds, days, nterms,"
                " lines, breaks, groups, cgroups, paths, terms, front) VALUES (?,?,?,?,NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (batch, p.key, p.size, p.mtime_ns, r.n, int(r.n > 0xFFFF), r.head, r.knames, r.kinds, r.days,
                 r.nterms, r.lines, r.breaks, r.groups, r.cgroups, r.paths, r.terms, r.front)).lastrowid
            assert fid is not None
            con.execute("INSERT INTO entries VALUES (?,?)", (fid, r.entries))
            con.executemany("INSERT INTO docs VALUES (?,?,?)", zip(repeat(fid), r.docs.keys(), r.docs.values()))
            posted.append((fid << 1, r.postings))
        rows, text = _batch_rows(batch, posted)
        _insert_rows(con, "postings_side" if side else "postings", rows)
        if side:
            con.execute("UPDATE meta SET value=value+? WHERE key='side_files'", (len(results),))
        else:
            self._merge_side()
        return text

    def _vocab_terms(self) -> list[str]:
        blob = self.con.execute("SELECT value FROM meta WHERE key='vocab'").fetchone()[0]
        text = unz(blob)
        return text.split("\n") if text else []

    def _set_vocab(self, terms: list[str]) -> None:
        self.con.execute("UPDATE meta SET value=? WHERE key='vocab'", ("\n".join(terms),))

    def _rebuild_vocab(self) -> None:
        """The vocabulary of the files stored now (after many were forgotten)."""
        rows = self.con.execute("SELECT DISTINCT term FROM postings WHERE text UNION"
                                " SELECT term FROM postings_side WHERE text ORDER BY 1")
        self._set_vocab([t for (t,) in rows])

    def _merge_side(self) -> None:
        """Side postings into the big table, dead postings out of it (inside a write transaction): each
        row (term, batch) with a forgotten file's record is rewritten without it, once."""
        con = self.con
        con.execute("INSERT INTO postings SELECT * FROM postings_side ORDER BY term, batch")
        con.execute("DELETE FROM postings_side")
        gone: dict[tuple[str, int], set[int]] = {}
        for fid, batch, terms in con.execute("SELECT file_id, batch, terms FROM dead WHERE terms IS NOT NULL"):
            for t in unz(terms).split("\n"):
                gone.setdefault((t, batch), set()).add(fid)
        for (t, batch), fids in sorted(gone.items()):
            row = con.execute("SELECT data FROM postings WHERE term=? AND batch=?", (t, batch)).fetchone()
            if row is None:
                continue
            kept = [(f2, rec) for f2, rec in batch_records(row[0]) if f2 >> 1 not in fids]
            if kept:
                con.execute("UPDATE postings SET text=?, data=? WHERE term=? AND batch=?",
                            (any(f2 & 1 for f2, _ in kept), batch_blob(*zip(*kept)), t, batch))
            else:
                con.execute("DELETE FROM postings WHERE term=? AND batch=?", (t, batch))
        con.execute("DELETE FROM dead")
        con.execute("UPDATE meta SET value=0 WHERE key='side_files'")

    def _delete(self, key: str) -> None:
        """Forget a file; its postings stay, dead (readers skip unknown file ids), until _merge_side."""
        con = self.con
        row = con.execute("SELECT id, batch, terms FROM files WHERE path=?", (key,)).fetchone()
        if row is None:
            return
        fid, batch, terms = row
        if terms:
            con.execute("INSERT INTO dead VALUES (?,?,?)", (fid, batch, terms))
        con.execute("DELETE FROM entries WHERE file_id=?", (fid,))
        con.execute("DELETE FROM docs WHERE file_id=?", (fid,))
        con.execute("DELETE FROM files WHERE id=?", (fid,))

    def fronts(self, keys: Sequence[str]) -> dict[str, tuple[Any, Any, Any]]:
        """The front matter (source.Front) of these files as last read, for those that had one."""
        import json  # imported here: only an edit of a file with front matter needs it

        out: dict[str, tuple[Any, Any, Any]] = {}
        for chunk in chunks(list(keys), 500):
            qs = ",".join("?" * len(chunk))
            sql = f"SELECT path, front FROM files WHERE front IS NOT NULL AND path IN ({qs})"
            for key, front in self.con.execute(sql, chunk):
                raw, meta, warning = json.loads(front)
                out[key] = (raw, meta, warning)
        return out

    def prune(self, keys: Iterable[str]) -> None:
        """Forget files that no longer exist (a few lazily; many at once, with the space given back)."""
        keys = list(keys)
        if not keys:
            return
        con = self.con
        con.execute("BEGIN IMMEDIATE")
        self._written = None
        side = len(keys) <= SIDE_BATCH
        try:
            for key in keys:
                self._delete(key)
            if not side:
                self._merge_side()
                self._rebuild_vocab()
            con.execute("COMMIT")
        except BaseException:
            schema.rollback(con)
            raise
        if not side:
            schema.vacuum(con, rebuild=True)

    # reading (inside the read transaction begun by begin_read)

    def begin_read(self) -> None:
        self.con.execute("BEGIN")

    def vocab(self) -> list[str]:
        if self._written is not None and self._written[0] == self.data_version():  # no other write since
            return self._written[1]
        return self._vocab_terms()
