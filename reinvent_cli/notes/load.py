"""Files to notes: answered from the cache when a file has not changed, else parsed -- on every core
when there are many -- and stored. A bad file named on the command line is an error; in a folder it
is skipped, with one summary warning."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from reinvent_cli.errors import InputError
from reinvent_cli.index import schema
from reinvent_cli.model import Document
from reinvent_cli.notes.files import BUNDLED_NAME, bundled_notes, notes_files
from reinvent_cli.notes.loaded import Notes
from reinvent_cli.read.overrides import find_layout, layout_stamp

if TYPE_CHECKING:
    from reinvent_cli.index.store import FileRow, Store

PARALLEL_MIN_FILES = 8
# Up to this many changed files, this big in all, are parsed in a forked child while the caller imports
# what it needs (bigger jobs gain little from it and would be copied through a pipe).
BESIDE_MAX_FILES = 4
BESIDE_MAX_BYTES = 4 << 20
PROGRESS_AFTER = 0.5  # seconds
WRITE_BATCH = 256  # files per write transaction: each one rewrites most pages of the postings tree


def parse_file(path: Path, name: str, known_front: Any = None) -> Document:
    """``known_front``: the file's front matter as last read (source.Front), reused if unchanged."""
    from reinvent_cli.read.source import read_source  # reading and parsing: only for a file that changed
    from reinvent_cli.recognise import parse_source  # (the parser: mistune, yaml)

    src = read_source(path, known_front)
    src.path = name
    doc = parse_source(src, find_layout(path))  # the layout a .reinvent.toml over it says, if any
    doc.path = str(path)
    doc.front = src.front
    return doc


class Job(NamedTuple):
    """A file to parse: its path, how results name it, its front matter as last read (or None)."""

    path: str
    name: str
    front: Any


class Done(NamedTuple):
    """A parsed file: its number among the jobs, an error or None, and its Document or store rows."""

    number: int
    error: str | None
    result: Any


class Item(NamedTuple):
    path: str | Path  # as found: folder walks give strings
    name: str  # how results name the file
    key: str  # absolute path: the cache key, with size and mtime_ns
    size: int
    mtime_ns: int


def _bundled_id() -> tuple[int, int] | None:
    try:
        st = os.stat(bundled_notes())
    except (OSError, InputError):
        return None
    return st.st_dev, st.st_ino


def stat_files(files: list[str | Path], explicit: set[str], skipped: list[str]) -> list[Item]:
    """Each distinct file once, with what the cache is keyed by."""
    bundled = _bundled_id()
    seen: set[tuple[int, int]] = set()
    items = []
    for f in files:
        try:
            st = os.stat(f)
        except OSError as exc:
            msg = f"{f}: cannot read ({exc.strerror or exc})"
            if str(f) in explicit:
                raise InputError(msg) from None
            skipped.append(msg)
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            continue
        seen.add(ident)
        name = BUNDLED_NAME if ident == bundled else str(f)
        # (plus the mtime of the .reinvent.toml that applies: a changed config re-reads its files)
        items.append(Item(f, name, os.path.abspath(f), st.st_size, st.st_mtime_ns + layout_stamp(f)))
    return items


class Deferred(Exception):
    """An early load (``only_small``) met more changed files than it takes on, or no usable cache; with
    the warnings it gave so far (a corrupt cache removed), for the load that does the work."""

    def __init__(self, warnings: list[str] | None = None) -> None:
        super().__init__("deferred")
        self.warnings = list(warnings or [])


def load(files: list[str | Path], explicit: set[str], *, use_cache: bool = True, progress: Any = None,
         idle: Any = None, only_small: bool = False) -> Notes:
    """The Notes of these files (``progress``: a callable making the ProgressBar for a number of files,
    shown on a terminal while many are indexed; None or False: no bar).

    ``idle``: work of the caller's (imports) to do while a few changed files are parsed in a child
    process; it is called once, in any case, unless loading fails.
    ``only_small``: raise Deferred instead of parsing more than a few files (a load started before the
    command line is read, which must not index a folder for ``--help``)."""
    warnings: list[str] = []
    skipped: list[str] = []
    idle = _Once(idle)
    items = stat_files(files, explicit, skipped)
    if only_small and not (use_cache and items):
        raise Deferred
    notes = _load_cached(items, explicit, progress, warnings, skipped, idle, only_small) if use_cache and items else None
    if notes is None and only_small:
        raise Deferred(warnings)
    if notes is None:
        docs = parse_documents(items, explicit, progress, skipped)
        for d in docs:
            warnings.extend(d.warnings)
        notes = Notes(docs, warnings, reparse=reparse)
    if skipped:
        notes.warnings.append(f"skipped {len(skipped)} unreadable file(s): " + "; ".join(skipped[:3])
                              + (" ..." if len(skipped) > 3 else ""))
    idle()
    return notes


