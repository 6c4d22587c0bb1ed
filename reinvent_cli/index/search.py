"""Fuzzy, ranked search over index entries. Pure functions: no terminal, no printing.

Ranking, in short: question and filler words (how, what, the, ...) are dropped from the query when
other words remain. Each query term is matched against the vocabulary: exact, prefix, same stem or a
word of the notes plus an inflection (deploying ~ deployment, available ~ avail), a few synonyms, or
within one or two typos by Damerau-Levenshtein distance; a joined query word also matches its two
halves in one entry, and two query words their joined form. An entry's score is the share of the
query it covers, each term weighted by its rarity (IDF), terms found only in the entry's headings or
lead-in counting 60% (a word like "announcement" or "launch" is matched by an announcement entry
itself); of 3+ terms a third may be missing, never the rarest. Then the kind of entry weighs in (a
talk or section title outranks a bullet that mentions the same words), and short entries and exact
phrases get a small bonus. Scores are 0-100; below ``MIN_SCORE`` a hit is noise and is not returned.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from reinvent_cli.model import Entry
from reinvent_cli.index.terms import (STOPWORDS, content_terms, entry_terms, normalise, stem, text_terms, typo_allowed, typo_keys,
                    typo_reach, url_terms, word_spans, word_terms)

MIN_SCORE = 50
STEM_SCORE = 0.85  # same stem: deploying ~ deployment, retries ~ retry
SYNONYM_SCORE = 0.8
SPLIT_SCORE = 0.9  # a joined query word found as two words of one entry: loadbalancing ~ load balancing
# What may follow a word of the notes in a query term that starts with it: avail ~ available.
INFLECTIONS = frozenset({"s", "es", "ed", "d", "ing", "able", "ible", "ment", "ments", "er", "ers", "ion", "ions",
                         "ly"})
# A query word with one of these stems is matched by the kind of an announcement entry itself.
ANNOUNCE_STEMS = frozenset({"announc", "launch", "launche"})
# A few words the notes write otherwise (looked up by the query term and by its stem).
SYNONYMS = {
    "cost": ("price", "pricing"), "price": ("cost", "pricing"), "pric": ("cost", "price", "pricing"),
    "spoke": ("speaker", "speakers", "presented", "talk"), "speak": ("speaker", "speakers", "presented"),
    "present": ("speaker", "speakers", "presented"),
}
CONTEXT_WEIGHT = 0.6
KIND_WEIGHT = {
    "talk": 1.0, "section": 0.97, "day": 0.9, "announcement": 0.95, "link": 0.9,
    "bullet": 0.9, "paragraph": 0.89, "code": 0.85,
}


@dataclass
class Hit:
    entry: Entry
    score: int
    line: int
    spans: list[tuple[int, int]]
    explain: dict[str, object] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.entry.kind


class SearchIndex:
    """Terms of every entry, with postings and a sorted vocabulary for prefix and typo look-ups."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self.text_terms: list[frozenset[str]] = []
        self.ctx_terms: list[frozenset[str]] = []
        self.postings: dict[str, list[int]] = {}
        path_terms: dict[tuple[str, ...], frozenset[str]] = {}  # entries share their headings
        for i, e in enumerate(self.entries):
            terms = entry_terms(e.kind, e.text, e.context)
            key = tuple(e.path)
            ctx = path_terms.get(key)
            if ctx is None:
                ctx = path_terms[key] = frozenset(t for p in key for t in text_terms(p))
            if e.context:
                ctx = set(ctx)
                for c in e.context:
                    ctx |= url_terms(c) if c.startswith(("http://", "https://")) else text_terms(c)
            self.text_terms.append(frozenset(terms))
            self.ctx_terms.append(frozenset(ctx - terms))
            for t in terms:
                self.postings.setdefault(t, []).append(i)
        self.vocab = sorted(self.postings)
        self._ctx_postings: dict[str, list[int]] | None = None
        self._typos: dict[str, list[str]] | None = None

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
        return match_vocab(q, self.vocab, self.postings.__contains__, self._near)

    def _near(self, q: str) -> set[str]:
        if self._typos is None:
            self._typos = typo_map(self.vocab)
        tm = self._typos
        return {v for key in typo_keys(q, typo_allowed(q)) for v in tm.get(key, ())}

    def has_term(self, term: str) -> bool:
        return term in self.postings

    # The interface search() scores through; cache.StoreIndex has the same over SQLite.

    @property
    def size(self) -> int:
        return len(self.entries)

    def postings_for(self, terms: Iterable[str]) -> dict[str, set[int]]:
        """Per term: the entries with it in their text."""
        return {t: set(self.postings.get(t, ())) for t in terms}

    def context_of(self, terms: Iterable[str], ids: set[int]) -> dict[str, set[int]]:
        """Per term: which of ``ids`` have it in their context (headings, lead-in) and not in their text."""
        return {t: ids.intersection(self.ctx_postings(t)) for t in terms}

    def rows(self, ids: Sequence[int]) -> Iterable[tuple]:
        """(id, kind, day, number of terms, line, soft-wrapped, file name) of each of ``ids``, in order."""
        entries, text_terms = self.entries, self.text_terms
        return [(i, e.kind, e.day, len(text_terms[i]), e.line, bool(e.breaks), e.file)
                for i, e in zip(ids, map(entries.__getitem__, ids))]

    def entries_for(self, ids: Iterable[int]) -> dict[int, Entry]:
        return {i: self.entries[i] for i in ids}


