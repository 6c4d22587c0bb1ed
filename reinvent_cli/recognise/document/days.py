"""Day headings: 'Day 2 - Thursday', 'Tag 1', 'Tuesday', '2019-12-03', with their number and weekday."""

from __future__ import annotations

import re
from functools import lru_cache

from reinvent_cli.lexicon import (
    CJK_NUMERALS,
    MONTHS,
    WEEKDAYS,
)
from reinvent_cli.lexicon import (
    DAY_WORD as _DAY_WORD,
)
from reinvent_cli.lexicon import (
    NUMBER_WORDS as _NUMBER_WORDS,
)
from reinvent_cli.lexicon import (
    WEEKDAY_NAMES as _WEEKDAY_NAMES,
)
from reinvent_cli.model import Document
from reinvent_cli.recognise.text.inline import trim_decor
from reinvent_cli.recognise.text.patterns import pattern

_NUMBER = r"(\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"


_DAY_SEP = r"(?:\s*[-–—:,.|/]?\s*(.*))?$"


# "Day 1 - Wednesday", "Tag 2", "Jour deux"; and number first: "1. Tag", "2e jour", "Second day".
_DAY_RE = pattern(rf"^{_DAY_WORD}\s*{_NUMBER}\b{_DAY_SEP}", re.IGNORECASE)


_DAY_FIRST_RE = pattern(rf"^{_NUMBER}(?:\.|st|nd|rd|th|e|er|re|ème|eme)?\s+{_DAY_WORD}\b{_DAY_SEP}", re.IGNORECASE)


_MONTHS = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


# Each alternative names its parts: y(ear), m(onth number) or mn (month name), d(ay).
_DATE_RE = pattern(
    r"^(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    rf"|(?P<mn2>{_MONTHS})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<d3>\d{{1,2}})(?:\.|st|nd|rd|th|er)?\s+(?:de\s+)?(?P<mn3>{_MONTHS})(?:,?\s+(?:de\s+)?(?P<y3>\d{{4}}))?"
    r"|(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>\d{4}|\d{2})?"
    r"|(?P<m5>\d{1,2})/(?P<d5>\d{1,2})(?:/(?P<y5>\d{4}|\d{2}))?)"
    r"(?![\w/.-]\w)",
    re.IGNORECASE,
)


