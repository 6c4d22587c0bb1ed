"""Schedule tables: a markdown table whose header names time/title/speaker columns is a schedule, each row a talk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reinvent_cli.lexicon import TABLE_SPEAKER_WORDS, TABLE_TIME_WORDS, TABLE_TITLE_WORDS
from reinvent_cli.read.md_tables import rows
from reinvent_cli.recognise.talk.evidence import group_word, not_talk
from reinvent_cli.recognise.talk.names import is_person
from reinvent_cli.recognise.talk.roles import Role
from reinvent_cli.recognise.talk.talks import has_talk_label
from reinvent_cli.recognise.text.inline import FlatInline, FlatLink, flat_of, one_line
from reinvent_cli.recognise.text.patterns import pattern


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
        if found.time < 0 and keys & _TIMES:
            found.time = n
        elif found.speaker < 0 and keys & _SPEAKERS:
            found.speaker = n
        elif found.title < 0 and keys & _TITLES:
            found.title = n
    return found


def cell_texts(row: dict[str, Any]) -> list[str]:
    """A row's cells as one-line text."""
    return [one_line(flat_of(c).text) for c in row.get("children") or []]


def row_talk(cells: list[str], cols: Columns) -> str | None:
    """A row's talk as "09:00 Title by Speaker" (what a list item's talk reads), or None (a break, a group,
    an empty title)."""
    title = cells[cols.title].strip() if cols.title < len(cells) else ""
    if not title or not any(c.isalpha() for c in title) or not_talk(title) or group_word(title):
        return None
    speaker = cells[cols.speaker].strip() if 0 <= cols.speaker < len(cells) else ""
    if cols.speaker >= 0 and not speaker and len(title.split()) <= 2 and not has_talk_label(title):
        return None  # "| 20:20 | Apéro | |": a short title nobody gives is a break or a social event
    time = cells[cols.time].strip() if 0 <= cols.time < len(cells) else ""
    text = f"{time} {title}" if time and len(time) <= 20 else title
    return f"{text} by {_and(speaker)}" if speaker and speaker not in "-–—" else text


def _and(speakers: str) -> str:
    """"Ana García, Tom Lee" / "佐藤 花子、鈴木 一郎" as "A and B" (one person's "Name, Role" stays as it is)."""
    parts = [p.strip() for p in _SEPARATORS.split(speakers) if p.strip()]
    if len(parts) > 1 and all(is_person(p) for p in parts):
        return " and ".join(parts)
    return speakers


_SEPARATORS = pattern(r"[,;、/&]")


def table_talks(tok: dict[str, Any], level: int) -> list[Role]:
    """The talks of a schedule table (none if its header names no schedule columns)."""
    found = rows(tok)
    if len(found) < 2:
        return []
    cols = columns(cell_texts(found[0]))
    if not cols.schedule():
        return []
    talks: list[Role] = []
    for row in found[1:]:
        text = row_talk(cell_texts(row), cols)
        if text is not None:
            talks.append(Role("talk", "table row", text, int(row["line"]), level, ["a row of a schedule table"]))
    return talks


def table_candidates(blocks: list[dict[str, Any]], level: int) -> list[Role]:
    """The talks of the schedule tables among these blocks."""
    return [r for tok in blocks if tok.get("type") == "table" for r in table_talks(tok, level)]


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
