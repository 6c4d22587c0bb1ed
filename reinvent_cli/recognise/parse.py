"""Walk the mistune AST of a notes file into a ``Document``: days, talks, entries, links, launches.

Structure comes from the AST (headings, lists, paragraphs); regexes only classify the text of a
single heading or line (is it a day? a session code? a ``Speaker:`` line?).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Iterator
from urllib.parse import urlsplit

from reinvent_cli.model import Announcement, Day, Document, Entry, Link, Speaker, Talk, WatchItem
from reinvent_cli.read.source import Source

# --- classifying one heading or line -------------------------------------------------------------

WEEKDAYS = {
    "monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday", "thursday": "Thursday",
    "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday",
    "montag": "Monday", "dienstag": "Tuesday", "mittwoch": "Wednesday", "donnerstag": "Thursday",
    "freitag": "Friday", "samstag": "Saturday", "sonntag": "Sunday",
    "lundi": "Monday", "mardi": "Tuesday", "mercredi": "Wednesday", "jeudi": "Thursday",
    "vendredi": "Friday", "samedi": "Saturday", "dimanche": "Sunday",
    "lunes": "Monday", "martes": "Tuesday", "miércoles": "Wednesday", "miercoles": "Wednesday",
    "jueves": "Thursday", "viernes": "Friday", "sábado": "Saturday", "sabado": "Saturday",
    "domingo": "Sunday",
    "mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
    "thur": "Thursday", "thurs": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday",
}
_DAY_WORD = r"(?:day|tag|jour|journ[ée]e|d[ií]a|giorno|dag|dzie[nń]|den|dia)"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "erster": 1, "zweiter": 2, "dritter": 3, "vierter": 4, "fünfter": 5,
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "premier": 1, "première": 1, "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5,
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
}
_NUMBER = r"(\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_DAY_SEP = r"(?:\s*[-–—:,.|/]?\s*(.*))?$"
# "Day 1 - Wednesday", "Tag 2", "Jour deux"; and number first: "1. Tag", "2e jour", "Second day".
_DAY_RE = re.compile(rf"^{_DAY_WORD}\s*{_NUMBER}\b{_DAY_SEP}", re.I)
_DAY_FIRST_RE = re.compile(rf"^{_NUMBER}(?:\.|st|nd|rd|th|e|er|re|ème|eme)?\s+{_DAY_WORD}\b{_DAY_SEP}", re.I)
_MONTH_NAMES = {
    1: "january jan januar jänner janvier enero ene",
    2: "february feb februar février fevrier févr fevr fév fev febrero",
    3: "march mar märz maerz mär mars marzo",
    4: "april apr avril avr abril abr",
    5: "may mai mayo",
    6: "june jun juni juin junio",
    7: "july jul juli juillet juil julio",
    8: "august aug août aout agosto ago",
    9: "september sept sep septembre septiembre setiembre",
    10: "october oct oktober okt octobre octubre",
    11: "november nov novembre noviembre",
    12: "december dec dezember dez décembre decembre déc diciembre dic",
}
MONTHS = {name: num for num, names in _MONTH_NAMES.items() for name in names.split()}
_MONTHS = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# Each alternative names its parts: y(ear), m(onth number) or mn (month name), d(ay).
_DATE_RE = re.compile(
    r"^(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    rf"|(?P<mn2>{_MONTHS})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<d3>\d{{1,2}})(?:\.|st|nd|rd|th|er)?\s+(?:de\s+)?(?P<mn3>{_MONTHS})(?:,?\s+(?:de\s+)?(?P<y3>\d{{4}}))?"
    r"|(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>\d{4}|\d{2})?"
    r"|(?P<m5>\d{1,2})/(?P<d5>\d{1,2})(?:/(?P<y5>\d{4}|\d{2}))?)"
    r"(?![\w/.-]\w)",
    re.I,
)
_WEEKDAY_RE = re.compile(r"^(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b", re.I)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# A session code: letters then digits, optional suffix (SEC314-R, GC-101); then " - ", ": " or " – ".
# Followed by a space alone, only the usual shape counts (DAT407 Title; not "ES2024 features", "WWDC24 recap").
# A year is no code ("KCD2024 recap", "AWS2023: ..."), nor one letter and digits ("H100: GPUs"), nor the
# start of a longer hyphenated number ("CVE-2024-3094 - ...").
_NOT_A_YEAR = r"(?![A-Z]+(?:19|20)\d\d\b(?!-))"
_CODE = rf"{_NOT_A_YEAR}(?:[A-Z]{{2}}[A-Z0-9]{{0,6}}\d{{2,4}}(?:-[A-Z0-9]{{1,4}})?|[A-Z]{{2,6}}-\d{{2,4}})"
_BARE_CODE = rf"{_NOT_A_YEAR}[A-Z]{{2,6}}\d{{3,4}}(?:-[A-Z0-9]{{1,4}})?"  # followed by a space alone
_TALK_RE = re.compile(rf"^(?:({_CODE})(?:\s*[:|]|\s*[–—]|\s+-)\s*|({_BARE_CODE})\s+)(.+)$")
# A time before a talk's title: "11:30 - ", "2:00 PM – ", "10:30 – 11:15 ", "14h30 : ", "(9:00)".
# Not a version ("3.12 performance"), nor words ("10:30 is too early", "5 AM Club", "2 pm thoughts"): one
# time has a colon or "h" and then a separator or a capital; a range may be "9.30 - 10.15" or "1 - 2pm".
_TIME = r"\d{1,2}(?:[:.h]\d{2}(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?)"
_ONE_TIME = r"\d{1,2}[:h]\d{2}(?:\s*[ap]\.?m\.?)?"
_TIME_PREFIX = re.compile(
    rf"^\(?(?:{_TIME}\s*(?:[-–—]|to|bis|à)\s*{_TIME}\)?(?:\s*[-–—:|]\s*|\s+)"
    rf"|{_ONE_TIME}\)?(?:\s*[-–—:|]\s*|\s+(?=(?-i:[A-Z0-9])))"
    r"|\d{1,2}\s*[ap]\.?m\.?\)?\s*[-–—:|]\s*)(?=\S)",
    re.I,
)
_TRAILING_SPEAKER = re.compile(r"^(.*\S)\s+\(([^()]{2,60})\)$")
_SPEAKER_LABEL = re.compile(r"^\s*(?:speakers?|presenters?|presented by|by|with)\s*:?\s+", re.I)
# "KubeCon talk: Title", "Session - Title", "Keynote: Title": a talk without a session code.
_LABELLED_TALK = re.compile(
    r"^(?:[\w.'’&+@-]+\s+){0,3}?(lightning talk|talk|session|keynote|presentation|vortrag|conf[ée]rence|charla|ponencia)"
    r"\s*(?:[:–—|]|\s-)\s*(.+)$",
    re.I,
)
_TALK_LABELS = {"lightning talk", "talk", "session", "presentation", "vortrag", "conférence", "conference",
                "charla", "ponencia"}  # dropped from the title; "Keynote: X" keeps its word

_META_RE = re.compile(
    r"^(speakers?|presenters?|presented by|hosts?|desc|description|abstract|summary|title|"
    r"conference|event|date|video|slides|recording|"
    r"sprecher(?:in(?:nen)?)?|referent(?:in(?:nen)?|en)?|vortragende[rn]?|intervenant(?:e|s|es)?|orat(?:eur|rice)s?|"
    r"ponentes?|titel|titre|t[ií]tulo|konferenz|veranstaltung|[ée]v[ée]nement|evento|datum|fecha|"
    r"zusammenfassung|r[ée]sum[ée]|resumen)\s*(?::|\s[-–—])\s*(.*)$",
    re.I,
)
_SPEAKER_KEYS = ("speaker", "presenter", "presented", "host", "sprecher", "referent", "vortragende", "intervenant",
                 "orat", "ponente")
_TITLE_KEYS = ("title", "titel", "titre", "título", "titulo")
_EVENT_KEYS = ("conference", "event", "konferenz", "veranstaltung", "événement", "evenement", "évenement",
               "evénement", "evento")
_DATE_KEYS = ("date", "datum", "fecha")
_DESC_KEYS = ("desc", "description", "abstract", "summary", "zusammenfassung", "résumé", "resume", "résume",
              "resumé", "resumen")
# A "Key: value" line of an indented or fenced block that holds a talk's metadata.
_KV_LINE = re.compile(r"^\s*[*_]{0,2}[^\W\d][\w .'’-]{0,30}[*_]{0,2}\s*:[*_]{0,2}(?:\s+\S|\s*$)")
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")
_ANNOUNCE_RE = re.compile(
    r"(?:^|(?<=[.?!;:])\s+|(?<=^[-*]\s))(announc(?:e|es|ed|ing|ement)|new launch|launch(?:ed|ing)?)\b"
    r"\s*(?:[:\-–—!]\s*)?",
    re.I,
)
# A heading or lead-in that is only "Launches", "What's new", "New launches:", "Announcements from the keynote":
# the items of the list under it are announcements (a talk heading "What's new in Lambda" is not).
_ANNOUNCE_WORDS = (
    r"(?:announcements?|announced|launch(?:es|ed)|releases|releases?\s+and\s+launches|what[’']?s\s+new"
    r"|new\s+(?:features|services|products|launches|releases|announcements)"
    r"|neuigkeiten|neuerungen|ank[üu]ndigungen|nouveaut[ée]s|annonces|lancements|novedades|anuncios|lanzamientos)"
)
_ANNOUNCE_LIST_HEADING = re.compile(
    r"^(?:(?:new|product|service|feature|keynote|today[’']?s|the|all|big|major|key|other|recent|latest|aws)\s+)*"
    rf"{_ANNOUNCE_WORDS}(?:\s+(?:from|at|during|of)\s+(?:the\s+)?[\w:.’' -]{{1,30}})?\s*[:!]?$",
    re.I,
)
_ANNOUNCE_LEAD_IN = re.compile(
    r"^(?!.*\b(?:we|i|our|my|me)\b)(?:[\w’'-]+\s+){0,3}?" + _ANNOUNCE_WORDS + r"\b[^.!?]{0,30}:$",
    re.I,
)
_WATCH_HEADING = re.compile(r"\b(to watch|watch ?list|watch later|talks i missed|to see)\b", re.I)
_VIDEO_TEXT = re.compile(
    r"^\s*(video|recording|youtube|watch\b|vimeo|vid[ée]o|v[íi]deo|aufzeichnung|mitschnitt|enregistrement|"
    r"grabaci[óo]n|replay)", re.I)
_SLIDES_TEXT = re.compile(
    r"^\s*(slides?|deck|slideshare|speakerdeck|presentation|folien|foliensatz|pr[äa]sentation|diapos|"
    r"diapositiv[ae]s?|pr[ée]sentation|transparents|support)\b", re.I)
_VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com")
_SLIDE_HOSTS = ("slideshare.net", "speakerdeck.com")
_GENERIC_LINK = re.compile(r"^\s*(blog( post)?|here|link|this|post|more|details|sign ?up( page)?|docs?|announcement)\s*$", re.I)
_NOT_NAMES = {"session", "part", "repeat", "level", "workshop", "keynote", "panel", "demo", "live", "new",
              "launch", "video", "slides", "beta", "preview", "intro", "advanced", "deep", "dive",
              # Title-Case asides that are not people: "(Generally Available)", "(Beginner Friendly)"
              "available", "generally", "general", "availability", "friendly", "beginner", "beginners",
              "intermediate", "expert", "optional", "settings", "command", "line", "layer", "cluster", "replicas",
              "read", "write", "update", "updated", "edition", "version", "recap", "notes", "summary", "overview",
              "remote", "online", "virtual", "hands-on", "lab", "labs", "day", "track", "room", "free", "open",
              "source", "public", "private", "draft", "wip", "tbd", "sponsored", "recorded", "cancelled",
              "canceled", "postponed", "english", "german", "french", "spanish", "the", "of", "for", "with", "to",
              "on", "at", "in", "a", "an", "is", "are", "my", "our", "your", "mode", "only"}
# Words of a job title: "Jane Doe, Principal Engineer, Google" names one speaker (of Google). (Not words
# that are also surnames -- Head, Lead, Partner -- unless "Head of ...".)
_ROLE_WORDS = {"engineer", "architect", "manager", "director", "developer", "evangelist", "advocate", "cto", "ceo",
               "cfo", "coo", "cio", "ciso", "vp", "svp", "evp", "founder", "co-founder", "cofounder", "scientist",
               "professor", "researcher", "consultant", "specialist", "president", "officer", "analyst", "designer",
               "maintainer", "technologist", "hero", "champion", "ambassador", "mvp", "gde"}
# A heading under a day that groups its talks: "Morning", "Afternoon sessions", "Track A", "Room 2".
_GROUPING = re.compile(
    r"^(?:(?:morning|afternoon|evening|lunch|breakfast|vormittag|nachmittag|abend|matin|apr[èe]s-midi|soir[ée]e?"
    r"|ma[ñn]ana|tarde)(?:\s+(?:sessions?|talks|track))?|(?:track|room|stage|hall|saal|salle|sala|raum)\s+(?-i:[A-Z0-9])\w{0,11})$",
    re.I,
)
_FILLER = re.compile(r"^(now|first|then|next|and|also|finally|plus)\s+", re.I)


def classify_day(title: str) -> tuple[int | None, str | None] | None:
    """(day number or None, weekday or None) when a heading names a day of the conference.

    "Day 2 - Thursday", "Tag 1", "Jour deux", "1. Tag", "Tuesday", "Dienstag, 3. Dezember",
    "2019-12-03", "Dec 3, 2019 (Tuesday)", "Dec 3 - Keynotes". Not "Monday Night Live".
    """
    t = _trim_decor(title)  # "📅 Day 1", "[[2024-03-19]]" (a wiki link), "**Day 1**"
    m = _DAY_RE.match(t) or _DAY_FIRST_RE.match(t)
    if m:
        n = m.group(1).lower()
        number = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        rest = m.group(2) or ""
        if number > 14 or re.match(r"[.,]\d", t[m.end(1):]):
            return None  # "Day 30 of my 100 days of code", "Tag 1.0 release"
        if rest and (not n.isdigit() or m.re is _DAY_FIRST_RE) and not re.search(r"[-–—:,.|/(]\s*$", t[:m.start(2)]) \
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


def split_talk_heading(title: str, trailing_speakers: bool = True) -> tuple[str | None, str, list[Speaker]]:
    """"DAT407 - Title (Name)" -> ("DAT407", "Title", [Speaker("Name")]); a time before it is dropped
    ("11:30 - Title", "2:00 PM – DAT407 Title")."""
    code, rest = None, strip_time(title.strip())
    m = _TALK_RE.match(rest)
    if not m:
        lm = _LABELLED_TALK.match(rest)
        if lm and lm.group(1).lower() in _TALK_LABELS:
            rest = lm.group(2).strip()
            m = _TALK_RE.match(rest)  # "Session: DAT407 - Title"
    if m:
        code, rest = m.group(1) or m.group(2), m.group(3).strip()
    speakers: list[Speaker] = []
    sm = _TRAILING_SPEAKER.match(rest) if trailing_speakers else None
    if sm:
        names = _SPEAKER_LABEL.sub("", sm.group(2))  # "(Speaker: Mark Ryland)"
        if _looks_like_name(names):
            rest, speakers = sm.group(1), parse_speakers(names)
    return code, rest, speakers


def _labelled(title: str) -> bool:
    """A heading that says it is a talk: a session code or a label ("Keynote: ..."), after any time."""
    t = strip_time(title)
    return bool(_TALK_RE.match(t) or _LABELLED_TALK.match(t))


def strip_time(title: str) -> str:
    m = _TIME_PREFIX.match(title)
    return title[m.end():] if m else title


def _looks_like_name(text: str) -> bool:
    words = text.replace(",", " ").replace("&", " ").split()
    if any(w.lower().strip(".") in _NOT_NAMES or any(c.isdigit() for c in w) for w in words):
        return False
    return 1 < len(words) <= 8 and all(w[:1].isupper() or w.lower() in ("and", "de", "van", "von") for w in words)


def parse_speakers(text: str) -> list[Speaker]:
    """"Nate Wiger (AWS), Tom Kerr (Riot)" -> two speakers with orgs. A one-word part after a full name
    is that speaker's organisation ("Michael Hausenblas, AWS"); a job title is skipped, and the part
    after it is the organisation ("Jane Doe, Principal Engineer, Google Cloud")."""
    parts, depth, cur = [], 0, ""
    i = 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and (ch in ",;&" or text.startswith(" and ", i)):
            parts.append(cur)
            cur = ""
            i += 5 if ch == " " else 1
            continue
        cur += ch
        i += 1
    parts.append(cur)
    speakers: list[Speaker] = []
    after_role = False
    for part in parts:
        part = part.strip(" .")
        if not part:
            continue
        m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", part)
        if speakers and ({w.strip(".").lower() for w in part.split()} & _ROLE_WORDS
                         or re.match(r"head of\b", part, re.I)):
            after_role = True  # "Principal Engineer": a job title, no person
            continue
        last = speakers[-1] if speakers else None
        if m and m.group(1):
            speakers.append(Speaker(m.group(1).strip(), m.group(2).strip() or None))
        elif last is not None and last.org is None and (after_role or (" " not in part and " " in last.name)):
            speakers[-1] = Speaker(last.name, part)
        else:
            speakers.append(Speaker(part, None))
        after_role = False
    return speakers


# --- inline flattening ---------------------------------------------------------------------------


@dataclass
class _InlineLink:
    text: str
    url: str
    offset: int  # where its text starts in the flattened text


@dataclass
class _Inline:
    text: str  # flattened, "\n" kept between source lines
    links: list[_InlineLink] = field(default_factory=list)


_PLAIN_INLINE = frozenset(("text", "softbreak", "linebreak"))


def flatten(children: list[dict[str, Any]] | None) -> _Inline:
    """Inline tokens to text (one "\n" per source line break) and the links in it."""
    if children:
        if len(children) == 1:
            tok = children[0]
            if tok.get("type") == "text":  # most lines: one plain text token
                return _Inline(tok.get("raw", "\n"), [])
        for tok in children:
            if tok.get("type") not in _PLAIN_INLINE:
                break
        else:  # plain text lines
            return _Inline("".join([tok.get("raw", "\n") for tok in children]), [])
    buf: list[str] = []
    size = 0
    links: list[_InlineLink] = []
    # Iterative, so inline nesting depth never costs recursion. Frame: (tokens, link, offset, buf index)
    stack: list[tuple[Iterator[dict[str, Any]], dict[str, Any] | None, int, int]] = [
        (iter(children or []), None, 0, 0)
    ]
    while stack:
        it, link, start, idx = stack[-1]
        tok = next(it, None)
        if tok is None:
            stack.pop()
            if link is not None:
                url = str((link.get("attrs") or {}).get("url", ""))
                links.append(_InlineLink("".join(buf[idx:]), url, start))
            continue
        kind = tok.get("type")
        if kind in ("softbreak", "linebreak"):
            buf.append("\n")
            size += 1
        elif isinstance(tok.get("children"), list):
            stack.append((iter(tok["children"]), tok if kind == "link" else None, size, len(buf)))
        elif "raw" in tok:
            raw = str(tok["raw"])
            buf.append(raw)
            size += len(raw)
    links.sort(key=lambda lk: lk.offset)
    return _Inline("".join(buf), links)


_TAG = re.compile(r"<!--|-->|<[^<>]*>")


def _html_text(raw: str) -> str:
    """The words of a block of HTML: tags and comment marks dropped, line breaks kept (lines stay lines)."""
    return _TAG.sub(lambda m: "\n" * m.group(0).count("\n") or " ", raw)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- the walker ----------------------------------------------------------------------------------


@dataclass
class _Heading:
    level: int
    title: str
    line: int
    role: str  # "day", "talk", "section", "other"


class _Walker:
    def __init__(self, src: Source) -> None:
        self.src = src
        self.lines = src.text.split("\n")
        self.file = src.path
        self.doc = Document(file=src.path, warnings=list(src.warnings))
        meta = src.meta
        self.doc.title = meta.get("title") or meta.get("conference") or meta.get("event")
        self.doc.date = meta.get("date")
        self.doc.tags = list(meta.get("tags") or meta.get("categories") or [])
        self.stack: list[_Heading] = []
        self._path: list[str] = []  # titles of self.stack
        self.day: Day | None = None
        self.day_level = 0
        self.day_talk_level: int | None = None  # level of the first talk under the current day
        self.undated_talks: set[int] = set()  # in a file without days: the lines of its talk headings
        self.talk: Talk | None = None
        self.talk_level = 0
        self.section: str | None = None
        self.in_watch = False
        self.in_announce_list = False
        self.headings: list[tuple[int, int]] = []  # (line, level) of every heading
        self.day_count = 0
        self.last_lead_in: str | None = None
        self.speaker_seen: set[int] = set()  # talks whose Speaker: line was read
        # What a post that turns out to be one talk says about it before any heading makes a talk.
        self.pre_talk: Talk | None = Talk(day=None, code=None, title="", heading="", file=src.path, line=0,
                                          end_line=0)

    # paths and entries
    def path(self) -> list[str]:
        # Built once per heading (only heading() changes the stack) and shared by the entries and
        # links under it: nothing mutates an Entry's or Link's path.
        return self._path

    def add_entry(self, kind: str, text: str, line: int, context: list[str] | None = None) -> Entry:
        if "\n" in text:
            breaks = [i + 1 for i, ch in enumerate(text) if ch == "\n"]
            text = text.replace("\n", " ")
        else:
            breaks = []
        day = self.day
        entry = Entry(kind, text, self._path, self.file, line, day.number if day else None, breaks,
                      list(context) if context else [])
        self.doc.entries.append(entry)
        return entry

    # headings
    def heading(self, tok: dict[str, Any]) -> None:
        level = int((tok.get("attrs") or {}).get("level", 1))
        line = tok["line"]
        flat = flatten(tok.get("children"))
        title = _one_line(flat.text)
        self.headings.append((line, level))
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        if self.day and (level < self.day_level or level == self.day_level and not self._flat_talk(title)):
            self.day = None
        if self.talk and level <= self.talk_level:
            self.talk = None
        self.section = None
        self.last_lead_in = None
        day = classify_day(title) if title.strip() else None
        role = "other"
        if day is not None and self.talk is None and (self.day is None or level <= self.day_level):
            # (a day-like heading under a day -- "### Second day thoughts" -- is no new day)
            number, weekday = day
            self.day_count += 1
            if number is None:
                number = self.day_count
            self.day = Day(number, title, weekday, self.file, line)
            self.day_level = level
            self.day_talk_level = None
            self.doc.days.append(self.day)
            role = "day"
        elif self.talk is None and title.strip() and not _ANNOUNCE_LIST_HEADING.match(title) \
                and self._is_talk_heading(title, level, line):
            code, name, speakers = split_talk_heading(title)
            self.talk = Talk(
                day=self.day.number if self.day else None, code=code, title=name, heading=title,
                file=self.file, line=line, end_line=line, speakers=speakers,
                weekday=self.day.weekday if self.day else None, conference=self.doc.title,
            )
            self.talk_level = level
            self._heading_links(self.talk, flat)
            if self.day is not None and self.day_talk_level is None:
                self.day_talk_level = level
            self.doc.talks.append(self.talk)
            role = "talk"
        elif self.talk is not None:
            self.section = title
            self.talk.sections.append(title)
            role = "section"
        self.stack.append(_Heading(level, title, line, role))
        self._path = [h.title for h in self.stack]
        self.in_watch = bool(_WATCH_HEADING.search(title)) and role != "talk"
        # "### Announcements", "### Launches from the keynote" (not "#### Launch checklist")
        self.in_announce_list = role != "talk" and bool(_ANNOUNCE_LIST_HEADING.match(title))
        if self.in_announce_list and role == "other":
            self.section = title  # "## What's new" outside any talk
        kind = {"day": "day", "talk": "talk"}.get(role, "section")
        self.add_entry(kind, title, line)
        self.links(flat, line)  # a link in a heading is a link of the notes too

    def _heading_links(self, talk: Talk, flat: _Inline) -> None:
        """A video or slides link in a talk's heading: "[DAT407 - Title](youtube)", "Title [video](url)"."""
        for lk in flat.links:
            host, text = _host(lk.url), lk.text.strip()
            video_word, slides_word = _VIDEO_TEXT.fullmatch(text), _SLIDES_TEXT.fullmatch(text)
            if talk.video is None and (host.endswith(_VIDEO_HOSTS) or video_word):
                talk.video = lk.url
            elif talk.slides is None and (host.endswith(_SLIDE_HOSTS) or slides_word):
                talk.slides = lk.url
            else:
                continue
            if video_word or slides_word:  # "Title [video](url)", "Title ([slides](url))": no word of the title
                bare = re.sub(rf"\s*[-–—|:]?\s*\(?{re.escape(text)}\)?\s*$", "", talk.title)
                talk.title = bare or talk.title

    def _flat_talk(self, title: str) -> bool:
        """"## Day 1" then "## DAT407 - Title" at the same level: a talk of that day, not a new part."""
        return self.talk is None and _labelled(title) and classify_day(title) is None

    def _is_talk_heading(self, title: str, level: int, line: int) -> bool:
        labelled = _labelled(title)
        if self.day is not None and level == self.day_level:
            return labelled
        if self.day is not None and not labelled and _GROUPING.match(_trim_decor(title)):
            return False  # "### Morning", "### Track A": the talks are the headings under it
        if self.day is None and line in self.undated_talks:
            return True
        if self.day is not None:
            # "# Day 1" then "### Talk": the first heading under a day sets the level of its talks
            first = self.day_talk_level is None and level > self.day_level
            return level in (self.day_level + 1, self.day_talk_level) or first or (level > self.day_level and labelled)
        return labelled and not _WATCH_HEADING.search(title)

    # blocks
    def blocks(self, tokens: list[dict[str, Any]], context: list[str]) -> None:
        tokens = [t for t in tokens if t.get("type") not in ("blank_line", "thematic_break")]
        for i, tok in enumerate(tokens):
            kind = tok.get("type")
            if kind == "heading":
                self.heading(tok)
            elif kind in ("paragraph", "block_text"):
                self.paragraph(tok, tokens[i + 1 : i + 3], context)  # 2 suffice (a slice to the end: quadratic)
            elif kind == "list":
                prev = tokens[i - 1] if i else None
                lead = None
                if prev is not None and prev.get("type") in ("paragraph", "block_text"):
                    lead = _one_line(flatten(prev.get("children")).text)
                self.list(tok, context, lead)
            elif kind == "block_quote":
                self.blocks(tok.get("children") or [], context)
            elif kind == "block_html":  # "<!-- TODO ... -->", "<div>text</div>": its words are notes too
                text = "\n".join(" ".join(x.split()) for x in _html_text(str(tok.get("raw", ""))).split("\n"))
                lead = len(text) - len(text.lstrip("\n"))
                if text.strip():
                    self.add_entry("paragraph", text.strip("\n"), tok["line"] + lead, context)
            elif kind == "block_code":
                raw = str(tok.get("raw", "")).rstrip("\n")
                if raw.strip():
                    first = tok["line"] + (1 if tok.get("style") == "fenced" else 0)
                    self.add_entry("code", raw, first, context)
                    if not context and (self.talk is not None or (self.day is None and not self.doc.talks)):
                        self.code_metadata(raw, first)

    def paragraph(self, tok: dict[str, Any], following: list[dict[str, Any]], context: list[str]) -> None:
        flat = flatten(tok.get("children"))
        text = flat.text.strip("\n")
        if not text.strip():
            return
        line0 = tok["line"]
        entry = self.add_entry("paragraph", text, line0, context)
        if flat.links:
            self.links(flat, line0)
        if self.talk is not None and not context:
            self.metadata(flat, line0)
        elif self.pre_talk is not None and not context and self.day is None and not self.doc.talks:
            self.metadata(flat, line0, self.pre_talk)
        low = text.lower()
        if "announc" not in low and "launch" not in low:  # no line is an announcement (see _announce_match)
            if text.rstrip().endswith(":"):
                self.last_lead_in = _one_line(text)
            return
        lines = text.split("\n")
        # One pass (per-line rescans of the rest of the paragraph were quadratic): an announcement's
        # details are the following non-blank lines up to the next announcement line.
        matches = [_announce_match(x) for x in lines]
        last_text = max((i for i, x in enumerate(lines) if x.strip()), default=-1)
        offset = 0
        for n, line_text in enumerate(lines):
            m = matches[n]
            if m:
                ann = self.announcement(line_text, m, flat, offset, line0 + n, entry.path)
                if n < last_text:  # details on the following lines of the same paragraph
                    end = next((i for i in range(n + 1, len(lines)) if matches[i]), len(lines))
                    ann.details += [_detail(x) for x in lines[n + 1 : end] if x.strip()]
                elif n == len(lines) - 1 and not context:
                    self.details_from_following(ann, following)
            offset += len(line_text) + 1
        if text.rstrip().endswith(":"):
            self.last_lead_in = _one_line(text)

    def metadata(self, flat: _Inline, line0: int, talk: Talk | None = None) -> None:
        """``Speaker:``/``Description:``/``Conference:``/``Date:`` lines, video and slides links of a talk."""
        talk = talk or self.talk
        assert talk is not None
        ftext = flat.text
        # A metadata line has ":" or a dash after its key.
        has_sep = ":" in ftext or "-" in ftext or "\u2013" in ftext or "\u2014" in ftext
        for n, line_text in enumerate(ftext.split("\n") if has_sep else ()):
            m = _META_RE.match(line_text.strip())
            if not m:
                continue
            key, value = m.group(1).lower(), m.group(2).strip()
            if key.startswith(_SPEAKER_KEYS) and value and id(talk) not in self.speaker_seen:
                named = parse_speakers(value)
                heard = {x.name.casefold() for x in talk.speakers}
                if heard and talk.heading and not heard & {x.name.casefold() for x in named}:
                    # a Speaker: line naming others wins over a "(...)" read off the heading: it was no name
                    talk.title = split_talk_heading(talk.heading, trailing_speakers=False)[1]
                talk.speakers = named
                self.speaker_seen.add(id(talk))
            elif key in _DESC_KEYS and value and not talk.description:
                talk.description = value
            elif key in _EVENT_KEYS and value and not talk.conference:
                talk.conference = value
            elif key in _DATE_KEYS and value and not self.doc.date and not talk.heading:
                self.doc.date = value  # the date of a one-talk post
        if not flat.links:
            return
        before_sections = not talk.sections
        link_only = _only_a_link(flat)
        lines = flat.text.split("\n")
        starts = [0]
        for x in lines[:-1]:
            starts.append(starts[-1] + len(x) + 1)
        # Links by line, and each line with its links' texts blanked, computed once: linear however
        # many links a paragraph holds (a per-link scan of every link was quadratic).
        on_line: dict[int, list[_InlineLink]] = {}
        for other in flat.links:
            on_line.setdefault(bisect.bisect_right(starts, other.offset) - 1, []).append(other)
        bare_of: dict[int, str] = {}
        for lk in flat.links:
            host = _host(lk.url)
            n = bisect.bisect_right(starts, lk.offset) - 1
            line_text = lines[n]
            # "Video: <url>", "Watch - [here](url)": a label before the link; a line that is only links
            label = line_text[: lk.offset - starts[n]]
            if n not in bare_of:
                parts, pos = [], 0
                for other in on_line[n]:
                    begin = other.offset - starts[n]
                    if begin >= pos:
                        parts.append(line_text[pos:begin])
                    pos = max(pos, begin + len(other.text))
                parts.append(line_text[pos:])
                bare_of[n] = _trim_decor(" ".join(parts))  # "🎥 <url>": an emoji is no words
            bare_words = bare_of[n]
            label_words = label.strip(" *_:-–—|([").strip()
            short_label = bool(label_words) and len(label_words.split(maxsplit=3)) <= 3
            labelled_video = short_label and bool(_VIDEO_TEXT.match(label_words))
            labelled_slides = short_label and bool(_SLIDES_TEXT.match(label_words))
            line_only = not bare_words or (bare_words == label_words and (labelled_video or labelled_slides))
            if talk.video is None and before_sections and (
                _VIDEO_TEXT.match(lk.text) or labelled_video
                or ((link_only or line_only) and host.endswith(_VIDEO_HOSTS))
            ):
                talk.video = lk.url
            elif talk.slides is None and (
                _SLIDES_TEXT.match(lk.text) or host.endswith(_SLIDE_HOSTS) or (labelled_slides and not labelled_video)
            ):
                talk.slides = lk.url

    def code_metadata(self, raw: str, line0: int) -> bool:
        """An indented/fenced block of ``Key: value`` lines naming a talk's speaker, event, date: metadata."""
        talk = self.talk or self.pre_talk
        if talk is None:
            return False
        rows = [x for x in raw.split("\n") if x.strip()]
        if not rows or len(rows) > 30 or not all(_KV_LINE.match(x) for x in rows):
            return False
        texts = [re.sub(r"^[*_]{1,2}([^*_]+?)[*_]{1,2}\s*:", r"\1:", x.strip()) for x in raw.split("\n")]
        if not any(_META_RE.match(x) for x in texts):
            return False
        text = "\n".join(texts)
        links = [_InlineLink(m.group(0), m.group(0), m.start()) for m in _BARE_URL.finditer(text)]
        self.metadata(_Inline(text, links), line0, talk)
        return True

    def links(self, flat: _Inline, line0: int) -> None:
        if not flat.links:
            return
        lines = flat.text.split("\n")  # once, not per link: many links in one paragraph stay linear
        starts = [0]
        for x in lines[:-1]:
            starts.append(starts[-1] + len(x) + 1)
        ctx_of: dict[int, str] = {}
        for lk in flat.links:
            n = bisect.bisect_right(starts, lk.offset) - 1
            line = self._verify_line(lk.url, line0 + n, line0, line0 + len(lines) - 1)
            text = _one_line(lk.text) or lk.url
            if n not in ctx_of:
                ctx_of[n] = _one_line(lines[n])
            self.doc.links.append(Link(text, lk.url, ctx_of[n], self.path(), self.file, line,
                                       self.day.number if self.day else None,
                                       self.talk.title if self.talk else None))
            self.add_entry("link", text, line, [lk.url])

    def _verify_line(self, needle: str, line: int, first: int, last: int) -> int:
        """The computed line, or the line of the block that really holds ``needle``."""
        lines = self.lines
        if not needle or 0 < line <= len(lines) and needle in lines[line - 1]:
            return line
        for n in range(max(first, 1), min(last, len(lines)) + 1):
            if needle in lines[n - 1]:
                return n
        return line

    def list(self, tok: dict[str, Any], context: list[str], lead_in: str | None = None) -> None:
        """Bullets, each with its context: the paragraph that leads into the list, parent bullets."""
        lead = [lead_in] if lead_in and len(lead_in) <= 200 else []
        announce_list = not context and (
            self.in_announce_list or bool(lead_in and _ANNOUNCE_LEAD_IN.match(lead_in))
        )
        # Iterative over nesting depth: (items iterator, context) frames.
        stack: list[tuple[Iterator[dict[str, Any]], list[str]]] = [(iter(tok.get("children") or []), context + lead)]
        while stack:
            item = next(stack[-1][0], None)
            if item is None:
                stack.pop()
                continue
            ctx = stack[-1][1]
            children = item.get("children") or []
            if len(children) != 1:
                children = [c for c in children if c.get("type") != "blank_line"]
            elif children[0].get("type") == "blank_line":
                children = []
            head = children[0] if children and children[0].get("type") in ("block_text", "paragraph") else None
            text = ""
            if head is not None:
                flat = flatten(head.get("children"))
                text = flat.text.strip("\n")
                line0 = head["line"]
                entry = self.add_entry("bullet", text, line0, ctx)
                if flat.links:
                    self.links(flat, line0)
                top = len(stack) == 1
                low = text.lower()
                if (self.in_watch and not ctx) or (announce_list and top) or "launch" in low or "announc" in low:
                    # (else it is no announcement: see _announce_match)
                    self.list_item_roles(flat, text, line0, children[1:], ctx, entry.path, announce_list and top)
                if self.talk is not None and not context and top and (
                    _META_RE.match(text.split("\n")[0].strip())
                    or _only_a_link(flat)
                ):
                    self.metadata(flat, line0)  # "* Speaker: Jane Doe", "* [Slides](url)" as a talk's bullets
                rest = children[1:]
            else:
                rest = children
            if rest:
                sub_ctx = ctx + ([_one_line(text)] if text else [])
                nested = [c for c in rest if c.get("type") == "list"]
                others = [c for c in rest if c.get("type") != "list"]
                if others:
                    self.blocks(others, sub_ctx)
                for lst in reversed(nested):
                    stack.append((iter(lst.get("children") or []), sub_ctx))

    def list_item_roles(self, flat: _Inline, text: str, line0: int, rest: list[dict[str, Any]],
                        ctx: list[str], path: list[str], in_announce_list: bool) -> None:
        if self.in_watch and not ctx:
            self.watch_item(flat, text, line0)
        m = _announce_match(text.split("\n")[0])
        if m or in_announce_list:
            if m is None:
                m = re.match(r"", text)
            ann = self.announcement(text.split("\n")[0], m, flat, 0, line0, path)
            ann.details += [_detail(x) for x in text.split("\n")[1:] if x.strip()]
            ann.details += _list_texts(rest)

    def watch_item(self, flat: _Inline, text: str, line0: int) -> None:
        plain = _one_line(text)
        video = None
        for lk in flat.links:
            if _VIDEO_TEXT.match(lk.text) or _host(lk.url).endswith(_VIDEO_HOSTS):
                video = lk.url
                break
            plain = plain.replace(lk.text, "")
        plain = re.sub(r"\(\s*(?:video|recording|slides)?\s*\)\S*$", "", plain.replace("()", ""), flags=re.I)
        for lk in flat.links:
            plain = plain.replace(f"({lk.text})", "").replace(lk.text, "")
        plain = re.sub(r"\(\s*\)\S*\s*$", "", plain).strip(" -–—")
        code, title, _ = split_talk_heading(plain)
        self.doc.watchlist.append(WatchItem(code, title.strip() or plain, video, self.file, line0))

    # announcements
    def announcement(self, line_text: str, m: re.Match[str], flat: _Inline, offset: int, line: int,
                     path: list[str]) -> Announcement:
        start = offset + m.end()
        rest_text = line_text[m.end():]
        name, url, extra = "", None, ""
        i = bisect.bisect_left(flat.links, start, key=lambda lk: lk.offset)  # links are in offset order
        first_link = flat.links[i] if i < len(flat.links) and flat.links[i].offset < offset + len(line_text) else None
        between = line_text[m.end(): first_link.offset - offset] if first_link else ""
        around = flat.links[i - 1] if i > 0 else None  # "[Announcing X](url)": the words are the link's
        if around and around.offset <= offset + m.start() < around.offset + len(around.text):
            end = around.offset - offset + len(around.text)
            name, extra = _split_name(line_text[m.end():end])
            url, extra = around.url, extra + line_text[end:]
        elif first_link and not between.strip() and first_link.text.strip() and not _GENERIC_LINK.match(first_link.text):
            name, url = _one_line(first_link.text), first_link.url
            extra = line_text[first_link.offset - offset + len(first_link.text):]
        else:
            plain = rest_text
            if first_link:
                url = first_link.url
                cut = first_link.offset - offset
                head = line_text[m.end():cut]
                if head.rstrip().endswith("(") or not head.strip():  # "Name ([blog](url))"
                    plain = head.rstrip().rstrip("(")
            name, extra = _split_name(plain)
        name = _strip_name(name)
        if not name:
            name = self._name_from_context(url)
        ann = Announcement(
            name=name, url=url, day=self.day.number if self.day else None,
            talk=self.talk.title if self.talk else None, section=self.section,
            details=[], file=self.file, line=line, path=list(path),
        )
        extra = extra.strip(" :-–—,()")
        if extra:
            ann.details.append(_detail(extra))
        self.doc.announcements.append(ann)
        self.add_entry("announcement", name, line, [_one_line(line_text)])
        return ann

    def _name_from_context(self, url: str | None) -> str:
        if self.last_lead_in:
            lead = _FILLER.sub("", self.last_lead_in.rstrip(":").strip())
            if lead and len(lead) <= 60:
                return lead
        if url:
            slug = [w for w in re.split(r"[-_/.]+", urlsplit(url).path) if w.isalpha() and w not in ("blogs", "aws", "html")]
            if slug:
                return " ".join(slug[:4]).title()
        return self.section or (self.talk.title if self.talk else "announcement")

    def details_from_following(self, ann: Announcement, following: list[dict[str, Any]]) -> None:
        if not following:
            return
        nxt = following[0]
        kind = nxt.get("type")
        if kind == "list":
            ann.details += _list_texts([nxt])
        elif kind in ("paragraph", "block_text"):
            flat = flatten(nxt.get("children"))
            text = flat.text.strip("\n")
            if not text.strip() or _announce_match(text.split("\n")[0]):
                return
            if _only_a_link(flat):
                ann.url = ann.url or flat.links[0].url
                return
            if text.rstrip().endswith(":"):
                return
            lines = [x for x in text.split("\n") if x.strip()]
            after = following[1] if len(following) > 1 else None
            if len(lines) == 1 and after is not None and after.get("type") in ("paragraph", "block_text"):
                if _announce_match(flatten(after.get("children")).text.split("\n")[0]):
                    return  # the lead-in of the next announcement
            ann.details += [_detail(x) for x in lines]

    def finish(self) -> Document:
        # A talk's notes run to the next heading at its level or above.
        heads = sorted(self.headings)
        last_line = len(self.lines)
        while last_line > 1 and not self.lines[last_line - 1].strip():
            last_line -= 1
        # For each heading, the line before the next heading at its level or above (one pass with a
        # stack: a scan of all headings per talk was quadratic).
        end_of: dict[int, int] = {}
        open_heads: list[tuple[int, int]] = []
        for ln, lv in heads:
            while open_heads and open_heads[-1][1] >= lv:
                end_of.setdefault(open_heads.pop()[0], ln - 1)
            open_heads.append((ln, lv))
        for talk in self.doc.talks:
            end = end_of.get(talk.line, last_line)
            while end > talk.line and not self.lines[end - 1].strip():
                end -= 1
            talk.end_line = end
        return self.doc


