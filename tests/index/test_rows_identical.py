"""index.rows.file_rows gives, byte for byte, the rows of the reference implementation (tests/index/rows_reference.py:
file_rows as it was before it was rewritten for speed), from the same Documents: the devnotes, every fixture
that parses, the bundled notes, 100 files of the benchmark corpus and made-up Documents with what notes rarely
have (over 65,535 entries, CJK and accented text, links, announcements with details, contexts with NUL)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reinvent_cli.index.rows import file_rows
from reinvent_cli.model import Announcement, Document, Entry, EntryKind, Link
from reinvent_cli.notes.load import parse_file
from conftest import BUNDLED, FIXTURES, SHARED
from rows_reference import file_rows as reference_rows

DEVNOTES = SHARED / "devnotes"
MAKE_CORPUS = SHARED / "bench" / "make_corpus.py"


def _same(doc: Document) -> None:
    got, want = file_rows(doc), reference_rows(doc)
    for field in want._fields:
        if field == "postings":
            assert got.postings.terms == want.postings.terms, doc.file
            assert got.postings.text == want.postings.text, doc.file
            assert got.postings.recs == want.postings.recs, doc.file
        else:
            assert getattr(got, field) == getattr(want, field), (doc.file, field)


def _parsed(files: list[Path]) -> list[Document]:
    docs = []
    for f in files:
        try:
            docs.append(parse_file(f, f.name))
        except Exception:  # noqa: BLE001 - a hostile fixture that is refused has no rows
            continue
    return docs


def test_bundled_notes() -> None:
    (doc,) = _parsed([BUNDLED])
    _same(doc)


def test_fixtures() -> None:
    files = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.suffix in {".md", ".markdown", ".txt", ""})
    docs = _parsed(files)
    assert len(docs) > 40
    for doc in docs:
        _same(doc)


@pytest.mark.skipif(not DEVNOTES.is_dir(), reason="no ../shared/devnotes beside the checkout")
def test_devnotes() -> None:
    docs = _parsed(sorted(DEVNOTES.rglob("*.md")))
    assert len(docs) > 20
    for doc in docs:
        _same(doc)


@pytest.mark.skipif(not MAKE_CORPUS.is_file(), reason="no ../shared/bench beside the checkout")
def test_corpus(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(tmp_path), "--files", "100"], check=True,
                   capture_output=True)
    docs = _parsed(sorted(tmp_path.glob("*.md")))
    assert len(docs) == 100
    for doc in docs:
        _same(doc)


def _entry(kind: str, text: str, line: int, path: list[str], **kw: object) -> Entry:
    return Entry(kind, text, path, "x.md", line, **kw)  # type: ignore[arg-type]


def test_made_up_documents() -> None:
    b, link, h, ann, p = EntryKind.BULLET, EntryKind.LINK, EntryKind.SECTION, EntryKind.ANNOUNCEMENT, EntryKind.PARAGRAPH
    entries = [
        _entry(h, "Día 2 — Jérôme's ElastiCache deepDive", 1, ["Día 2 — Jérôme's ElastiCache deepDive"], day=2),
        _entry(b, "今日は機械学習の話でした AWS_Lambda x509 well-architected", 2, ["Día 2"], day=2,
               context=["Memcached:", "parent bullet"]),
        _entry(link, "slides", 3, ["Día 2"], context=["https://www.slideshare.net/aws/DAT407-deep-dive", "Memcached:"]),
        _entry(link, "bare", 4, [], context=["not a url"]),
        _entry(ann, "AWS Lambda VPC", 5, ["Día 2", "Launches"], breaks=[3, 9]),
        _entry(p, "", 6, []),
        _entry(b, "a\x00b NUL in context", 7, ["x"], context=["c\x00d", "e"]),
        _entry(b, "Ünïcödé ﬁ ligature ＦＵＬＬ", 8, ["x"], context=["http://example.com/a-b"]),
        _entry(b, "k8s " * 300, 9, ["x"]),  # over 255 terms? no: many words, one term
        _entry(b, " ".join(f"w{i}" for i in range(300)), 10, ["x"]),  # over 255 terms
    ]
    anns = [Announcement("AWS Lambda VPC", None, 2, None, None, ["VPC support", "Python 3"], "x.md", 5)]
    links = [Link("slides", "https://www.slideshare.net/aws/DAT407", "slides", ["Día 2"], "x.md", 3, 2)]
    _same(Document(file="x.md", entries=entries, announcements=anns, links=links, title="Día", tags=["a"]))
    _same(Document(file="empty.md"))
    many = [_entry(b, f"bullet {i % 977} about Redis{i % 13} and x{i}", i + 1, [f"H{i // 5000}"],
                   context=[f"lead {i // 70}"] if i % 3 else [], day=i % 4 or None) for i in range(70_000)]
    _same(Document(file="big.md", entries=many))