def typo_map(vocab: Iterable[str]) -> dict[str, list[str]]:
    """Deletion neighbourhood -> vocabulary terms, for ``typo_candidates``."""
    out: dict[str, list[str]] = {}
    for v in vocab:
        k = typo_reach(v)
        if k:
            for key in typo_keys(v, k):
                out.setdefault(key, []).append(v)
    return out


def damerau_levenshtein(a: str, b: str) -> int:
    """The unrestricted Damerau-Levenshtein distance (as rapidfuzz.distance.DamerauLevenshtein)."""
    la, lb = len(a), len(b)
    inf = la + lb
    da: dict[str, int] = {}
    d = [[inf] * (lb + 2)]
    d.extend([inf, i] + [0] * lb for i in range(la + 1))
    d[1] = [inf, *range(lb + 1)]
    for i in range(1, la + 1):
        db = 0
        ca = a[i - 1]
        row, prev = d[i + 1], d[i]
        for j in range(1, lb + 1):
            cb = b[j - 1]
            i1 = da.get(cb, 0)
            j1 = db
            if ca == cb:
                cost = 0
                db = j
            else:
                cost = 1
            row[j + 1] = min(prev[j] + cost, row[j] + 1, prev[j + 1] + 1, d[i1][j1] + (i - i1 - 1) + 1 + (j - j1 - 1))
        da[ca] = i
    return d[la + 1][lb + 1]


def typo_matches(q: str, candidates: Iterable[str]) -> dict[str, int]:
    """Of ``candidates`` (a superset), the terms of 4+ letters 1 or 2 typos from ``q`` (as allowed)."""
    allowed = typo_allowed(q)
    out = {}
    for v in candidates:
        if v != q and len(v) >= 4 and abs(len(v) - len(q)) <= allowed:
            dist = damerau_levenshtein(q, v)
            if dist <= allowed:
                out[v] = dist
    return out