def _trim_decor(s: str) -> str:
    """``s`` without leading and trailing characters that are not letters or digits (emoji, punctuation).
    (A loop, not a regex: ``[\\W_]+$`` backtracks quadratically over a long run of punctuation.)"""
    i, j = 0, len(s)
    while i < j and not s[i].isalnum():
        i += 1
    while j > i and not s[j - 1].isalnum():
        j -= 1
    return s[i:j]


def _only_a_link(flat: _Inline) -> bool:
    """Text that is one link and nothing else but punctuation or an emoji ("🎥 <url>", "[Slides](url)")."""
    if len(flat.links) != 1:
        return False
    lk = flat.links[0]
    rest = flat.text[:lk.offset] + flat.text[lk.offset + len(lk.text):]
    return not _trim_decor(rest)


def _announce_match(line_text: str) -> re.Match[str] | None:
    # The regex needs "announc..." or "launch..." (no character that re.I folds onto their letters
    # lowers to anything else): most lines have neither, and the search tries every position.
    low = line_text.lower()
    if "announc" not in low and "launch" not in low:
        return None
    m = _ANNOUNCE_RE.search(line_text)
    if not m:
        return None
    word = m.group(1).lower()
    if word == "announcement":
        return None
    if word.startswith("launch") and m.start(1) > 0:
        return None
    after = line_text[m.end():].strip()
    if not after:
        return None  # "Launched:" leads into a list of launches; "- Announcing" alone names nothing
    if re.match(r"(?:my|our|your|his|her|their|i|we|it|this|that)\b", after, re.I):
        return None  # "Launched my own side project"
    if word == "launch" and not line_text[m.end(1):m.end()].strip() and after[:1].islower():
        return None  # "Launch party at 8pm": the noun, no separator
    return m


