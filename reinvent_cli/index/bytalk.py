"""Talks ranked by how much of their notes match a query ("which talks mention X"), from the ranked hits."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from reinvent_cli.index.ranking import Hit, highlight_spans
from reinvent_cli.model import Entry, EntryKind, Talk

# A talk's score: its best hit's, plus this much per further matching line (up to 100).
MORE_LINES = 2


class _Span(NamedTuple):
    start: int
    end: int
    number: int  # of the talk in the list given


class TalkMatch(NamedTuple):
    """One talk and the hits inside its notes, best first."""

    talk: Talk
    score: int
    hits: list[Hit]


def talk_of(hits: Sequence[Hit], talks: Sequence[Talk]) -> dict[int, list[Hit]]:
    """The hits inside each talk's notes (by the talk's number in ``talks``): same file, between its
    heading's line and its last line."""
    spans: dict[str, list[_Span]] = {}
    for n, t in enumerate(talks):
        spans.setdefault(t.file, []).append(_Span(t.line, t.end_line, n))
    for lst in spans.values():
        lst.sort()
    out: dict[int, list[Hit]] = {}
    for h in hits:
        found = spans.get(h.entry.file)
        if not found:
            continue
        k = bisect.bisect_right(found, _Span(h.line, 1 << 62, 1 << 62)) - 1
        # talks do not overlap; the one starting last at or before the hit holds it if it ends after it
        if k >= 0 and found[k].start <= h.line <= found[k].end:
            out.setdefault(found[k].number, []).append(h)
    return out


def rank_talks(hits: Sequence[Hit], talks: Sequence[Talk]) -> list[TalkMatch]:
    """The talks with hits in their notes, those whose notes match most first: the best hit's score, plus
    MORE_LINES per further matching line; ties by file and line."""
    out = []
    for n, found in talk_of(hits, talks).items():
        best = max(h.score for h in found)
        out.append(TalkMatch(talks[n], min(100, best + MORE_LINES * (len(found) - 1)),
                             sorted(found, key=lambda h: (-h.score, h.line))))
    out.sort(key=lambda m: (-m.score, -len(m.hits), m.talk.file, m.talk.line))
    return out


def talk_hits(matches: Sequence[TalkMatch], matched: list[dict[str, float]], limit: int | None = None) -> list[Hit]:
    """The ranked talks as hits on their headings (``search --kind talk``: the talks whose notes are about
    the query, not only those whose title has its words); ``matched``: per query term, the terms of the notes
    it matched (search.match_query), which the headings' spans highlight as every other hit's do."""
    out = []
    for m in matches[:limit] if limit else matches:
        t = m.talk
        inside = [h for h in m.hits if h.kind == EntryKind.TALK and h.line == t.line]
        if inside:  # the talk's own heading matched: its entry as the search found it
            e = inside[0].entry
        else:
            path = next((h.entry.path for h in m.hits if t.heading in h.entry.path), [t.heading])
            e = Entry(EntryKind.TALK.value, t.heading, list(path[:path.index(t.heading) + 1]), t.file, t.line, t.day)
        out.append(Hit(e, m.score, t.line, highlight_spans(e.text, matched)))
    return out
