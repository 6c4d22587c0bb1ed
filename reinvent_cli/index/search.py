"""Fuzzy, ranked search over index entries. Pure functions: no terminal, no printing.

Ranking, in short: question and filler words (how, what, the, ...) are dropped from the query when
other words remain. Each query term is matched against the vocabulary (match.py): exact, prefix, same
stem or a word of the notes plus an inflection (deploying ~ deployment, available ~ avail), a few
synonyms, or within one or two typos by Damerau-Levenshtein distance; a joined query word also matches
its two halves in one entry, and two query words their joined form. An entry's score (``score_entry``,
the one place it is computed) is the share of the query it covers, each term weighted by its rarity
(IDF), terms found only in the entry's headings or lead-in counting 60% (a word like "announcement" or
"launch" is matched by an announcement entry itself); of 3+ terms a third may be missing, never the
rarest. Then the kind of entry weighs in (a talk or section title outranks a bullet that mentions the
same words), and short entries and exact phrases get a small bonus. Scores are 0-100; below
``MIN_SCORE`` a hit is noise and is not returned.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from reinvent_cli.index import MIN_SCORE
from reinvent_cli.index import pruned as pruning
from reinvent_cli.index.match import STEM_SCORE, match_query, match_vocab, split_term
from reinvent_cli.index.parsed_query import Query, as_query
from reinvent_cli.index.pruned import search_pruned
from reinvent_cli.index.ranking import (
    CONTEXT_WEIGHT,
    KIND_WEIGHT,
    PHRASE_BONUS,
    EntryScore,
    Hit,
    Ranked,
    Scored,
    Weights,
    best_by_line,
    highlight_spans,
    hits_of,
    score_entry,
)
from reinvent_cli.index.rows import detail_terms
from reinvent_cli.index.stored_index import EntryRow, StoreIndex
from reinvent_cli.index.terms import entry_terms, text_terms, url_terms
from reinvent_cli.model import Announcement, Entry, EntryKind, Talk

if TYPE_CHECKING:
    from reinvent_cli.index.bytalk import TalkMatch

__all__ = ["CONTEXT_WEIGHT", "KIND_WEIGHT", "MIN_SCORE", "Hit", "Query", "SearchIndex", "highlight_spans", "match_vocab",
           "search"]



class Index(Protocol):
    """What search() reads: SearchIndex in memory, reader.StoreIndex over the store."""

    @property
    def size(self) -> int: ...
    def matches(self, q: str) -> dict[str, float]: ...
    def has_term(self, term: str) -> bool: ...
    def postings_for(self, terms: Iterable[str]) -> dict[str, set[int]]: ...
    def context_of(self, terms: Iterable[str], ids: set[int]) -> dict[str, set[int]]: ...
    def rows(self, ids: Sequence[int]) -> Sequence[EntryRow]: ...
    def entries_for(self, ids: Iterable[int]) -> dict[int, Entry]: ...


class SearchIndex:
    """Terms of every entry, with postings and a sorted vocabulary for prefix and typo look-ups."""

    def __init__(self, entries: Sequence[Entry], announcements: Sequence[Announcement] = ()) -> None:
        self.entries = list(entries)
        details = detail_terms(self.entries, announcements)
        self.text_terms: list[frozenset[str]] = []
        self.ctx_terms: list[frozenset[str]] = []
        self.postings: dict[str, list[int]] = {}
        self.own_counts: list[int] = []  # terms of each entry's own text (without an announcement's details)
        path_terms: dict[tuple[str, ...], frozenset[str]] = {}  # entries share their headings
        for i, e in enumerate(self.entries):
            terms = entry_terms(e.kind, e.text, e.context)
            self.own_counts.append(len(terms))
            terms = terms | details.get(i, set())
            key = tuple(e.path)
            ctx = path_terms.get(key)
            if ctx is None:
                ctx = path_terms[key] = frozenset(t for p in key for t in text_terms(p))
            own = set(ctx)
            for c in e.context:
                own |= url_terms(c) if c.startswith(("http://", "https://")) else text_terms(c)
            self.text_terms.append(frozenset(terms))
            self.ctx_terms.append(frozenset(own - terms))
            for t in terms:
                self.postings.setdefault(t, []).append(i)
        self.vocab = sorted(self.postings)
        self._ctx_postings: dict[str, list[int]] | None = None

    def ctx_postings(self, term: str) -> list[int]:
        if self._ctx_postings is None:
            cp: dict[str, list[int]] = {}
            for i, terms in enumerate(self.ctx_terms):
                for t in terms:
                    cp.setdefault(t, []).append(i)
            self._ctx_postings = cp
        return self._ctx_postings.get(term, [])

    def matches(self, q: str) -> dict[str, float]:
        """Vocabulary terms that match query term ``q``, with a similarity in (0, 1]."""
        return match_vocab(q, self.vocab, self.postings.__contains__)

    def has_term(self, term: str) -> bool:
        return term in self.postings

    @property
    def size(self) -> int:
        return len(self.entries)

    def postings_for(self, terms: Iterable[str]) -> dict[str, set[int]]:
        """Per term: the entries with it in their text."""
        return {t: set(self.postings.get(t, ())) for t in terms}

    def context_of(self, terms: Iterable[str], ids: set[int]) -> dict[str, set[int]]:
        """Per term: which of ``ids`` have it in their context (headings, lead-in) and not in their text."""
        return {t: ids.intersection(self.ctx_postings(t)) for t in terms}

    def rows(self, ids: Sequence[int]) -> list[EntryRow]:
        entries, counts = self.entries, self.own_counts
        return [EntryRow(i, e.kind, e.day, counts[i], e.line, int(bool(e.breaks)), e.file)
                for i, e in zip(ids, map(entries.__getitem__, ids))]

    def entries_for(self, ids: Iterable[int]) -> dict[int, Entry]:
        return {i: self.entries[i] for i in ids}


def _weights(query: Query, matched: list[dict[str, float]], post: dict[str, set[int]], n: int) -> Weights:
    qterms = list(query.content)
    idf = []
    for m in matched:
        if m:
            best = max(m, key=lambda v: (m[v], len(post[v])))
            df = len(post[best])
        else:
            df = 0
        idf.append(math.log(1 + n / (1 + df)))
    # The term that may go missing is never the rarest one found in the notes: it says most what the
    # query is about ("how to scale redis" without redis is not an answer).
    key_idf = max((w for w, m in zip(idf, matched) if m), default=None)
    allowed = len(qterms) // 3
    # Partial matches only while the query's words are in the notes (but for the third a full match may
    # miss): a word found nowhere ("spark streaming") says the notes do not have the answer. They must have
    # the query's subject: of the words found as written, the one the notes mention most ("lambda" of
    # "lambda pricing", "redis" of "how to scale redis"); what is missing is an aspect of it.
    partial_ok = sum(1 for m in matched if not m) <= allowed
    strong = [w for w, m in zip(idf, matched) if m and max(m.values()) >= STEM_SCORE]
    return Weights(qterms, idf, sum(idf) or 1.0, allowed, key_idf, list(query.announce), partial_ok,
                   min(strong, default=None))


class _Query(NamedTuple):
    """A query, matched against the notes."""

    terms: list[str]  # the content terms
    matched: list[dict[str, float]]  # per term, the terms of the notes it matches, with their similarity
    splits: dict[str, tuple[str, str]]
    post: dict[str, set[int]]  # per matched term, the entries with it in their text
    weights: Weights
    phrases: list[str]  # quoted phrases ("failover redis"), normalised: an entry's text must have them


def _prepare(index: Index, query: Query) -> _Query | None:
    """The query's terms matched against the notes; None when nothing can be found."""
    qterms = list(query.content)
    if not qterms:
        return None
    found = match_query(index, qterms)
    splits = found.splits
    post = index.postings_for({p for m in found.terms for v in m for p in splits.get(v, (v,))})
    for key, (a, b) in splits.items():
        post[key] = post[a] & post[b]
    # The stored vocabulary may also hold terms of files not loaded now: keep the terms found here.
    matched = [{v: s for v, s in m.items() if post[v]} for m in found.terms]
    weights = _weights(query, matched, post, max(index.size, 1))
    return _Query(qterms, matched, splits, post, weights, list(query.phrases))