def match_vocab(q: str, vocab: Sequence[str], contains=None, near=None) -> dict[str, float]:
    """Vocabulary terms matching query term ``q`` (``vocab`` sorted): exact 1.0, prefix, same stem,
    a word of the notes plus an inflection, a synonym, one or two typos.

    ``near(q)``: the vocabulary terms that may be within the allowed typos of ``q`` (any superset);
    by default every term of ``vocab``."""
    out: dict[str, float] = {}
    if contains is None:
        contains = vocab.__contains__
    if contains(q):
        out[q] = 1.0
    if len(q) >= 3:
        i = bisect.bisect_left(vocab, q)
        while i < len(vocab) and vocab[i].startswith(q):
            v = vocab[i]
            if v != q:
                out[v] = max(out.get(v, 0.0), 0.72 + 0.2 * len(q) / len(v))
            i += 1
    if typo_allowed(q):
        for v, dist in typo_matches(q, vocab if near is None else near(q)).items():
            out[v] = max(out.get(v, 0.0), 0.9 - 0.1 * dist)
    if len(q) >= 5 and q.isalpha():
        s = stem(q)
        # A stem is a prefix of every term that has it: only the terms starting with it are stemmed.
        i = bisect.bisect_left(vocab, s)
        while i < len(vocab) and vocab[i].startswith(s):
            v = vocab[i]
            if v != q and stem(v) == s:
                out[v] = max(out.get(v, 0.0), STEM_SCORE)
            i += 1
        for k in range(4, len(q)):
            v = q[:k]
            if q[k:] in INFLECTIONS and contains(v):
                out[v] = max(out.get(v, 0.0), 0.6 + 0.3 * k / len(q))
    for key in dict.fromkeys((q, stem(q))):
        for v in SYNONYMS.get(key, ()):
            if v != q and contains(v):
                out[v] = max(out.get(v, 0.0), SYNONYM_SCORE)
    return out


def split_term(q: str, contains) -> list[tuple[str, str]]:
    """The ways alphabetic ``q`` (6+ letters) is two known terms of 2+ letters each, joined."""
    if len(q) < 6 or not q.isalpha():
        return []
    return [(q[:k], q[k:]) for k in range(2, len(q) - 1) if contains(q[:k]) and contains(q[k:])]


