"""Scoring one entry, keeping the best entry per line, and ordering the hits: shared by every search path."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from reinvent_cli.index.terms import normalise, word_spans, word_terms
from reinvent_cli.model import Entry, EntryKind

CONTEXT_WEIGHT = 0.6
K = EntryKind
KIND_WEIGHT: dict[str, float] = {
    K.TALK: 1.0, K.SECTION: 0.97, K.DAY: 0.9, K.ANNOUNCEMENT: 0.95, K.LINK: 0.9,
    K.BULLET: 0.9, K.PARAGRAPH: 0.89, K.CODE: 0.85,
}
OTHER_KIND_WEIGHT = 0.85
PHRASE_BONUS = 1.06
DETAIL_WEIGHT = 0.85  # an announcement found by its details only, not by its name
PARTIAL = 0.8  # a partial match's score, per query term it misses
KIND_ORDER = (K.TALK, K.SECTION, K.ANNOUNCEMENT, K.DAY, K.LINK, K.BULLET, K.PARAGRAPH, K.CODE)
KIND_RANK: dict[str, int] = {k: n for n, k in enumerate(KIND_ORDER)}


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

    @property
    def url(self) -> str | None:
        """A link's URL (a hit on a link shows where it goes, not only its text)."""
        e = self.entry
        if e.kind == EntryKind.LINK and e.context and e.context[0].startswith(("http://", "https://")):
            return e.context[0]
        return None


class Weights(NamedTuple):
    """What scoring needs of the query: per term its IDF and whether it is an announcement word."""

    terms: list[str]
    idf: list[float]
    total_idf: float
    allowed_missing: int
    key_idf: float | None  # the weight of the rarest term found: it may not be missing
    announce: list[bool]
    partial_ok: bool = False  # partial matches may be returned (see score_entry) ...
    subject_idf: float | None = None  # ... if they have the term of this weight


class EntryScore(NamedTuple):
    base: float  # the score before the phrase bonus
    coverage: float
    density: float
    detail: list[dict[str, Any]] | None  # per term, with --explain
    partial: bool  # a partial match: shown only after the full ones


class Scored(NamedTuple):
    """An entry scored from the postings, before its text is read."""

    id: int
    kind: str
    base: float
    coverage: float
    density: float
    detail: list[dict[str, Any]] | None
    line: int
    wrapped: int
    file: str
    partial: bool = False


class Order(NamedTuple):
    """How results are ordered: score (negated), kind, file, line -- unique per result."""

    neg_score: int
    kind_rank: int
    file: str
    line: int


class Ranked(NamedTuple):
    """The best entry of one (file, line); ``order`` sorts the results (score, kind, file, line: unique)."""

    order: Order
    id: int
    kind: str
    spans: list[tuple[int, int]] | None
    bonus: float
    coverage: float
    density: float
    detail: list[dict[str, Any]] | None


class EntryReader(Protocol):
    def entries_for(self, ids: Iterable[int]) -> dict[int, Entry]: ...


def score_entry(w: Weights, kind: str, words: int, text_sims: Sequence[float], ctx_sims: Sequence[float],
                explain: bool = False) -> EntryScore | None:
    """The score of an entry of this kind and number of terms whose text has each query term with
    similarity ``text_sims[k]`` and its context ``ctx_sims[k]`` (0: not there); None when it is no hit (no
    term in its text, or fewer than half of them).

    A full match may miss a third of the terms of a query of three or more, never the rarest one. Other
    entries with half the terms or more, the query's subject among them, are partial matches ("lambda
    pricing" when no entry has both), if ``w.partial_ok``: scored as if the query were the terms they
    have, times PARTIAL per missing term."""
    covered, missing, text_hits, present_idf = 0.0, 0, 0, 0.0
    key_missing = subject_missing = False
    detail: list[dict[str, Any]] | None = [] if explain else None
    for k, weight in enumerate(w.idf):
        s_text = text_sims[k]
        s_ctx = CONTEXT_WEIGHT * ctx_sims[k]
        if w.announce[k] and kind == EntryKind.ANNOUNCEMENT:
            s_text = 1.0  # "iot announcement", "mobile hub launch": the kind of entry is the word
        s = max(s_text, s_ctx)
        if s_text:
            text_hits += 1
        if not s:
            missing += 1
            key_missing = key_missing or weight == w.key_idf
            subject_missing = subject_missing or weight == w.subject_idf
        else:
            present_idf += weight
        covered += weight * s
        if detail is not None:
            detail.append({"term": w.terms[k], "text": round(s_text, 2), "context": round(s_ctx, 2),
                           "idf": round(weight, 2)})
    if not text_hits:
        return None
    partial = missing > w.allowed_missing or key_missing
    if partial and (not w.partial_ok or subject_missing or w.subject_idf is None or 2 * missing > len(w.idf)):
        return None
    coverage = covered / (present_idf if partial else w.total_idf)
    density = 0.9 + 0.1 * min(1.0, text_hits / max(words, 1) * 2)
    base = 100 * coverage * KIND_WEIGHT.get(kind, OTHER_KIND_WEIGHT) * density
    if partial:
        base *= PARTIAL ** missing
    return EntryScore(base, coverage, density, detail, partial)


