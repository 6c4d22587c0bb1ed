"""A search with many hits scores them a chunk at a time, best bound first (index/pruned.py: _big_file for one
word, best_bounded for more): the hits are the same as when every hit is scored. Compared here with every file taking the chunked
path (BIG_FILE_HITS 0) and none (a bound no file reaches), on a generated file whose words are on thousands
of lines (links and bullets on one line, soft-wrapped bullets, days) beside the bundled notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinvent_cli.index import pruned
from reinvent_cli.notes.load import load
from conftest import BUNDLED


def _write(path: Path, bullets: int) -> None:
    words = ["cache", "lambda", "queue", "stream", "table"]
    lines = ["# Big notes", ""]
    for i in range(bullets):
        if i % 2000 == 0:
            lines += ["", f"# Day {i // 2000 + 1}", ""]
        if i % 300 == 0:
            lines += ["", f"## ARC{300 + i // 300} - The {words[i // 300 % 5]} service talk", ""]
        if i % 23 == 0:  # two links of one line, alike: the first is the line's hit
            lines.append(f"* [service docs](https://example.com/a) or [service page](https://example.com/b) {i}")
        elif i % 7 == 0:
            lines.append(f"* See [service docs {i}](https://example.com/service/{i}) about redis{i % 13}")
        elif i % 11 == 0:
            lines += [f"* Bullet {i} wraps its words", f"  onto a second line: the service of {words[i % 5]}"]
        elif i % 17 == 0:
            lines += [f"* Parent bullet {i} about the service", f"    * child {words[i % 5]} detail"]
        else:
            lines.append(f"* Bullet {i}: the service keeps {words[i % 5]} data in redis{i % 13} ok")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    import os

    folder = tmp_path_factory.mktemp("big")
    _write(folder / "big.md", 6000)
    (folder / "reinvent-2015.md").write_bytes(BUNDLED.read_bytes())
    old = os.environ.get("REINVENT_CACHE_DIR")
    os.environ["REINVENT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    try:
        yield load([str(folder / "big.md"), str(folder / "reinvent-2015.md")], set(), use_cache=True, progress=False)
    finally:
        if old is None:
            os.environ.pop("REINVENT_CACHE_DIR", None)
        else:
            os.environ["REINVENT_CACHE_DIR"] = old


def _hits(notes, monkeypatch, bound: int, query: str, **kw):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pruned, "BIG_FILE_HITS", bound)
    monkeypatch.setattr(pruned, "_first_chunk", lambda limit: 1)  # chunks of 1, 2, 4, ...: many boundaries
    return [(h.entry.file, h.entry.line, h.entry.kind, h.entry.text, h.score, h.line, h.spans)
            for h in notes.search(query, **kw)]


@pytest.mark.parametrize("query", ["service", "page", "redis3", "cache", "docs", "wraps", "second", "elasticache", "talk",
                                   "servce", "lambda", "service redis7", "cache data", '"service docs"',
                                   "service docs example", "lambda pricing", "bullet wraps words", "keeps redis"])
@pytest.mark.parametrize("limit", [1, 3, 10, 60])
def test_chunked_hits_are_the_same(notes, monkeypatch, query, limit) -> None:  # type: ignore[no-untyped-def]
    want = _hits(notes, monkeypatch, 10**9, query, limit=limit)
    assert _hits(notes, monkeypatch, 0, query, limit=limit) == want
    if query in ("service", "cache"):
        assert len(want) == limit


@pytest.mark.parametrize("kw", [{"kinds": ["link"]}, {"kinds": ["bullet", "talk"]}, {"day": 2}, {"day": 3},
                                {"day": 2, "kinds": ["link"]}, {"min_score": 70}])
def test_chunked_hits_with_filters_are_the_same(notes, monkeypatch, kw) -> None:  # type: ignore[no-untyped-def]
    for query in ("service", "redis5", "data", "service redis5", "docs page"):
        want = _hits(notes, monkeypatch, 10**9, query, limit=12, **kw)
        assert _hits(notes, monkeypatch, 0, query, limit=12, **kw) == want


def test_a_word_on_every_line_scores_few_rows(notes, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from reinvent_cli.index.stored_index import StoreIndex

    monkeypatch.setattr(pruned, "BIG_FILE_HITS", 4096)
    monkeypatch.setattr(pruned, "_first_chunk", lambda limit: max(4 * limit, 256))
    read: list[int] = []
    rows = StoreIndex.rows

    def counted(self, ids):  # type: ignore[no-untyped-def]
        read.append(len(ids))
        return rows(self, ids)

    monkeypatch.setattr(StoreIndex, "rows", counted)
    assert len(notes.search("service", limit=10)) == 10
    assert sum(read) < 2000  # of ~6,000 hits in the big file
