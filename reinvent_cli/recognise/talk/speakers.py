"""Speakers: names in a talk's heading ('Title - Name', '(Name, Org)'), speaker lines under it, name lists."""

from __future__ import annotations

import re
from functools import lru_cache

from reinvent_cli.lexicon import (
    AND_WORDS,
    ORG_WORDS,
    SPEAKER_LABELS,
)
from reinvent_cli.lexicon import (
    NOT_NAMES as _NOT_NAMES,
)
from reinvent_cli.lexicon import (
    ROLE_WORDS as _ROLE_WORDS,
)
from reinvent_cli.lexicon import (
    SPEAKER_KEYS as _SPEAKER_KEYS,
)
from reinvent_cli.model import Speaker
from reinvent_cli.recognise.talk.names import clean_name, is_person, surely_person
from reinvent_cli.recognise.text.inline import FlatInline
from reinvent_cli.recognise.text.meta_lines import META_LINE
from reinvent_cli.recognise.text.patterns import HANDLE_PAREN, pattern

TRAILING_SPEAKER = pattern(r"^(.*\S)\s+\(([^()]{2,60})\)$")


_CLOSING_DASH = pattern(r"([》」』”])\s*([-–—]{1,2})\s*")
LEADING_SPEAKER_LABEL = pattern(r"^\s*(?:speakers?|presenters?|presented by|by|with)\s*:?\s+", re.IGNORECASE)


# "Speaker: ...", "Presenters - ...", "**Speakers**: ...", "演讲者：..." (the label, then the value).
_LABEL_LINE = pattern(rf"^(?:(?:main|primary|guest|keynote|featured|lead|co-?)\s*)?(?:{SPEAKER_LABELS})\s*(?:[:：]|\s[-–—]\s)\s*(.*)$", re.IGNORECASE)


_AND_SPLIT = pattern(r"\s+(?:" + "|".join(AND_WORDS) + r")\s+", re.IGNORECASE)


# Words of a job title beyond _ROLE_WORDS ("Sr. Product Manager", "Staff Engineer", "Empowerment Lead").
_ROLE_EXTRA = frozenset({"sr", "senior", "principal", "staff", "chief", "distinguished", "fellow", "lead", "head",
                         "partner", "intern", "student", "phd", "author", "editor", "owner", "pm", "em", "leader"})


def looks_like_name(text: str) -> bool:
    if max(text, default=" ") >= "\u3000":  # CJK, kana, Hangul: "山田 太郎", "王磊、李明"
        return all(is_person(p.strip()) for p in re.split(r"[、,，&]", text) if p.strip())
    words = text.replace(",", " ").replace("&", " ").split()
    if any(w.lower().strip(".") in _NOT_NAMES or any(c.isdigit() for c in w) for w in words):
        return False
    return 1 < len(words) <= 8 and all(w[:1].isupper() or w.lower() in ("and", "de", "van", "von") for w in words)


def _is_role(part: str) -> bool:
    words = {w.strip(".,()").lower() for w in part.split()}
    return bool(words & _ROLE_WORDS or words & _ROLE_EXTRA and not is_person(part)
                or re.match(r"head of\b|.*\s(?:at|@|bei|chez|en|na)\s", part, re.IGNORECASE))


def names_a_role(text: str) -> bool:
    """One of the text's parts is a job title ("VP Engineering at Acme", "Head of Platform", "CLI engineer at npm")."""
    return any(_is_role(part) for part in _split_parts(text))


def _role_words(part: str) -> bool:
    """A job title by its words ("VP Engineering", "Head of Platform"), not by an " at " it holds."""
    words = {w.strip(".,()").lower() for w in part.split()}
    return bool(words & _ROLE_WORDS or words & _ROLE_EXTRA and not is_person(part)
                or re.match(r"head of\b", part, re.IGNORECASE))


_PART_SEP = re.compile(r"[,;&、，・]").search


