"""Words to search terms: one tokenizer for the index and for queries."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

# A word: letters/digits, compounds joined by _ - . ' / + (sync_binlog, well-architected, x509).
WORD_RE = re.compile(r"[^\W_]+(?:[_\-.'/+:][^\W_]+)*")
_SEP_RE = re.compile(r"[_\-.'/+:]+")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_URL_NOISE = {"http", "https", "www", "com", "org", "net", "html", "htm", "php", "io"}


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    for m in WORD_RE.finditer(text):
        yield m.start(), m.end(), m.group(0)


@lru_cache(maxsize=65536)
def word_terms(word: str) -> tuple[str, ...]:
    """All terms one word is found by: its parts, its camelCase pieces, and the whole joined."""
    parts = [p for p in _SEP_RE.split(word) if p]
    out: list[str] = []
    for part in parts:
        out.append(part.lower())
        pieces = _CAMEL_RE.sub(" ", part).split()
        if len(pieces) > 1:
            out.extend(p.lower() for p in pieces)
    joined = "".join(parts).lower()
    if len(parts) > 1:
        out.append(joined)
    return tuple(dict.fromkeys(out))


def text_terms(text: str) -> set[str]:
    terms: set[str] = set()
    for word in WORD_RE.findall(text):
        terms.update(word_terms(word))
    return terms


def url_terms(url: str) -> set[str]:
    return {t for t in text_terms(url) if t not in _URL_NOISE and not t.isdigit()}


def query_terms(query: str) -> list[str]:
    """Query words as terms: compounds and camelCase split, so each part must be found."""
    out: list[str] = []
    for m in WORD_RE.finditer(query):
        for part in _SEP_RE.split(m.group(0)):
            if part:
                out.extend(p.lower() for p in _CAMEL_RE.sub(" ", part).split())
    return list(dict.fromkeys(out))


def normalise(text: str) -> str:
    """Lower-case words joined by single spaces: for phrase matching."""
    return " ".join(t.lower() for t in query_terms_raw(text))


def query_terms_raw(text: str) -> list[str]:
    out: list[str] = []
    for m in WORD_RE.finditer(text):
        for part in _SEP_RE.split(m.group(0)):
            if part:
                out.extend(_CAMEL_RE.sub(" ", part).split())
    return out
