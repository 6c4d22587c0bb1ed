"""The store stays small: bundled notes under 1 MB, space of forgotten files given back, typos without a table."""

import os
import sqlite3
from array import array

import pytest
from conftest import BUNDLED

TEXT = BUNDLED.read_text(encoding="utf-8")


def _load(folder, cache, monkeypatch):
    from reinvent_cli.notes.load import load

    monkeypatch.setenv("REINVENT_CACHE_DIR", str(cache))
    files = sorted(str(p) for p in folder.glob("*.md"))
    notes = load(files, set(), progress=False)
    hits = notes.search("elasticache", limit=3)
    notes._store.store.close()  # the last connection: the WAL is checkpointed into the file
    return hits


def _size(cache):
    db = cache / "index.sqlite3"
    return sum(os.path.getsize(str(db) + s) for s in ("", "-wal") if os.path.exists(str(db) + s))


def _notes(folder, n):
    folder.mkdir()
    for k in range(n):
        # each file a little different: its own code and word
        (folder / f"n{k:02}.md").write_text(TEXT.replace("DAT407", f"DAT{k:03}") + f"\n\nword{k}x{k * 7919}\n",
                                            encoding="utf-8")


def test_bundled_cache_is_under_a_megabyte(tmp_path, monkeypatch):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "reinvent-2015.md").write_text(TEXT, encoding="utf-8")
    assert _load(folder, tmp_path / "cache", monkeypatch)
    assert _size(tmp_path / "cache") <= 1_000_000


def test_no_typo_table_and_typos_still_found(tmp_path, monkeypatch):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "reinvent-2015.md").write_text(TEXT, encoding="utf-8")
    _load(folder, tmp_path / "cache", monkeypatch)
    con = sqlite3.connect(tmp_path / "cache" / "index.sqlite3")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert "typo" not in tables
    from reinvent_cli.notes.load import load

    notes = load([str(folder / "reinvent-2015.md")], set(), progress=False)
    for query, text in [("elastcache", "DAT407 - Amazon ElastiCache: Deep Dive"), ("memcahced", "Memcached"),
                        ("coursra", "Coursera")]:
        assert text in notes.search(query, limit=1)[0].entry.text


