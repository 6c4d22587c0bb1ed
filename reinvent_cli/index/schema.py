"""Where the cache lives, its tables, and opening, checking, rebuilding and measuring the database file."""

from __future__ import annotations

import atexit
import contextlib
import os
import sqlite3
import weakref
from pathlib import Path
from typing import Any

SCHEMA = 8
APP_ID = 0x52764E74  # "RvNt": marks the file as reinvent's
DB_NAME = "index.sqlite3"
BUSY_TIMEOUT = 15.0
# What decides what is stored: every module of these folders (package-relative) and these modules.
_FINGERPRINT_FOLDERS = ("read", "recognise", "index")
_FINGERPRINT_MODULES = ("model.py", "lexicon.py")
# Free pages are given back to the file system when they are more than this share of the file ...
VACUUM_SHARE = 0.25
VACUUM_MIN_PAGES = 64  # ... and at least this many

TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value);
CREATE TABLE files(id INTEGER PRIMARY KEY AUTOINCREMENT, batch INTEGER, path TEXT UNIQUE NOT NULL,
                   size INTEGER, mtime_ns INTEGER, error TEXT, n INTEGER, wide INTEGER, head TEXT, knames TEXT,
                   kinds BLOB, days BLOB, nterms BLOB, lines BLOB, breaks BLOB, groups BLOB, cgroups BLOB, paths BLOB,
                   terms BLOB, front TEXT);
CREATE TABLE entries(file_id INTEGER PRIMARY KEY, data BLOB);
CREATE TABLE postings(term TEXT, batch INTEGER, text INTEGER, data BLOB, PRIMARY KEY(term, batch)) WITHOUT ROWID;
CREATE TABLE postings_side(term TEXT, batch INTEGER, text INTEGER, data BLOB, PRIMARY KEY(term, batch)) WITHOUT ROWID;
CREATE TABLE dead(file_id INTEGER PRIMARY KEY, batch INTEGER, terms BLOB);
CREATE TABLE docs(file_id INTEGER, kind TEXT, data BLOB, PRIMARY KEY(file_id, kind)) WITHOUT ROWID;
"""


class CacheUnusable(Exception):
    """The cache cannot be used this time (locked too long, unwritable): work without it."""


def cache_dir() -> Path:
    env = os.environ.get("REINVENT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import (
        user_cache_dir,  # imported here: only when no folder is given
    )

    return Path(user_cache_dir("reinvent"))


def db_path() -> Path:
    return cache_dir() / DB_NAME


def fingerprint() -> str:
    """Changes whenever the code that decides what is stored changes: then everything is re-read."""
    from reinvent_cli import (
        __version__,  # imported here: the package's __init__ imports nothing of ours
    )

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts = [f"v{__version__}", f"s{SCHEMA}"]
    names = list(_FINGERPRINT_MODULES)
    for folder in _FINGERPRINT_FOLDERS:  # (and their sub-packages: recognise/talk/, recognise/walker/ ...)
        if not os.path.isdir(os.path.join(package, folder)):
            parts.append(f"{folder}:-")
            continue
        names += sorted(os.path.relpath(os.path.join(root, n), package).replace(os.sep, "/")
                        for root, _dirs, files in os.walk(os.path.join(package, folder))
                        for n in files if n.endswith(".py"))
    for name in names:
        try:
            st = os.stat(os.path.join(package, name))
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:-")
    return "|".join(parts)


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(str(path) + suffix)


class _Connection(sqlite3.Connection):
    """A connection to the cache, closed at exit if it is still open (a weak reference to it is kept)."""


_OPEN: weakref.WeakSet[_Connection] = weakref.WeakSet()


def connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False,
                          factory=_Connection)
    _OPEN.add(con)
    return con


@atexit.register
def close_open() -> None:
    """Close what is still open as the program exits: the last connection folds the write-ahead log into
    the database (cli.main freezes the objects alive at exit, so no collection would close them)."""
    for con in list(_OPEN):
        rollback(con)
        with contextlib.suppress(sqlite3.Error):
            con.close()


def state(con: sqlite3.Connection, fp: str) -> str:
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


def create(con: sqlite3.Connection, fp: str) -> None:
    """Empty tables for this code (another process may have just made them: then nothing is done)."""
    if con.execute("PRAGMA auto_vacuum").fetchone()[0] != 2:
        # Incremental auto-vacuum: pages freed by forgotten files can be given back (see vacuum()).
        # It takes effect on an empty file, or with the VACUUM that follows the drop of stale tables.
        con.execute("PRAGMA auto_vacuum = INCREMENTAL")
    con.execute("BEGIN IMMEDIATE")
    try:
        if state(con, fp) != "ok":
            for (name,) in con.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall():
                con.execute(f'DROP TABLE IF EXISTS "{name}"')
            for stmt in TABLES.strip().split(";"):
                if stmt.strip():
                    con.execute(stmt)
            con.execute(f"PRAGMA application_id = {APP_ID}")
            con.execute(f"PRAGMA user_version = {SCHEMA}")
            con.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fp,))
            con.execute("INSERT INTO meta VALUES ('vocab', '')")
            con.execute("INSERT INTO meta VALUES ('side_files', 0)")
            con.execute("INSERT INTO meta VALUES ('batch', 0)")
        con.execute("COMMIT")
    except BaseException:
        rollback(con)
        raise
    # The tables of older code are gone: their pages too (and an old file gets incremental auto-vacuum).
    vacuum(con, rebuild=con.execute("PRAGMA auto_vacuum").fetchone()[0] != 2)


def vacuum(con: sqlite3.Connection, rebuild: bool = False) -> bool:
    """Give free pages back to the file system when they dominate the file (after files were forgotten or
    rewritten): the cache never keeps the space of notes that are gone. ``rebuild``: after many files were
    forgotten, also repack the half-empty pages they leave (a VACUUM: the file is then what a fresh index
    of the files left takes). True if it did."""
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    free = con.execute("PRAGMA freelist_count").fetchone()[0]
    if free < VACUUM_MIN_PAGES or free < VACUUM_SHARE * pages:
        return False
    try:
        if not rebuild and con.execute("PRAGMA auto_vacuum").fetchone()[0] == 2:
            con.executescript("PRAGMA incremental_vacuum;")  # stepped to the end (execute() frees one page)
        else:
            con.execute("VACUUM")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlite3.OperationalError:  # busy: another process has it; the next write tries again
        return False
    return True


def rollback(con: sqlite3.Connection) -> None:
    try:
        if con.in_transaction:
            con.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower()


def corrupt(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(s in text for s in ("malformed", "not a database", "no such table", "no such column", "corrupt"))


def clear() -> tuple[Path, bool]:
    path = db_path()
    existed = path.exists()
    remove_db(path)
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
            st = state(con, fingerprint())
            if st in ("foreign", "new"):
                out["status"] = "not a reinvent cache (it will be rebuilt)"
                return out
            out["files"] = con.execute("SELECT count(*) FROM files WHERE error IS NULL").fetchone()[0]
            out["unreadable"] = con.execute("SELECT count(*) FROM files WHERE error IS NOT NULL").fetchone()[0]
            out["entries"] = con.execute("SELECT coalesce(sum(n), 0) FROM files").fetchone()[0]
            out["status"] = "ok" if st == "ok" else "stale (it will be rebuilt)"
        finally:
            con.close()
    except sqlite3.Error as exc:
        out["status"] = f"unreadable ({exc}; it will be rebuilt)"
    return out