def search(index: SearchIndex, query: str, *, kinds: Iterable[str] | None = None, day: int | None = None,
           limit: int | None = 10, min_score: int = MIN_SCORE, explain: bool = False,
           files: set[str] | None = None) -> list[Hit]:
    """Ranked hits for ``query``; ``index`` is a SearchIndex or a cache.StoreIndex (same interface).

    ``files``: only hits in files of these names (the IDF still counts every loaded file).
    """
    qterms = content_terms(query)
    if not qterms:
        return []
    n = max(index.size, 1)
    matched = [index.matches(q) for q in qterms]
    # Two adjacent query words that the notes write as one (auto scaling ~ autoscaling): the joined
    # term satisfies both.
    for k in range(len(qterms) - 1):
        joined = qterms[k] + qterms[k + 1]
        if index.has_term(joined):
            matched[k][joined] = matched[k + 1][joined] = 1.0
    # A query word the notes do not have, that is two words of theirs joined (mobilehub ~ Mobile Hub):
    # matched by the entries having both, as the pseudo-term "mobile hub".
    splits: dict[str, tuple[str, str]] = {}
    for q, m in zip(qterms, matched):
        if m.get(q) != 1.0:
            for a, b in split_term(q, index.has_term):
                splits[f"{a} {b}"] = (a, b)
                m[f"{a} {b}"] = SPLIT_SCORE
    if len(qterms) == 1 and limit and not explain and not splits and hasattr(index, "file_postings"):
        hits = _search_pruned(index, qterms[0], matched[0], kinds=set(kinds) if kinds else None, day=day,
                              limit=limit, min_score=min_score, files=files)
        if hits is not None:
            return hits
    post = index.postings_for({p for m in matched for v in m for p in splits.get(v, (v,))})
    for key, (a, b) in splits.items():
        post[key] = post[a] & post[b]
    # The stored vocabulary may also hold terms of files not loaded now: keep the terms found here.
    matched = [{v: s for v, s in m.items() if post[v]} for m in matched]
    idf = []
    for m in matched:
        if m:
            best = max(m, key=lambda v: (m[v], len(post[v])))
            df = len(post[best])
        else:
            df = 0
        idf.append(math.log(1 + n / (1 + df)))
    total_idf = sum(idf) or 1.0
    allowed_missing = len(qterms) // 3
    # The term that may go missing is never the rarest one found in the notes: it says most what the
    # query is about ("how to scale redis" without redis is not an answer).
    key_idf = max((w for w, m in zip(idf, matched) if m), default=None)
    announce = [stem(q) in ANNOUNCE_STEMS for q in qterms]

    candidates: set[int] = set()
    for m in matched:
        for v in m:
            candidates.update(post[v])
    kind_set = set(kinds) if kinds else None
    phrase = _phrase(query) if len(qterms) > 1 else ""

    # Per query term: the best similarity of any of its matched terms in an entry's text, in its
    # context (dicts filled in rising order of similarity: the last one written is the maximum).
    # Context (headings, lead-in) is read for the candidates alone, and only for those without the
    # term in their text when every text similarity beats every context one (CONTEXT_WEIGHT times
    # a similarity): there it cannot change the score (--explain shows it, so reads it all). A split
    # pseudo-term "a b" is in an entry's context when each half is in its text or context.
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
    per_term = list(zip(qterms, text_best, ctx_best, idf, announce))
    single = len(per_term) == 1 and not explain

    # Scores without the phrase bonus, from the postings alone; entry texts are read only for the
    # candidates that can still reach ``min_score``.
    scored = []
    factor = 1.06 if phrase else 1.0
    memo: dict[tuple, tuple] = {}
    _, tb0, cb0, w0, ann0 = per_term[0]
    for i, kind, d, words, line0, brk, fname in index.rows(sorted(candidates)):
        if kind_set and kind not in kind_set:
            continue
        if day is not None and d != day:
            continue
        if files is not None and fname not in files:
            continue
        if single:  # the common one-word query: the same sums, computed once per (similarity, kind, words)
            s_text = tb0.get(i, 0.0)
            if ann0 and kind == "announcement":
                s_text = 1.0
            if not s_text:
                continue
            s_ctx = CONTEXT_WEIGHT * cb0.get(i, 0.0)
            key = (s_text, s_ctx, kind, words)
            r = memo.get(key)
            if r is None:
                covered = w0 * max(s_text, s_ctx)
                coverage = covered / total_idf
                density = 0.9 + 0.1 * min(1.0, 1 / max(words, 1) * 2)
                base = 100 * coverage * KIND_WEIGHT.get(kind, 0.85) * density
                r = memo[key] = (base, coverage, density, int(round(min(base * factor, 100))) >= min_score)
            if r[3]:
                scored.append((i, kind, r[0], r[1], r[2], None, line0, brk, fname))
            continue
        else:
            covered, missing, text_hits = 0.0, 0, 0
            key_missing = False
            detail = []
            for q, tb, cb, w, ann in per_term:
                s_text = tb.get(i, 0.0)
                s_ctx = CONTEXT_WEIGHT * cb.get(i, 0.0)
                if ann and kind == "announcement":
                    s_text = 1.0  # "iot announcement", "mobile hub launch": the kind of entry is the word
                s = max(s_text, s_ctx)
                if s_text:
                    text_hits += 1
                if not s:
                    missing += 1
                    key_missing = key_missing or w == key_idf
                covered += w * s
                if explain:
                    detail.append({"term": q, "text": round(s_text, 2), "context": round(s_ctx, 2),
                                   "idf": round(w, 2)})
            if not text_hits or missing > allowed_missing or key_missing:
                continue
        coverage = covered / total_idf
        words = max(words, 1)
        density = 0.9 + 0.1 * min(1.0, text_hits / words * 2)
        base = 100 * coverage * KIND_WEIGHT.get(kind, 0.85) * density
        if int(round(min(base * factor, 100))) < min_score:
            continue
        scored.append((i, kind, base, coverage, density, detail, line0, brk, fname))

    best_by_line: dict[tuple[str, int], tuple] = {}
    entries = _best_by_line(index, scored, phrase, matched, min_score, best_by_line)
    return _hits(index, best_by_line, entries, limit, matched, explain)


