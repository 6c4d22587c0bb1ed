"""What the store keeps of one parsed file, as rows (made in worker processes), and back to model objects."""

from __future__ import annotations

import gc
import json
import sys
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import accumulate, repeat
from operator import attrgetter
from typing import Any, NamedTuple

from reinvent_cli.index.terms import URL_NOISE, many_text_terms, text_terms
from reinvent_cli.model import (
    Announcement,
    Day,
    Document,
    Entry,
    EntryKind,
    Link,
    Speaker,
    Talk,
    WatchItem,
)

DOC_KINDS: dict[str, type] = {"talks": Talk, "announcements": Announcement, "links": Link, "watchlist": WatchItem}
_LITTLE = sys.byteorder == "little"
ZLEVEL = 1  # texts and JSON are stored compressed: ~4x smaller, ~130 MB/s to compress, 3x that to read


class Postings(NamedTuple):
    """One file's postings, in term order: per term one record (``recs``), an array in the file's type of
    the numbers of entries with the term in their text, of path groups with it in their headings and of
    context groups with it in their context, then those entries, path groups and context groups (numbers
    as in FileRows.cgroups), then per text entry its kind number plus 256 times its number of terms; and
    whether the term is in a text (``text``: a byte a term, 1 or 0)."""

    terms: list[str]
    recs: list[bytes]
    text: bytes


class FileRows(NamedTuple):
    """A parsed file as the store keeps it (see store.py for the tables)."""

    n: int  # number of entries
    head: str  # JSON: title, date, tags, warnings, days
    knames: str  # the kind names used, "\n"-joined; ``kinds`` holds their numbers
    kinds: bytes
    days: bytes
    nterms: bytes
    lines: bytes
    breaks: bytes
    groups: bytes
    cgroups: bytes  # per entry its context group (entries with the same context), plus 1; 0: none
    paths: bytes  # compressed JSON: the heading path of each path group
    terms: bytes  # compressed: every posted term, "\n"-joined (to delete the postings)
    entries: bytes  # compressed JSON: [texts, extras]
    postings: Postings
    docs: dict[str, bytes]  # kind -> compressed JSON of the talks, announcements, links, watch list
    front: str | None  # the front matter as read (JSON), reused when it has not changed


def z(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), ZLEVEL)


def unz(blob: bytes | str | None) -> str:
    if not blob:
        return ""
    if isinstance(blob, str):
        return blob
    return zlib.decompress(blob).decode("utf-8")


def pack_item(obj: Any) -> dict[str, Any]:
    d = dict(obj.__dict__)
    d.pop("file", None)
    if "speakers" in d:
        d["speakers"] = [[s.name, s.org] for s in d["speakers"]]
    return d


def unpack_item(cls: type, d: dict[str, Any], name: str) -> Any:
    d["file"] = name
    if "speakers" in d:
        d["speakers"] = [Speaker(n, o) for n, o in d["speakers"]]
    return cls(**d)


def packed(values: Sequence[int], signed: bool = False) -> bytes:
    """An array of ints as bytes, in the narrowest type that holds them; the first byte is its type code."""
    if not values:
        return b"b" if signed else b"B"
    lo, hi = min(values), max(values)
    if signed:
        code = ("b" if lo >= -128 and hi < 128 else "h" if lo >= -32768 and hi < 32768
                else "i" if lo >= -2**31 and hi < 2**31 else "q")
    else:
        code = "B" if hi < 256 else "H" if hi < 65536 else "I" if hi < 2**32 else "Q"
    if code in "bBhH":
        return code.encode() + _narrow(values, code)
    return code.encode() + array(code, values).tobytes()


def unpacked(blob: bytes) -> array[int]:
    a: array[int] = array(chr(blob[0]))
    a.frombytes(blob[1:])
    return a


def batch_blob(fids: Sequence[int], recs: Sequence[bytes]) -> bytes:
    """One term's records of a batch of files as one blob: their number, the file ids (times 2, plus 1
    for a record with text entries), the end of each record, then the records."""
    return array("I", (len(fids), *fids, *accumulate(map(len, recs)))).tobytes() + b"".join(recs)