def load_notes(given: Iterable[str] | None = None, *, use_cache: bool = True, progress: Any = None,
               idle: Any = None, only_small: bool = False) -> Notes:
    """Read and index every notes file the user pointed at (``idle``, ``only_small``: see load)."""
    files, explicit = notes_files(given)
    notes: Notes = load(files, explicit, use_cache=use_cache, progress=progress, idle=idle, only_small=only_small)
    return notes


def reparse(paths: list[Path]) -> list[Document]:
    """These files' documents, parsed without the cache (the cache found broken half-way)."""
    return load(list(paths), set(), use_cache=False, progress=False).documents


class _Once:
    """``fn`` (if any), then ``then``, called once."""

    def __init__(self, fn: Any, then: Any = None) -> None:
        self.fn, self.then = fn, then

    def __call__(self) -> None:
        fn, self.fn, then, self.then = self.fn, None, self.then, None
        if fn is not None:
            fn()
        if then is not None:
            then()


def parse_documents(items: list[Item], explicit: set[str], progress: Any, skipped: list[str]) -> list[Document]:
    docs: list[Document | None] = [None] * len(items)
    for batch in parse_many([Job(str(it.path), it.name, None) for it in items], "docs", progress):
        for j, error, doc in batch:
            if error is not None:
                if str(items[j].path) in explicit:
                    raise InputError(error)
                skipped.append(error)
            else:
                docs[j] = doc
    return [d for d in docs if d is not None]


# --- the cache -------------------------------------------------------------------------------------


def _fresh(row: Any, it: Item) -> bool:
    return row is not None and row.size == it.size and row.mtime_ns == it.mtime_ns


def _load_cached(items: list[Item], explicit: set[str], progress: Any, warnings: list[str],
                 skipped: list[str], idle: _Once, only_small: bool = False) -> Notes | None:
    from reinvent_cli.index import store as cache  # the store's modules: only with the cache

    store = cache.open_store(warnings)
    if store is None:
        return None
    try:
        keys = {it.key for it in items}
        rows, version = _warm_rows(store, items, keys)
        heads = cache.Heads()
        if version is not None:
            if only_small and not _small([it for it in items if not _fresh(rows.get(it.key), it)]):
                store.close()
                raise Deferred(warnings)
            if idle.fn is not None:  # the heads of the files that did not change: made while one that did is parsed
                ahead = [(it, rows[it.key]) for it in items if _fresh(rows.get(it.key), it)]
                idle = _Once(idle, lambda: heads.ahead(*_head_args(ahead)))
            rows = _sync(store, items, keys, progress, rows, version, idle)
        frows, fitems = [], []
        for it in items:
            row = rows[it.key]
            if row.error is not None:
                if str(it.path) in explicit:
                    raise InputError(row.error)
                skipped.append(row.error)
                continue
            frows.append(row)
            fitems.append(it)
        if heads.made:
            docs = heads.documents(*_head_args(list(zip(fitems, frows))))
        else:
            docs = cache.head_documents([r.head for r in frows], [it.name for it in fitems],
                                        [str(it.path) for it in fitems])
        for doc in docs:
            warnings.extend(doc.warnings)
        return Notes(docs, warnings, store=cache.StoreNotes(store, frows, docs), reparse=reparse)
    except cache.CacheUnusable as exc:
        warnings.append(f"cache not used this time ({exc})")
    except sqlite3.DatabaseError as exc:
        if schema.corrupt(exc):
            warnings.append(f"cache {store.path} is corrupt ({exc}); it will be rebuilt")
            with contextlib.suppress(OSError):
                schema.remove_db(store.path)
        else:
            warnings.append(f"cache not used this time ({exc})")
    store.close()
    return None