def _split_name(text: str) -> tuple[str, str]:
    """"Name: details", "Name - details", "Name — details", "Name, details"; not inside parentheses."""
    text = text.strip()
    for sep in (": ", " - ", " – ", " — ", ", "):
        at = _outside_parens(text, sep)
        if at >= 0:
            return text[:at], text[at + len(sep):]
    return text, ""


def _outside_parens(text: str, sep: str) -> int:
    """Where ``sep`` first occurs in ``text`` outside parentheses, or -1."""
    depth, pos = 0, 0
    at = text.find(sep)
    while at >= 0:
        depth += text.count("(", pos, at) - text.count(")", pos, at)  # counted once per stretch: linear
        if depth <= 0:
            return at
        pos = at
        at = text.find(sep, at + 1)
    return -1


def _strip_name(name: str) -> str:
    """An announcement's name without surrounding punctuation, an unmatched parenthesis or a leading article."""
    name = name.strip(" :-–—,.")
    extra = name.count(")") - name.count("(")
    while extra > 0 and name.endswith(")"):
        name, extra = name[:-1].rstrip(" :-–—,."), extra - 1
    while extra < 0 and name.startswith("("):
        name, extra = name[1:].lstrip(" :-–—,."), extra + 1
    if name.startswith("(") and name.endswith(")") and name.count("(") == 1:
        name = name[1:-1].strip()
    article = re.match(r"(?:the|a|an)\s+(?=\S)", name, re.I)
    return name[article.end():] if article else name