_WEEKDAY_RE = pattern(r"^(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


# "OSCON EU - Day 1", "KubeCon 2024 | Day 2": a name, a separator, then the day.
_NAMED_DAY = pattern(rf"^.{{2,40}}?\s[-–—:|,]\s+(?={_DAY_WORD}\s*\d)", re.IGNORECASE)


_CJK_NUM = "[" + "".join(CJK_NUMERALS) + r"\d]{1,2}"
# "第二天", "第2日", "Day 1（6月20日）" in Chinese / Japanese: "1日目", "二日目", "DAY 2"
# Korean: "1일차", "2일째", "첫째 날" / "둘째 날".
_CJK_DAY = pattern(rf"^(?:第({_CJK_NUM})[天日]|({_CJK_NUM})日目|(\d{{1,2}})일\s?[차째]|(첫째|둘째|셋째|넷째|다섯째)\s?날)(?![\w])")
_KOREAN_ORDINALS = {"첫째": 1, "둘째": 2, "셋째": 3, "넷째": 4, "다섯째": 5}


def _cjk_day(title: str) -> tuple[int | None, str | None] | None:
    m = _CJK_DAY.match(trim_decor(title))
    if m is None:
        return None
    if m.group(4):
        return _KOREAN_ORDINALS[m.group(4)], None
    n = m.group(1) or m.group(2) or m.group(3)
    number = int(n) if n.isdigit() else CJK_NUMERALS.get(n)
    return (number, None) if number and number <= 14 else None


@lru_cache(maxsize=4096)  # (pure, on a heading's text)
def classify_day(title: str) -> tuple[int | None, str | None] | None:
    """The day a heading names (see ``_classify_day``), also after an event's name ("OSCON EU - Day 1"),
    or in Chinese / Japanese ("第二天", "2日目")."""
    found = _classify_day(title)
    if found is None and title[:1] in "第一二三四五六七八九十0123456789첫둘셋넷다":
        found = _cjk_day(title)
    if found is None and len(title) <= 60:
        m = _NAMED_DAY.match(trim_decor(title))
        if m:
            return _classify_day(trim_decor(title)[m.end():])
    return found


# After a weekday, a separator and a short name in capitals: the day's event or track ("- GitOpsCon", ": Keynotes",
# "(KubeCon)"), not words going on ("Monday Night Live", "Tuesday: how we scaled").
_EVENT_AFTER_DAY = pattern(r"^\s*(?:[-–—:|]|\()\s*(?:[A-Z0-9][\w.&+'’-]*[\s)]*(?:[-–—]\s*)?){1,4}$")


def _classify_day(title: str) -> tuple[int | None, str | None] | None:
    """(day number or None, weekday or None) when a heading names a day of the conference.

    "Day 2 - Thursday", "Tag 1", "Jour deux", "1. Tag", "Tuesday", "Dienstag, 3. Dezember",
    "2019-12-03", "Dec 3, 2019 (Tuesday)", "Dec 3 - Keynotes". Not "Monday Night Live".
    """
    t = trim_decor(title)  # "📅 Day 1", "[[2024-03-19]]" (a wiki link), "**Day 1**"
    m = _DAY_RE.match(t)
    number_first = m is None  # "1. Tag", "Second day ..."
    m = m or _DAY_FIRST_RE.match(t)
    if m:
        n = m.group(1).lower()
        number: int | None = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        rest = m.group(2) or ""
        if number is None or number > 14 or re.match(r"[.,]\d", t[m.end(1):]):
            return None  # "Day 30 of my 100 days of code", "Tag 1.0 release"
        if rest and (not n.isdigit() or number_first) and not re.search(r"[-–—:,.|/(]\s*$", t[:m.start(2)]) \
                and not _WEEKDAY_RE.match(rest) and not _DATE_RE.match(rest):
            return None  # "One day I will learn Rust", "Second day thoughts": words go on, no separator
        return number, _weekday_in(rest)
    if len(t) > 40:
        return None
    wm = _WEEKDAY_RE.match(t)
    if wm:
        rest = t[wm.end():].strip(" ,.-–—:()")
        if not rest or _DATE_RE.match(rest) or re.fullmatch(r"\d{1,2}(?:st|nd|rd|th|\.)?(?:[./]\d{1,2}\.?)?", rest):
            return None, WEEKDAYS[wm.group(1).lower()]
        dm = _DAY_RE.match(rest) or _DAY_FIRST_RE.match(rest)  # "Tuesday (Day 2)"
        if dm:
            n = dm.group(1).lower()
            return int(n) if n.isdigit() else _NUMBER_WORDS[n], WEEKDAYS[wm.group(1).lower()]
        if _EVENT_AFTER_DAY.match(t[wm.end():]):
            return None, WEEKDAYS[wm.group(1).lower()]  # "Tuesday - GitOpsCon", "Wednesday - Friday - KubeCon"
        return None
    dm = _DATE_RE.match(t)
    if dm:
        raw_rest = t[dm.end():]
        rest = raw_rest.strip(" ,.-–—:()")
        wm = _WEEKDAY_RE.match(rest)
        if not rest or wm:
            return None, WEEKDAYS[wm.group(1).lower()] if wm else _date_weekday(dm)
        if re.match(r"^\s*(?:[-–—:|]|\()", raw_rest):  # "Dec 3 - Keynotes", "2019-12-03: Day of talks"
            dd = _DAY_RE.match(rest) or _DAY_FIRST_RE.match(rest)
            number = None
            if dd:
                n = dd.group(1).lower()
                number = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            return number, _weekday_in(rest) or _date_weekday(dm)
    return None


def _weekday_in(rest: str) -> str | None:
    """The weekday a day heading's tail names: "Thursday", "(Thursday)", "2015-10-08", "Thu"."""
    rest = rest.strip(" ,.-–—:()[]")
    wm = _WEEKDAY_RE.match(rest)
    if wm:
        return WEEKDAYS[wm.group(1).lower()]
    dm = _DATE_RE.match(rest)
    if dm:
        after = rest[dm.end():].strip(" ,.-–—:()[]")
        wm = _WEEKDAY_RE.match(after)
        return WEEKDAYS[wm.group(1).lower()] if wm else _date_weekday(dm)
    return None


def _date_weekday(dm: re.Match[str], default_year: int | None = None) -> str | None:
    """The weekday of a matched date when it has a year, or ``default_year`` (the year of the notes):
    month and day alone name no weekday."""
    import datetime as _dt

    g = dm.groupdict()
    year = g["y1"] or g["y2"] or g["y3"] or g["y4"] or default_year
    if not year or g["m5"]:
        return None  # no year; or 12/03(/2019): month/day or day/month, can't tell
    day = int(g["d1"] or g["d2"] or g["d3"] or g["d4"])
    if g["m1"] or g["m4"]:
        month = int(g["m1"] or g["m4"])
    else:
        month = MONTHS[(g["mn2"] or g["mn3"]).lower().rstrip(".")]
    y = int(year)
    if y < 100:
        y += 2000
    try:
        return _WEEKDAY_NAMES[_dt.date(y, month, day).weekday()]
    except ValueError:
        return None


def weekdays_from_year(doc: Document) -> None:
    """"## May 14" under "# Google I/O 2024" (or with front matter ``date: 2024-05-13``): the year of the
    notes gives the day its weekday."""
    missing = [d for d in doc.days if d.weekday is None]
    if not missing:
        return
    years = re.findall(r"\b(?:19|20)\d\d\b", f"{doc.date or ''} {doc.title or ''}")
    if not years:
        return
    for day in missing:
        dm = _DATE_RE.match(trim_decor(day.title))
        day.weekday = _date_weekday(dm, int(years[0])) if dm else None
        if day.weekday is None:
            continue
        for t in doc.talks:
            if t.day == day.number and t.weekday is None:
                t.weekday = day.weekday


_FILE_DATE = pattern(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
# Where a date ending a title may start: after " - ", " | ", ": ", ", ", " (".
_TITLE_DATE_AT = pattern(r"\s[-–—|]\s+|[:,]\s+|\s\(")


def _title_date(title: str) -> tuple[str, re.Match[str]] | None:
    """A whole date with its year ending a title ("... - 10/8/2024", "... (March 21, 2024)"), and its match."""
    t = title.strip()
    if len(t) > 200:
        return None
    for m in list(_TITLE_DATE_AT.finditer(t))[-3:]:
        rest = t[m.end():].strip().rstrip(")").strip()
        dm = _DATE_RE.match(rest)
        if dm and dm.end() == len(rest) and any(dm.group(g) for g in ("y1", "y2", "y3", "y4", "y5")):
            return rest, dm
    return None
_TITLE_DAY = pattern(rf"\b{_DAY_WORD}\s*(\d{{1,2}})\b", re.IGNORECASE)


def day_of_file(title: str | None, file_name: str) -> tuple[int, str, str | None] | None:
    """(number, title, weekday) of the one day a file without day headings is about: "Day 2 of ..." in its
    title, or the date in its name ("2024-03-21-kubecon.md": one file per day; the day's title is the date)."""
    m = _TITLE_DAY.search(title or "")
    if m and 0 < int(m.group(1)) <= 14:
        return int(m.group(1)), f"Day {int(m.group(1))}", None
    dated = _title_date(title or "")  # "SmashingConf NY 2024 - 10/8/2024": the notes of one dated day
    if dated is not None:
        return 1, dated[0], _date_weekday(dated[1])
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    d = _FILE_DATE.search(base)
    if d is None:
        return None
    dm = _DATE_RE.match(d.group(0))
    return 1, d.group(0), _date_weekday(dm) if dm else None