def search_talks(index: Index, query: str | Query, talks: Sequence[Talk], *, day: int | None = None,
                 min_score: int = MIN_SCORE, files: set[str] | None = None) -> list[TalkMatch]:
    """The talks whose notes match ``query``, those whose notes match most first (``search --by talk``)."""
    from reinvent_cli.index.bytalk import rank_talks  # imported here: only talks found by their notes need it

    return rank_talks(search(index, query, day=day, limit=None, min_score=min_score, files=files), talks)


def search(index: Index, query: str | Query, *, kinds: Iterable[str] | None = None, day: int | None = None,
           limit: int | None = 10, min_score: int = MIN_SCORE, explain: bool = False,
           files: set[str] | None = None, talks: Sequence[Talk] | None = None) -> list[Hit]:
    """Ranked hits for ``query`` (its text is parsed once: query.parse_query); ``index`` is a SearchIndex or a
    reader.StoreIndex (same interface).

    ``files``: only hits in files of these names (the IDF still counts every loaded file). ``talks``: with
    ``kinds`` talk alone, the talks whose notes are about the query are found, not only those whose title
    has its words (see bytalk.py).
    """
    query = as_query(query)
    kind_set = set(kinds) if kinds else None
    if kind_set == {EntryKind.TALK} and talks is not None and not explain:
        from reinvent_cli.index.bytalk import talk_hits  # imported here: only --kind talk needs it

        matches = search_talks(index, query, talks, day=day, min_score=min_score, files=files)
        return talk_hits(matches, match_query(index, query.content).terms, limit)
    if len(query.content) == 1 and limit and not explain and isinstance(index, StoreIndex):
        q = query.content[0]
        m = index.matches(q)
        if not split_term(q, index.has_term) or m.get(q) == 1.0:
            pruned = search_pruned(index, q, m, kinds=kind_set, day=day, limit=limit, min_score=min_score,
                                   files=files, announce=query.announce[0])
            if pruned is not None:
                return pruned
    prepared = _prepare(index, query)
    if prepared is None:
        return []
    candidates: set[int] = set()
    for m in prepared.matched:
        for v in m:
            candidates.update(prepared.post[v])
    phrase = query.phrase if len(prepared.terms) > 1 else ""
    scored = _score_candidates(index, prepared, candidates, kind_set, day, files, min_score,
                               PHRASE_BONUS if phrase else 1.0, explain)
    # Full matches first; partial ones (a query word missing: "lambda pricing") after them, while the
    # limit leaves room, on lines without a full match.
    hits: list[Hit] = []
    seen: set[tuple[str, int]] = set()
    for part in (False, True):
        if limit and len(hits) >= limit:
            break
        best: dict[tuple[str, int], Ranked] = {}
        group = [h for h in scored if h.partial == part]
        if limit and not explain and len(group) > pruning.BIG_FILE_HITS:  # the best lines only, a chunk at a time
            best, entries = pruning.best_bounded(index, group, limit - len(hits), PHRASE_BONUS if phrase else 1.0,
                                                phrase, prepared.matched, min_score, prepared.phrases, seen)
        else:
            entries = best_by_line(index, group, phrase, prepared.matched, min_score, best, prepared.phrases)
        best = {k: v for k, v in best.items() if k not in seen}
        seen.update(best)
        found = hits_of(index, best, entries, limit - len(hits) if limit else None, prepared.matched, explain)
        if part and hits:  # never above a full match: the order is the scores' order
            for h in found:
                h.score = min(h.score, hits[-1].score)
        hits += [h for h in found if h.score >= min_score]
    return hits