def _search_pruned(index, q: str, m: dict[str, float], *, kinds: set[str] | None, day: int | None, limit: int,
                   min_score: int, files: set[str] | None) -> list[Hit] | None:
    """``search`` of one query word with a limit, over an index that has ``file_postings``: the same hits,
    with only the files that can hold one of the best ``limit`` scored exactly.

    Per file, an upper bound of its entries' scores (and so a lower bound of their sort keys) comes from
    the postings alone (each entry's kind and number of terms); the files are then scored in the order
    of that bound, until the next file cannot beat the ``limit``-th best (file, line) found. None: this
    query needs the general path (a context similarity could beat a text one)."""
    import heapq

    raw = index.file_postings(m)
    m = {v: sv for v, sv in m.items() if raw[v]}
    matched = [m]
    if not m:
        return []
    rising = sorted(m.items(), key=lambda vs: vs[1])
    if rising[0][1] <= CONTEXT_WEIGHT * rising[-1][1]:
        return None
    count = {v: sum(len(tx) for _, tx, _ in raw[v]) for v in m}
    best_v = max(m, key=lambda v: (m[v], count[v]))
    w0 = math.log(1 + max(index.size, 1) / (1 + count[best_v]))
    total_idf = sum([w0]) or 1.0
    ann0 = stem(q) in ANNOUNCE_STEMS
    rank = _KIND_RANK.get
    nkinds = len(_KIND_ORDER)

    memo: dict[tuple, tuple] = {}

    def score(s_text: float, kind: str, words: int) -> tuple:
        """(base, coverage, density, whole score) as search() computes them for one word."""
        key = (s_text, kind, words)
        r = memo.get(key)
        if r is None:
            if ann0 and kind == "announcement":
                s_text = 1.0
            covered = w0 * max(s_text, 0.0)
            coverage = covered / total_idf
            density = 0.9 + 0.1 * min(1.0, 1 / max(words, 1) * 2)
            base = 100 * coverage * KIND_WEIGHT.get(kind, 0.85) * density
            r = memo[key] = (base, coverage, density, int(round(min(base * 1.0, 100))))
        return r

    per_file: dict[int, list[tuple]] = {}
    for v, sv in rising:
        for fid, tx, tk in raw[v]:
            lst = per_file.get(fid)
            if lst is None:
                per_file[fid] = [(sv, tx, tk)]
            else:
                lst.append((sv, tx, tk))
    names = index.names
    order = []
    for fid, lst in per_file.items():
        name = names[fid]
        if files is not None and name not in files:
            continue
        knames = index.kind_names(fid)
        bound = None
        for sv, tx, tk in lst:
            n = len(tx)
            for k, words in set(zip(tk[:n], tk[n:])):
                kind = knames[k]
                if kinds and kind not in kinds:
                    continue
                # words is at most 255: fewer words can only raise the bound
                sb = score(sv, kind, words)[3]
                if sb < min_score:
                    continue
                b = (-sb, rank(kind, nkinds))
                if bound is None or b < bound:
                    bound = b
        if bound is not None:
            order.append((*bound, name, fid))
    order.sort()

    shift = index.shift
    best_by_line: dict[tuple[str, int], tuple] = {}
    entries: dict[int, Entry] = {}
    top: list[tuple] = []
    for neg, kr, name, fid in order:
        if len(top) >= limit and (neg, kr, name) > top[-1][0][:3]:
            break  # this file's entries, and the later files', all sort after the limit-th best
        base_id = fid << shift
        tb: dict[int, float] = {}
        for sv, tx, tk in per_file[fid]:
            tb.update(dict.fromkeys(map(base_id.__or__, tx), sv))
        scored = []
        for i, kind, d, words, line0, brk, fname in index.rows(sorted(tb)):
            if kinds and kind not in kinds:
                continue
            if day is not None and d != day:
                continue
            r = score(tb[i], kind, words)
            if r[3] >= min_score:
                scored.append((i, kind, r[0], r[1], r[2], None, line0, brk, fname))
        file_best: dict[tuple[str, int], tuple] = {}  # (file, line) keys of this file alone
        entries.update(_best_by_line(index, scored, "", matched, min_score, file_best))
        best_by_line.update(file_best)
        top = heapq.nsmallest(limit, [*top, *file_best.values()])
    return _hits(index, best_by_line, entries, limit, matched, False)