def _detail(text: str) -> str:
    text = _one_line(text)
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text


def _list_texts(tokens: list[dict[str, Any]]) -> list[str]:
    """Texts of every item of these lists, nested items included, in document order."""
    out: list[str] = []
    stack: list[Iterator[dict[str, Any]]] = [iter(tokens)]
    while stack:
        tok = next(stack[-1], None)
        if tok is None:
            stack.pop()
            continue
        kind = tok.get("type")
        if kind in ("paragraph", "block_text"):
            text = flatten(tok.get("children")).text
            for line in text.split("\n"):
                if line.strip():
                    out.append(_detail(line))
        elif kind in ("list", "list_item", "block_quote"):
            stack.append(iter(tok.get("children") or []))
    return out


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower()


def parse_source(src: Source) -> Document:
    from reinvent_cli.read.mdast import gc_paused, parse_tokens

    with gc_paused():  # tokens and Document are acyclic: the cycle collector only slows a big file
        walker = _Walker(src)
        tokens = parse_tokens(src.body)
        if not _one_talk_post(src, tokens):
            walker.undated_talks = _undated_talks(tokens)
        h1 = _only_h1(tokens)
        if walker.doc.title is None and h1 is not None:
            walker.doc.title = h1[0]  # "# KubeCon EU 2022" above everything: the notes' conference
        walker.blocks(tokens, [])
        # Free the tokens while the collector is paused: re-enabled, it scans what is still alive.
        del tokens
        doc = walker.finish()
        _weekdays_from_year(doc)
        _single_talk_post(doc, src, walker, h1)
        _front_matter_entries(doc, src)
    return doc


