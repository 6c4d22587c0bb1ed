"""Schedule tables: a markdown table whose header names time/title/speaker columns is a schedule, each row a talk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reinvent_cli.lexicon import PROFILE_HOSTS, TABLE_SPEAKER_WORDS, TABLE_TIME_WORDS, TABLE_TITLE_WORDS
from reinvent_cli.model import Speaker
from reinvent_cli.read.md_tables import rows
from reinvent_cli.recognise.talk.evidence import group_word, not_talk
from reinvent_cli.recognise.talk.list_talks import people_named
from reinvent_cli.recognise.talk.names import clean_name, surely_person
from reinvent_cli.recognise.talk.reasons import Evidence
from reinvent_cli.recognise.talk.roles import Role, RoleKind
from reinvent_cli.recognise.talk.speakers import parse_speakers
from reinvent_cli.recognise.talk.talks import has_talk_label
from reinvent_cli.recognise.text.inline import FlatInline, FlatLink, flat_of, one_line, url_host
from reinvent_cli.recognise.text.patterns import CLOCK_CELL as _CLOCK
from reinvent_cli.recognise.text.patterns import TIME_CELL as _TIME_CELL  # ("9:00", "10:00 - 10:25 (25分)", "14h30")
from reinvent_cli.recognise.text.patterns import pattern

_AND_SPLIT = pattern(r"\s+and\s+")  # (people_named joins the people it finds with " and ")


@dataclass
class Columns:
    """Which column holds a schedule's titles, speakers and times (-1: none)."""

    title: int = -1
    speaker: int = -1
    time: int = -1

    def schedule(self) -> bool:
        """A title column and a speaker or time column: the rows are talks."""
        return self.title >= 0 and (self.speaker >= 0 or self.time >= 0)


def _word(text: str) -> str:
    return text.strip(" *_:`").lower().rstrip("s") if text.isascii() else text.strip(" *_:`").lower()


_TIMES = frozenset(map(_word, TABLE_TIME_WORDS))
_TITLES = frozenset(map(_word, TABLE_TITLE_WORDS))
_SPEAKERS = frozenset(map(_word, TABLE_SPEAKER_WORDS))


def columns(header: list[str]) -> Columns:
    """The schedule columns a header names ("Time", "Talk", "Speaker(s)", "Zeit", "Titel", "登壇者")."""
    found = Columns()
    for n, cell in enumerate(header):
        words = cell.replace("/", " ").replace("(", " ").replace(")", " ").split()
        keys = {_word(w) for w in words[:3]}
        glued = cell.strip() if not cell.isascii() and len(cell.strip()) <= 12 else ""  # "開始時刻", "トラックタイトル"
        if found.time < 0 and (keys & _TIMES or glued and _ends_with(glued, _TIMES)):
            found.time = n
        elif found.speaker < 0 and (keys & _SPEAKERS or glued and _ends_with(glued, _SPEAKERS)):
            found.speaker = n
        elif found.title < 0 and (keys & _TITLES or glued and _ends_with(glued, _TITLES)):
            found.title = n
    return found


def by_content(cols: Columns, body: list[list[str]]) -> Columns:
    """The columns the header did not name, read from the rows themselves (a header in a language the lexicon
    lacks, "| Time | Event |", "| 시간 | 세션 | 연사 |"): times down a column (most of its cells, three rows or more);
    people down another (most of its cells name people); the title column the one left with the most words in it.
    Read so, a schedule needs a time column and a title column (people alone: "| San Francisco | United States |")."""
    if cols.title >= 0 and cols.time >= 0 and cols.speaker >= 0 or len(body) < 3:
        return cols
    width = max(len(r) for r in body)
    down = [[r[n].strip() for r in body if n < len(r) and r[n].strip()] for n in range(width)]
    taken = {cols.time, cols.speaker, cols.title}
    out = Columns(cols.title, cols.speaker, cols.time)
    if out.time < 0:
        out.time = next((n for n, cells in enumerate(down) if n not in taken and len(cells) >= 3
                         and 3 * sum(1 for c in cells if _CLOCK.match(c)) >= 2 * len(cells)), -1)
        taken.add(out.time)
    if out.speaker < 0:
        out.speaker = next((n for n, cells in enumerate(down) if n not in taken and len(cells) >= 2
                            and 2 * sum(1 for c in cells if people_named(c)) > len(cells)), -1)
        taken.add(out.speaker)
    if out.title < 0:
        texts = [(sum(len(c) for c in cells) / len(cells), n) for n, cells in enumerate(down)
                 if n not in taken and cells and 3 * sum(1 for c in cells if _worded(c)) >= 2 * len(cells)]
        out.title = max(texts)[1] if texts else -1
    return out if out.title >= 0 and out.time >= 0 else cols  # (names alone: "| San Francisco | United States |")