def batch_records(blob: bytes) -> Iterator[tuple[int, bytes]]:
    """The (file id times 2 plus text flag, record) pairs of a batch blob."""
    k = array("I", blob[:4])[0]
    head = array("I", blob[4:4 + 8 * k])
    start = base = 4 + 8 * k
    for j in range(k):
        end = base + head[k + j]
        yield head[j], blob[start:end]
        start = end


def record(rec: bytes, code: str) -> tuple[array[int], bytes, bytes, bytes]:
    """A record's parts (see Postings): its text entries (as an array), path groups and context groups
    (in the file's array type), and its text entries' kinds then numbers of terms (bytes)."""
    w = 2 if code == "H" else 4
    ntx, ngx, ncx = array(code, rec[:3 * w])
    q = (3 + ntx) * w
    r = q + ngx * w
    s = r + ncx * w
    kw = rec[s:]  # an item's low byte is its kind, the next its number of terms
    tk = kw[0::w] + kw[1::w] if _LITTLE else kw[w - 1::w] + kw[w - 2::w]
    return array(code, rec[3 * w:q]), rec[q:r], rec[r:s], tk


def extra(breaks: list[int], context: list[str]) -> str | None:
    """An entry's line breaks and context: "1,5" NUL context NUL context ...; JSON if a context has a NUL."""
    if not context:
        return ",".join(map(str, breaks)) if breaks else None
    s = "\x00".join(context)
    if s.count("\x00") != len(context) - 1:
        return json.dumps([breaks, context], ensure_ascii=False)
    return ",".join(map(str, breaks)) + "\x00" + s if breaks else "\x00" + s


def unextra(value: str | None) -> tuple[list[int], list[str]]:
    if not value:
        return [], []
    if value[0] == "[":
        breaks, context = json.loads(value)
        return breaks, context
    head, *context = value.split("\x00")
    return ([int(b) for b in head.split(",")] if head else []), context


def detail_terms(entries: Sequence[Entry], announcements: Sequence[Announcement]) -> dict[int, set[str]]:
    """Per announcement entry (by number), the terms of its details: an announcement's details are part of
    it for search ("vpc" finds the Lambda launch whose details say "VPC support")."""
    details = {(a.file, a.line, a.name): a.details for a in announcements if a.details}
    out: dict[int, set[str]] = {}
    if not details:
        return out
    for i, e in enumerate(entries):
        if e.kind == EntryKind.ANNOUNCEMENT:
            d = details.get((e.file, e.line, e.text))
            if d:
                out[i] = text_terms(" ".join(d))
    return out


def _narrow(values: Sequence[int], code: str = "H") -> bytes:
    """The bytes of array(code, values) for a code of 1 or 2 bytes ("b", "B", "h", "H") and values it holds,
    made cheaper: array("i") converts each int with a direct call where the narrow types parse it as a
    format argument (~40% of the time); the low bytes of each item are then kept."""
    wide = memoryview(array("i" if code.islower() else "I", values)).cast("B")
    if code in "bB":
        return wide[0 if _LITTLE else 3::4].tobytes()
    return wide.cast("H")[0 if _LITTLE else 1::2].tobytes()


def postings_records(tx: dict[str, list[int]], gx: dict[str, list[int]], cx: dict[str, list[int]], kinds: bytes,
             nterms: list[int], code: str) -> Postings:
    """The postings as one record a term (see Postings). Per text entry, what bounds its score without the
    file's arrays: its kind (number in the file's kind names) and its number of terms (at most 255)."""
    terms = sorted(tx.keys() | gx.keys() | cx.keys())
    kind_words = [k | (n if n < 255 else 255) << 8 for k, n in zip(kinds, nterms)]
    kw = kind_words.__getitem__
    none: list[int] = []
    flat: list[int] = []  # every record in one array, then cut (one array a term costs ~10% more)
    add = flat.extend
    ends: list[int] = []
    end = ends.append
    for a, b, c in zip(map(tx.get, terms, repeat(none)), map(gx.get, terms, repeat(none)),
                       map(cx.get, terms, repeat(none))):
        add((len(a), len(b), len(c)))
        add(a)
        if b:  # (most terms are in no heading and no context)
            add(b)
        if c:
            add(c)
        add(map(kw, a))
        end(len(flat))
    blob = _narrow(flat) if code == "H" else array(code, flat).tobytes()
    w = 2 if code == "H" else 4
    recs = [blob[start * w:end * w] for start, end in zip([0, *ends], ends)]
    return Postings(terms, recs, bytes([t in tx for t in terms]))


