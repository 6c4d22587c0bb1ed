"""Never a traceback, never lose a line: hostile bytes and pathological structure at the parse layer.

Sizes are chosen so that every test runs in well under a second or two; there is no absolute
wall-clock limit anywhere. Growth is checked by comparing the parse time of N and 4N in one run
(linear: ~4x; quadratic: ~16x; the bound is 10x).
"""

from __future__ import annotations

import dataclasses
import re
import time
from pathlib import Path

import pytest

from reinvent_cli.errors import InputError
from reinvent_cli.recognise import parse_source
from reinvent_cli.read.source import source_from_bytes

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "data" / "reinvent-2015.md"


def parse(data: bytes | str, name: str = "x.md"):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return parse_source(source_from_bytes(data, name))


def covered_lines(doc) -> set[int]:
    """Lines some entry spans: its first line plus one per line break in its text."""
    out: set[int] = set()
    for e in doc.entries:
        out.update(range(e.line, e.line + len(e.breaks) + 1))
    return out


def assert_no_line_lost(text: str, doc) -> None:
    """Every line holding a word character is inside some entry (the inputs here have no HTML,
    front matter or reference definitions, which legitimately index nothing)."""
    covered = covered_lines(doc)
    lost = [n for n, line in enumerate(text.split("\n"), 1) if re.search(r"\w", line) and n not in covered]
    assert not lost, f"lines with text but no entry: {lost[:10]} (of {len(lost)})"


# --- bytes ---------------------------------------------------------------------------------------