@lru_cache(maxsize=4096)  # (pure; a line is split again by each reading of it)
def _split_parts(text: str) -> tuple[str, ...]:
    """"A (Org, X), B; C & D" -> ["A (Org, X)", "B", "C", "D"]: commas, semicolons, "&" outside parentheses;
    "A and B" only where both sides are full names or both surnames ("Dev Home and PowerToys" is one part)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text if _PART_SEP(text) else ""):  # (no separator: the loop would find none)
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif depth == 0 and (ch in ",;&、，" or ch == "・" and not _katakana_around(text, i)):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    out: list[str] = []
    for part in parts:
        part = _LEAD_AND.sub("", part.strip())  # "A, Acme, and B, Globex": ", and B" is the list's last name
        pieces = _AND_SPLIT.split(part)
        full = [is_person(p) for p in pieces]
        if len(pieces) > 1 and (all(full) or not any(full) and all(is_person(p, 1) for p in pieces)):
            out += pieces
        elif len(pieces) == 2 and full[1] and not full[0] and len(pieces[0].split()) <= 3 and out \
                and is_person(out[-1].strip()):
            out += pieces  # "Jane Roe, Google and John Doe, Turso": her organisation, then the next name
        else:
            out.append(part)
    return tuple(p.strip(" .") for p in out if p.strip(" ."))


_LEAD_AND = pattern(r"^(?:" + "|".join(w for w in AND_WORDS if len(w) > 1) + r"|&)\s+(?=\S)")


def _katakana_around(text: str, i: int) -> bool:
    """A "・" inside a katakana name ("リー・ウェイ"), not between two names ("山田 太郎・中村 次郎")."""
    return any("\u30a0" <= c <= "\u30ff" for c in text[max(0, i - 1):i] + text[i + 1:i + 2])


def _org_part(part: str) -> bool:
    """A part naming an organisation or team ("Core-Team Kolibri", "Acme Labs"): no speaker."""
    return any(w in ORG_WORDS for w in re.split(r"[\s-]+", part.lower().strip(" .")))


_QUOTES = "“\"«「『《„"


def parse_speakers(text: str) -> list[Speaker]:
    """"Nate Wiger (AWS), Tom Kerr (Riot)" -> two speakers with orgs. A one-word part after a full name
    is that speaker's organisation ("Michael Hausenblas, AWS"); a job title is skipped, and the part
    after it is the organisation ("Jane Doe, Principal Engineer, Google Cloud"); a part that is neither
    a name nor an organisation is dropped."""
    speakers: list[Speaker] = []
    if "@" in text:
        text = HANDLE_PAREN.sub("", text)  # "Matt Moore (@mattomata), Google": the handle is neither
    described = False  # a job title or organisation followed the last name: single words now describe it
    for part in _split_parts(text):
        m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", part)
        last = speakers[-1] if speakers else None
        if last is not None and part.strip()[:1] in _QUOTES:
            continue  # 'Jane Roe, CTO, “Title”': the talk's quoted title, nobody's organisation
        if last is not None and _is_role(part):
            described = True  # "Principal Engineer": a job title, no person
            continue
        head = m.group(1) if m and m.group(1) else part
        if described and last is not None and last.org is None and len(part) <= 40:
            speakers[-1] = Speaker(last.name, part)  # the organisation after a job title
        elif last is None or is_person(head) or is_person(head, 1) and not described and (
                " " not in last.name or last.org is not None) and (last.name.isascii() or not head.isascii()):
            # ("吴晟，Tetrate": one Latin word after a CJK name is where they work, no second surname)
            # (the first part is a speaker whatever its shape: the line said so)
            org = m.group(2).strip() or None if m and m.group(1) else None
            speakers.append(Speaker(clean_name(head) or head, org))
            described = False
        elif last is not None and last.org is None and len(part) <= 40:
            speakers[-1] = Speaker(last.name, part)
            described = True
    return speakers


def names_a_speaker(flat: FlatInline) -> bool:
    for line in flat.text.split("\n")[:4]:
        m = META_LINE.match(line.strip())
        if m and m.group(1).lower().startswith(_SPEAKER_KEYS) and m.group(2).strip():
            return True
    return False



# Markdown of a raw line: "[text](url)" / "[text][ref]" to its text, bare URLs, @handles, :emoji: codes.
_MD_LINK = pattern(r"!?\[([^\]\n]{0,300})\](?:\([^()\s]{0,600}(?:\s+\"[^\"\n]{0,200}\")?\)|\[[^\]\n]{0,100}\])")


_URL = pattern(r"<?https?://[^\s>]{1,600}>?")


_HANDLE = pattern(r"(?<![\w.@])@[\w.-]{2,40}")


_SHORTCODE = pattern(r":[a-z0-9_+-]{2,30}:")


_LIST_MARK = pattern(r"(?:>\s*)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?")


_HEADING_MARK = pattern(r"#{1,6}(?:\s+|$)")


_EMPHASIS_EDGE = pattern(r"(?<![\w*])[*_]+|[*_]+(?![\w*])")


# "by Name", "-- by Name", "moderated by Name", "Impartido por Name", "Con A, B y C", "With A and B".
_BY_LINE = pattern(r"(?:[-–—~]+\s*)?(?:(?:presented|moderated|hosted|given|led|chaired|impartido|impartida|presentado"
                      r"|presentada|présenté|présentée|animé|animée|gehalten|vorgetragen|moderiert)\s+)?"
                      r"(?:by|von|par|por|door)\s+(.+)$|(?:with|con|com|mit|avec)\s+(.+)$", re.IGNORECASE)


_AS_LINE = pattern(r"(\S.{1,48}?)\s+as\s+(\S.*)$")


_DASH = pattern(r"\s+[-–—|]\s+")
_EMPTY_PARENS = pattern(r"\s*\(\s*\)")
_IAL = pattern(r"\{:[^{}\n]{0,200}\}")


def _plain(raw: str) -> tuple[str, bool]:
    """A raw markdown line as text, and whether its form marks it out: a heading, emphasis around all of
    it ("_Jane Doe_", "**Jane Doe (Org)**") or an @handle beside the name."""
    s = raw.strip().replace("（", " (").replace("）", ")").replace("：", ": ")
    heading = bool(_HEADING_MARK.match(s))
    if heading:
        s = _HEADING_MARK.sub("", s, count=1).rstrip("# ")
    s = _LIST_MARK.sub("", s, count=1)
    s = _MD_LINK.sub(lambda m: m.group(1), s)
    if "{:" in s:
        s = _IAL.sub("", s)  # kramdown's '[Name](url){:rel="nofollow"}': the link's attributes, no text
    handle = bool(_HANDLE.search(s))
    s = _EMPTY_PARENS.sub("", _SHORTCODE.sub("", _HANDLE.sub("", _URL.sub("", s)))).strip()  # ("Jane Roe (@jroe)")
    i = 0
    while i < len(s) and not (s[i].isalnum() or s[i] in "*_\"“'(["):
        i += 1  # a leading emoji or dash
    s = s[i:].strip()
    emphasised = len(s) > 2 and s[0] in "*_" and s.rstrip(" .,")[-1:] in ("*", "_")
    s = _EMPHASIS_EDGE.sub("", s)
    return " ".join(s.split()).strip(" ,;"), heading or emphasised or handle


def _first_is_person(text: str) -> bool:
    parts = _split_parts(text)
    if not parts:
        return False
    head = re.sub(r"\s*\([^()]*\)\s*$", "", parts[0])
    return is_person(head)


# A line that ends as a sentence does: a lowercase word, then a full stop ("Mehr Notizen.", not "Bob Roe Jr.").
_SENTENCE_END = pattern(r"[a-zà-ÿ]{3}\.$")


def _name_line(text: str, marked: bool) -> list[Speaker] | None:
    """"Jane Doe - Principal Engineer", "Jane Doe, CTO at Org", "Jane Doe (Org)", or (marked by a heading,
    emphasis or a handle) a bare "Jane Doe"."""
    if not text or len(text) > 160:
        return None
    dash = _DASH.search(text)
    if dash and is_person(text[:dash.start()]) and (marked or _is_role(text[dash.end():])):
        return [Speaker(clean_name(text[:dash.start()]), None)]
    slash = text.find(" / ")
    if 0 < slash <= 50 and is_person(text[:slash]) and _is_role(text[slash + 3:]):
        return [Speaker(clean_name(text[:slash]), None)]  # "Jane Roe / Scientist, Acme"
    if not _first_is_person(text):
        return None
    parts = _split_parts(text)
    described = len(parts) > 1 and any(_is_role(p) for p in parts[1:]) or text.endswith(")")
    bare = text[:1].isupper() and is_person(text) and len(text.split()) <= 3 and not _SENTENCE_END.search(text)
    if not (marked or described or bare):
        return None  # (a bare "Jane Doe" alone on its line is a name too; "Mehr Notizen." is a sentence)
    return parse_speakers(text) or None


def _labelled(text: str) -> tuple[bool, str]:
    m = _LABEL_LINE.match(text)
    return (True, m.group(1).strip()) if m else (False, "")


_HTML_BR = pattern(r"<br\s*/?>", re.IGNORECASE)
_BARE_LABEL = pattern(rf"^[#\s*_]*(?:{SPEAKER_LABELS})[\s*_:：]*$", re.IGNORECASE)
_BYLINE_SEP = pattern(r"\s+[·•|]\s+")
# What follows a byline's name: links, slides, a video, a date ("· [slides](url) · 12 May 2024").
_MEDIA_PART = pattern(r"\]\(|https?://|\b(?:slides?|video|recording|deck|folien|diapositivas)\b|\d", re.IGNORECASE)


def speaker_line(text: str) -> list[Speaker] | None:
    """A line, paragraph or small heading right after a talk's heading (raw markdown) -> the speakers it
    names, None when it names none: "Presenter: [Name](url), CTO at Org", "Speakers: A, B.", "by Name",
    "-- by Name", "_Name_", "**Name (Org)**", "#### Name - Job title", "Name as Role, Company",
    "Sprecher: ...", "演讲者：...". A bare label ("Speakers:") followed, in the same text, by one name per
    line ("Speakers:\\n- A, Role\\n- B") names those (join a label paragraph and the list under it)."""
    if "<" in text:
        text = _HTML_BR.sub("\n", text)  # "Name (Org)<br> date": the tag ends the line, as written
    if "（" in text:
        text = text.replace("（", " (").replace("）", ") ")  # "Name（Org）& Name（Org）": full-width parentheses
    lines = [x for x in text.split("\n") if x.strip()]
    if not lines:
        return None
    head = lines[0]
    if "·" in head or "|" in head or "•" in head:  # "By Name (Org) · [slides](url) · [video](url)": a byline
        parts = _BYLINE_SEP.split(head)
        if len(parts) > 1 and all(_MEDIA_PART.search(p) for p in parts[1:]):
            head = parts[0]
    first, marked = _plain(head)
    if _BARE_LABEL.match(first):  # "#### Sharing Guests", "**Speakers**" alone: the names follow it, if at all
        found = [s for x in lines[1:12] for s in (_item_speakers(x) or [])]
        return found or None
    is_label, value = _labelled(first)
    if is_label and not value and len(lines) > 1:
        found = [s for x in lines[1:12] for s in (_item_speakers(x) or [])]
        return found or None
    if is_label:
        return parse_speakers(value) or None
    by = _BY_LINE.match(first)
    named = by.group(1) or by.group(2) if by else None
    if named and _first_is_person(named):
        return parse_speakers(named) or None
    role = _AS_LINE.match(first)
    if role and is_person(role.group(1)):
        org = role.group(2).rsplit(",", 1)[1].strip() if "," in role.group(2) else None
        return [Speaker(clean_name(role.group(1)), org or None)]
    return _name_line(first, marked)


def speaker_label(text: str) -> bool:
    """A line that is only a speaker label ("Speakers:", "**Presenters**:"): the names follow, one per line."""
    is_label, value = _labelled(_plain(text.strip().split("\n")[0])[0])
    return is_label and not value


def _item_speakers(raw: str) -> list[Speaker] | None:
    text, _ = _plain(raw)
    if not _first_is_person(text):
        return None
    return parse_speakers(text) or None


_TITLE_LABEL = pattern(r"(?:lightning talk|talk|session|presentation|vortrag|conf[ée]rence|charla|ponencia)"
                          r"\s*(?:[:–—|]|\s-)\s*(?=\S)", re.IGNORECASE)


_TITLE_SEPS = (" - ", " – ", " — ", " | ", " -- ", " —— ", "——", " / ")  # (" / ": "Title / Jane Doe")


_BY_WORD = pattern(r"\s(?:by|von|par|por|door)\s", re.IGNORECASE)


_WITH_WORD = pattern(r"\s(?:with|mit|avec|con|com)\s", re.IGNORECASE)


_CHAT_BEFORE = pattern(r"(?:chat|conversation|interview|q&a|ama|gespr[äa]ch|entretien|talk)\s*$", re.IGNORECASE)


# Names after the title with no separator: "Title (2017 edition) Jane Doe", "Title! Jane Doe", "Title Dr. Jane Doe".
_TAIL_NAME = pattern(r"^(.*?(?:[)!?”\"]|(?=\s(?:Dr|Prof)\.\s)))\s+((?:(?:Dr|Prof)\.\s+)?\S+(?:\s+\S+){1,3})$")


def _people(text: str, single_words: bool) -> list[Speaker] | None:
    """The speakers when ``text`` is only names ("A & B", "Jane Doe (Org)", "Jane Doe, Ph.D. & Bob Roe"):
    full names, or (``single_words``) two or more surnames ("Hanselman and Toub")."""
    text = re.split(r"(?<=[a-z]{2})\.\s+(?=[A-Z])", text.strip(), maxsplit=1)[0].strip(" .")
    parts = _split_parts(text)
    if not parts or len(parts) > 8:
        return None
    names: list[str] = []
    for part in parts:
        head = re.sub(r"\s*\([^()]*\)\s*$", "", part)
        after_full = bool(names) and " " in names[-1].strip()  # ("John Doe, Google": the one word is his org)
        if is_person(head) or single_words and len(parts) > 1 and is_person(head, 1) and not after_full:
            names.append(part)
        elif not names or not (_is_role(part) or _org_part(part) or " " not in part and part[:1].isupper() or clean_name(part) == ""):
            return None  # a part that is no name, nor a name's org or degree
    found = parse_speakers(text)
    return found if found and len(found) >= len(names) else None


def _split_at(title: str, sep: str) -> tuple[str, str] | None:
    at = title.rfind(sep)
    return (title[:at].strip(), title[at + len(sep):].strip()) if at > 0 else None


def _by_dash(title: str) -> tuple[str, list[Speaker]] | None:
    """"Title - Name", "Title - A & B", "Title - Hanselman and Toub", "Name - Title"."""
    for sep in _TITLE_SEPS:
        halves = _split_at(title, sep)
        if halves is None:
            continue
        left, right = halves
        found = _people(right, True)
        first = halves if title.find(sep) == title.rfind(sep) else None
        # "A B, C D | Title": two or more names first (a title is no list of names)
        lead = _people(first[0], False) if first and _PART_SEP(first[0]) else None
        if lead and len(lead) >= 2 and first and first[1] and (not found or len(found) == 1):
            return first[1], lead
        if found and left:
            return left, found
        if first and is_person(first[0]) and first[1] and not _people(first[1], False):
            # ("Jane Roe (MIT) - Title": the parenthesis is her organisation)
            return first[1], parse_speakers(first[0])[:1] or [Speaker(clean_name(first[0]), None)]
    halves = _split_at(title, ", ")  # "A long title, Jane Doe": one full name after a title of 3+ words
    if halves and len(halves[0].split()) >= 3 and is_person(halves[1]):
        return halves[0], [Speaker(clean_name(halves[1]), None)]
    return None


def _by_word(title: str) -> tuple[str, list[Speaker]] | None:
    """"Title by Name", "“Title” von Name", "Title with A and B", "Fireside chat with Name"."""
    for m in list(_BY_WORD.finditer(title))[-3:][::-1]:  # the last few: the names are at the end
        before, after = title[:m.start()].strip(), title[m.end():m.end() + 160].strip()
        found = _people(after, False)
        if not found and _unquote(before) != before and is_person(after, 1):
            found = [Speaker(clean_name(after), None)]  # "“Title” by Glyph": one name after a quoted title
        if not found:
            found = _after_roles(after)  # "Title, by Acme Software Engineers Jane Roe and John Doe"
        if found and before:
            return before.rstrip(" ,;"), found  # ("Title, por Name": no comma left on the title)
    for m in list(_WITH_WORD.finditer(title))[-3:][::-1]:
        before = title[:m.start()].strip()
        found = _people(title[m.end():m.end() + 160], True)
        if found and before and (len(found) > 1 or _CHAT_BEFORE.search(before)):
            return before, found
    return None


def _after_roles(text: str) -> list[Speaker] | None:
    """The people a job title leads to ("Acme Developer Advocate Jane Roe", "Acme Software Engineers Jane Roe and
    John Doe"): the first part ends in a full name after role words, the others are names; None otherwise."""
    parts = [p.strip(" .") for p in _AND_SPLIT.split(text.strip()) if p.strip()]
    if not parts or len(parts) > 4 or len(text) > 160:
        return None
    words = parts[0].split()
    for n in (2, 3):  # the name: its last two or three words
        name, before = " ".join(words[-n:]), " ".join(words[:-n])
        singular = " ".join(w[:-1] if len(w) > 4 and w.endswith("s") else w for w in before.split())  # "Engineers"
        if len(words) > n and is_person(name) and _role_words(singular) and all(is_person(p) for p in parts[1:]):
            return [Speaker(clean_name(name), None)] + [Speaker(clean_name(p), None) for p in parts[1:]]
    return None


def _by_tail(title: str) -> tuple[str, list[Speaker]] | None:
    """Names after the title without a separator: "Title (2017 edition) Jane Doe", "Title A B & C D"."""
    m = _TAIL_NAME.match(title) if len(title) <= 300 else None  # (a title, not a paragraph: bounded work)
    if m and m.group(1).strip() and is_person(m.group(2)):
        return m.group(1).strip(), [Speaker(clean_name(m.group(2)), None)]
    if " & " in title:
        head, _, rest = title.partition(" & ")
        words = head.split()
        found = _people(" ".join(words[-2:]) + " & " + rest, False)
        if found and len(words) > 3:
            return " ".join(words[:-2]), found
    return None


def _unquote(title: str) -> str:
    t = title.strip()
    if len(t) > 2 and t[0] in "\"“„«'「『《" and t[-1] in "\"”“»'」』》" and t.count(t[0]) <= 2:
        return t[1:-1].strip()
    return t


def speakers_in_title(title: str) -> tuple[str, list[Speaker]]:
    """A talk heading's or bold line's text (session code and time already stripped) -> (clean title,
    speakers): "Title - Name", "Title by Name", "Name - Title (Company)", "Title (Name, Org)", "Title with
    A and B", "“Title” von Name", "Session - Title (Speaker, Company)"; no speakers -> (title, [])."""
    spaced = _SPACED_LAST.search(title) if ")" in title[-3:] or "）" in title[-3:] else None
    who = spaced.group(2) or spaced.group(3) if spaced else None
    if spaced and who and surely_person(who) and len(who.split()) <= 3:
        # "Title（Org & Role   刘小春）": who gave it last in the parentheses, set apart by spaces
        return " ".join(title[:spaced.start()].split()), [Speaker(clean_name(who), None)]
    full = " ".join(title.split())
    if max(full, default=" ") >= "\u3000":  # "Title（山田 太郎）", "《Title》- 王磊": as "Title (Name)", "《Title》 - Name"
        full = _CLOSING_DASH.sub(r"\1 \2 ", full.replace("（", " (").replace("）", ")")).replace("  ", " ").strip()
    t = _TITLE_LABEL.sub("", full, count=1) if _TITLE_LABEL.match(full) else full
    org = None
    sm = TRAILING_SPEAKER.match(t)
    if sm:
        inner = LEADING_SPEAKER_LABEL.sub("", sm.group(2))
        found = _people(inner, False) if looks_like_name(inner) or inner != sm.group(2) else None
        dashed = _by_dash(sm.group(1)) if found and len(found) == 1 and inner == sm.group(2) else None
        if dashed and len(dashed[1]) == 1 and dashed[1][0].org is None and (
                not inner.isascii() or is_person(dashed[1][0].name)):
            # ("Title - Jane Roe (American Airlines)": a full name after the dash, the parenthesis her org)
            # "Title — 李娜（阿里云）": the name after the dash, the parenthesis her organisation
            return _unquote(dashed[0]), [Speaker(dashed[1][0].name, inner.strip())]
        if found:
            return _unquote(sm.group(1)), found
        if re.fullmatch(r"[A-Z][\w.&' -]{1,40}", inner) and not is_person(inner):
            org = inner  # "Name - Title (Company)", "Title - Name (Company)"
    core = t[:sm.start(2) - 1].strip() if org and sm else t
    for rule in (_by_dash, _by_word, _by_tail):
        hit = rule(core)
        if hit:
            clean, found = hit
            if org and found[-1].org is None:
                found[-1] = Speaker(found[-1].name, org)
            return _unquote(clean), found
    return _unquote(t) if t != full else full, []


# "(Acme & Maintainer   Jane Roe)", "（趣加游戏 & Committer 刘小春）": a role set apart by spaces, or a CJK name last.
_SPACED_LAST = pattern(r"\s*[(（]([^()（）]*?\S)(?:\s{2,}([^()（）\s][^()（）]{1,40}?)|\s([\u3400-\u9fff]{2,4}))\s*[)）]\s*$")
_HEADING_PARTS = re.compile(r"\s+[-–—|]\s+|,\s+")


@lru_cache(maxsize=4096)
def person_heading(title: str) -> Speaker | None:
    """A heading that is a person and their role, no talk title ("Rachel Moreau - CEO - Helix Cloud",
    "Jane Roe, VP Engineering, Acme"): a keynote's segment, the speaker and their company (the company is
    no second speaker); None otherwise ("Jane Roe" alone, "Scaling Search - Jane Roe")."""
    parts = [p.strip() for p in _HEADING_PARTS.split(title.strip()) if p.strip()]
    if not 2 <= len(parts) <= 4 or not is_person(parts[0]) or not any(_role_words(p) for p in parts[1:]):
        return None  # ("Jane Roe - Robustness at scale": " at " alone makes no job title)
    org = parts[-1] if len(parts) > 2 and not _is_role(parts[-1]) else None
    return Speaker(clean_name(parts[0]), org)