def _one_talk_post(src: Source, tokens: list[dict[str, Any]]) -> bool:
    """A post about one talk: its speaker is named in the front matter or above its first heading."""
    if src.meta.get("speaker") or src.meta.get("speakers"):
        return True
    head = next((i for i, t in enumerate(tokens) if t.get("type") == "heading"), len(tokens))
    return any(_names_a_speaker(flat) for flat in _block_texts(tokens[:min(head, 20)]))


def _undated_talks(tokens: list[dict[str, Any]]) -> set[int]:
    """In a file without day headings, the lines of the headings that are talks: of the shallowest
    heading level where at least two headings -- and half of that level's -- look like talks (a session
    code, a "(Name)", a Speaker: line or a video link right under it), those that do ("## Track A" over
    "### Talk (Name)": the talks are the h3s). None otherwise (then only labelled headings are talks, or
    the file is one talk)."""
    heads = [i for i, t in enumerate(tokens) if t.get("type") == "heading"]
    if len(heads) < 2:
        return set()
    titles: dict[int, str] = {}
    for i in heads:  # a file with days stops at its first one
        titles[i] = _one_line(flatten(tokens[i].get("children")).text)
        if classify_day(titles[i]) is not None:
            return set()
    level_of = {i: int((tokens[i].get("attrs") or {}).get("level", 1)) for i in heads}
    for level in sorted(set(level_of.values())):
        at = [i for i in heads if level_of[i] == level]
        if len(at) < 2:
            continue
        ends: dict[int, int] = {}  # each one's section ends at the next heading of its level or above
        prev = None
        for j in heads:
            if level_of[j] <= level:
                if prev is not None:
                    ends[prev] = j
                prev = j if level_of[j] == level else None
        if prev is not None:
            ends[prev] = len(tokens)
        talks, videos = [], set()
        for i in at:
            why = _talk_evidence(titles[i], tokens[i + 1 : min(ends[i], i + 6)])
            if why and why.startswith("video "):
                if why in videos:
                    continue  # the same video again ("&t=300"): sections of one talk, not talks
                videos.add(why)
            if why:
                talks.append(i)
        if len(talks) >= 2 and 2 * len(talks) >= len(at):
            return {int(tokens[i]["line"]) for i in talks}
    return set()