def best_by_line(index: EntryReader, scored: list[Scored], phrase: str, matched: list[dict[str, float]],
                 min_score: int, best: dict[tuple[str, int], Ranked], required: Sequence[str] = ()) -> dict[int, Entry]:
    """The scored entries into ``best``: the best one per (file, line) with its sort key. Returns the
    entries read (those needed for the phrase bonus, the ``required`` phrases (quoted in the query), or the
    line of a match in soft-wrapped text)."""
    read = bool(phrase or required)
    entries = index.entries_for([h.id for h in scored if read or h.wrapped or h.kind == EntryKind.ANNOUNCEMENT])
    nkinds = len(KIND_ORDER)
    for h in scored:
        e = entries.get(h.id) if read or h.wrapped or h.kind == EntryKind.ANNOUNCEMENT else None
        if required and not (e is not None and has_phrases(e.text, required)):
            continue
        bonus = PHRASE_BONUS if phrase and e is not None and phrase in normalise(e.text) else 1.0
        if h.kind == EntryKind.ANNOUNCEMENT and e is not None and not highlight_spans(e.text, matched):
            bonus *= DETAIL_WEIGHT  # found by its details alone
        score_i = round(min(h.base * bonus, 100))
        if score_i < min_score:
            continue
        spans = None
        line = h.line
        if e is not None and e.breaks:
            spans = highlight_spans(e.text, matched)
            line = h.line + (sum(1 for b in e.breaks if b <= spans[0][0]) if spans else 0)
        key = (h.file, line)
        old = best.get(key)
        rank = KIND_RANK.get(h.kind, nkinds)
        if old is None or (score_i, -rank) > (-old.order.neg_score, -old.order.kind_rank):
            best[key] = Ranked(Order(-score_i, rank, h.file, line), h.id, h.kind, spans, bonus, h.coverage, h.density,
                               h.detail)
    return entries


def hits_of(index: EntryReader, best: dict[tuple[str, int], Ranked], entries: dict[int, Entry], limit: int | None,
            matched: list[dict[str, float]], explain: bool) -> list[Hit]:
    """The best ``limit`` of ``best`` (all of them for None), in order, as Hits."""
    ranked = heapq.nsmallest(limit, best.values()) if limit else sorted(best.values())
    entries.update(index.entries_for([h.id for h in ranked if h.id not in entries]))
    hits = []
    for r in ranked:
        e = entries[r.id]
        hit = Hit(e, -r.order.neg_score, r.order.line, r.spans if r.spans is not None else highlight_spans(e.text, matched))
        if explain:
            hit.explain = {"terms": r.detail, "coverage": round(r.coverage, 3),
                           "kind_weight": KIND_WEIGHT.get(r.kind, OTHER_KIND_WEIGHT),
                           "density": round(r.density, 3), "phrase_bonus": r.bonus}
        hits.append(hit)
    return hits


def has_phrases(text: str, phrases: Sequence[str]) -> bool:
    """Whether ``text`` has each of the (normalised) phrases, as whole words in that order."""
    norm = f" {normalise(text)} "
    return all(f" {p} " in norm or (not p.isascii() and p in norm) for p in phrases)


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