def _head_args(pairs: list[tuple[Item, FileRow]]) -> tuple[list[str], list[int], list[str], list[str], list[str]]:
    """What rows.Heads takes of these files: their keys, row ids, heads, names and paths."""
    pairs = [(it, r) for it, r in pairs if r.error is None]
    return ([it.key for it, _ in pairs], [r.id for _, r in pairs], [r.head for _, r in pairs],
            [it.name for it, _ in pairs], [str(it.path) for it, _ in pairs])


def _sync(store: Store, items: list[Item], keys: set[str], progress: Any, rows: dict[str, FileRow],
          version: int, idle: _Once) -> dict[str, FileRow]:
    """Re-read what changed, forget what is gone; the rows, with a read transaction open.

    ``rows``: the files' rows as just read, in a snapshot of this data version (Store.data_version)."""
    from reinvent_cli.index.store import CacheUnusable

    for _attempt in range(3):
        gone = [k for k in rows if k not in keys and not os.path.exists(k)]
        store.prune(gone)
        stale = [it for it in items if not _fresh(rows.get(it.key), it)]
        if stale:
            _index_into(store, stale, progress, rows, idle)
        store.begin_read()  # one snapshot from here on: what is read is what was checked
        now = store.data_version()
        if now == version:  # no other process wrote meanwhile: only the rows written here are new
            for k in gone:
                rows.pop(k, None)
            rows.update(store.file_rows([it.key for it in stale]))
        else:
            rows = store.file_rows()
        version = now
        if all(_fresh(rows.get(it.key), it) for it in items):
            return rows
        store.con.execute("COMMIT")  # a file changed again meanwhile: once more, from these rows
    raise CacheUnusable("the notes kept changing while being indexed")


def _small(stale: list[Item]) -> bool:
    """Few enough changed files to parse beside the caller's imports."""
    return len(stale) <= BESIDE_MAX_FILES and sum(it.size for it in stale) <= BESIDE_MAX_BYTES


def _warm_rows(store: Store, items: list[Item], keys: set[str]) -> tuple[dict[str, FileRow], int | None]:
    """The common case in one read: every file unchanged, nothing to forget.

    Returns (the rows, None) with the read transaction left open, or (the rows, the data version they
    were read at) without one when there is work."""
    store.begin_read()
    rows = store.file_rows()
    if (all(_fresh(rows.get(it.key), it) for it in items)
            and not any(k not in keys and not os.path.exists(k) for k in rows)):
        return rows, None
    version = store.data_version()
    store.con.execute("COMMIT")
    return rows, version


def _index_into(store: Store, stale: list[Item], progress: Any, rows: dict[str, FileRow], idle: _Once) -> None:
    """Parse the files that changed and store them, a batch per transaction."""
    from reinvent_cli.index.store import Parsed  # imported here: the store is loaded only with the cache

    fronts = store.fronts([it.key for it in stale if it.key in rows])  # edited files: YAML only if it changed
    jobs = [Job(str(it.path), it.name, fronts.get(it.key)) for it in stale]
    beside = parse_beside(jobs, idle) if _small(stale) else None
    pending: list[Parsed] = []
    last = time.monotonic()
    try:
        for batch in [beside] if beside is not None else parse_many(jobs, "rows", progress):
            pending.extend(Parsed(stale[d.number].key, stale[d.number].size, stale[d.number].mtime_ns, d.error,
                                  d.result) for d in batch)
            if len(pending) >= WRITE_BATCH or time.monotonic() - last > 10.0:
                store.write(pending)
                pending, last = [], time.monotonic()
        if pending:
            store.write(pending)
    finally:
        reap()


# --- parsing, on every core ------------------------------------------------------------------------


def _parse_one(path: str, name: str, front: Any, mode: str) -> tuple[str | None, Any]:
    try:
        doc = parse_file(Path(path), name, front)
    except InputError as exc:
        return exc.message, None
    except RecursionError:
        return f"{name}: too deeply nested to read", None
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the others
        return f"{name}: cannot parse ({type(exc).__name__}: {exc})", None
    if mode == "rows":
        from reinvent_cli.index.store import file_rows

        return None, file_rows(doc)
    return None, doc