def _talk_evidence(title: str, blocks: list[dict[str, Any]]) -> str | None:
    """Why a heading looks like a talk: "label" (a session code or "Keynote:"), "name" (a trailing
    "(Name)"), "speaker" (a Speaker: line right under it) or "video <url>" (a video link right under
    it, the URL without its query but for ``v=``: timestamps of one video are one video); None."""
    if _labelled(title):
        return "label"
    sm = _TRAILING_SPEAKER.match(strip_time(title))
    if sm and _looks_like_name(_SPEAKER_LABEL.sub("", sm.group(2))):
        return "name"
    video = None
    for flat in _block_texts(blocks):
        if video is None:
            video = next((_video_key(lk.url) for lk in flat.links if _host(lk.url).endswith(_VIDEO_HOSTS)), None)
        if _names_a_speaker(flat):
            return "speaker"
    return video and "video " + video


def _block_texts(blocks: list[dict[str, Any]]) -> Iterator[_Inline]:
    """The paragraphs of these blocks and of the first items of their lists (a bounded look)."""
    for tok in blocks:
        items = tok.get("children") or [] if tok.get("type") == "list" else [tok]
        for item in items[:10]:
            parts = item.get("children") or [] if item.get("type") == "list_item" else [item]
            for part in parts[:2]:
                if part.get("type") in ("paragraph", "block_text"):
                    yield flatten(part.get("children"))


