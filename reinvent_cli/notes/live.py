"""Notes kept fresh for a reader that lives long (the MCP server): each read lists and stats the notes
files again, as every command line does, and loads them again only when a file was edited, added or
removed -- through the cache, which then parses just those files -- or when another process wrote to
the cache meanwhile. Between reads no cache snapshot is held, so other processes' writes are never held up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from reinvent_cli.notes.files import notes_files
from reinvent_cli.notes.load import Deferred, load, stat_files
from reinvent_cli.notes.loaded import Notes


class LiveNotes:
    """The notes of ``paths`` (see files.notes_paths: none means REINVENT_NOTES, else the bundled notes),
    read by one caller at a time (``with live.reading() as notes``); ``on_load`` is called with each new
    load (its warnings are new then)."""

    def __init__(self, paths: Iterable[str] | None = None, *, use_cache: bool = True,
                 on_load: Callable[[Notes], None] | None = None) -> None:
        self.paths = list(paths or [])
        self.use_cache = use_cache
        self.on_load = on_load
        self.loads = 0  # how many times the notes were loaded (the first time included)
        self._lock = threading.Lock()
        self._notes: Notes | None = None
        self._stamp: Any = None  # what the files were (name, size, mtime) when loaded
        self._version: int | None = None  # the cache's data version they were read at

    @contextmanager
    def reading(self) -> Iterator[Notes]:
        """The notes as the files are now, for one read; no other reader meanwhile."""
        with self._lock:
            notes = self._current()
            try:
                yield notes
            finally:
                self._end_read(notes)

    def prime(self) -> bool:
        """Load the notes now if that takes no more than a few files' parsing (a warm cache), in this
        thread and without a child process; False if it would take more (then the first read loads them)."""
        with self._lock:
            try:
                self._end_read(self._current(only_small=True))
            except Deferred:
                return False
        return True

    def close(self, wait: bool = True) -> None:
        """Close the cache; ``wait=False``: not if a load is under way (the process is leaving anyway)."""
        if self._lock.acquire(blocking=wait):
            try:
                self._drop()
            finally:
                self._lock.release()

    def _current(self, only_small: bool = False) -> Notes:
        files, explicit = notes_files(self.paths)
        skipped: list[str] = []
        stamp = (stat_files(files, explicit, skipped), skipped)
        if self._notes is not None and stamp == self._stamp and self._same_cache(self._notes):
            return self._notes
        self._drop()
        notes = load(files, explicit, use_cache=self.use_cache, progress=False, only_small=only_small)
        self._notes, self._stamp, self.loads = notes, stamp, self.loads + 1
        store = notes.cache
        self._version = store.data_version() if store is not None else None  # (inside the load's snapshot)
        if self.on_load is not None:
            self.on_load(notes)
        return notes

    def _same_cache(self, notes: Notes) -> bool:
        """Whether no other process wrote to the cache since these notes were read (then a snapshot is
        begun for this read); without a cache, True."""
        store = notes.cache
        if store is None:
            return True
        try:
            if not store.con.in_transaction:
                store.begin_read()
            return bool(store.data_version() == self._version)
        except Exception:  # noqa: BLE001 - a cache gone bad: load again (the loader reports it)
            return False

    def _end_read(self, notes: Notes) -> None:
        store = notes.cache
        if store is not None and store.con.in_transaction:
            try:
                store.con.execute("COMMIT")  # a read: ends the snapshot, so writers elsewhere can checkpoint
            except Exception:  # noqa: BLE001 - the next read checks the cache again
                self._drop()

    def _drop(self) -> None:
        if self._notes is not None:
            self._notes.close()
        self._notes = self._stamp = self._version = None
