"""The loaded notes (``Notes``): their documents, from memory or read from the cache on demand."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from reinvent_cli.index.schema import remove_db
from reinvent_cli.model import Announcement, Document, Entry, Link, Talk, WatchItem

Reparse = Callable[[list[Path]], list[Document]]  # files -> their documents, parsed without the cache


class Notes:
    """The loaded notes. ``documents`` is complete; from the cache, ``docs(kind, ...)`` reads only the
    lists asked for ("talks", "announcements", "links", "watchlist", "entries"), so a command pays
    only for what it shows."""

    ALL = ("talks", "announcements", "links", "watchlist", "entries")

    def __init__(self, documents: list[Document], warnings: list[str] | None = None, store: Any = None,
                 reparse: Reparse | None = None) -> None:
        self._documents = documents
        self.warnings = warnings if warnings is not None else []
        self.warnings[:] = dict.fromkeys(self.warnings)  # (a .reinvent.toml's warning comes with each file under it)
        self._store = store  # a cache.StoreNotes, or None when everything is in memory
        self._loaded: set[str] = set()
        self._entries_of: set[str] = set()  # files whose entries were read alone (with_entries)
        self._search_index: Any = None
        self._reparse = reparse  # the loader's parse without the cache, for a cache found broken

    def docs(self, *kinds: str) -> list[Document]:
        """The documents, with (at least) these lists filled in; with no kinds, only their heads."""
        if self._store is not None:
            todo = [k for k in kinds if k not in self._loaded]
            if todo:
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
                from reinvent_cli.index.search import SearchIndex  # only for a search

                self._search_index = SearchIndex(self.entries, self.announcements)
        return self._search_index

    def search(self, query: str, **kw: Any) -> Any:
        """search.search over these notes; a cache found broken half-way is dropped and the notes parsed."""
        from reinvent_cli.index.search import search  # its index modules: only for a search

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
        self.warnings.append(f"cache {self._store.store.path} failed ({exc}); it will be rebuilt")
        try:
            self._store.store.close()
            remove_db(self._store.store.path)
        except Exception:  # noqa: BLE001 - best effort
            pass
        paths = [Path(d.path) for d in self._documents]
        self._documents = self._reparse(paths) if self._reparse is not None else self._documents
        self._store, self._search_index = None, None
