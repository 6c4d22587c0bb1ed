"""Query words to terms of the notes: exact, prefix, same stem, inflection, synonym, or within a typo or two."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol

from reinvent_cli.index.terms import stem, typo_allowed

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


def typo_matches(q: str, vocab: Sequence[str]) -> dict[str, int]:
    """The terms of ``vocab`` of 4+ letters within the typos ``q`` is allowed (1 or 2), by the unrestricted
    Damerau-Levenshtein distance."""
    allowed = typo_allowed(q)
    lo, hi = max(4, len(q) - allowed), len(q) + allowed
    candidates = [v for v in vocab if lo <= len(v) <= hi and v != q]
    if not candidates:
        return {}
    # imported here: only a query word that the notes do not have pays for rapidfuzz (~15 ms)
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    found = process.extract(q, candidates, scorer=DamerauLevenshtein.distance, score_cutoff=allowed, limit=None)
    return {v: int(dist) for v, dist, _ in found}


def match_vocab(q: str, vocab: Sequence[str], contains: Callable[[str], bool] | None = None) -> dict[str, float]:
    """Vocabulary terms matching query term ``q`` (``vocab`` sorted): exact 1.0, prefix, same stem,
    a word of the notes plus an inflection, a synonym, one or two typos (looked for only when the
    notes do not have ``q`` itself)."""
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
    if typo_allowed(q) and q not in out:
        for v, dist in typo_matches(q, vocab).items():
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


def split_term(q: str, contains: Callable[[str], bool]) -> list[tuple[str, str]]:
    """The ways alphabetic ``q`` (6+ letters) is two known terms of 2+ letters each, joined."""
    if len(q) < 6 or not q.isalpha():
        return []
    return [(q[:k], q[k:]) for k in range(2, len(q) - 1) if contains(q[:k]) and contains(q[k:])]


class Vocabulary(Protocol):
    """Terms a query is matched against: an index's (search.Index) or a set's (TextVocabulary)."""

    def matches(self, q: str) -> dict[str, float]: ...
    def has_term(self, term: str) -> bool: ...


class Matched(NamedTuple):
    """Per query term, the matched terms of the notes with their similarity, and the split pseudo-terms."""

    terms: list[dict[str, float]]
    splits: dict[str, tuple[str, str]]


def match_query(index: Vocabulary, qterms: Sequence[str]) -> Matched:
    """A query's content terms (query.Query.content) matched against a vocabulary: what ranks, highlights and
    filters (the word filters of announcements, links and talks match as search does)."""
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
    return Matched(matched, splits)


class TextVocabulary:
    """A set of terms as a Vocabulary: the words of the items a word filter looks through (announcements with
    their details, links with their URLs), as the index holds the words of the notes."""

    def __init__(self, terms: set[str]) -> None:
        self.terms = terms
        self.vocab = sorted(terms)

    def matches(self, q: str) -> dict[str, float]:
        return match_vocab(q, self.vocab, self.terms.__contains__)

    def has_term(self, term: str) -> bool:
        return term in self.terms
