"""The on-disk index: warm runs parse nothing, changes are re-read alone, failures are never fatal."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def _write(path, code, title="Mini Conf 2024", extra=""):
    path.write_text(MINI.replace("ABC101", code).replace("Mini Conf 2024", title) + extra, encoding="utf-8")


@pytest.fixture
def notes_dir(tmp_path):
    d = tmp_path / "notes"
    d.mkdir()
    for n, code in enumerate(["AAA101", "BBB202", "CCC303"]):
        _write(d / f"n{n}.md", code)
    return d


@pytest.fixture
def parsed(monkeypatch):
    """The files parsed during the test (by name)."""
    from reinvent_cli.notes import load as loader

    seen = []
    real = loader.parse_file

    def spy(path, name, *rest):
        seen.append(os.path.basename(str(path)))
        return real(path, name, *rest)

    monkeypatch.setattr(loader, "parse_file", spy)
    return seen


def _codes(r):
    assert r.exit_code == 0, r.output
    return sorted(t["code"] for t in r.json if t["code"])


def _close_connections():
    """In-process runs leave their read connection open; a process would close it at exit (as close_open does:
    on Python 3.10 a collection alone does not free it)."""
    import gc

    from reinvent_cli.index.schema import close_open

    gc.collect()
    close_open()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(_db() + suffix):
            os.unlink(_db() + suffix)


def _db():
    return os.path.join(os.environ["REINVENT_CACHE_DIR"], "index.sqlite3")


def test_warm_run_parses_nothing(run, notes_dir, parsed, monkeypatch):
    assert _codes(run("-n", notes_dir, "talks", "--json")) == ["AAA101", "BBB202", "CCC303"]
    assert sorted(parsed) == ["n0.md", "n1.md", "n2.md"]
    parsed.clear()
    from reinvent_cli.read import source

    def no_read(*a, **k):
        raise AssertionError("a warm run read a notes file")

    monkeypatch.setattr(source, "read_source", no_read)
    assert _codes(run("-n", notes_dir, "talks", "--json")) == ["AAA101", "BBB202", "CCC303"]
    r = run("-n", notes_dir, "search", "leaderboards", "--json")
    assert r.exit_code == 0 and len({h["file"] for h in r.json}) == 3
    assert parsed == []


def test_warm_run_does_not_import_the_parser(tmp_path):
    env = {**os.environ, "REINVENT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("REINVENT_NOTES", None)
    code = ("import sys\nfrom reinvent_cli.cli.main import main\nsys.argv = ['reinvent', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('mistune', 'yaml', 'pydantic'))\n"
            "print('IMPORTED', bad, file=sys.stderr)\n")
    for cmd in (["search", "elasticache"], ["talks", "--day", "2"], ["announcements"], ["search", "elasticache"]):
        p = subprocess.run([sys.executable, "-c", code, *cmd], env=env, capture_output=True, text=True, cwd=ROOT)
        assert p.returncode == 0, p.stderr
    # the last runs were warm: no parser, no YAML (and no pydantic: Typer's coercion is skipped)
    assert "IMPORTED []" in p.stderr, p.stderr
    p = subprocess.run([sys.executable, "-X", "importtime", "-m", "reinvent_cli", "search", "elasticache"],
                       env=env, capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0
    assert "mistune" not in p.stderr and "yaml" not in p.stderr


def test_changed_added_deleted_file_is_reread_alone(run, notes_dir, parsed):
    run("-n", notes_dir, "talks", "--json")
    parsed.clear()
    _write(notes_dir / "n1.md", "BBB999", extra="\n* brandnewword here\n")
    assert _codes(run("-n", notes_dir, "talks", "--json")) == ["AAA101", "BBB999", "CCC303"]
    assert parsed == ["n1.md"]
    r = run("-n", notes_dir, "search", "brandnewword", "--json")
    assert r.exit_code == 0 and [os.path.basename(h["file"]) for h in r.json] == ["n1.md"]
    parsed.clear()
    _write(notes_dir / "n3.md", "DDD404")
    assert _codes(run("-n", notes_dir, "talks", "--json")) == ["AAA101", "BBB999", "CCC303", "DDD404"]
    assert parsed == ["n3.md"]
    parsed.clear()
    (notes_dir / "n1.md").unlink()
    assert _codes(run("-n", notes_dir, "talks", "--json")) == ["AAA101", "CCC303", "DDD404"]
    assert parsed == []
    assert run("-n", notes_dir, "search", "brandnewword", "--json").exit_code == 1
    con = sqlite3.connect(_db())
    assert con.execute("SELECT count(*) FROM files").fetchone()[0] == 3  # the deleted file is forgotten
    con.close()


def test_cached_search_ranks_like_uncached(run):
    for q in ("elasticache", "failover redis", "lambda", "memcachd", "sec314", "s3 bucket policy", "x"):
        for extra in ((), ("--kind", "bullet"), ("--day", "2"), ("--limit", "0"), ("--day", "thu")):
            a = run("search", q, "--json", *extra)
            b = run("--no-cache", "search", q, "--json", *extra)
            assert (a.exit_code, a.json) == (b.exit_code, b.json), (q, extra)


@pytest.mark.parametrize("garbage", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_corrupt_cache_is_rebuilt_with_a_warning(run, garbage):
    assert run("talks", "--json").exit_code == 0
    _close_connections()
    with open(_db(), "wb") as f:
        f.write(garbage)
    r = run("talks", "--json")
    assert r.exit_code == 0 and len(r.json) > 5
    assert "rebuil" in r.stderr
    r = run("talks", "--json")
    assert r.exit_code == 0 and r.stderr == ""


def test_foreign_sqlite_file_is_rebuilt(run):
    os.makedirs(os.path.dirname(_db()), exist_ok=True)
    con = sqlite3.connect(_db())
    con.execute("CREATE TABLE files(x)")
    con.commit()
    con.close()
    r = run("search", "elasticache", "--json")
    assert r.exit_code == 0 and r.json[0]["line"] == 290
    assert "rebuil" in r.stderr


def test_unusable_cache_dir_is_not_fatal(run, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    r = run("talks", "--json", env={"REINVENT_CACHE_DIR": str(blocker / "cache")})
    assert r.exit_code == 0 and len(r.json) > 5
    assert r.stderr.count("reinvent:") == 1 and "without the cache" in " ".join(r.stderr.split())


def test_interrupted_write_leaves_no_half_file(run, notes_dir, monkeypatch):
    from reinvent_cli.index import store as cache

    real = cache.Store.write

    def interrupted(self, results):
        parsed = cache.Parsed(*results[0])

        class Terms(list):  # the postings' terms: Ctrl-C after the first one is stored
            def __iter__(self):
                yield self[0]
                raise KeyboardInterrupt

        post = parsed.rows.postings._replace(terms=Terms(parsed.rows.postings.terms))
        real(self, [parsed._replace(rows=parsed.rows._replace(postings=post))])

    monkeypatch.setattr(cache.Store, "write", interrupted)
    r = run("-n", notes_dir / "n0.md", "talks")
    assert r.exit_code == 130
    con = sqlite3.connect(_db())
    assert con.execute("SELECT count(*) FROM files").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    monkeypatch.setattr(cache.Store, "write", real)
    assert _codes(run("-n", notes_dir / "n0.md", "talks", "--json")) == ["AAA101"]


def test_concurrent_processes_share_a_fresh_cache(tmp_path, notes_dir):
    for n in range(3, 12):  # enough files for the worker pool
        _write(notes_dir / f"n{n}.md", f"X{n:02d}")
    env = {**os.environ, "REINVENT_CACHE_DIR": str(tmp_path / "shared-cache")}
    cmd = [sys.executable, "-m", "reinvent_cli", "-n", str(notes_dir), "search", "leaderboards", "--json", "-l", "0"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    results = [json.loads(out) for out, _ in outs]
    assert all(r == results[0] for r in results) and len(results[0]) == 12
    db = tmp_path / "shared-cache" / "index.sqlite3"
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM files").fetchone()[0] == 12
    per_file = dict(con.execute("SELECT id, n FROM files"))
    from reinvent_cli.index.rows import unz

    stored = {fid: len(json.loads(unz(data))[0]) for fid, data in con.execute("SELECT file_id, data FROM entries")}
    assert stored == per_file  # every file's entries, once
    con.close()
    warm = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert warm.returncode == 0 and json.loads(warm.stdout) == results[0]


def test_cache_info_and_clear(run):
    r = run("cache", "info", "--json")
    assert r.exit_code == 0 and r.json["exists"] is False
    run("talks")
    r = run("cache", "info", "--json")
    assert r.json["exists"] and r.json["files"] == 1 and r.json["bytes"] > 0 and r.json["entries"] > 100
    assert r.json["location"] == _db()
    r = run("cache", "info")
    assert "location:" in r.stdout and "files:    1" in r.stdout
    r = run("cache", "clear")
    assert r.exit_code == 0 and "removed" in r.stderr
    assert not os.path.exists(_db())
    assert "Examples:" in run("cache", "--help").stdout
    assert "Examples:" in run("cache", "info", "--help").stdout


def test_no_cache_writes_nothing(run):
    assert run("--no-cache", "talks").exit_code == 0
    assert not os.path.exists(_db())


_IMPORTS = ("import sys\nfrom reinvent_cli.notes import load as loader\nfrom reinvent_cli.cli.main import main\nsys.argv = ['reinvent', *sys.argv[1:]]\n"
            "loader.BESIDE_MAX_FILES = int(sys.argv.pop(1))\n"
            "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
            "print('IMPORTED', sorted({m.split('.')[0] for m in sys.modules} & {'mistune', 'yaml'}), file=sys.stderr)\n")


def _run_and_imports(env, *args, beside=0):
    """A run's JSON output, which of mistune and yaml it imported, its stderr. ``beside``: at most this many
    changed files are parsed in a forked child (0: here, where the imports are seen)."""
    import ast

    p = subprocess.run([sys.executable, "-c", _IMPORTS, str(beside), *args], env=env, capture_output=True, text=True,
                       cwd=ROOT)
    assert p.returncode == 0, p.stderr
    line = next(x for x in p.stderr.splitlines() if x.startswith("IMPORTED "))
    return json.loads(p.stdout), set(ast.literal_eval(line[len("IMPORTED "):])), p.stderr


def _rewrite(path, text):
    before = os.stat(path).st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))  # a new mtime even on a coarse-clock file system


def test_edit_below_unchanged_front_matter_skips_yaml(tmp_path):
    """An edited file is parsed again, but front matter that did not change is not read with YAML again:
    its metadata (and warning) come from the cache, the same as a fresh read gives."""
    env = {**os.environ, "REINVENT_CACHE_DIR": str(tmp_path / "cache")}
    notes = tmp_path / "post.md"
    front = '---\ntitle: "Memo Conf 2024"\ndate: 2024-05-01\ntags: [db, cache]\n---\n'
    body = "# Day 1\n\n## ABC101 - Caching talk\n\n* bullet one\n"
    notes.write_text(front + body, encoding="utf-8")
    talks, imported, _ = _run_and_imports(env, "-n", str(notes), "talks", "--json")
    assert imported == {"mistune", "yaml"} and talks[0]["conference"] == "Memo Conf 2024"

    _rewrite(notes, front + body + "* bullet two zebrafish\n")
    hits, imported, _ = _run_and_imports(env, "-n", str(notes), "search", "zebrafish", "--json")
    assert imported == {"mistune"}  # parsed again, without YAML
    assert hits[0]["line"] == 11
    talks, _, _ = _run_and_imports(env, "-n", str(notes), "talks", "--json", "--conference", "memo conf")
    fresh, _, _ = _run_and_imports(env, "--no-cache", "-n", str(notes), "talks", "--json", "--conference", "memo conf")
    assert talks == fresh and talks[0]["conference"] == "Memo Conf 2024"

    _rewrite(notes, front.replace("Memo", "Other") + body)  # the front matter changed: read again
    talks, imported, _ = _run_and_imports(env, "-n", str(notes), "talks", "--json")
    assert imported == {"mistune", "yaml"} and talks[0]["conference"] == "Other Conf 2024"

    bad = "---\ntitle: [unclosed\n---\n"  # an unchanged invalid front matter keeps its warning
    _rewrite(notes, bad + body)
    _, imported, err = _run_and_imports(env, "-n", str(notes), "talks", "--json")
    assert "yaml" in imported and "not valid YAML" in err
    _rewrite(notes, bad + body + "* more\n")
    _, imported, err = _run_and_imports(env, "-n", str(notes), "talks", "--json")
    assert "yaml" not in imported and "not valid YAML" in err


def test_an_edited_file_is_parsed_beside_the_imports(tmp_path, notes_dir):
    """A few edited files are parsed in a forked child while the CLI is imported: the process itself never
    imports the parser, and the answer is the same as a fresh read gives."""
    env = {**os.environ, "REINVENT_CACHE_DIR": str(tmp_path / "cache")}
    for n in range(3, 9):
        _write(notes_dir / f"n{n}.md", f"X{n:02d}")
    cmd = ("-n", str(notes_dir), "search", "leaderboards", "--json", "-l", "0")
    first, _, _ = _run_and_imports(env, *cmd, beside=4)  # 9 files: the worker pool
    assert len(first) == 9
    _rewrite(notes_dir / "n4.md", (notes_dir / "n4.md").read_text(encoding="utf-8") + "\n* leaderboards zebrafish\n")
    _rewrite(notes_dir / "n7.md", "# Day 1\n\n## ZZZ999 - Leaderboards everywhere\n")
    hits, imported, _ = _run_and_imports(env, *cmd, beside=4)
    assert imported == set()  # parsed beside, in the child
    fresh, _, _ = _run_and_imports(env, "--no-cache", *cmd)
    assert hits == fresh and len(hits) == 10
    assert any("zebrafish" in h["text"] for h in hits) and any("ZZZ999" in h["text"] for h in hits)
    warm, imported, _ = _run_and_imports(env, *cmd, beside=4)
    assert warm == fresh and imported == set()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_parse_beside_gives_the_rows_of_a_parse_here_or_none(tmp_path, monkeypatch):
    from reinvent_cli.notes import load as loader

    f = tmp_path / "n.md"
    _write(f, "AAA101")
    jobs = [(str(f), "n.md", None)]
    ran = []
    beside = loader.parse_beside(jobs, loader._Once(lambda: ran.append(1)))
    assert ran == [1] and beside == loader._parse_chunk(jobs, 0, "rows")
    assert loader.parse_beside(jobs, loader._Once(None)) is None  # nothing to do meanwhile: no child

    def dies(*a):
        os._exit(9)  # the child dies without a word: the caller parses instead

    monkeypatch.setattr(loader, "_parse_chunk", dies)
    assert loader.parse_beside(jobs, loader._Once(lambda: ran.append(2))) is None and ran == [1, 2]


def test_a_write_by_another_process_while_indexing_is_seen(run, notes_dir, monkeypatch):
    """After its own writes a load re-reads only the files it wrote, unless another connection wrote
    meanwhile (Store.data_version): then it reads every row again."""
    from reinvent_cli.index import store as cache
    from reinvent_cli.notes import load as loader

    assert _codes(run("-n", notes_dir, "talks", "--json")) == ["AAA101", "BBB202", "CCC303"]
    st = cache.open_store([])
    st.begin_read()
    before = st.data_version()
    st.con.execute("COMMIT")
    st.write([cache.Parsed("/nowhere/x.md", 1, 1, "x.md: cannot read", None)])
    st.begin_read()
    assert st.data_version() == before  # its own write
    st.con.execute("COMMIT")
    _write(notes_dir / "n1.md", "BBB999")
    _write(notes_dir / "n2.md", "CCC999")
    real = loader._index_into

    def and_another(store, stale, *rest):
        real(store, stale, *rest)
        other = cache.open_store([])  # another process re-writes n0.md's row meanwhile (one not written here)
        n0 = notes_dir / "n0.md"
        st = n0.stat()
        other.write([cache.Parsed(os.path.abspath(n0), st.st_size, st.st_mtime_ns, "n0.md: seen elsewhere", None)])
        other.close()

    monkeypatch.setattr(loader, "_index_into", and_another)
    r = run("-n", notes_dir, "talks", "--json")
    assert _codes(r) == ["BBB999", "CCC999"]  # the other's row for n0.md, an error: skipped, with a warning
    assert "n0.md: seen elsewhere" in r.stderr
    st.begin_read()
    assert st.data_version() != before
    st.close()


def test_the_cache_is_closed_at_exit(tmp_path, notes_dir):
    """The program freezes what is alive before it exits (no collection at exit), so the cache's connections
    are closed by an exit handler: no write-ahead log is left beside the database after a run that wrote."""
    env = {**os.environ, "REINVENT_CACHE_DIR": str(tmp_path / "cache")}
    p = subprocess.run([sys.executable, "-m", "reinvent_cli", "-n", str(notes_dir), "talks", "--json"], env=env,
                       capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    assert sorted(f.name for f in (tmp_path / "cache").iterdir()) == ["index.sqlite3"]
