"""Reading the stored index on demand: per-file columns, entries, documents' lists and postings."""

from __future__ import annotations

import bisect
import json
import sqlite3
from array import array
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar

from reinvent_cli.index.match import match_vocab
from reinvent_cli.index.rows import DOC_KINDS, batch_records, record, unextra, unpack_item, unpacked, unz
from reinvent_cli.model import Document, Entry

SHIFT = 24  # entry id = file id << SHIFT | entry number
MASK = (1 << SHIFT) - 1
T = TypeVar("T")


class Store(Protocol):
    """What is read here of the open cache (index.store.Store, which writes it and builds on this module)."""

    con: sqlite3.Connection
    path: Path

    def vocab(self) -> list[str]: ...
    def close(self) -> None: ...


class FileRow(Protocol):
    """What is read here of a file's row (index.store.FileRow)."""

    @property
    def id(self) -> int: ...
    @property
    def n(self) -> int: ...
    @property
    def wide(self) -> int: ...
    @property
    def knames(self) -> str: ...


class EntryRow(NamedTuple):
    """What scoring needs of one entry, without its text."""

    id: int
    kind: str
    day: int | None  # -1 from the store: none
    words: int  # number of terms of its text
    line: int
    wrapped: int  # soft-wrapped text (the line of a match needs the text)
    file: str


class FilePosting(NamedTuple):
    """One term's text posting in one file: the entry numbers, their kinds then numbers of terms."""

    fid: int
    tx: array[int]
    tk: bytes


class _CtxPosting(NamedTuple):
    fid: int
    gx: bytes | None
    cx: bytes | None


