"""Inline markdown to text: mistune inline tokens flattened to text with the links in it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from reinvent_cli.recognise.text.patterns import pattern

BARE_URL = pattern(r"https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")


@dataclass
class FlatLink:
    text: str
    url: str
    offset: int  # where its text starts in the flattened text


@dataclass
class FlatInline:
    text: str  # flattened, "\n" kept between source lines
    links: list[FlatLink] = field(default_factory=list)


_PLAIN_INLINE = frozenset(("text", "softbreak", "linebreak"))


def flatten(children: list[dict[str, Any]] | None) -> FlatInline:
    """Inline tokens to text (one "\n" per source line break) and the links in it."""
    if children:
        if len(children) == 1:
            one = children[0]
            if one.get("type") == "text":  # most lines: one plain text token
                return FlatInline(one.get("raw", "\n"), [])
        for child in children:
            if child.get("type") not in _PLAIN_INLINE:
                break
        else:  # plain text lines
            return FlatInline("".join([child.get("raw", "\n") for child in children]), [])
    buf: list[str] = []
    size = 0
    links: list[FlatLink] = []
    # Iterative, so inline nesting depth never costs recursion. Frame: (tokens, link, offset, buf index)
    stack: list[tuple[Iterator[dict[str, Any]], dict[str, Any] | None, int, int]] = [
        (iter(children or []), None, 0, 0)
    ]
    while stack:
        it, link, start, idx = stack[-1]
        tok: dict[str, Any] | None = next(it, None)
        if tok is None:
            stack.pop()
            if link is not None:
                url = str((link.get("attrs") or {}).get("url", ""))
                links.append(FlatLink("".join(buf[idx:]), url, start))
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
    return FlatInline("".join(buf), links)


def flat_of(tok: dict[str, Any]) -> FlatInline:
    """A block token's inline children flattened, once per parse: kept on the token under "_flat", shared by
    the reading pass, the walk and the announcements (none of them changes it)."""
    flat: FlatInline | None = tok.get("_flat")
    if flat is None:
        flat = tok["_flat"] = flatten(tok.get("children"))
    return flat


# A list item as the walk and the announcement pass read it: its blocks (no blank lines), its first block if
# that is text (else None), that block's flattened inline text, and that text without line breaks at its ends.
ListItem = tuple[list[dict[str, Any]], dict[str, Any] | None, FlatInline | None, str]


def list_items(tok: dict[str, Any]) -> list[ListItem]:
    """A list token's items, read once per parse: kept on the token under "_items" (as ``flat_of`` keeps a
    block's text), shared by the walk and the announcement pass (neither changes them)."""
    read: list[ListItem] | None = tok.get("_items")
    if read is not None:
        return read
    read = tok["_items"] = []
    for item in tok.get("children") or ():  # (one loop, no call per item: lists hold most of a file's blocks)
        children = item.get("children") or []
        if len(children) != 1:  # (most items are one block: their text)
            children = [c for c in children if c.get("type") != "blank_line"]
            if not children:
                read.append((children, None, None, ""))
                continue
        head = children[0]
        kind = head.get("type")
        if kind != "block_text" and kind != "paragraph":
            read.append(([] if kind == "blank_line" and len(children) == 1 else children, None, None, ""))
            continue
        flat = head.get("_flat")
        if flat is None:
            flat = head["_flat"] = flatten(head.get("children"))
        read.append((children, head, flat, flat.text.strip("\n")))
    return read


_TAG = pattern(r"<!--|-->|<[^<>]*>")


def words_of_html(raw: str) -> str:
    """The words of a block of HTML: tags and comment marks dropped, line breaks kept (lines stay lines)."""
    return _TAG.sub(lambda m: "\n" * m.group(0).count("\n") or " ", raw)


def one_line(text: str) -> str:
    return " ".join(text.split())


def trim_decor(s: str) -> str:
    """``s`` without leading and trailing characters that are not letters or digits (emoji, punctuation).
    (A loop, not a regex: ``[\\W_]+$`` backtracks quadratically over a long run of punctuation.)"""
    i, j = 0, len(s)
    while i < j and not s[i].isalnum():
        i += 1
    while j > i and not s[j - 1].isalnum():
        j -= 1
    return s[i:j]


def only_a_link(flat: FlatInline) -> bool:
    """Text that is one link and nothing else but punctuation or an emoji ("🎥 <url>", "[Slides](url)")."""
    if len(flat.links) != 1:
        return False
    lk = flat.links[0]
    rest = flat.text[:lk.offset] + flat.text[lk.offset + len(lk.text):]
    return not trim_decor(rest)


def url_host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower()
