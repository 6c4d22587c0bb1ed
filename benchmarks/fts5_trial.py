#!/usr/bin/env python3
"""The FTS5 trial: SQLite's own full-text index (+ fts5vocab) in place of the hand-built postings.

Reads the entries of an existing reinvent cache (e.g. of the 1,000-file corpus), indexes each entry's
search terms (the same terms as the store: terms.py) in an FTS5 table, and compares with the store's
``postings`` table on what the figures of docs/benchmarks.md depend on:

* size on disk (FTS5 with ``detail=none``, contentless: it only answers "which entries have this term");
* CPU time to write it (vs writing the same (term, file) posting rows as the store does);
* look-up time of one term's entries (``elasticache``) and of the vocabulary (fts5vocab vs the blob).

Usage: python benchmarks/fts5_trial.py CACHE_DB
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from reinvent_cli.index.rows import unz
from reinvent_cli.index.terms import text_terms

SHIFT = 24


def entries_of(db: str) -> list[tuple[int, list[str]]]:
    con = sqlite3.connect(db)
    out = []
    for fid, data in con.execute("SELECT file_id, data FROM entries ORDER BY file_id"):
        texts, _ = json.loads(unz(data))
        out.append((fid, texts))
    return out


def cpu() -> float:
    return time.process_time()


def trial(db: str) -> dict[str, float]:
    files = entries_of(db)
    terms = [(fid << SHIFT | j, " ".join(sorted(text_terms(t)))) for fid, texts in files for j, t in enumerate(texts)]
    out: dict[str, float] = {"entries": len(terms)}
    work = Path(tempfile.mkdtemp(prefix="fts5-trial-"))

    fts = sqlite3.connect(work / "fts.db", isolation_level=None)
    fts.execute("CREATE VIRTUAL TABLE fts USING fts5(terms, content='', detail=none, tokenize=\"unicode61 tokenchars '._-'\")")
    fts.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(fts, row)")
    t = cpu()
    fts.execute("BEGIN")
    fts.executemany("INSERT INTO fts(rowid, terms) VALUES (?,?)", terms)
    fts.execute("COMMIT")
    fts.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    out["fts5_write_cpu_s"] = cpu() - t
    out["fts5_mb"] = os.path.getsize(work / "fts.db") / 1e6

    post = sqlite3.connect(work / "post.db", isolation_level=None)
    post.execute("CREATE TABLE postings(term TEXT, file_id INTEGER, tx BLOB, PRIMARY KEY(term, file_id)) WITHOUT ROWID")
    t = cpu()
    rows: defaultdict[tuple[str, int], list[int]] = defaultdict(list)
    for i, ts in terms:
        for term in ts.split():
            rows[term, i >> SHIFT].append(i & ((1 << SHIFT) - 1))
    from array import array

    packed = sorted((k[0], k[1], array("H", v).tobytes()) for k, v in rows.items())
    out["postings_group_cpu_s"] = cpu() - t  # in the store this runs in the worker processes (rows.py)
    t = cpu()
    post.execute("BEGIN")
    post.executemany("INSERT INTO postings VALUES (?,?,?)", packed)
    post.execute("COMMIT")
    out["postings_write_cpu_s"] = cpu() - t
    out["postings_mb"] = os.path.getsize(work / "post.db") / 1e6

    for name, con, sql in (("fts5", fts, "SELECT rowid FROM fts WHERE fts MATCH ?"),
                           ("postings", post, "SELECT file_id, tx FROM postings WHERE term = ?")):
        t = time.perf_counter()
        for _ in range(20):
            n = len(con.execute(sql, ("elasticache",)).fetchall())
        out[f"{name}_lookup_ms"] = (time.perf_counter() - t) / 20 * 1000
        out[f"{name}_rows"] = n
    # One edited file: its entries out (a contentless table needs their terms back) and in again.
    one = [(i, ts) for i, ts in terms if i >> SHIFT == terms[len(terms) // 2][0] >> SHIFT]
    t = time.perf_counter()
    fts.execute("BEGIN")
    fts.executemany("INSERT INTO fts(fts, rowid, terms) VALUES ('delete', ?, ?)", one)
    fts.executemany("INSERT INTO fts(rowid, terms) VALUES (?,?)", one)
    fts.execute("COMMIT")
    out["fts5_one_file_rewrite_ms"] = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    v = [r[0] for r in fts.execute("SELECT term FROM vocab")]
    out["fts5vocab_ms"] = (time.perf_counter() - t) * 1000
    out["vocab_terms"] = len(v)
    return out


if __name__ == "__main__":
    for k, v in trial(sys.argv[1]).items():
        print(f"{k:24} {v:,.2f}" if isinstance(v, float) else f"{k:24} {v:,}")