def _names_a_speaker(flat: _Inline) -> bool:
    for line in flat.text.split("\n")[:4]:
        m = _META_RE.match(line.strip())
        if m and m.group(1).lower().startswith(_SPEAKER_KEYS) and m.group(2).strip():
            return True
    return False


def _video_key(url: str) -> str:
    parts = urlsplit(url)
    v = re.search(r"(?:^|&)v=([^&]+)", parts.query)
    return f"{parts.hostname}{parts.path}" + (f"?v={v.group(1)}" if v else "")


def _weekdays_from_year(doc: Document) -> None:
    """"## May 14" under "# Google I/O 2024" (or with front matter ``date: 2024-05-13``): the year of the
    notes gives the day its weekday."""
    missing = [d for d in doc.days if d.weekday is None]
    if not missing:
        return
    years = re.findall(r"\b(?:19|20)\d\d\b", f"{doc.date or ''} {doc.title or ''}")
    if not years:
        return
    for day in missing:
        dm = _DATE_RE.match(_trim_decor(day.title))
        day.weekday = _date_weekday(dm, int(years[0])) if dm else None
        if day.weekday is None:
            continue
        for t in doc.talks:
            if t.day == day.number and t.weekday is None:
                t.weekday = day.weekday


_FRONT_KEYS = (("title", "Title"), ("conference", "Conference"), ("event", "Event"), ("speaker", "Speaker"),
               ("speakers", "Speakers"))


