"""One-word search with a limit over the store: only the files that can hold one of the best hits are scored.

Per file, an upper bound of its entries' scores (and so a lower bound of their sort keys) comes from
the postings alone (each entry's kind and number of terms); the files are then scored in the order of
that bound, until the next file cannot beat the ``limit``-th best (file, line) found. The hits are
the same as the general path's (``score_entry`` scores both).
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, repeat
from operator import eq
from typing import Any, NamedTuple

from reinvent_cli.index import MIN_SCORE
from reinvent_cli.index.ranking import (
    CONTEXT_WEIGHT,
    KIND_ORDER,
    KIND_RANK,
    EntryScore,
    Hit,
    Order,
    Ranked,
    Scored,
    Weights,
    best_by_line,
    hits_of,
    score_entry,
)
from reinvent_cli.index.stored_index import FilePosting, StoreIndex
from reinvent_cli.model import Entry

__all__ = ["MIN_SCORE", "search_pruned"]


class _Part(NamedTuple):
    """A matched term's posting in one file, with the term's similarity."""

    sim: float
    posting: FilePosting


class _FileOrder(NamedTuple):
    neg_score: int
    kind_rank: int
    name: str
    fid: int


def _bounds(index: StoreIndex, per_file: dict[int, list[_Part]], kinds: set[str] | None, min_score: int,
            files: set[str] | None, score: Callable[[float, str, int], EntryScore]) -> list[_FileOrder]:
    """The files in the order of the best sort key any of their entries can have."""
    order = []
    nkinds = len(KIND_ORDER)
    for fid, parts in per_file.items():
        name = index.names[fid]
        if files is not None and name not in files:
            continue
        knames = index.kind_names(fid)
        bound = None
        for part in parts:
            n = len(part.posting.tx)
            tk = part.posting.tk
            for k, words in set(zip(tk[:n], tk[n:])):
                kind = knames[k]
                if kinds and kind not in kinds:
                    continue
                # words is at most 255: fewer words can only raise the bound
                sb = round(min(score(part.sim, kind, words).base, 100))
                if sb < min_score:
                    continue
                b = (-sb, KIND_RANK.get(kind, nkinds))
                if bound is None or b < bound:
                    bound = b
        if bound is not None:
            order.append(_FileOrder(bound[0], bound[1], name, fid))
    order.sort()
    return order


def search_pruned(index: StoreIndex, q: str, m: dict[str, float], *, kinds: set[str] | None, day: int | None,
                  limit: int, min_score: int, files: set[str] | None, announce: bool) -> list[Hit] | None:
    """``search`` of one query word ``q`` (matched terms ``m``) with a limit; ``announce``: ``q`` is an
    announcement word (query.Query.announce). None: this query needs the general path (a context
    similarity could beat a text one)."""
    raw = index.file_postings(m)
    m = {v: sv for v, sv in m.items() if raw[v]}
    matched = [m]
    if not m:
        return []
    rising = sorted(m.items(), key=lambda vs: vs[1])
    if rising[0][1] <= CONTEXT_WEIGHT * rising[-1][1]:
        return None
    count = {v: sum(len(p.tx) for p in raw[v]) for v in m}
    best_v = max(m, key=lambda v: (m[v], count[v]))
    w0 = math.log(1 + max(index.size, 1) / (1 + count[best_v]))
    weights = Weights([q], [w0], w0 or 1.0, 0, w0, [announce])
    memo: dict[tuple[float, str, int], EntryScore] = {}

    def score(s_text: float, kind: str, words: int) -> EntryScore:
        key = (s_text, kind, words)
        r = memo.get(key)
        if r is None:
            r = memo[key] = score_entry(weights, kind, words, (s_text,), (0.0,))  # type: ignore[assignment]
        assert r is not None  # s_text > 0: always a text hit
        return r

    per_file: dict[int, list[_Part]] = {}
    for v, sv in rising:
        for p in raw[v]:
            per_file.setdefault(p.fid, []).append(_Part(sv, p))
    best: dict[tuple[str, int], Ranked] = {}
    entries: dict[int, Entry] = {}
    top: list[Ranked] = []
    for fo in _bounds(index, per_file, kinds, min_score, files, score):
        if len(top) >= limit and (fo.neg_score, fo.kind_rank, fo.name) > (top[-1].order.neg_score, top[-1].order.kind_rank, top[-1].order.file):
            break  # this file's entries, and the later files', all sort after the limit-th best
        if sum(len(part.posting.tx) for part in per_file[fo.fid]) > BIG_FILE_HITS:
            top = _big_file(index, fo, per_file[fo.fid], top, best, entries, matched, score, kinds=kinds, day=day,
                            limit=limit, min_score=min_score)
            continue
        base_id = fo.fid << index.shift
        tb: dict[int, float] = {}
        for part in per_file[fo.fid]:
            tb.update(dict.fromkeys(map(base_id.__or__, part.posting.tx), part.sim))
        scored = []
        for row in index.rows(sorted(tb)):
            if kinds and row.kind not in kinds or day is not None and row.day != day:
                continue
            r = score(tb[row.id], row.kind, row.words)
            if round(min(r.base, 100)) >= min_score:
                scored.append(Scored(row.id, row.kind, r.base, r.coverage, r.density, None, row.line, row.wrapped,
                                     row.file))
        file_best: dict[tuple[str, int], Ranked] = {}  # (file, line) keys of this file alone
        entries.update(best_by_line(index, scored, "", matched, min_score, file_best))
        best.update(file_best)
        top = heapq.nsmallest(limit, [*top, *file_best.values()])
    return hits_of(index, best, entries, limit, matched, False)


BIG_FILE_HITS = 4096  # a file with more hits than this is scored a chunk of hits at a time, best bound first


def _first_chunk(limit: int) -> int:
    """Hits scored in the first chunk of a big file; each next chunk is twice the last."""
    return max(4 * limit, 256)


def _big_file(index: StoreIndex, fo: _FileOrder, parts: list[_Part], top: list[Ranked],
              best: dict[tuple[str, int], Ranked], entries: dict[int, Entry], matched: list[dict[str, float]],
              score: Callable[[float, str, int], EntryScore], *, kinds: set[str] | None, day: int | None,
              limit: int, min_score: int) -> list[Ranked]:
    """The hits of one file with many (``parts``: its postings of the matched terms, in rising similarity),
    scored as the loop of search_pruned scores a file's (into ``best`` and ``entries``; the new ``top``
    returned), but a chunk at a time, in the order of a lower bound of their sort key, until the next one
    cannot beat the ``limit``-th best.

    The bound of an entry is its score and kind from the file's columns (what best_by_line may change can
    only lower the score -- an announcement found by its details -- or move the line down -- the line of the
    match in soft-wrapped text), then its line. A file whose word is on every line (800,000 bullets) then
    scores a few chunks instead of building a row, a score and a ranked result per line. The results are
    the same: an entry left out sorts after the ``limit`` best, and of two entries of one (file, line) with
    the same score and kind the first by id is kept, as there."""
    index.reader.load([fo.fid])
    m = index.reader.meta[fo.fid]
    if len(parts) == 1:
        js: Sequence[int] = parts[0].posting.tx
        sims: Iterable[float] = repeat(parts[0].sim, len(js))
        sim_of: Callable[[int], float] = lambda j: parts[0].sim  # noqa: E731
    else:
        tb: dict[int, float] = {}  # the best similarity of each hit (parts rise: the last one written)
        for part in parts:
            tb.update(dict.fromkeys(part.posting.tx, part.sim))
        js = sorted(tb)
        sims, sim_of = map(tb.__getitem__, js), tb.__getitem__
    keys = list(zip(sims, map(m.kinds.__getitem__, js), map(m.nterms.__getitem__, js), map(m.days.__getitem__, js)))
    nkinds = len(KIND_ORDER)
    bound: dict[tuple[float, int, int, int], tuple[int, int] | None] = {}
    for sim, k, words, d in set(keys):
        kind = m.kind_names[k]
        sb = round(min(score(sim, kind, words).base, 100))
        ok = not (kinds and kind not in kinds or day is not None and d != day) and sb >= min_score
        bound[sim, k, words, d] = (-sb, KIND_RANK.get(kind, nkinds)) if ok else None
    by_rank = sorted({b for b in bound.values() if b is not None})
    rank_of = {key: None if b is None else by_rank.index(b) for key, b in bound.items()}
    ranks = list(map(rank_of.__getitem__, keys))
    del keys
    order: list[int] = []  # the hits' numbers in the file, by bound, then line, then number
    starts: list[int] = []  # where each bound's hits start in it
    for r in range(len(by_rank)):
        starts.append(len(order))
        order += sorted(compress(js, map(eq, ranks, repeat(r))), key=m.lines.__getitem__)
    del ranks
    base_id = fo.fid << index.shift
    start, size = 0, _first_chunk(limit)
    while start < len(order):
        neg_score, kind_rank = by_rank[bisect_right(starts, start) - 1]
        if len(top) >= limit and Order(neg_score, kind_rank, fo.name, m.lines[order[start]]) > top[-1].order:
            break  # this entry and the file's later ones all sort after the limit-th best
        chunk = sorted(order[start:start + size])
        start, size = start + size, size * 2
        scored = []
        for row, j in zip(index.rows([base_id | j for j in chunk]), chunk):
            es = score(sim_of(j), row.kind, row.words)
            if round(min(es.base, 100)) >= min_score:
                scored.append(Scored(row.id, row.kind, es.base, es.coverage, es.density, None, row.line, row.wrapped,
                                     row.file))
        chunk_best: dict[tuple[str, int], Ranked] = {}
        entries.update(best_by_line(index, scored, "", matched, min_score, chunk_best))
        changed: dict[tuple[str, int], Ranked] = {}
        for at, rk in chunk_best.items():
            old = best.get(at)
            if old is None or (rk.order[:2], rk.id) < (old.order[:2], old.id):
                best[at] = changed[at] = rk
        if changed:
            current = {(rk.order.file, rk.order.line): rk for rk in top}
            current.update(changed)
            top = heapq.nsmallest(limit, current.values())
    return top


def best_bounded(index: StoreIndex | Any, scored: list[Scored], n: int, bonus: float, phrase: str,
                 matched: list[dict[str, float]], min_score: int, required: Sequence[str],
                 exclude: set[tuple[str, int]]) -> tuple[dict[tuple[str, int], Ranked], dict[int, Entry]]:
    """What best_by_line makes of ``scored`` (sorted by id) -- the best entry per (file, line), but none of
    the ``exclude``d (file, line) -- and the entries it read, enough of it for the ``n`` best: the entries
    are taken a chunk at a time in the order of a bound of their sort key (their score with the phrase
    ``bonus``, kind, file, line: best_by_line can only lower the score or move the line down) until the
    next one cannot beat the ``n``-th best. Of two entries of one (file, line) with the same score and kind
    the first by id is kept, as there."""
    nkinds = len(KIND_ORDER)

    def bound(h: Scored) -> tuple[Order, int]:
        return Order(-round(min(h.base * bonus, 100)), KIND_RANK.get(h.kind, nkinds), h.file, h.line), h.id

    ordered = sorted(scored, key=bound)
    best: dict[tuple[str, int], Ranked] = {}
    entries: dict[int, Entry] = {}
    top: list[Ranked] = []
    start, size = 0, _first_chunk(n)
    while start < len(ordered):
        if len(top) >= n and bound(ordered[start])[0] > top[-1].order:
            break  # this entry and the later ones all sort after the n-th best
        chunk = sorted(ordered[start:start + size], key=lambda h: h.id)
        start, size = start + size, size * 2
        chunk_best: dict[tuple[str, int], Ranked] = {}
        entries.update(best_by_line(index, chunk, phrase, matched, min_score, chunk_best, required))
        changed: dict[tuple[str, int], Ranked] = {}
        for at, rk in chunk_best.items():
            old = best.get(at)
            if at not in exclude and (old is None or (rk.order[:2], rk.id) < (old.order[:2], old.id)):
                best[at] = changed[at] = rk
        if changed:
            current = {(rk.order.file, rk.order.line): rk for rk in top}
            current.update(changed)
            top = heapq.nsmallest(n, current.values())
    return best, entries
