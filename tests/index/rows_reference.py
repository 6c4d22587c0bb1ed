"""index.rows.file_rows as it was at 5e7badc (before issue 21's rewrite), kept as the reference the rows
of today's file_rows must equal byte for byte (tests/index/test_rows_identical.py). Not used by the package."""

from __future__ import annotations

import json
import zlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import repeat
from typing import Any, NamedTuple

from reinvent_cli.index.rows import DOC_KINDS, ZLEVEL, FileRows, Postings
from reinvent_cli.index.terms import entry_terms, text_terms, url_terms
from reinvent_cli.model import Announcement, Document, Entry, EntryKind


def z(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), ZLEVEL)


def pack_item(obj: Any) -> dict[str, Any]:
    d = dict(obj.__dict__)
    d.pop("file", None)
    if "speakers" in d:
        d["speakers"] = [[s.name, s.org] for s in d["speakers"]]
    return d


def packed(values: Sequence[int], signed: bool = False) -> bytes:
    """An array of ints as bytes, in the narrowest type that holds them; the first byte is its type code."""
    a = array("b" if signed else "B")
    if values:
        lo, hi = min(values), max(values)
        if signed:
            code = ("b" if lo >= -128 and hi < 128 else "h" if lo >= -32768 and hi < 32768
                    else "i" if lo >= -2**31 and hi < 2**31 else "q")
        else:
            code = "B" if hi < 256 else "H" if hi < 65536 else "I" if hi < 2**32 else "Q"
        a = array(code, values)
    return a.typecode.encode() + a.tobytes()


def extra(breaks: list[int], context: list[str]) -> str | None:
    """An entry's line breaks and context: "1,5" NUL context NUL context ...; JSON if a context has a NUL."""
    if not context:
        return ",".join(map(str, breaks)) if breaks else None
    s = "\x00".join(context)
    if s.count("\x00") != len(context) - 1:
        return json.dumps([breaks, context], ensure_ascii=False)
    return ",".join(map(str, breaks)) + "\x00" + s if breaks else "\x00" + s


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


class _Groups(NamedTuple):
    """Entries under the same headings form one path group: its heading terms are posted once."""

    of_entry: list[int]
    paths: list[list[str]]
    terms: list[frozenset[str]]


def _groups(entries: Sequence[Entry], tt: Callable[[str], set[str]]) -> _Groups:
    group_of: dict[tuple[str, ...], int] = {}
    of_entry = [group_of.setdefault(tuple(e.path), len(group_of)) for e in entries]
    return _Groups(of_entry, [list(key) for key in group_of],
                   [frozenset(t for p in key for t in tt(p)) for key in group_of])


def _postings(entries: Sequence[Entry], term_sets: list[set[str]], groups: _Groups, kinds: bytes,
              nterms: list[int], tt: Callable[[str], set[str]]) -> tuple[Postings, list[int]]:
    """The file's postings, and per entry its context group (see FileRows). An entry's own context
    (lead-in, parent bullet, URL) is posted once per context group: the entries with the same context
    (search takes the entries that have a term in their text out of its context hits)."""
    tx: defaultdict[str, list[int]] = defaultdict(list)
    gx: defaultdict[str, list[int]] = defaultdict(list)
    cx: defaultdict[str, list[int]] = defaultdict(list)
    for g, gt in enumerate(groups.terms):
        for t in gt:
            gx[t].append(g)
    for i, terms in enumerate(term_sets):
        for t in terms:
            tx[t].append(i)
    number: dict[tuple[str, ...], int] = {(): 0}
    cgroups = [number.setdefault(tuple(e.context), len(number)) for e in entries]
    del number[()]
    for key, g in number.items():
        for t in set().union(*[url_terms(c) if c.startswith(("http://", "https://")) else tt(c) for c in key]):
            cx[t].append(g)
    return _records(tx, gx, cx, kinds, nterms, "I" if len(entries) > 0xFFFF else "H"), cgroups


def _records(tx: dict[str, list[int]], gx: dict[str, list[int]], cx: dict[str, list[int]], kinds: bytes,
             nterms: list[int], code: str) -> Postings:
    """The postings as one record a term (see Postings). Per text entry, what bounds its score without the
    file's arrays: its kind (number in the file's kind names) and its number of terms (at most 255)."""
    terms = sorted(tx.keys() | gx.keys() | cx.keys())
    kind_words = [k | (n if n < 255 else 255) << 8 for k, n in zip(kinds, nterms)]
    kw = kind_words.__getitem__
    none: list[int] = []
    flat: list[int] = []  # every record in one array, then cut (one array a term costs ~10% more)
    add = flat.extend
    ends = []
    for a, b, c in zip(map(tx.get, terms, repeat(none)), map(gx.get, terms, repeat(none)),
                       map(cx.get, terms, repeat(none))):
        add((len(a), len(b), len(c)))
        add(a)
        add(b)
        add(c)
        add(map(kw, a))
        ends.append(len(flat))
    blob = array(code, flat).tobytes()
    w = 2 if code == "H" else 4
    recs = [blob[start * w:end * w] for start, end in zip([0, *ends], ends)]
    return Postings(terms, recs, bytes([t in tx for t in terms]))


def file_rows(doc: Document) -> FileRows:
    memo: dict[str, set[str]] = {}

    def tt(s: str) -> set[str]:
        r = memo.get(s)
        if r is None:
            r = memo[s] = text_terms(s)  # (never changed)
        return r

    entries = doc.entries
    link = EntryKind.LINK
    texts = [e.text for e in entries]
    own = list(dict.fromkeys([t for e, t in zip(entries, texts) if e.kind != link]))
    memo.update(zip(own, map(text_terms, own)))  # (their headings and contexts then hit the memo)
    term_sets = [entry_terms(link, t, e.context) if e.kind == link else memo[t] for e, t in zip(entries, texts)]
    nterms = [len(ts) for ts in term_sets]  # of the entry's own text: what its density is
    for i, terms in detail_terms(entries, doc.announcements).items():
        term_sets[i] = term_sets[i] | terms
    kind_names: dict[str, int] = {}
    kinds = bytes([kind_names.setdefault(e.kind, len(kind_names)) for e in entries])
    groups = _groups(entries, tt)
    post, cgroups = _postings(entries, term_sets, groups, kinds, nterms, tt)
    extras = [extra(e.breaks, e.context) if e.breaks or e.context else None for e in entries]
    head = json.dumps({
        "title": doc.title, "date": doc.date, "tags": doc.tags, "warnings": doc.warnings,
        "days": [[d.number, d.title, d.weekday, d.line] for d in doc.days],
    }, ensure_ascii=False)
    docs = {k: z(json.dumps([pack_item(x) for x in getattr(doc, k)], ensure_ascii=False)) for k in DOC_KINDS}
    return FileRows(
        n=len(texts), head=head, knames="\n".join(kind_names), kinds=b"B" + kinds,
        days=packed([-1 if e.day is None else e.day for e in entries], True), nterms=packed(nterms),
        lines=packed([e.line for e in entries]), breaks=bytes([1 if e.breaks else 0 for e in entries]),
        groups=packed(groups.of_entry), cgroups=packed(cgroups), paths=z(json.dumps(groups.paths, ensure_ascii=False)),
        terms=z("\n".join(post.terms)), entries=z(json.dumps([texts, extras], ensure_ascii=False)),
        postings=post, docs=docs, front=None if doc.front is None else json.dumps(doc.front, ensure_ascii=False))