def chunks(seq: Sequence[T], n: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def ids_by_file(ids: Iterable[int]) -> dict[int, list[int]]:
    """Entry ids grouped by the file they belong to (the high bits of an id), order kept."""
    by_file: dict[int, list[int]] = {}
    for i in ids:
        by_file.setdefault(i >> SHIFT, []).append(i)
    return by_file


class FileMeta:
    """The packed per-entry columns of one file."""

    __slots__ = ("breaks", "cgroups", "days", "groups", "kind_names", "kinds", "lines", "name", "nterms", "paths")

    def __init__(self, row: Sequence[Any], name: str) -> None:
        knames, kinds, days, nterms, lines, breaks, groups, cgroups = row
        self.kind_names: list[str] = knames.split("\n")
        self.kinds: bytes = kinds[1:]
        self.days = unpacked(days)
        self.nterms = unpacked(nterms)
        self.lines = unpacked(lines)
        self.breaks: bytes = breaks
        self.groups = unpacked(groups)
        self.cgroups = unpacked(cgroups)
        self.paths: list[list[str]] | None = None
        self.name = name


class Reader:
    """Per-file columns and entries, read on demand."""

    def __init__(self, store: Store, names: dict[int, str]) -> None:
        self.store = store
        self.names = names
        self.meta: dict[int, FileMeta] = {}
        self.texts: dict[int, tuple[list[str], list[str | None]]] = {}

    def _select(self, sql: str, fids: Sequence[int]) -> Iterator[Any]:
        for chunk in chunks(fids, 500):
            qs = ",".join("?" * len(chunk))
            yield from self.store.con.execute(sql.format(qs=qs), list(chunk))

    def load(self, fids: Iterable[int]) -> None:
        todo = sorted(set(fids) - self.meta.keys())
        sql = "SELECT id, knames, kinds, days, nterms, lines, breaks, groups, cgroups FROM files WHERE id IN ({qs})"
        for fid, *row in self._select(sql, todo):
            self.meta[fid] = FileMeta(row, self.names.get(fid, ""))

    def load_paths(self, fids: Iterable[int]) -> None:
        todo = sorted(f for f in set(fids) if self.meta[f].paths is None)
        for fid, paths in self._select("SELECT id, paths FROM files WHERE id IN ({qs})", todo):
            self.meta[fid].paths = json.loads(unz(paths))

    def load_texts(self, fids: Iterable[int]) -> None:
        todo = sorted(set(fids) - self.texts.keys())
        for fid, data in self._select("SELECT file_id, data FROM entries WHERE file_id IN ({qs})", todo):
            texts, extras = json.loads(unz(data))
            self.texts[fid] = (texts, extras)

    def _load_all(self, fids: Iterable[int]) -> None:
        fids = set(fids)
        self.load(fids)
        self.load_paths(fids)
        self.load_texts(fids)

    def entries(self, ids: Iterable[int]) -> dict[int, Entry]:
        ids = sorted(ids)
        if not ids:
            return {}
        self._load_all({i >> SHIFT for i in ids})
        out: dict[int, Entry] = {}
        for i in ids:
            texts, extras = self.texts.get(i >> SHIFT, ([], []))
            j = i & MASK
            if j < len(texts):
                out[i] = self.entry(i, texts[j], extras[j])
        return out

    def file_entries(self, fid: int) -> list[Entry]:
        self._load_all((fid,))
        texts, extras = self.texts.get(fid, ([], []))
        base = fid << SHIFT
        return [self.entry(base | j, text, ex) for j, (text, ex) in enumerate(zip(texts, extras))]

    def entry(self, i: int, text: str, extra: str | None) -> Entry:
        m = self.meta[i >> SHIFT]
        j = i & MASK
        breaks, context = unextra(extra)
        day = m.days[j]
        paths = m.paths or []
        return Entry(m.kind_names[m.kinds[j]], text, list(paths[m.groups[j]]), m.name, m.lines[j],
                     None if day == -1 else day, breaks, context)


class StoreNotes:
    """Fills the documents of a Notes from the store, one kind of list at a time."""

    def __init__(self, store: Store, rows: Sequence[FileRow], docs: list[Document]) -> None:
        self.store = store
        self.rows = rows
        self.by_id = {r.id: d for r, d in zip(rows, docs)}

    def fill(self, documents: list[Document], kinds: Iterable[str]) -> None:
        ids = list(self.by_id)
        for kind in kinds:
            if kind == "entries":
                self.fill_entries()
                continue
            cls = DOC_KINDS[kind]
            for chunk in chunks(ids, 500):
                qs = ",".join("?" * len(chunk))
                sql = f"SELECT file_id, data FROM docs WHERE kind=? AND file_id IN ({qs})"
                for fid, data in self.store.con.execute(sql, [kind, *chunk]):
                    doc = self.by_id[fid]
                    setattr(doc, kind, [unpack_item(cls, d, doc.file) for d in json.loads(unz(data))])

    def fill_entries(self, files: Collection[str] | None = None) -> None:
        """The entries of these files (by name; None: all), e.g. for an outline of a few files of many."""
        reader = Reader(self.store, {r.id: self.by_id[r.id].file for r in self.rows})
        for r in self.rows:
            doc = self.by_id[r.id]
            if files is None or doc.file in files:
                doc.entries = reader.file_entries(r.id) if r.n else []

    def search_index(self) -> StoreIndex:
        return StoreIndex(self.store, self.rows, {r.id: self.by_id[r.id].file for r in self.rows})


class StoreIndex:
    """The search index over the store: the same interface as search.SearchIndex, read on demand."""

    def __init__(self, store: Store, rows: Sequence[FileRow], names: dict[int, str]) -> None:
        self.store = store
        self.names = names
        self.size = sum(r.n for r in rows)
        self.codes = {r.id: "I" if r.wide else "H" for r in rows}  # how a file's postings are packed
        self.knames = {r.id: r.knames for r in rows}
        self.shift = SHIFT
        self.reader = Reader(store, names)
        self._vocab: list[str] | None = None
        self._ctx_raw: dict[str, list[_CtxPosting]] = {}
        self._text: dict[str, set[int]] = {}
        self._matches: dict[str, dict[str, float]] = {}

    @property
    def vocab(self) -> list[str]:
        if self._vocab is None:
            self._vocab = self.store.vocab()
        return self._vocab

    def has_term(self, term: str) -> bool:
        v = self.vocab
        i = bisect.bisect_left(v, term)
        return i < len(v) and v[i] == term

    def matches(self, q: str) -> dict[str, float]:
        found = self._matches.get(q)
        if found is None:
            found = self._matches[q] = match_vocab(q, self.vocab, self.has_term)
        return dict(found)  # a copy: search adds joined and split terms to it

    def _postings(self, terms: Sequence[str], text: bool = False) -> Iterator[tuple[str, int, bytes]]:
        """(term, file id, record) of the files read now; ``text``: only records with text entries."""
        where = " AND text" if text else ""
        names = self.names
        for chunk in chunks(terms, 500):
            qs = ",".join("?" * len(chunk))
            for term, data in self.store.con.execute(
                    f"SELECT term, data FROM postings WHERE term IN ({qs}){where} UNION ALL"
                    f" SELECT term, data FROM postings_side WHERE term IN ({qs}){where}", [*chunk, *chunk]):
                for f2, rec in batch_records(data):
                    if f2 >> 1 in names and (f2 & 1 or not text):
                        yield term, f2 >> 1, rec

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
        codes = self.codes
        for term, fid, rec in self._postings(todo):
            tx, gx, cx, _ = record(rec, codes[fid])
            if tx:
                out[term].update(map((fid << SHIFT).__or__, tx))
            if gx or cx:
                self._ctx_raw[term].append(_CtxPosting(fid, gx, cx))
        return out

    def file_postings(self, terms: Iterable[str]) -> dict[str, list[FilePosting]]:
        """Per term, per loaded file having it in an entry's text, its FilePosting."""
        out: dict[str, list[FilePosting]] = {t: [] for t in terms}
        codes = self.codes
        for term, fid, rec in self._postings(list(out), text=True):
            tx, _, _, tk = record(rec, codes[fid])
            out[term].append(FilePosting(fid, tx, tk))
        return out

    def kind_names(self, fid: int) -> list[str]:
        return (self.knames.get(fid) or "").split("\n")

    def context_of(self, terms: Iterable[str], ids: set[int]) -> dict[str, set[int]]:
        """Per term: which of ``ids`` have it in their context (headings, lead-in) and not in their text."""
        out: dict[str, set[int]] = {}
        by_group: dict[int, tuple[dict[int, list[int]], dict[int, list[int]]]] | None = None
        for t in terms:
            if t not in self._ctx_raw:
                self.postings_for((t,))
            found: set[int] = set()
            for p in self._ctx_raw[t]:
                if by_group is None:
                    by_group = self._by_group(ids)
                cand = by_group.get(p.fid)
                if cand:
                    for part, groups in ((p.gx, cand[0]), (p.cx, cand[1])):
                        if part and groups:
                            for g in array(self.codes[p.fid], part):
                                found.update(groups.get(g, ()))
            out[t] = (found & ids) - self._text[t]
        return out

    def _by_group(self, ids: set[int]) -> dict[int, tuple[dict[int, list[int]], dict[int, list[int]]]]:
        """The ids per file, per path group and per context group (0: none)."""
        by_file = ids_by_file(ids)
        self.reader.load(by_file)
        out: dict[int, tuple[dict[int, list[int]], dict[int, list[int]]]] = {}
        for f, lst in by_file.items():
            m = self.reader.meta[f]
            paths: dict[int, list[int]] = {}
            contexts: dict[int, list[int]] = {}
            for i in lst:
                paths.setdefault(m.groups[i & MASK], []).append(i)
                contexts.setdefault(m.cgroups[i & MASK], []).append(i)
            out[f] = paths, contexts
        return out

    def rows(self, ids: Sequence[int]) -> list[EntryRow]:
        """The EntryRow of each of ``ids`` (day -1: none), grouped by file."""
        by_file = ids_by_file(ids)
        self.reader.load(by_file)
        out: list[EntryRow] = []
        meta = self.reader.meta
        for f, lst in by_file.items():
            m = meta[f]
            js = [i & MASK for i in lst]
            kinds = map(m.kind_names.__getitem__, map(m.kinds.__getitem__, js))
            out.extend(map(EntryRow._make, zip(lst, kinds, map(m.days.__getitem__, js), map(m.nterms.__getitem__, js),
                                               map(m.lines.__getitem__, js), map(m.breaks.__getitem__, js),
                                               repeat(m.name))))
        return out

    def entries_for(self, ids: Iterable[int]) -> dict[int, Entry]:
        return self.reader.entries(ids)