def _score_candidates(index: Index, q: _Query, candidates: set[int], kind_set: set[str] | None, day: int | None,
                      files: set[str] | None, min_score: int, bonus: float, explain: bool) -> list[Scored]:
    """The candidates that pass the filters and can reach ``min_score`` (with the phrase ``bonus``), scored
    from the postings alone; entry texts are read later, only for these."""
    text_best, ctx_best = _best_sims(index, q.matched, q.splits, q.post, candidates, explain)
    scored = []
    memo: dict[tuple[Any, ...], EntryScore | None] = {}
    single = not explain  # few distinct keys (a word on every line of 800,000: a handful): memoised
    for row in index.rows(sorted(candidates)):
        if (kind_set and row.kind not in kind_set or day is not None and row.day != day
                or files is not None and row.file not in files):
            continue
        sims = tuple(tb.get(row.id, 0.0) for tb in text_best)
        ctxs = tuple(cb.get(row.id, 0.0) for cb in ctx_best)
        key = (sims, ctxs, row.kind, row.words)
        if single and key in memo:
            s = memo[key]
        else:
            s = score_entry(q.weights, row.kind, row.words, sims, ctxs, explain)
            if single:
                memo[key] = s
        if s is None:
            continue
        if round(min(s.base * bonus, 100)) >= min_score:
            scored.append(Scored(row.id, row.kind, s.base, s.coverage, s.density, s.detail, row.line, row.wrapped,
                                 row.file, s.partial))
    return scored


def _best_sims(index: Index, matched: list[dict[str, float]], splits: dict[str, tuple[str, str]],
               post: dict[str, set[int]], candidates: set[int], explain: bool,
               ) -> tuple[list[dict[int, float]], list[dict[int, float]]]:
    """Per query term: the best similarity of any of its matched terms in an entry's text, in its
    context (dicts filled in rising order of similarity: the last one written is the maximum).

    Context (headings, lead-in) is read for the candidates alone, and only for those without the
    term in their text when every text similarity beats every context one (CONTEXT_WEIGHT times
    a similarity): there it cannot change the score (--explain shows it, so reads it all). A split
    pseudo-term "a b" is in an entry's context when each half is in its text or context."""
    text_best: list[dict[int, float]] = []
    ctx_best: list[dict[int, float]] = []
    for m in matched:
        rising = sorted(m.items(), key=lambda vs: vs[1])
        tb: dict[int, float] = {}
        for v, s in rising:
            tb.update(dict.fromkeys(post[v], s))
        cb: dict[int, float] = {}
        if m:
            ids = candidates if explain or rising[0][1] <= CONTEXT_WEIGHT * rising[-1][1] else candidates.difference(tb)
            if ids:
                ctx = index.context_of({p for v in m for p in splits.get(v, (v,))}, ids)
                for v in m:
                    if v in splits:
                        a, b = splits[v]
                        ctx[v] = (((ids & post[a]) | ctx[a]) & ((ids & post[b]) | ctx[b])) - post[v]
                for v, s in rising:
                    if ctx[v]:
                        cb.update(dict.fromkeys(ctx[v], s))
        text_best.append(tb)
        ctx_best.append(cb)
    return text_best, ctx_best
