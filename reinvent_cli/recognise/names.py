"""People's names: whether a short text is shaped like one or a few persons' names, and a name cleaned up."""

from __future__ import annotations

import re
from functools import lru_cache

from reinvent_cli.lexicon import (
    HONORIFICS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_WORDS,
    TITLE_WORDS,
    WEEKDAYS,
)
from reinvent_cli.lexicon import (
    NOT_NAMES as _NOT_NAMES,
)
from reinvent_cli.lexicon import (
    ROLE_WORDS as _ROLE_WORDS,
)

# Weekdays as words ("Keynote - Wednesday" names no one); not the short forms that are surnames ("Sun").
_DAY_WORDS = frozenset(w for w in WEEKDAYS if len(w) > 3) | {"wed", "thu", "thur", "thurs", "tue", "tues", "fri"}


# Language words are no names in "(English)" asides, but are given names too ("German Velasco").
_LANGUAGES = frozenset({"english", "german", "french", "spanish"})


@lru_cache(maxsize=1)
def _cjk_name() -> re.Pattern[str]:
    """"王磊", "佐藤 健一" (family name, a space, given name), "リー・ウェイ". Compiled on first use (~3 ms: its
    big character sets), for names with katakana or CJK letters only."""
    return re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,4}|[\u3400-\u4dbf\u4e00-\u9fff]{1,3} [\u3400-\u4dbf\u4e00-\u9fff]{1,3}"
                      r"|[\u30a0-\u30ff]{2,8}(?:・[\u30a0-\u30ff]{2,8})?")


_BAD_CHARS = frozenset("/@:#!?=+<>[]{}|*_~`$%^;\\")


def clean_name(text: str) -> str:
    """A name without an honorific ("Dr."), a degree ("Ph.D."), surrounding punctuation or emphasis."""
    words = text.strip(" \t.,;:*_-–—").split()
    while words and words[0].lower() in HONORIFICS:
        words = words[1:]
    while words and words[-1].lower().rstrip(",") in NAME_SUFFIXES:
        words = words[:-1]
    return " ".join(words).strip(" ,")


def _name_word(word: str, first: bool) -> bool:
    low = word.lower()
    if not first and low in NAME_PARTICLES:
        return True
    bare = word.strip("\"“”'‘’()")
    if not bare or any(c.isdigit() or c in _BAD_CHARS for c in bare):
        return False
    if bare != word and word[:1] in "\"“'‘(":  # a nickname: Yukihiro "Matz" Matsumoto
        return not first and bare[:1].isupper()
    if not bare[:1].isupper():
        return False
    letters = bare.replace(".", "").replace("-", "").replace("'", "").replace("’", "")
    if len(letters) > 1 and letters.isupper() and "." not in bare:
        return False  # AWS, SRE, ICO: acronyms, not names (initials have dots: "J.R.")
    key = bare.lower().rstrip(".")
    if "-" in key and any(x in ORG_WORDS or x in _ROLE_WORDS for x in key.split("-")):
        return False  # "Core-Team", "Co-Founder": an organisation's or a job's word, hyphenated
    return (key not in _NOT_NAMES or key in _LANGUAGES) and key not in TITLE_WORDS and key not in ORG_WORDS and key not in _DAY_WORDS and key not in _ROLE_WORDS


@lru_cache(maxsize=8192)  # (pure, on short texts: a file asks of the same words again and again)
def is_person(text: str, min_words: int = 2) -> bool:
    """"Jane Doe", "Karen M. Sandler", "Yukihiro "Matz" Matsumoto", "Dr. Greg Colvin", "Ursula von der
    Leyen": capitalised words (2-5, or ``min_words``), no digits, no title words; "張三" in CJK."""
    name = clean_name(text)
    if name[:1] in "\"“'‘" and name[-1:] in "\"”'’":
        return False  # '"Programmer"': a quoted word is a nickname or a joke, not the name
    if name and max(name) >= "\u30a0" and _cjk_name().fullmatch(name):  # (a katakana or CJK letter in it)
        return True
    words = name.split()
    if not min_words <= len(words) <= 5 or len(name) > 50:
        return False
    if words[-1].lower() in NAME_PARTICLES:
        return False
    return all(_name_word(w, i == 0) for i, w in enumerate(words))
