"""Links inside table cells (issue 16): bare URLs, autolinks and ``[Title](#anchor)`` in a cell are links of the
notes, for `links`, search and `talk`; checked against markdown-it-py + linkify on every fixture and devnote."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED

TABLES = FIXTURES / "recognise" / "tables" / "links.md"
DEVNOTES = SHARED / "devnotes"


def _parse(path: Path):
    from reinvent_cli.notes.load import parse_file

    return parse_file(path, path.name)


def test_every_link_of_a_table_cell_is_a_link():
    links = [(lk.line, lk.url, lk.text, lk.talk) for lk in _parse(TABLES).links]
    assert links[:10] == [
        (5, "https://harbourdev.example.org/2024/schedule", "https://harbourdev.example.org/2024/schedule", None),
        (6, "https://drive.example.com/folders/hdd24", "https://drive.example.com/folders/hdd24", None),
        (6, "https://speakerdeck.com/harbourdev", "https://speakerdeck.com/harbourdev", None),
        (7, "https://www.youtube.com/playlist?list=PLhdd24", "https://www.youtube.com/playlist?list=PLhdd24", None),
        (8, "https://github.com/harbourdev/demos", "demos", None),  # (line 9's URL is code, not a link)
        (15, "#opening-keynote", "Opening keynote", links[5][3]),
        (16, "#queues-without-tears", "Queues without tears", links[6][3]),
        (16, "https://slides.example.net/queues", "slides", links[6][3]),
        (17, "#wasm-on-the-edge", "Wasm on the edge", links[8][3]),
        (19, "https://typesql.example.dev/", "Type-safe SQL", links[9][3]),
    ]
    # a schedule's row is its talk: the links in it are that talk's
    assert [t for *_, t in links[5:10]] and all(t and t.startswith(x) for (*_, t), x in zip(
        links[5:10], ["Opening keynote", "Queues without tears", "Queues without tears", "Wasm on the edge", "Type-safe"]))
    assert [(line, url) for line, url, *_ in links[10:]] == [
        (24, "https://harbourdev.example.org/history"), (29, "https://github.com/kofi/queues-demo"),
        (33, "https://microservices.example.io/patterns/outbox"), (34, "https://microservices.example.io/patterns/saga"),
        (38, "https://wasm.example.org/bench")]
    assert [lk.context for lk in _parse(TABLES).links if lk.line == 6][0] == (
        "Slides | https://drive.example.com/folders/hdd24 and https://speakerdeck.com/harbourdev")  # its row


def test_a_rows_links_sit_at_their_text():
    from reinvent_cli.read.mdast import parse_tokens
    from reinvent_cli.recognise.talk.tables import row_inlines

    table = "| a |  b   c  | d |\n|---|---|---|\n|  x  | see   [the  docs](#docs) | **[y](https://y.example/)** |\n"
    (_, head), (_, row) = row_inlines(next(t for t in parse_tokens(table) if t["type"] == "table"))
    assert head.text == "a | b c | d" and not head.links
    assert row.text == "x | see the docs | y"
    shown = [" ".join(lk.text.split()) for lk in row.links]
    assert [(row.text[lk.offset:lk.offset + len(t)], lk.url) for lk, t in zip(row.links, shown)] == [
        ("the docs", "#docs"), ("y", "https://y.example/")]


def test_links_search_and_talk_see_table_links(run):
    r = run("--notes", TABLES, "links", "--json")
    assert r.exit_code == 0 and len(r.json) == 15
    assert [x["url"] for x in run("--notes", TABLES, "links", "--domain", "speakerdeck.com", "--json").json] == [
        "https://speakerdeck.com/harbourdev"]
    hit = run("--notes", TABLES, "search", "speakerdeck", "--kind", "link", "--json").json[0]
    assert (hit["line"], hit["url"]) == (6, "https://speakerdeck.com/harbourdev")
    talks = {t["line"]: t for t in run("--notes", TABLES, "talks", "--json").json}
    assert talks[16]["slides"] == "https://slides.example.net/queues"  # its row's "([slides](...))"


# --- against markdown-it-py + linkify ---------------------------------------------------------------


def _markdown_it_links(text: str) -> tuple[Counter[tuple[int, str]], Counter[str]]:
    """(the links in table cells by (row line, URL), every link by URL) as markdown-it-py with linkify finds
    them; linkify's fuzzy links (a bare "example.com", an e-mail address) left out: notes' links have a scheme."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "linkify"])
    cells: Counter[tuple[int, str]] = Counter()
    every: Counter[str] = Counter()
    line, in_cell = 0, False
    for tok in md.parse(text):
        if tok.map:
            line = tok.map[0] + 1
        if tok.type in ("td_open", "th_open", "td_close", "th_close"):
            in_cell = tok.type.endswith("_open")
        for k, child in enumerate(tok.children or []):
            if child.type != "link_open":
                continue
            shown = tok.children[k + 1].content if k + 1 < len(tok.children) else ""
            if child.markup == "linkify" and not shown.startswith(("http://", "https://")):
                continue
            url = str(child.attrs.get("href", ""))
            every[url] += 1
            if in_cell:
                cells[line, url] += 1
    return cells, every


@pytest.mark.parametrize("where", ["fixtures", "devnotes"])
def test_table_cell_links_are_markdown_its(where):
    """Per file: the links markdown-it finds in table cells are ours, on those lines, no more and no fewer; and
    as many links in the whole file as it finds, or more."""
    from reinvent_cli.errors import InputError
    from reinvent_cli.read.source import read_source

    if where == "devnotes" and not DEVNOTES.is_dir():
        pytest.skip(f"{DEVNOTES} is not beside this checkout")
    root = FIXTURES if where == "fixtures" else DEVNOTES
    checked = in_cells = 0
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".md", ".markdown")):
        try:
            body, doc = read_source(path).body, _parse(path)
        except InputError:  # the hostile fixtures' binary files
            continue
        cells, every = _markdown_it_links(body)
        rows = {line for line, _ in cells}
        ours = Counter((lk.line, lk.url) for lk in doc.links if lk.line in rows)
        assert ours == cells, path.name
        assert len(doc.links) >= sum(every.values()), path.name  # (URLs are compared in cells: parsers escape apart)
        checked += 1
        in_cells += sum(cells.values())
    assert checked >= 20 and in_cells >= 2