def _parse_chunk(items: list[Job], start: int, mode: str) -> list[Done]:
    return [Done(start + k, *_parse_one(path, name, front, mode)) for k, (path, name, front) in enumerate(items)]


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def parse_many(items: list[Job], mode: str, progress: Any = None) -> Iterator[list[Done]]:
    """Batches of Done, in completion order; in worker processes when there are many."""
    bar = _Progress(len(items), progress)
    try:
        workers = min(cores(), max(1, len(items) // 4))
        if workers < 2 or len(items) < PARALLEL_MIN_FILES:
            for j, (path, name, front) in enumerate(items):
                batch = [Done(j, *_parse_one(path, name, front, mode))]
                bar.advance(1)
                yield batch
            return
        yield from _parallel(items, mode, workers, bar)
    finally:
        bar.close()


def _parallel(items: list[Job], mode: str, workers: int, bar: _Progress) -> Iterator[list[Done]]:
    import multiprocessing  # ~15 ms, only for many files

    mp = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    chunk = max(1, min(16, len(items) // (workers * 4)))
    jobs = [(items[k:k + chunk], k, mode) for k in range(0, len(items), chunk)]
    pool = mp.Pool(workers, initializer=_worker_init)
    try:
        results = pool.imap_unordered(_parse_job, jobs)
        while True:
            try:
                batch = results.next(timeout=0.1)
            except multiprocessing.TimeoutError:
                bar.advance(0)
                continue
            except StopIteration:
                break
            bar.advance(len(batch))
            yield batch
    except BaseException:
        pool.terminate()  # interrupted (or the consumer failed): stop the workers, then go on unwinding
        pool.join()
        raise
    pool.close()
    pool.join()


def _parse_job(job: tuple[list[Job], int, str]) -> list[Done]:
    return _parse_chunk(*job)


def parse_beside(items: list[Job], idle: _Once) -> list[Done] | None:
    """Parse a few files as rows in a forked child while this process does ``idle`` (the imports of the
    CLI and of Rich): with a second core free the parse then costs little. None when there is no idle
    work or no fork (then the caller parses)."""
    if idle.fn is None or not hasattr(os, "fork"):
        return None
    import pickle  # only for a parse beside the caller's imports

    r, w = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return None
    if pid == 0:  # the child: parse, send, and leave without running any of the parent's clean-up
        status = 1
        try:
            os.close(r)
            with os.fdopen(w, "wb") as out:
                out.write(pickle.dumps(_parse_chunk(items, 0, "rows"), protocol=pickle.HIGHEST_PROTOCOL))
            status = 0
        except BaseException:  # noqa: BLE001, S110 - Ctrl-C or anything else: the parent parses instead
            pass
        os._exit(status)
    os.close(w)
    with os.fdopen(r, "rb") as inp:
        try:
            idle()
            data = inp.read()
        except BaseException:
            _kill(pid)
            raise
    try:  # the child sends its whole message at once, then exits: a complete one is its answer
        done: list[Done] | None = pickle.loads(data) if data else None
    except Exception:  # noqa: BLE001 - a truncated message: parse here
        done = None
    _exiting.append(pid)
    if done is None:
        reap()
    return done  # its exit (~1 ms: its memory freed) is waited for later (reap), once its rows are stored


_exiting: list[int] = []  # children of parse_beside that sent their answer, not yet waited for


def reap() -> None:
    """Wait for the children of parse_beside to have exited."""
    while _exiting:
        with contextlib.suppress(OSError):
            os.waitpid(_exiting.pop(), 0)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass


class ProgressBar(Protocol):
    """What the loader drives while it indexes: a caller's bar (the CLI's), made by ``progress(total)``."""

    def update(self, done: int) -> None: ...
    def close(self) -> None: ...


class _Progress:
    """Files done / total on stderr, only when stderr is a terminal and it has taken over half a second.

    ``enabled``: a callable making a ProgressBar for a total (the caller's); None or False: no bar."""

    def __init__(self, total: int, enabled: Any) -> None:
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self.make: Callable[[int], ProgressBar] | None = enabled if callable(enabled) else None
        self.enabled = self.make is not None and total > 1 and _stderr_tty()
        self.bar: ProgressBar | None = None

    def advance(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        if self.bar is None:
            if self.make is None or time.monotonic() - self.start < PROGRESS_AFTER or self.done >= self.total:
                return
            self.bar = self.make(self.total)
        self.bar.update(self.done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _stderr_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