def test_exact_query_words_do_not_import_rapidfuzz(tmp_path):
    import subprocess
    import sys

    code = ("import sys\nfrom reinvent_cli.notes.load import load\n"
            f"n = load([{str(BUNDLED)!r}], set(), progress=False)\n"
            "assert n.search('elasticache redis', limit=3)\n"
            "print('rapidfuzz' in sys.modules)\n")
    env = {**os.environ, "REINVENT_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # cold, then warm
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "False"


@pytest.mark.parametrize("keep", [3, 10])
def test_cache_shrinks_when_files_are_deleted(tmp_path, monkeypatch, keep):
    folder = tmp_path / "notes"
    _notes(folder, 30)
    cache = tmp_path / "cache"
    _load(folder, cache, monkeypatch)
    full = _size(cache)
    for p in sorted(folder.glob("*.md"))[keep:]:
        p.unlink()
    hits = _load(folder, cache, monkeypatch)
    assert {os.path.basename(h.entry.file) for h in hits} <= {f"n{k:02}.md" for k in range(keep)}
    fresh = tmp_path / "fresh"
    _load(folder, fresh, monkeypatch)
    assert _size(cache) < full / 2
    assert _size(cache) <= 1.2 * _size(fresh), (_size(cache), _size(fresh), full)


@pytest.mark.parametrize("code", ["H", "I"])
def test_postings_records_read_back(code):
    from reinvent_cli.index.rows import postings_records, batch_blob, batch_records, record

    tx = {"a": [0, 2], "b": [1]}
    gx = {"b": [3], "c": [0, 1]}
    cx = {"c": [2]}
    post = postings_records(tx, gx, cx, bytes([0, 1, 2]), [5, 300, 7], code)
    assert post.terms == ["a", "b", "c"] and post.text == bytes([1, 1, 0])
    a, b, c = (record(r, code) for r in post.recs)
    assert list(a[0]) == [0, 2] and a[1] == a[2] == b"" and a[3] == bytes([0, 2, 5, 7])
    assert list(b[0]) == [1] and list(array(code, b[1])) == [3] and b[3] == bytes([1, 255])
    assert not c[0] and list(array(code, c[1])) == [0, 1] and list(array(code, c[2])) == [2] and c[3] == b""
    blob = batch_blob([14, 7], post.recs[:2])
    assert list(batch_records(blob)) == [(14, post.recs[0]), (7, post.recs[1])]


def test_forgotten_files_records_are_dropped_by_a_bigger_write(tmp_path, monkeypatch):
    from reinvent_cli.index.rows import batch_records

    folder = tmp_path / "notes"
    _notes(folder, 12)
    cache = tmp_path / "cache"
    _load(folder, cache, monkeypatch)
    (folder / "n00.md").write_text(TEXT + "\n\nedited\n", encoding="utf-8")  # one file: on the side
    _load(folder, cache, monkeypatch)
    con = sqlite3.connect(cache / "index.sqlite3")
    assert con.execute("SELECT count(*) FROM dead").fetchone()[0] == 1
    con.close()
    for p in sorted(folder.glob("*.md"))[6:]:  # many: the side table merged, the dead records dropped
        p.write_text(p.read_text(encoding="utf-8") + "\n\nagain\n", encoding="utf-8")
    _load(folder, cache, monkeypatch)
    con = sqlite3.connect(cache / "index.sqlite3")
    live = {r[0] for r in con.execute("SELECT id FROM files")}
    stored = {f2 >> 1 for (data,) in con.execute("SELECT data FROM postings") for f2, _ in batch_records(data)}
    assert con.execute("SELECT count(*) FROM dead").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM postings_side").fetchone()[0] == 0
    con.close()
    assert stored == live


def test_stored_context_hits_are_those_of_the_index_in_memory(tmp_path, monkeypatch):
    """Headings and contexts are posted per group in the store: the same hits as per entry in memory."""
    from collections import Counter

    from reinvent_cli.index.terms import text_terms
    from reinvent_cli.notes.load import load

    monkeypatch.setenv("REINVENT_CACHE_DIR", str(tmp_path / "cache"))
    stored = load([str(BUNDLED)], set(), progress=False).search_index()
    memory = load([str(BUNDLED)], set(), progress=False, use_cache=False).search_index()
    assert type(stored).__name__ == "StoreIndex" and type(memory).__name__ == "SearchIndex"
    key = {fid << stored.shift | j: (e.file, e.line, e.kind, e.text)
           for fid in stored.names for j, e in enumerate(stored.reader.file_entries(fid))}
    m_entries = memory.entries_for(range(memory.size))
    mkey = {i: (e.file, e.line, e.kind, e.text) for i, e in m_entries.items()}
    terms = sorted({t for e in m_entries.values() for p in e.path + e.context for t in text_terms(p)})[::7]
    assert len(terms) > 50
    s_ctx = stored.context_of(terms, set(key))
    m_ctx = memory.context_of(terms, set(mkey))
    for t in terms:
        assert Counter(map(key.get, s_ctx[t])) == Counter(map(mkey.get, m_ctx[t])), t


def test_heads_made_ahead_are_used_only_for_the_same_rows():
    """Documents made from the heads read before a changed file was parsed: kept for a file whose row is the
    same (its id), made again for one rewritten meanwhile."""
    import json

    from reinvent_cli.index.rows import Heads, head_documents

    def head(title):
        return json.dumps({"title": title, "date": None, "tags": [], "warnings": [], "days": [[1, "Day 1", None, 3]]})

    heads = Heads()
    heads.ahead(["/a", "/b"], [1, 2], [head("A"), head("B")], ["a", "b"], ["/a", "/b"])
    made_a = heads.made["/a"][1]
    now = [head("A"), head("B2"), head("C")]
    docs = heads.documents(["/a", "/b", "/c"], [1, 5, 6], now, ["a", "b", "c"], ["/a", "/b", "/c"])
    assert docs[0] is made_a  # the same row: made ahead
    assert docs == head_documents(now, ["a", "b", "c"], ["/a", "/b", "/c"])
    assert [d.title for d in docs] == ["A", "B2", "C"]


def test_vocabulary_written_here_is_reused_only_while_no_other_connection_wrote(tmp_path, monkeypatch):
    from reinvent_cli.index import store as cache
    from reinvent_cli.index.rows import file_rows
    from reinvent_cli.notes.load import parse_file

    monkeypatch.setenv("REINVENT_CACHE_DIR", str(tmp_path / "cache"))

    def parsed(word):
        f = tmp_path / f"{word}.md"
        f.write_text(f"# Day 1\n\n* {word} notes\n", encoding="utf-8")
        return cache.Parsed(str(f), 1, 1, None, file_rows(parse_file(f, f.name)))

    here, other = cache.open_store([]), cache.open_store([])
    here.write([parsed("zebrafish")])
    here.begin_read()
    assert "zebrafish" in here.vocab() and here.vocab() == here._vocab_terms()
    here.con.execute("COMMIT")
    other.write([parsed("quokka")])
    here.begin_read()
    assert "quokka" in here.vocab() and here.vocab() == here._vocab_terms()
    here.close()
    other.close()