def _hits(index, best_by_line: dict[tuple[str, int], tuple], entries: dict[int, Entry], limit: int | None,
          matched: list[dict[str, float]], explain: bool) -> list[Hit]:
    """The best ``limit`` of ``best_by_line`` (all of them for None), in order, as Hits."""
    if limit:
        import heapq
        ranked = heapq.nsmallest(limit, best_by_line.values())  # = sorted(...)[:limit]
    else:
        ranked = sorted(best_by_line.values())
    entries.update(index.entries_for([h[1] for h in ranked if h[1] not in entries]))
    hits = []
    for (neg_score, _, _, line), i, kind, spans, bonus, coverage, density, detail in ranked:
        score_i = -neg_score
        e = entries[i]
        hit = Hit(e, score_i, line, spans if spans is not None else highlight_spans(e.text, matched))
        if explain:
            hit.explain = {"terms": detail, "coverage": round(coverage, 3), "kind_weight": KIND_WEIGHT.get(kind, 0.85),
                           "density": round(density, 3), "phrase_bonus": bonus}
        hits.append(hit)
    return hits


def _best_by_line(index, scored: list[tuple], phrase: str, matched: list[dict[str, float]], min_score: int,
                  best_by_line: dict[tuple[str, int], tuple]) -> dict[int, Entry]:
    """The scored entries into ``best_by_line``: the best one per (file, line) with its sort key. Returns
    the entries read (those needed for the phrase bonus or the line of a match in soft-wrapped text)."""
    # Entry texts are needed for the phrase bonus and, in soft-wrapped text, for the line of the
    # match; the others are read only for the hits returned.
    entries = index.entries_for([h[0] for h in scored if phrase or h[7]])
    rank = _KIND_RANK.get
    nkinds = len(_KIND_ORDER)
    for i, kind, base, coverage, density, detail, line0, brk, fname in scored:
        e = entries.get(i) if phrase or brk else None
        bonus = 1.06 if phrase and phrase in normalise(e.text) else 1.0
        score = base * bonus
        score_i = int(round(min(score, 100)))
        if score_i < min_score:
            continue
        if e is not None and e.breaks:
            spans = highlight_spans(e.text, matched)
            line = line0 + (sum(1 for b in e.breaks if spans and b <= spans[0][0]) if spans else 0)
        else:
            spans = None
            line = line0
        key = (fname, line)
        old = best_by_line.get(key)
        if old is None or (score_i, -rank(kind, nkinds)) > (-old[0][0], -old[0][1]):
            # first the order of the results: score, kind, file, line (unique: no further comparing)
            best_by_line[key] = ((-score_i, rank(kind, nkinds), fname, line), i, kind, spans, bonus, coverage,
                                 density, detail)
    return entries


def _phrase(query: str) -> str:
    """The query as a phrase, without the stop words it starts or ends with ("how to scale redis")."""
    words = normalise(query).split()
    while words and words[0] in STOPWORDS:
        del words[0]
    while words and words[-1] in STOPWORDS:
        del words[-1]
    return " ".join(words) if len(words) > 1 else ""


_KIND_ORDER = ("talk", "section", "announcement", "day", "link", "bullet", "paragraph", "code")
_KIND_RANK = {k: n for n, k in enumerate(_KIND_ORDER)}


def highlight_spans(text: str, matched: list[dict[str, float]]) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` that matched a query term."""
    wanted = set()
    for m in matched:
        for v in m:
            wanted.update(v.split(" "))  # "mobile hub": a query word matched as two words
    spans = []
    for start, end, word in word_spans(text):
        if wanted.intersection(word_terms(word)):
            spans.append((start, end))
    return spans