def _worded(cell: str) -> bool:
    """A cell that reads as words, not a number, a time, a mark or a code ("Opening remarks", "基于 eBPF 的性能剖析")."""
    letters = sum(1 for c in cell if c.isalpha())
    return letters >= 4 and not _TIME_CELL.match(cell)


def _ends_with(cell: str, words: frozenset[str]) -> bool:
    """A CJK header cell that ends in one of the words ("開始時刻": a start 時刻), the word not the whole of a longer one."""
    return any(cell.endswith(w) for w in words if not w.isascii())


def cell_texts(row: dict[str, Any]) -> list[str]:
    """A row's cells as one-line text."""
    return [one_line(flat_of(c).text) for c in row.get("children") or []]


def row_talk(cells: list[str], cols: Columns) -> str | None:
    """A row's talk as "09:00 Title" (its speakers: row_speakers), or None (a break, a group, an empty title)."""
    title = cells[cols.title].strip() if cols.title < len(cells) else ""
    words = title.split()
    if len(words) > 2 and all(len(w) == 1 for w in words):
        title = "".join(words)  # "B R E A K"
    if not title or not any(c.isalpha() for c in title) or not_talk(title) or group_word(title):
        return None
    speaker = cells[cols.speaker].strip() if 0 <= cols.speaker < len(cells) else ""
    if not speaker and _word(title) in _TITLES:
        return None  # "| 10:00 | Session |": a slot, no talk
    short = len(title.split()) <= 2 if title.isascii() else len(title.replace(" ", "")) <= 6  # (CJK: no spaces)
    if cols.speaker >= 0 and not speaker and short and not has_talk_label(title):
        return None  # "| 20:20 | Apéro | |": a short title nobody gives is a break or a social event
    time = cells[cols.time].strip() if 0 <= cols.time < len(cells) else ""
    return f"{time} {title}" if time and len(time) <= 20 else title


def row_speakers(cells: list[str], cols: Columns) -> list[Speaker]:
    """The people a row's speaker cell names, each with the organisation written beside them ("Elena Rossi
    (CNCF)", "Ana García, Tom Lee", "张伟，某科技"); nobody for "Various", "Organising committee", "-"."""
    cell = cells[cols.speaker].strip() if 0 <= cols.speaker < len(cells) else ""
    if not cell or cell in "-–—":
        return []
    return [s for s in parse_speakers(cell) if people_named(s.name)]


def table_talks(tok: dict[str, Any], level: int) -> list[Role]:
    """The talks of a schedule table: by the columns its header names, else (a programme grid: times down the
    first column, a track in each other) the cells that give a title over who gave it."""
    found = rows(tok)
    if len(found) < 2:
        return []
    header = cell_texts(found[0])
    cols = columns(header)
    body = found[1:]
    if not cols.schedule():
        grid = grid_talks(found, level)
        if grid:
            return grid
        table = [header, *(cell_texts(r) for r in body)]
        headless = bool(table[0]) and _CLOCK.match(table[0][0]) is not None  # (an HTML table: its first row is data)
        body = found if headless else body
        cols = by_content(Columns() if headless else cols, table if headless else table[1:])
        if not cols.schedule():
            return []
    talks: list[Role] = []
    for row in body:
        cells = row.get("children") or []
        texts = [_cell_text(c, n == cols.speaker) for n, c in enumerate(cells)]
        text = row_talk(texts, cols)
        if text is not None:
            at = cells[cols.title].get("line") if cols.title < len(cells) else None  # (an HTML cell: its own line)
            talks.append(Role(RoleKind.TALK, "table row", text, int(at or row["line"]), level, [Evidence.SCHEDULE_ROW.of()],
                              speakers=row_speakers(texts, cols)))
    return talks


def _cell_text(cell: dict[str, Any], who: bool) -> str:
    """A cell's text on one line; a multi-line speaker cell ("Org<br>Role<br>Jane Roe"): its line naming people."""
    text = flat_of(cell).text
    if who and "\n" in text.strip():
        named = [p for p in (people_named(one_line(x)) for x in text.split("\n")) if p]
        return named[-1] if named else ""  # (no line names a person: "Org<br>Director" names nobody)
    return one_line(text.split("\n")[0]) if not who and "\n" in text.strip() else one_line(text)