def file_rows(doc: Document) -> FileRows:
    """A parsed file as rows for the store. The cyclic garbage collector is paused meanwhile: the many
    short-lived lists, sets and tuples made here form no cycles, and its passes over them (and over the
    rest of the heap) cost ~7% of the time in a worker process, more in a bigger one."""
    if not gc.isenabled():
        return _file_rows(doc)
    gc.disable()
    try:
        return _file_rows(doc)
    finally:
        gc.enable()


_TEXT, _KIND, _PATH, _CONTEXT = attrgetter("text"), attrgetter("kind"), attrgetter("path"), attrgetter("context")
_BREAKS, _LINE, _DAY = attrgetter("breaks"), attrgetter("line"), attrgetter("day")
_URL = ("http://", "https://")


def _numbers(keys: list[Any], first: int = 0, skip: Any = None) -> dict[Any, int]:
    """Each distinct key (but ``skip``) numbered in the order it first comes, from ``first``."""
    distinct = dict.fromkeys(keys)
    distinct.pop(skip, None)
    return dict(zip(distinct, range(first, first + len(distinct))))


def _file_rows(doc: Document) -> FileRows:
    entries = doc.entries
    texts = list(map(_TEXT, entries))
    kinds_of = list(map(_KIND, entries))
    contexts = list(map(_CONTEXT, entries))
    breaks = list(map(_BREAKS, entries))
    path_keys = list(map(tuple, map(_PATH, entries)))
    group_of = _numbers(path_keys)
    context_keys = list(map(tuple, contexts))
    number = _numbers(context_keys, 1, ())  # (0: no context)
    # Every distinct text, heading and context of the file, tokenised in one go.
    strings = dict.fromkeys(texts)
    for key in group_of:
        strings.update(dict.fromkeys(key))
    for key in number:
        strings.update(dict.fromkeys(key))
    memo = dict(zip(strings, many_text_terms(list(strings))))
    urls: dict[str, set[str]] = {}  # url_terms of each URL among the contexts (a link's is each of its line's)
    for key in number:
        for c in key:
            if c.startswith(_URL) and c not in urls:
                urls[c] = {t for t in memo[c] if t not in URL_NOISE and not t.isdigit()}
    term_sets = list(map(memo.__getitem__, texts))
    kind_names = _numbers(kinds_of)
    kinds = bytes(map(kind_names.__getitem__, kinds_of))
    for i in _where(kinds, kind_names.get(EntryKind.LINK)):
        c = contexts[i]
        if c and c[0] in urls:
            term_sets[i] = term_sets[i] | urls[c[0]]
    nterms = list(map(len, term_sets))  # of the entry's own text: what its density is
    details = {(a.file, a.line, a.name): a.details for a in doc.announcements if a.details}
    for i in _where(kinds, kind_names.get(EntryKind.ANNOUNCEMENT)) if details else ():
        e = entries[i]
        d = details.get((e.file, e.line, e.text))
        if d:
            term_sets[i] = term_sets[i] | text_terms(" ".join(d))
    group_terms = [frozenset().union(*map(memo.__getitem__, key)) for key in group_of]
    context_terms = [(urls[key[0]] if key[0] in urls else memo[key[0]]) if len(key) == 1 else
                     set().union(*[urls[c] if c in urls else memo[c] for c in key]) for key in number]
    cgroups = list(map(number.get, context_keys, repeat(0))) if number else [0] * len(entries)
    post = _invert(term_sets, group_terms, context_terms, kinds, nterms, "I" if len(entries) > 0xFFFF else "H")
    context_extra = {key: extra([], list(key)) for key in number}
    extras = [(extra(b, c) if b else context_extra[k]) if b or c else None
              for b, c, k in zip(breaks, contexts, context_keys)]
    head = json.dumps({
        "title": doc.title, "date": doc.date, "tags": doc.tags, "warnings": doc.warnings,
        "days": [[d.number, d.title, d.weekday, d.line] for d in doc.days],
    }, ensure_ascii=False)
    docs = {k: z(json.dumps([pack_item(x) for x in getattr(doc, k)], ensure_ascii=False)) for k in DOC_KINDS}
    days = list(map(_DAY, entries))
    return FileRows(
        n=len(texts), head=head, knames="\n".join(kind_names), kinds=b"B" + kinds,
        days=packed([-1 if d is None else d for d in days] if None in days else days, True),
        nterms=packed(nterms), lines=packed(list(map(_LINE, entries))), breaks=bytes(map(bool, breaks)),
        groups=packed(list(map(group_of.__getitem__, path_keys))), cgroups=packed(cgroups),
        paths=z(json.dumps(list(map(list, group_of)), ensure_ascii=False)),
        terms=z("\n".join(post.terms)), entries=z(json.dumps([texts, extras], ensure_ascii=False)),
        postings=post, docs=docs, front=None if doc.front is None else json.dumps(doc.front, ensure_ascii=False))


