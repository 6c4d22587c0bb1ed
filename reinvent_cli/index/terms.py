"""Words to search terms: one tokenizer for the index and for queries."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import chain

from reinvent_cli.model import EntryKind

# A word: letters/digits, compounds joined by _ - . ' / + (sync_binlog, well-architected, x509).
WORD_RE = re.compile(r"[^\W_]+(?:[_\-.'/+:][^\W_]+)*")
# The same words of an ASCII text, found ~2.5x faster (ASCII classes need no Unicode look-ups).
_ASCII_WORD_RE = re.compile(r"[a-zA-Z0-9]+(?:[_\-.'/+:][a-zA-Z0-9]+)*", re.ASCII)
_SEP_RE = re.compile(r"[_\-.'/+:]+")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
URL_NOISE = {"http", "https", "www", "com", "org", "net", "html", "htm", "php", "io"}
# Scripts written without spaces between words (Han, Hiragana, Katakana, Hangul): a run of them is
# indexed as its overlapping character pairs, as search engines' CJK analysers do, so that a word
# inside a run is found by its own pairs (機械学習 in 今日は機械学習の話でした).
_CJK_CLASS = ("[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
              "\uff66-\uff9f]+")


@lru_cache(maxsize=1)
def _cjk_re() -> re.Pattern[str]:
    """Compiled on first use: only non-ASCII text needs it, and its wide ranges take ~1 ms to compile."""
    return re.compile(_CJK_CLASS)


def cjk_terms(part: str) -> list[str]:
    """A word part with CJK characters as terms: the pairs of each CJK run (a lone character as itself),
    the rest of the part as words of their own."""
    out: list[str] = []
    pos = 0
    for m in _cjk_re().finditer(part):
        if m.start() > pos:
            out.append(part[pos:m.start()].lower())
        run = m.group(0)
        out.extend([run] if len(run) == 1 else [run[k:k + 2] for k in range(len(run) - 1)])
        pos = m.end()
    if pos < len(part):
        out.append(part[pos:].lower())
    return out


def _part_terms(part: str) -> list[str]:
    """One part of a word (no separators) as terms: itself, or its camelCase pieces, or its CJK pairs."""
    if not part.isascii() and _cjk_re().search(part):
        return cjk_terms(part)
    return [p.lower() for p in _CAMEL_RE.sub(" ", part).split()]


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    for m in WORD_RE.finditer(text):
        yield m.start(), m.end(), m.group(0)


@lru_cache(maxsize=65536)
def word_terms(word: str) -> tuple[str, ...]:
    """All terms one word is found by: its parts, its camelCase pieces, and the whole joined."""
    word = fold(word)
    parts = [p for p in _SEP_RE.split(word) if p]
    out: list[str] = []
    cjk = not word.isascii() and _cjk_re().search(word) is not None
    for part in parts:
        if cjk and _cjk_re().search(part):
            out.extend(cjk_terms(part))
            continue
        out.append(part.lower())
        pieces = _CAMEL_RE.sub(" ", part).split()
        if len(pieces) > 1:
            out.extend(p.lower() for p in pieces)
    if len(parts) > 1 and not cjk:
        out.append("".join(parts).lower())
    return tuple(dict.fromkeys(out))


def text_terms(text: str) -> set[str]:
    words = (_ASCII_WORD_RE if text.isascii() else WORD_RE).findall(text)
    return set(chain.from_iterable(map(word_terms, words)))  # 2x faster than set().union(*...) of tuples


# Every ASCII character as it is to str.split(): letters and digits as they are, word separators as \x02
# (any of them: terms read only where they are), NUL (between texts) as it is, anything else a space.
_TOKENS = {c: (c if chr(c).isalnum() or c == 0 else 2 if chr(c) in "_-.'/+:" else 32) for c in range(128)}


class _TokenTerms(dict[str, tuple[str, ...]]):
    """The terms of a token (a run of letters, digits and separators as \x02): text_terms of it, cached
    (a token's terms are found once a process, then looked up)."""

    def __missing__(self, token: str) -> tuple[str, ...]:
        if len(self) >= 1 << 16:  # (as word_terms' cache: a bound on a big file's many distinct words)
            self.clear()
        terms = self[token] = tuple(text_terms(token.replace("\x02", ".")))
        return terms


_TOKEN_TERMS = _TokenTerms()


def many_text_terms(texts: Sequence[str]) -> list[set[str]]:
    """text_terms of each text, made for many at once: the ASCII texts are joined, made tokens by one
    str.translate (letters and digits kept, separators marked, all else a space), split, and each token's
    terms looked up in a dict (~30% less than a regex and an lru_cache call a word, measured on the corpus).
    Texts with non-ASCII characters or a NUL go through text_terms. Each text gets a set of its own."""
    joined = "\x00".join(texts)
    if joined.isascii():
        return _ascii_terms(texts, joined)
    other = {k: text_terms(t) for k, t in enumerate(texts) if not t.isascii()}
    asc = [t for t in texts if t.isascii()]
    got = iter(_ascii_terms(asc, "\x00".join(asc)))
    return [other[k] if k in other else next(got) for k in range(len(texts))]


def _ascii_terms(texts: Sequence[str], joined: str) -> list[set[str]]:
    if joined.count("\x00") != len(texts) - 1:  # a text with a NUL
        return list(map(text_terms, texts))
    look = _TOKEN_TERMS.__getitem__
    flat = chain.from_iterable
    return [{*flat(map(look, s.split()))} for s in joined.translate(_TOKENS).split("\x00")]


def url_terms(url: str) -> set[str]:
    return {t for t in text_terms(url) if t not in URL_NOISE and not t.isdigit()}


def entry_terms(kind: str, text: str, context: list[str]) -> set[str]:
    """The terms an entry is found by as its own text: a link's URL (its first context) counts as the
    link's text -- a user looks for "slideshare" or a handle in the URL as much as for the words shown."""
    terms = text_terms(text)
    if kind == EntryKind.LINK and context and context[0].startswith(("http://", "https://")):
        terms = terms | url_terms(context[0])
    return terms


def query_terms(query: str) -> list[str]:
    """Query words as terms: compounds and camelCase split, so each part must be found."""
    out: list[str] = []
    for m in WORD_RE.finditer(fold(query)):
        for part in _SEP_RE.split(m.group(0)):
            if part:
                out.extend(_part_terms(part))
    return list(dict.fromkeys(out))


def normalise(text: str) -> str:
    """Lower-case words joined by single spaces: for phrase matching."""
    return " ".join(t.lower() for t in query_terms_raw(text))


def query_terms_raw(text: str) -> list[str]:
    out: list[str] = []
    for m in WORD_RE.finditer(fold(text)):
        for part in _SEP_RE.split(m.group(0)):
            if part:
                out.extend(_CAMEL_RE.sub(" ", part).split())
    return out


def fold(text: str) -> str:
    """Accents stripped (Jérôme -> Jerome): on index and query side alike. ASCII text is returned as is."""
    if text.isascii():
        return text
    import unicodedata  # imported here: only non-ASCII text is folded

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Question and filler words: dropped from a query when some other word remains ("how does coursera
# grade code" -> coursera grade code).
STOPWORDS = frozenset(["a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "could", "did", "do", "does", "for", "from", "how", "i", "in", "is", "it", "its", "much", "many", "of", "on", "or", "say", "said", "says", "should", "the", "their", "them", "then", "there", "these", "this", "to", "vs", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "why", "will", "with", "would"])


# Words of a question about notes rather than of what it asks ("which talks mentioned containers"):
# dropped like stop words when some other word remains.
FILLER = frozenset(["talk", "talks", "session", "sessions", "mention", "mentions", "mentioned", "they", "he", "she",
                    "you", "me", "us", "our", "my", "tell", "anything", "something", "any", "some", "get", "there",
                    "discussed", "covered", "notes", "know"])


_SUFFIXES = ("ements", "ement", "ments", "ment", "ations", "ation", "ings", "ing", "ies", "ied", "ers", "er",
             "ions", "ion", "ed", "es", "s", "e", "y")


@lru_cache(maxsize=65536)
def stem(term: str) -> str:
    """A light suffix-stripping stem, always a prefix of the term: deploying/deployment/deploys ->
    deploy, retries/retry -> retr, evicted/evictions -> evict. Terms under 5 letters stay as they are."""
    if len(term) < 5 or not term.isalpha():
        return term
    for suf in _SUFFIXES:
        if term.endswith(suf) and len(term) - len(suf) >= 4:
            t = term[: -len(suf)]
            if t[-1] == t[-2] and t[-1] not in "ls":  # shipped -> ship
                t = t[:-1]
            return t
    return term


def typo_allowed(q: str) -> int:
    """Typos a query term may have: none under 5 letters (or all digits), 1 up to 8, 2 from 9."""
    if len(q) < 5 or q.isdigit():
        return 0
    return 1 if len(q) < 9 else 2
