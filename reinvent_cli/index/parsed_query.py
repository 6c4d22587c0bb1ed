"""A query, parsed once: the one place query text becomes terms.

Search, ranking, highlighting and the word filters of ``announcements``, ``links`` and ``talk`` all take a
``Query``; none of them splits or folds the query text again, so they agree on what the query asks
("the lambda" is the term ``lambda`` everywhere: "the" is a stop word beside it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from reinvent_cli.index.match import ANNOUNCE_STEMS
from reinvent_cli.index.terms import FILLER, STOPWORDS, WORD_RE, fold, normalise, query_terms, stem

_QUOTES = ("\"", "\u201c", "\u201d")


@dataclass(frozen=True)
class Query:
    """A query as the search reads it. Build it with ``parse_query`` (or ``as_query``)."""

    text: str  # as given
    folded: str  # accents stripped (Jérôme -> Jerome), as the index folds the notes
    terms: tuple[str, ...]  # every term: lower-case, compounds and camelCase split (a/b -> a, b)
    content: tuple[str, ...]  # the terms looked for: ``terms`` without the stop (and filler) words standing alone
    stop: tuple[str, ...]  # the terms of ``terms`` that ``content`` leaves out
    phrase: str  # the query as one phrase, without stop words at its ends: an entry with it ranks a bit higher
    phrases: tuple[str, ...]  # the quoted phrases ('"failover redis" docs'), normalised: a hit must have them
    announce: tuple[bool, ...]  # per content term: an announcement word (launch, announced), met by a launch itself
    code: str | None  # the session code the whole query is, as written ("DAT407", "sec314-r"), or None

    def every_term(self) -> Query:
        """This query looking for every one of its terms, the stop and filler words too (what tells "the
        keynote" from the other keynotes)."""
        return replace(self, content=self.terms, stop=(), announce=_announce(self.terms))


@lru_cache(maxsize=256)
def parse_query(text: str) -> Query:
    """``text`` as a Query (cached: a query asked again, or passed on as text, is parsed once)."""
    folded = fold(text)
    terms = query_terms(folded)
    content = _content_terms(folded, terms)
    kept = set(content)
    return Query(text, folded, tuple(terms), tuple(content), tuple(t for t in terms if t not in kept),
                 _phrase_of(text), tuple(_quoted_phrases(text)), _announce(content),
                 _code(text.strip()))


def as_query(query: str | Query) -> Query:
    """A Query given as one or as its text."""
    return query if isinstance(query, Query) else parse_query(query)


def _announce(terms: list[str] | tuple[str, ...]) -> tuple[bool, ...]:
    return tuple(stem(t) in ANNOUNCE_STEMS for t in terms)


def _content_terms(folded: str, terms: list[str]) -> list[str]:
    """The query's terms without the stop and filler words that stand as words of their own ("a" of "a/b"
    stays); without the filler words only when nothing else would remain; all of them if even so."""
    alone = {w.lower() for w in WORD_RE.findall(folded)}
    content = [t for t in terms if not (t in STOPWORDS and t in alone)]
    fewer = [t for t in content if not (t in FILLER and t in alone)]
    return fewer or content or terms


def _code(text: str) -> str | None:
    """``text`` if it is a session code (DAT407, SEC314-R, cmp301: a query that is one is looked up as a code,
    notes.query.find_talk), else None."""
    if not text[-1:].isalnum() or not any(c.isdigit() for c in text):  # most queries: no pattern compiled
        return None
    return text if re.fullmatch(r"[A-Za-z]{2,}[0-9]+[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*", text) else None


@lru_cache(maxsize=1)
def _quoted_re() -> re.Pattern[str]:
    """Compiled on first use: only a query with quotes needs it."""
    return re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]+)[\"\u201c\u201d]")


def _quoted_phrases(text: str) -> list[str]:
    """The phrases quoted in a query, normalised, of two words or more (or CJK)."""
    out: list[str] = []
    if not any(q in text for q in _QUOTES):
        return out
    for m in _quoted_re().finditer(text):
        p = normalise(m.group(1))
        if " " in p or (p and not p.isascii()):
            out.append(p)
    return out


def _phrase_of(text: str) -> str:
    """The query as a phrase, without the stop words it starts or ends with ("how to scale redis")."""
    words = normalise(text).split()
    while words and words[0] in STOPWORDS:
        del words[0]
    while words and words[-1] in STOPWORDS:
        del words[-1]
    return " ".join(words) if len(words) > 1 else ""