def _front_line(src: Source, key: str) -> int | None:
    """The line of the file where the front matter sets ``key`` (the opening "---" is line 1)."""
    if not src.front:
        return None
    at = next((i for i, x in enumerate(src.front[0].split("\n")) if re.match(rf"{key}\s*:", x, re.I)), None)
    return None if at is None else at + 2


def _front_matter_entries(doc: Document, src: Source) -> None:
    """Front matter values a reader would search for (title, conference, speakers) as entries at their
    lines: the title of a post that is one talk is that talk's heading; the others read "Key: value"."""
    if not src.front or not src.meta:
        return
    talk = doc.talks[0] if len(doc.talks) == 1 and doc.talks[0].line > 1 else None
    found: list[Entry] = []
    for key, label in _FRONT_KEYS:
        value = src.meta.get(key)
        line = _front_line(src, key) if value else None
        if line is None:
            continue
        text = _one_line(str(value))
        if key == "title" and talk is not None and talk.line == line:
            found.append(Entry("talk", text, [text], doc.file, line))
        else:
            found.append(Entry("paragraph", f"{label}: {text}", [], doc.file, line))
    doc.entries[:0] = sorted(found, key=lambda e: e.line)


def _only_h1(tokens: list[dict[str, Any]]) -> tuple[str, int] | None:
    """(title, line) of the file's one level-1 heading when it comes first and names no day or talk."""
    heads = [t for t in tokens if t.get("type") == "heading"]
    h1 = [t for t in heads if int((t.get("attrs") or {}).get("level", 1)) == 1]
    if len(h1) != 1 or heads[0] is not h1[0]:
        return None
    title = _one_line(flatten(h1[0].get("children")).text)
    if not title or classify_day(title) is not None or _TALK_RE.match(title) or _LABELLED_TALK.match(title):
        return None
    return title, int(h1[0]["line"])


def _single_talk_post(doc: Document, src: Source, walker: _Walker, h1: tuple[str, int] | None = None) -> None:
    """A post with no days and no talks is one talk when it has a title: front matter ``title:``, a
    ``Title:`` line, or (when it names a speaker) its one ``#`` heading. Its metadata lines (even in an
    indented block), front matter and video/slides links describe the talk; its headings are its sections."""
    if doc.talks or doc.days:
        return
    pre = walker.pre_talk
    meta = src.meta
    title = meta.get("title")
    line = 1
    if title:
        line = _front_line(src, "title") or 1
    else:
        for line_no, text in enumerate(walker.lines, 1):
            clean = re.sub(r"^[*_]{1,2}([^*_]+?)(?:[*_]{1,2}\s*:|:[*_]{1,2})", r"\1:", text.strip())  # **Title**: / **Title:**
            m = _META_RE.match(clean)
            if m and m.group(1).lower() in _TITLE_KEYS and m.group(2).strip():
                title, line = m.group(2).strip().strip("*_").strip(), line_no
                break
    used_h1 = False
    if not title and h1 is not None and pre is not None and pre.speakers:
        title, line = h1
        used_h1 = True
    if not title:
        return
    code, name, speakers = split_talk_heading(str(title))
    if meta.get("speaker") or meta.get("speakers"):
        speakers = parse_speakers(str(meta.get("speaker") or meta.get("speakers")))
    elif pre is not None and pre.speakers:
        speakers = pre.speakers
    last = len(walker.lines)
    while last > 1 and not walker.lines[last - 1].strip():
        last -= 1
    sections = [e.text for e in doc.entries if e.kind == "section" and not (used_h1 and e.line == line)]
    talk = Talk(day=None, code=code or meta.get("code"), title=name, heading=str(title), file=doc.file,
                line=line, end_line=max(last, line), speakers=speakers,
                video=meta.get("video") or (pre.video if pre else None),
                slides=meta.get("slides") or (pre.slides if pre else None),
                description=pre.description if pre else None,
                conference=meta.get("conference") or meta.get("event") or (pre.conference if pre else None),
                sections=sections)
    if doc.title is None and talk.conference:
        doc.title = talk.conference
    doc.talks.append(talk)
