"""Talks a recap tells in prose, one paragraph each: "[Jane Roe](url) gave the opening keynote:" over its embedded
recording, "John Doe talked about observability at Acme. Here are [the slides](…)". A paragraph is a talk's line
when it opens with people on stage (list_talks.presented) and it, or the embeds and links right after it (before
any paragraph of prose), show the talk's recording or slides. A recording after a further paragraph ("The event was
livestreamed:") is the event's, not this talk's; a heading that names the person already is their talk or segment."""

from __future__ import annotations

from typing import Any

from reinvent_cli.model import Speaker
from reinvent_cli.recognise.talk.evidence import block_evidence
from reinvent_cli.recognise.talk.list_talks import lead_names, presented
from reinvent_cli.recognise.talk.reasons import Evidence, has
from reinvent_cli.recognise.talk.roles import Role, RoleKind
from reinvent_cli.recognise.text.inline import flat_of, one_line

_MEDIA = (Evidence.VIDEO, Evidence.SLIDES)


def prose_candidates(blocks: list[dict[str, Any]], level: int, lines: list[str] | None = None,
                     heading: str = "") -> list[Role]:
    """The paragraphs of one part of a file (the blocks under one heading, ``heading``) that tell one talk each."""
    found: list[Role] = []
    for n, tok in enumerate(blocks):
        if tok.get("type") != "paragraph":
            continue
        children = tok.get("children") or []
        if not children or children[0].get("type") not in ("text", "link", "strong"):
            continue  # (a talk's paragraph opens with a name, linked, emphasised or not)
        text = one_line(flat_of(tok).text)
        told = presented(text[:400]) if text[:1].isupper() else None
        if told is None:
            continue
        title, who = told
        names = lead_names(who)
        if any(name in heading for name in names):
            continue  # ("#### Jane Roe from Acme" over "Jane Roe tells us about …": the heading's)
        end = n + 1
        while end < len(blocks) and end < n + 4 and _media_only(blocks[end]):
            end += 1
        if has(block_evidence(blocks[n:end], lines), *_MEDIA):
            found.append(Role(RoleKind.TALK, "plain line", title, int(tok.get("line") or 0), level,
                              [Evidence.PRESENTED.of()], speakers=[Speaker(name) for name in names]))
    return found


def _media_only(tok: dict[str, Any]) -> bool:
    """An embed, or a paragraph that is only links or images (no sentence of its own)."""
    kind = tok.get("type")
    if kind == "block_html":
        return True
    if kind != "paragraph":
        return False
    flat = flat_of(tok)
    rest = flat.text
    for lk in flat.links:
        rest = rest.replace(lk.text, "")
    return len(rest.split()) <= 3 and all(c.get("type") in _INLINE_MEDIA for c in tok.get("children") or ())


_INLINE_MEDIA = frozenset(("link", "image", "inline_html", "softbreak", "linebreak", "text"))