def test_binary_is_an_input_error():
    with pytest.raises(InputError):
        parse(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-8-sig"])
def test_a_byte_order_mark_says_the_encoding(encoding):
    """A UTF-16 file with a BOM was refused as binary (its ASCII characters have NUL bytes)."""
    text = "# Día 1\n\n## ABC101 - Zürich talk\n\n* naïve 機械学習\n"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    doc = parse(bom + text.encode(encoding))  # "utf-16": Python writes its native BOM; "utf-8-sig": UTF-8's
    assert doc.warnings == []
    assert [(e.kind, e.text, e.line) for e in doc.entries] == [
        ("day", "Día 1", 1), ("talk", "ABC101 - Zürich talk", 3), ("bullet", "naïve 機械学習", 5)]


@pytest.mark.parametrize("data", [b"\xff\xfe" + "# a\n".encode("utf-16-le") + b"\x00\x00" * 4 + b"\x89PNG",
                                  b"\xfe\xff\x00\x00\x00\x01\x02\x03", b"\xff\xfe\x00\x00\x00\x00\x00\x00"])
def test_nul_characters_behind_a_byte_order_mark_are_binary(data):
    with pytest.raises(InputError):
        parse(data)


def test_what_does_not_decode_behind_a_byte_order_mark_is_replaced_with_a_warning():
    # a lone surrogate on line 5, an odd last byte on line 9
    doc = parse(b"\xff\xfe" + "# Day 1\n\n* ok\n\n".encode("utf-16-le") + b"\x00\xd8"
                + "\n\n* after\n\n".encode("utf-16-le") + b"x")
    assert any("UTF-16-LE" in w for w in doc.warnings)
    # ("# Day 1" alone is a day in talk notes, a section in other notes: either way not what this checks)
    assert [(e.text, e.line) for e in doc.entries if e.kind not in ("day", "section")] == [
        ("ok", 3), ("\ufffd", 5), ("after", 7), ("\ufffd", 9)]


def test_latin1_is_read_with_a_warning():
    doc = parse("# Café Día 1\n\n* naïve\n".encode("latin-1"))
    assert any("not UTF-8" in w for w in doc.warnings)
    assert [e.text for e in doc.entries if e.kind == "bullet"] == ["naïve"]


@pytest.mark.parametrize(
    "data",
    [b"", b"\n", b"\r\n", b"\r", b"   \n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n", b"---", b"---\n",
     b"---\r\n", b"---\n---", b"---\n...\n", b"---\ntitle: [unclosed\n---\n# h\n", b"---\n- a\n- b\n---\n",
     b"---\n: : :\n---\n", b"---\n!!python/object:os.system x\n---\n", b"---\ntitle: x\n# no close\n"],
)
def test_degenerate_files_parse(data):
    doc = parse(data)
    for e in doc.entries:
        assert e.line >= 1


def test_front_matter_without_closing_line_keeps_every_line():
    text = "---\ntitle: x\n\n# Day 1\n\n* a bullet\n"
    doc = parse(text)
    assert doc.title is None  # not front matter: a thematic break and a paragraph
    # ("Day 1" alone is no evidence of a conference: a section; its line is what this checks)
    assert [(e.kind, e.text, e.line) for e in doc.entries if e.kind in ("day", "section", "bullet")] == [
        ("section", "Day 1", 4), ("bullet", "a bullet", 6)]
    assert_no_line_lost(text, doc)


# --- CRLF / BOM twins ----------------------------------------------------------------------------


def _variants(data: bytes) -> dict[str, bytes]:
    return {
        "crlf": data.replace(b"\n", b"\r\n"),
        "bom": b"\xef\xbb\xbf" + data,
        "bom+crlf": b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"),
        "cr": data.replace(b"\n", b"\r"),
        # the encodings a byte order mark names (Windows editors and PowerShell write UTF-16 LE with one)
        "utf-16-le": b"\xff\xfe" + data.decode("utf-8").encode("utf-16-le"),
        "utf-16-be+crlf": b"\xfe\xff" + data.replace(b"\n", b"\r\n").decode("utf-8").encode("utf-16-be"),
        "utf-32-le": b"\xff\xfe\x00\x00" + data.decode("utf-8").encode("utf-32-le"),
        "utf-32-be": b"\x00\x00\xfe\xff" + data.decode("utf-8").encode("utf-32-be"),
    }


@pytest.mark.parametrize("variant", ["crlf", "bom", "bom+crlf", "cr", "utf-16-le", "utf-16-be+crlf", "utf-32-le",
                                     "utf-32-be"])
def test_crlf_and_bom_twins_of_the_bundled_notes_are_identical(variant):
    data = BUNDLED.read_bytes()
    lf = dataclasses.asdict(parse(data, "notes.md"))
    twin = dataclasses.asdict(parse(_variants(data)[variant], "notes.md"))
    assert lf["entries"], "the bundled notes index something"
    for key in lf:
        assert twin[key] == lf[key], f"{variant}: {key} differs"


def test_crlf_twins_of_every_fixture_are_identical():
    files = sorted((ROOT / "tests" / "fixtures").rglob("*.md"))
    assert files
    for path in files:
        data = path.read_bytes().replace(b"\r\n", b"\n")  # a CRLF fixture's twins are made from its LF form
        lf = dataclasses.asdict(parse(data, "f.md"))
        for variant, twin_data in _variants(data).items():
            assert dataclasses.asdict(parse(twin_data, "f.md")) == lf, f"{path.name} {variant}"


# --- pathological structure ----------------------------------------------------------------------


def nested_list(n: int) -> str:
    return "".join("  " * i + f"- item{i}\n" for i in range(n))


def nested_ordered(n: int) -> str:
    return "".join("   " * i + f"1. item{i}\n" for i in range(n))


def nested_quotes_lines(n: int) -> str:
    return "".join(">" * i + f" q{i}\n" for i in range(1, n + 1))


PATHOLOGICAL = {
    "list nested 1500 deep": nested_list(1500),
    "ordered list nested 1000 deep": nested_ordered(1000),
    "list markers 5000 deep on one line": "- " * 5000 + "deep\n",
    "mixed list/quote 5000 deep": "> - " * 5000 + "deep\n",
    "20000 nested block quotes": ">" * 20000 + " deep\n",
    "block quotes 1000 deep, one more per line": nested_quotes_lines(1000),
    "50000 unmatched [": "[" * 50000 + "\n",
    "50000 unmatched ](": "](" * 50000 + "\n",
    "50000 [a": "[a" * 50000 + "\n",
    "20000 ![": "![" * 20000 + "\n",
    "20000 link openers": "[a](" * 20000 + "\n",
    "nested link text": "[" * 10000 + "a" + "](u)" * 10000 + "\n",
    "20000 emphasis openers": "*a **b _c __d " * 5000 + "\n",
    "20000 backticks": "`a``" * 5000 + "\n",
    "20000 <": "<a " * 20000 + "\n",
    "deep parens in a URL": "[a](" + "(" * 20000 + "\n",
    "10000 bare URLs on a line": "http://a.example/x " * 10000 + "\n",
    "10000 links on a line": "[a](http://b.example) " * 10000 + "\n",
    "10000 autolinks on a line": "<http://a.example> " * 10000 + "\n",
    "5000 emphasis-wrapped links": "**[a](http://b.example)** " * 5000 + "\n",
    "5000 reference uses": "[r]: http://r.example\n\n" + "[r] " * 5000 + "\n",
    "paragraph of 20000 lines": "word and [link](http://x.example) *em*\n" * 20000,
    "10000 headings": "# h\n\ntext\n\n" * 10000,
    "10000 talks": "# Day 1\n\n" + "## ABC101 - Talk (Jane Doe)\n\nSpeaker: Jane Doe\n\n" * 5000,
    "5000 announcements in a paragraph": "# Day 1\n\n## ABC101 - T\n\n" + "Announced [X](http://x.example) y\n" * 5000,
    "line of 200000 spaces then text": " " * 200000 + "x\n",
    "200000 spaces before a hard break": "a" + " " * 200000 + "\nb\n",
    "deep indent of 5000 lines": "".join(" " * (4 * i) + "x\n" for i in range(300)),
    "10000 unclosed fences": "```\n" * 10000,
    "10000 html openers": "<div>\n" * 10000,
    "10000 setext underlines": "a\n===\n" * 10000,
    "10000 table pipes": "|" * 10000 + "\n",
    "10000 entities": "&amp;" * 10000 + "\n",
    "10000 backslashes": "\\" * 10000 + "\n",
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_structure_parses(name):
    text = PATHOLOGICAL[name]
    doc = parse(text)
    nlines = text.count("\n") + 1
    for e in doc.entries:
        assert 1 <= e.line <= nlines
    for lk in doc.links:
        assert 1 <= lk.line <= nlines


@pytest.mark.parametrize("name", [
    "list nested 1500 deep", "ordered list nested 1000 deep", "list markers 5000 deep on one line",
    "20000 nested block quotes", "block quotes 1000 deep, one more per line", "50000 unmatched [",
    "paragraph of 20000 lines", "10000 headings", "deep indent of 5000 lines",
])
def test_pathological_structure_loses_no_line(name):
    text = PATHOLOGICAL[name]
    assert_no_line_lost(text, parse(text))


def test_deep_list_keeps_lines_past_the_nesting_limit():
    text = nested_list(200)
    doc = parse(text)
    bullets = [e for e in doc.entries if e.kind == "bullet"]
    assert bullets[0].line == 1
    assert [e.line for e in bullets] == sorted(e.line for e in bullets)
    assert "item199" in " ".join(e.text for e in bullets)  # past MAX_NESTING: text of the deepest item


def test_many_links_on_one_line_all_indexed_with_their_line():
    doc = parse("intro\n" + "[a](http://b.example/x) " * 3000 + "\n")
    assert len(doc.links) == 3000
    assert {lk.line for lk in doc.links} == {2}


# --- growth --------------------------------------------------------------------------------------


def _best_time(text: str, repeat: int = 3) -> float:
    """Best CPU time of this process (not wall time: other processes on a loaded machine made the ratio flaky)."""
    data = text.encode("utf-8")
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        parse(data)
        best = min(best, time.process_time() - start)
    return best


GROWTH = {
    # name: (generator of size n, n)
    "bundled notes repeated": (lambda n: BUNDLED.read_text(encoding="utf-8").split("\n---\n", 1)[1] * n, 6),
    "one paragraph, many links": (lambda n: "[a](http://b.example) word\n" * n, 2000),
    "one line, many bare URLs": (lambda n: "http://a.example/ " * n + "\n", 2000),
    "many talks": (lambda n: "# Day 1\n\n" + "## ABC101 - Talk\n\nSpeaker: Jo Doe\n\n" * n, 1000),
    "announcements in a paragraph": (lambda n: "## ABC101 - T\n\n" + "Announced X y\n" * n, 1000),
    "deep list (input grows with depth squared)": (lambda n: nested_list(int(n ** 0.5 * 40)), 100),
    "brackets": (lambda n: "[a" * n + "\n", 10000),
    "many undated talk headings": (lambda n: "# Conf\n\n" + "## A talk (Jo Doe)\n\nSpeaker: Jo Doe\n\n" * n, 1000),
    "an announcement of many parentheses": (lambda n: "# Day 1\n\n## T\n\nAnnounce: (" + "a, (" * n + ")" * n + "\n",
                                            5000),
    "a heading of punctuation and emoji": (lambda n: "# 📅" + "-! " * n + "Day 1\n\n## " + "(. " * n + "\n", 5000),
    "a bullet of one link among punctuation": (lambda n: "## DAT1 - T\n\n* 🎥 " + "- " * n + "https://youtu.be/x "
                                               + "- " * n + "\n", 5000),
}


@pytest.mark.parametrize("name", list(GROWTH))
def test_parse_time_grows_linearly(name):
    gen, n = GROWTH[name]
    small, big = gen(n), gen(4 * n)
    t_small = max(_best_time(small), 0.01)  # below 10 ms, timer noise dominates
    t_big = _best_time(big)
    assert t_big < 10 * t_small, f"{name}: 4x input took {t_big / t_small:.1f}x the time ({t_small:.3f}s -> {t_big:.3f}s)"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_notes_file_in_a_folder_is_searched_with_its_lines(run, tmp_path, encoding):
    folder = tmp_path / "notes"
    folder.mkdir()
    text = "# Day 1\r\n\r\n## ABC101 - Zebrafish at scale\r\n\r\n* alpha zebrafish\r\n* between\r\n"
    bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
    (folder / "windows.md").write_bytes(bom + text.encode(encoding))
    r = run("--notes", folder, "search", "zebrafish", "-C", "1", "--json")
    assert r.exit_code == 0, r.output
    assert [(h["line"], h["text"]) for h in r.json] == [(3, "ABC101 - Zebrafish at scale"), (5, "alpha zebrafish")]
    assert [c["text"] for c in r.json[1]["context"]] == ["", "* between"]  # lines 4 and 6, as decoded
    assert run("--notes", folder, "talk", "ABC101", "--json").json["title"] == "Zebrafish at scale"