def grid_talks(found: list[dict[str, Any]], level: int) -> list[Role]:
    """A programme grid (its first column times in most rows): each other cell whose first line is a title and a
    later line names who gave it (people, or their profile link) is a talk at its line ("Python<br><i>Jane
    Roe</i>"); where a row's cells share one line (a pipe table), only a row with one such cell."""
    body = found[1:]
    firsts = [one_line(flat_of(r["children"][0]).text) for r in body if r.get("children")]
    if len(firsts) < 2 or 2 * sum(1 for f in firsts if _TIME_CELL.match(f)) < len(firsts):
        return []
    talks: list[Role] = []
    seen: set[str] = set()
    for row in body:
        cells = (row.get("children") or [])[1:]
        time = one_line(flat_of(row["children"][0]).text) if row.get("children") else ""
        found_here = [r for r in (_grid_cell(c, time, int(row["line"]), level) for c in cells) if r is not None]
        if len({r.line for r in found_here}) == len(found_here):
            for r in found_here:  # (a workshop's second slot, the same title by the same people: the same talk)
                key = r.title.split(" ", 1)[1] if _TIME_CELL.match(r.title) else r.title
                if key not in seen:
                    seen.add(key)
                    talks.append(r)
    return talks if len(talks) >= 2 else []


def _who(line: str) -> str | None:
    """The people a cell's line names; an unspaced CJK name only with a common family name first."""
    named = people_named(line)
    if named and " " not in named and not named.isascii() and not surely_person(named):
        return None
    return named


def _grid_cell(cell: dict[str, Any], time: str, row_line: int, level: int) -> Role | None:
    flat = flat_of(cell)
    lines = [one_line(x) for x in flat.text.split("\n") if x.strip()]
    if len(lines) < 2 or len(lines) > 8:
        return None
    title = lines[0]
    if not any(c.isalpha() for c in title) or not_talk(title) or group_word(title) or len(title) > 200:
        return None
    who = next((p for p in (_who(x) for x in lines[1:4]) if p), None)
    if who is None:
        who = next((lk.text.strip(" @") for lk in flat.links if url_host(lk.url).endswith(PROFILE_HOSTS)
                    and one_line(lk.text) in lines[1:4] and lk.text.strip(" @")), None)
    if who is None:
        return None
    clock = time if time and len(time) <= 24 else ""
    text = f"{clock} {title}" if clock and _TIME_CELL.match(clock) else title
    return Role(RoleKind.TALK, "table row", text, int(cell.get("line") or row_line), level, [Evidence.SCHEDULE_ROW.of()],
                speakers=[Speaker(clean_name(n) or n) for n in _AND_SPLIT.split(who) if n.strip()])


def table_candidates(blocks: list[dict[str, Any]], level: int) -> list[Role]:
    """The talks of the schedule tables among these blocks."""
    return [r for tok in blocks if tok.get("type") == "table" for r in table_talks(tok, level)]


def cell_lines(tok: dict[str, Any]) -> dict[int, list[int]]:
    """Each row's line -> the lines its cells start on (its own first), for a table whose cells have lines."""
    return {int(r["line"]): sorted({int(r["line"]), *(int(c.get("line") or r["line"]) for c in r.get("children") or [])})
            for r in rows(tok)}


def row_entries(tok: dict[str, Any]) -> list[tuple[int, str]]:
    """(line, text) of each row, header first: its cells joined by " | " (what a search finds)."""
    return [(line, flat.text) for line, flat in row_inlines(tok)]


def row_inlines(tok: dict[str, Any]) -> list[tuple[int, FlatInline]]:
    """(line, row) of each row with text, header first: its cells' one-line texts joined by " | ", with the
    links of its cells (a bare URL, an autolink, ``[Title](#anchor)``) at their offsets in that text."""
    found: list[tuple[int, FlatInline]] = []
    for row in rows(tok):
        parts: list[str] = []
        links: list[FlatLink] = []
        size = 0
        for cell in row.get("children") or []:
            flat = flat_of(cell)
            text = one_line(flat.text)
            if not text:
                continue
            if parts:
                size += 3  # " | "
            for lk in flat.links:
                links.append(FlatLink(lk.text, lk.url, size + _one_line_offset(flat.text, lk.offset)))
            parts.append(text)
            size += len(text)
        if parts and any(p.strip() for p in parts):
            found.append((int(row.get("line", tok.get("line", 1))), FlatInline(" | ".join(parts), links)))
    return found


def _one_line_offset(text: str, offset: int) -> int:
    """Where ``offset`` of ``text`` is in ``one_line(text)`` (runs of white space made one space)."""
    before = text[:offset]
    one = one_line(before)
    return len(one) + 1 if one and before[-1:].isspace() else len(one)
