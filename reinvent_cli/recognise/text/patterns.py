"""The recognition rules' regular expressions, compiled on first use.

Compiling the ~100 module-level patterns of recognise/ took ~25 ms of every parser import: in the
child that parses an edited file, on the way to the answer. A file needs about two thirds of them; the
rest (other languages' words, rare layouts) are never compiled. A pattern's first call compiles it and
binds its methods to the compiled ones, so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer")


class _OnFirstUse:
    """A pattern not compiled yet; its methods compile it, then are replaced by the compiled ones."""

    def __init__(self, regex: str, flags: int) -> None:
        self.pattern = regex
        self.flags = flags

    def _compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self.flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def match(self, *args: Any) -> Any:
        return self._compiled().match(*args)

    def search(self, *args: Any) -> Any:
        return self._compiled().search(*args)

    def fullmatch(self, *args: Any) -> Any:
        return self._compiled().fullmatch(*args)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().split(*args, **kwargs)

    def findall(self, *args: Any) -> Any:
        return self._compiled().findall(*args)

    def finditer(self, *args: Any) -> Any:
        return self._compiled().finditer(*args)


def pattern(regex: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(regex, flags)``, done when the pattern is first used (only its match, search,
    fullmatch, sub, subn, split, findall and finditer; ``.pattern`` and ``.flags`` are there too)."""
    return cast("re.Pattern[str]", _OnFirstUse(regex, flags))


# Times of day: the forms the rules share, and the patterns built from them (talk/talks.py strip_time and
# strip_trailing_time, talk/candidates.py bold_lead, talk/tables.py a programme's time cell, talk/list_talks.py a
# time range in parentheses). A clock time has a separator between its hours and minutes ("9:30", "14.30",
# "14h30", "10：00"): "2019" alone is a year, never a time. Only a line before a bold title that is nothing but
# a range may leave it out ("0900-0930: **Title**"); tests/recognise/test_time_patterns.py shows what each reads.
AM_PM = r"\s*[ap]\.?m\.?"  # " pm", "a.m."


def clock(seps: str = ":.h") -> str:
    """A time of day, as a regex: hours, one of ``seps``, minutes ("9:30", "14.30", "14h30"; ":h": not "3.12",
    a version; "：" the fullwidth colon)."""
    return rf"\d{{1,2}}[{seps}]\d{{2}}"


# "9:30", "9.30", "14h30", "9:30 am", "2pm" (an hour alone only with am/pm)
TIME = rf"\d{{1,2}}(?:[:.h]\d{{2}}(?:{AM_PM})?|{AM_PM})"
_ONE_TIME = rf"{clock(':h')}(?:{AM_PM})?"  # a time alone before a title: no "3.12" (a version)
_HOUR_24 = r"(?:[01]?\d|2[0-3])"
_HHMM = rf"{_HOUR_24}(?:[:.h]?[0-5]\d)"  # a 24-hour time, its separator optional: "0900", "9:00"
_RANGE_WORDS = r"(?:[-–—]|to|bis|à)"  # "9:00 - 9:30", "9 to 10am", "9 bis 10 Uhr", "9h à 10h"

# A time before a talk's title: "11:30 - ", "2:00 PM – ", "10:30 – 11:15 ", "14h30 : ", "(9:00)".
# Not a version ("3.12 performance"), nor words ("10:30 is too early", "5 AM Club", "2 pm thoughts"): one
# time has a colon or "h" and then a separator or a capital; a range may be "9.30 - 10.15" or "1pm - 2pm".
TIME_PREFIX = pattern(
    rf"^\(?(?:{TIME}\s*{_RANGE_WORDS}\s*{TIME}\)?(?:\s*[-–—:|]\s*|\s+)"
    rf"|{_ONE_TIME}\)?(?:\s*[-–—:|]\s*|\s+(?=(?-i:[A-Z0-9]|[a-z]{{1,2}}[A-Z])|[^\x00-\u024f]))"
    rf"|\d{{1,2}}{AM_PM}\)?\s*[-–—:|]\s*)(?=\S)",
    re.IGNORECASE,
)
# A time range after a title: "Title 9:15am to 9:45am", "Title (14:00-14:45)", "Title 9:50am - 10:00am".
TIME_SUFFIX = pattern(rf"\s*[-–—|,@]?\s*\(?{TIME}\s*(?:[-–—]|to|bis|à|until)\s*{TIME}\)?\s*$", re.IGNORECASE)
# A time (range) that is all the text before a bold title: "09:30-10:15: ", "0900-0930 – ", "14h30 ". (A range
# may leave out the separator: "2019-2020" reads as 20:19-20:20 here, where only a bold title follows.)
LEAD_TIME = pattern(rf"^\s*\(?(?:{_HHMM}\s*[-–—]\s*{_HHMM}|{_HOUR_24}[:.h][0-5]\d)\)?\s*[-–—:|]?\s*$")
# A programme's time cell: "9:00", "10:00 - 10:25 (25分)", "14h30", "9:30 -", "10：00".
TIME_CELL = pattern(rf"^\s*\(?{clock(':：.h')}")
# A cell that is a clock time, read from a column's content alone: "9:00", "14h30", "9.30 - 10.15", not "0.7623".
CLOCK_CELL = pattern(rf"^\s*\(?{_HOUR_24}(?:[:：h][0-5]\d|\.[0-5]\d(?=\s*[-–—~]))(?!\d)")
# The time cell a schedule row's title was given, with what follows it up to the title ("11:15 ", "10:00 - 10:25
# (25分) "): no part of the title.
ROW_TIME = pattern(rf"^\s*\(?{clock(':：.h')}(?:\s*[-–—~]\s*{clock(':：.h')})?\)?(?:\s*[(（][^()（）]{{0,12}}[)）])?\s+")
# A time range in a list item's parentheses: "(10:00-10:40)", "（14：00～14：30）", "(9.00 至 9.30)".
PAREN_TIME_RANGE = pattern(rf"[\s,，]*{clock(':：.')}\s*[-–—~～至到]\s*{clock(':：.')}[\s,，]*")
# A social handle in parentheses beside a name: "Jane Roe (@jroe)", "张伟（@zhangwei）": no organisation, no person.
HANDLE_PAREN = pattern(r"\s*[(（]\s*@[\w.-]{1,40}\s*[)）]")
