"""Talks an event's programme names in labelled lines or after their speaker, without headings: "Topic: Title"
beside "Speaker: Name" or under "Name/Org/Role", and "Name，Role，Org，《Title》"; two or more alike in one part."""

from __future__ import annotations

import re
from typing import Any

from reinvent_cli.lexicon import TOPIC_LABELS
from reinvent_cli.recognise.talk.list_talks import named_by_line, quoted_tail_named
from reinvent_cli.recognise.talk.reasons import Evidence
from reinvent_cli.recognise.talk.roles import Role, RoleKind
from reinvent_cli.recognise.talk.speakers import speaker_label, speaker_line
from reinvent_cli.recognise.text.inline import flat_of, one_line
from reinvent_cli.recognise.text.patterns import pattern

_TOPICS = "|".join(re.escape(w) for w in sorted(TOPIC_LABELS, key=len, reverse=True))
# "Topic: Title", "演讲主题：Title", "**Thema**: Title" (the label alone, then the title on its line).
_TOPIC_LINE = pattern(rf"^[*_]*(?:{_TOPICS})[*_]*\s*[:：][*_]*\s*(\S.{{1,200}})$", re.IGNORECASE)


def topic_title(text: str) -> str | None:
    """The title a "Topic: Title" / "主题：Title" line names, or None."""
    m = _TOPIC_LINE.match(text.strip())
    return m.group(1).strip(" *_") if m else None


def labelled_candidates(blocks: list[dict[str, Any]], level: int) -> list[Role]:
    """Talks named by a "Topic:" line with their speaker (a "Speaker:" line beside it, or the name line right
    before it), or by "Name，Role，《Title》" lines; two or more alike in one part of the file."""
    found: list[Role] = []
    for n, tok in enumerate(blocks):
        if tok.get("type") != "paragraph":
            continue
        text = flat_of(tok).text
        if ":" not in text and "：" not in text and "《" not in text:
            continue  # (neither a labelled line nor a quoted title: most paragraphs, looked at cheaply)
        lines = [one_line(x) for x in text.split("\n") if x.strip()]
        role = _topic_talk(lines, blocks[n - 1] if n else None, tok, level) or _book_talk(lines, tok, level)
        if role is not None:
            found.append(role)
    return found if len(found) >= 2 else []


def _topic_talk(lines: list[str], prev: dict[str, Any] | None, tok: dict[str, Any], level: int) -> Role | None:
    if len(lines) > 8:
        return None
    title = next((m.group(1).strip(" *_") for m in map(_TOPIC_LINE.match, lines) if m), None)
    if not title:
        return None
    for x in lines:  # "Speaker: Jane Roe (Acme)" in the same paragraph
        if x and not _TOPIC_LINE.match(x) and not speaker_label(x):
            named = speaker_line(x) if any(c in x[:40] for c in ":：") else None
            if named:
                return Role(RoleKind.TALK, "labelled lines", f"{title} by {' and '.join(s.name for s in named)}",
                            int(tok["line"]), level, [Evidence.TOPIC_THEN_WHO.of()])
    if prev is not None and prev.get("type") == "paragraph" and _TOPIC_LINE.match(lines[0]) is not None:
        text = flat_of(prev).text
        who = named_by_line(one_line(text)) if "\n" not in text.strip() else None
        if who:
            return Role(RoleKind.TALK, "labelled lines", f"{title} by {who}", int(prev["line"]), level,
                        [Evidence.WHO_THEN_TOPIC.of()])
    return None


def _book_talk(lines: list[str], tok: dict[str, Any], level: int) -> Role | None:
    if len(lines) != 1 or not lines[0].rstrip(" .。").endswith("》"):
        return None
    named = quoted_tail_named(lines[0])
    if not named:
        return None
    return Role(RoleKind.TALK, "labelled lines", f"{named[0]} by {named[1]}", int(tok["line"]), level,
                [Evidence.WHO_THEN_QUOTED_TITLE.of()])