def _where(kinds: bytes, k: int | None) -> list[int]:
    """The numbers of the entries of kind number ``k`` (none if None)."""
    out: list[int] = []
    if k is None:
        return out
    i = kinds.find(k)
    while i >= 0:
        out.append(i)
        i = kinds.find(k, i + 1)
    return out


def _invert(term_sets: list[set[str]], group_terms: list[frozenset[str]], context_terms: list[set[str]],
            kinds: bytes, nterms: list[int], code: str) -> Postings:
    """The postings (see Postings) of the entries' terms, the path groups' and the context groups'."""
    tx: defaultdict[str, list[int]] = defaultdict(list)
    gx: defaultdict[str, list[int]] = defaultdict(list)
    cx: defaultdict[str, list[int]] = defaultdict(list)
    for g, gt in enumerate(group_terms):
        for t in gt:
            gx[t].append(g)
    for i, terms in enumerate(term_sets):
        for t in terms:
            tx[t].append(i)
    for g, ct in enumerate(context_terms, 1):
        for t in ct:
            cx[t].append(g)
    return postings_records(tx, gx, cx, kinds, nterms, code)


def head_documents(heads: Sequence[str], names: Sequence[str], paths: Sequence[str]) -> list[Document]:
    """The files' heads as Documents (parsed in one go: a thousand small JSON parses cost more)."""
    return [Document(file=name, path=path, title=h["title"], date=h["date"], tags=h["tags"], warnings=h["warnings"],
                     days=[Day(num, title, wd, name, line) for num, title, wd, line in h["days"]])
            for h, name, path in zip(json.loads("[" + ",".join(heads) + "]"), names, paths)]


class Heads:
    """The files' Documents from their heads; some made ahead (while a changed file is parsed) from rows read
    before, used if they are still the files' rows (same row id: a rewritten file gets a new one)."""

    def __init__(self) -> None:
        self.made: dict[str, tuple[int, Document]] = {}

    def ahead(self, keys: Sequence[str], ids: Sequence[int], heads: Sequence[str], names: Sequence[str],
              paths: Sequence[str]) -> None:
        self.made = dict(zip(keys, zip(ids, head_documents(heads, names, paths))))

    def documents(self, keys: Sequence[str], ids: Sequence[int], heads: Sequence[str], names: Sequence[str],
                  paths: Sequence[str]) -> list[Document]:
        get = self.made.get
        out = [made[1] if made is not None and made[0] == fid else None for made, fid in zip(map(get, keys), ids)]
        todo = [j for j, d in enumerate(out) if d is None]
        for j, doc in zip(todo, head_documents([heads[j] for j in todo], [names[j] for j in todo],
                                               [paths[j] for j in todo])):
            out[j] = doc
        return [d for d in out if d is not None]
