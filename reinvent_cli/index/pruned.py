"""One-word search with a limit over the store: only the files that can hold one of the best hits are scored.

Per file, an upper bound of its entries' scores (and so a lower bound of their sort keys) comes from
the postings alone (each entry's kind and number of terms); the files are then scored in the order of
that bound, until the next file cannot beat the ``limit``-th best (file, line) found. The hits are
the same as the general path's (``score_entry`` scores both).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from typing import NamedTuple

from reinvent_cli.index.ranking import (
    CONTEXT_WEIGHT,
    KIND_ORDER,
    KIND_RANK,
    EntryScore,
    Hit,
    Ranked,
    Scored,
    Weights,
    best_by_line,
    hits_of,
    score_entry,
)
from reinvent_cli.index.reader import FilePosting, StoreIndex
from reinvent_cli.model import Entry

MIN_SCORE = 50


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
