"""Property: every heading, list item and link the reference CommonMark parser finds is indexed, on
the right line, and indexing never raises.

Reference: markdown-it-py (``commonmark`` preset, linkify via linkify-it-py). Lines: a block token's
``map[0] + 1``; inline tokens carry no map, so a link's line is its block's line plus the soft/hard
breaks before it.

mistune is not 100% CommonMark, so the generator keeps to the common ground; each restriction is
noted where it is made. Any disagreement on *lines* for the same structure is a bug in the line
stamping (reinvent_cli/mdast.py), not a restriction.

Profiles: HYPOTHESIS_PROFILE=ci (200 examples, default) or =long (5000).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from markdown_it import MarkdownIt

from reinvent_cli.errors import InputError
from reinvent_cli.recognise import parse_source
from reinvent_cli.read.source import source_from_bytes

ROOT = Path(__file__).resolve().parents[2]

settings.register_profile("ci", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

_MD = MarkdownIt("commonmark", {"linkify": True}).enable("linkify")

HEADING_KINDS = ("day", "talk", "section")


# --- the reference -------------------------------------------------------------------------------


def reference(text: str) -> tuple[Counter, Counter, Counter]:
    """(heading lines, non-empty list item lines, (url, line) of links) per markdown-it."""
    headings: Counter = Counter()
    items: Counter = Counter()
    links: Counter = Counter()
    tokens = _MD.parse(text)
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            headings[tok.map[0] + 1] += 1
        elif tok.type == "list_item_open":
            # A bullet entry is the item's first paragraph, on that paragraph's line (which is the
            # marker's line unless the item opens with a bare marker: "-\n  text"). An empty item,
            # or one opening with another block, has no bullet entry.
            if tokens[i + 1].type == "paragraph_open":
                items[tokens[i + 1].map[0] + 1] += 1
        elif tok.type == "inline" and tok.map is not None:
            line = tok.map[0] + 1
            for child in tok.children or []:
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "link_open":
                    if child.markup == "linkify" and not _comparable_bare_url(tokens_text(tok.children, child), tok.content):
                        continue
                    links[(child.attrs["href"], line)] += 1
    return headings, items, links


def tokens_text(children, link_open) -> str:
    """The text of the link that ``link_open`` opens."""
    i = children.index(link_open)
    return "".join(c.content for c in children[i + 1 :][:1])


def _comparable_bare_url(url_text: str, block_text: str) -> bool:
    """Bare URLs (linkify) the two parsers can agree on.

    Restrictions (real notes, not a line-stamping matter):
    - linkify-it also links scheme-less "fuzzy" links (``Amazon.com``, ``bit.ly/x``); mistune's url
      plugin links only ``http(s)://`` URLs.
    - where a bare URL ends next to control characters (ESC sequences in hostile notes) the two
      disagree on its extent.
    """
    if not url_text.lower().startswith(("http://", "https://")):
        return False
    return not any(ord(ch) < 32 and ch not in "\n\t" for ch in block_text)


def index(text: str, crlf: bool = False):
    data = text.replace("\n", "\r\n") if crlf else text
    return parse_source(source_from_bytes(data.encode("utf-8"), "prop.md"))


def check_against_reference(text: str, crlf: bool = False) -> None:
    doc = index(text, crlf)
    headings, items, links = reference(text)
    got_headings = Counter(e.line for e in doc.entries if e.kind in HEADING_KINDS)
    got_items = Counter(e.line for e in doc.entries if e.kind == "bullet")
    got_links = Counter((lk.url, lk.line) for lk in doc.links)
    missing_h = headings - got_headings
    missing_i = items - got_items
    missing_l = links - got_links
    assert not missing_h, f"headings missing/misplaced at lines {sorted(missing_h)}; got {sorted(got_headings)}"
    assert not missing_i, f"list items missing/misplaced at lines {sorted(missing_i)}; got {sorted(got_items)}"
    assert not missing_l, f"links missing/misplaced {sorted(missing_l)}; got {sorted(got_links)}"


# --- the generator -------------------------------------------------------------------------------

# Words: plain letters. No characters with inline meaning inside words (emphasis flanking rules
# differ between the parsers, and a stray "[" or "<" would change link detection on one side).
word = st.sampled_from(["alpha", "beta", "gamma", "delta", "Day", "Talk", "DAT401", "notes", "x", "42"])
# URLs: ASCII, a dotted host, a simple path. No trailing punctuation, no "www." without a scheme
# (mistune's url plugin links only http(s)://), no characters the two percent-encode differently.
url = st.builds(lambda host, path: f"http://{host}.example/{path}",
                st.sampled_from(["a", "b-c", "docs"]), st.sampled_from(["", "p", "x/y", "q1"]))


@st.composite
def inline_piece(draw):
    kind = draw(st.sampled_from(["word", "word", "word", "link", "autolink", "bare", "code"]))
    if kind == "word":
        return draw(word)
    if kind == "link":
        return f"[{draw(word)} {draw(word)}]({draw(url)})"
    if kind == "autolink":
        return f"<{draw(url)}>"
    if kind == "bare":
        return draw(url)  # surrounded by spaces: linkify and mistune agree on where it ends
    return f"`{draw(word)}`"


@st.composite
def text_line(draw):
    # Starts with a word: a line opening with a URL or code span is fine, but a line must never
    # start like a block ("1." or "-" or "#"), which the words cannot.
    return " ".join([draw(word)] + draw(st.lists(inline_piece(), min_size=0, max_size=5)))


@st.composite
def paragraph(draw):
    return draw(st.lists(text_line(), min_size=1, max_size=3))


@st.composite
def heading(draw):
    return ["#" * draw(st.integers(1, 6)) + " " + draw(text_line())]


@st.composite
def code_block(draw):
    # Fenced only: an indented code block after a list item is a continuation in one parser's view
    # and not the other's only at edge indents; fences are unambiguous.
    body = draw(st.lists(st.sampled_from(["x = 1", "[not](http://a.example/link)", "# not a heading", "- not"]),
                         min_size=0, max_size=3))
    return ["```"] + body + ["```"]


@st.composite
def list_block(draw, depth=0):
    ordered = draw(st.booleans())
    bullet = draw(st.sampled_from(["-", "*", "+"]))
    n = draw(st.integers(1, 4))
    lines: list[str] = []
    # Tight lists only at depth > 0, loose (blank line between items) sometimes at the top: both
    # parsers agree on either. Some items open with a bare marker, their text on the next line.
    loose = depth == 0 and draw(st.booleans())
    for k in range(n):
        marker = f"{k + 1}." if ordered else bullet
        indent = " " * (len(marker) + 1)
        item = [f"{marker} {line}" if i == 0 else indent + line
                for i, line in enumerate(draw(st.lists(text_line(), min_size=1, max_size=2)))]
        if draw(st.integers(0, 5)) == 0:
            item = [marker] + [indent + x for x in item[0][len(marker) + 1 :].split("\n")] + item[1:]  # "-\n  text"
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            item += [indent + x if x else x for x in draw(list_block(depth + 1))]
        extra = draw(st.sampled_from(["", "", "", "para", "quote", "code", "heading"])) if depth == 0 else ""
        if extra:
            # A further block of the item, after a blank line, indented to the item's content (the
            # list becomes loose; both parsers agree). Only at the top level, and never followed by
            # a nested list in the same item (what a blank line then does differs).
            block = {"para": paragraph, "quote": quote_block, "code": code_block, "heading": heading}[extra]()
            item += [""] + [indent + x if x else x for x in draw(block)]
            loose = True
        if lines and loose:
            lines.append("")
        lines += item
    return lines


@st.composite
def quote_block(draw, depth=0):
    inner = draw(st.one_of(paragraph(), heading(), list_block(1))
                 if depth >= 2 else st.one_of(paragraph(), heading(), list_block(1), quote_block(depth + 1)))
    # Every line carries its ">" (no lazy continuation lines: mistune and CommonMark differ there).
    return [">" + (" " + x if x else "") for x in inner]


@st.composite
def document(draw):
    blocks = draw(st.lists(st.one_of(heading(), paragraph(), list_block(), quote_block(), code_block()),
                           min_size=1, max_size=8))
    out: list[str] = []
    for b in blocks:
        # Blocks are always separated by blank lines (1-2): what may interrupt what without one
        # (a list after a paragraph, a heading after a list item's text) is where the parsers differ.
        out += b + [""] * draw(st.integers(1, 2))
    return "\n".join(out)


@given(document(), st.booleans())
def test_index_matches_commonmark_reference(text, crlf):
    check_against_reference(text, crlf)


@given(st.text(max_size=300))
def test_indexing_arbitrary_text_never_raises(text):
    try:
        index(text)
    except InputError:
        assert "\x00" in text  # NUL: binary data, the one error allowed out


@given(st.lists(st.sampled_from(["# ", "> ", "- ", "1. ", "  ", "    ", "[", "]", "(", ")", "<", ">", "`",
                                 "*", "_", "http://a.example/", "\n", "\r\n", "\n\n", "---", "```", "x", "\\"]),
                max_size=80).map("".join))
def test_indexing_markdown_soup_never_raises(text):
    doc = index(text)
    nlines = text.replace("\r\n", "\n").count("\n") + 1
    assert all(1 <= e.line <= nlines for e in doc.entries)


# --- the same check on real files ----------------------------------------------------------------


FILES = sorted((ROOT / "tests" / "fixtures").rglob("*.md")) + [ROOT / "data" / "reinvent-2015.md"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_files_match_commonmark_reference(path):
    text = path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff").replace("\r\n", "\n")
    if text.startswith("---\n") and "\n---\n" in text[4:]:
        # Front matter: blank it (as source.py does) so markdown-it does not read it as markdown.
        end = text.index("\n---\n", 4) + 5
        text = "\n" * text[:end].count("\n") + text[end:]
    check_against_reference(text)
