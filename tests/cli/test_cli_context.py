"""Issue 11's leftovers: `search -C N` (the lines around each hit, as rg -C shows them), the overview's
--json/--format, and the progress bar the CLI hands to the loader (issue 10: the core imports no Rich)."""

from __future__ import annotations

import io
import subprocess
import sys

from conftest import BUNDLED

LINES = BUNDLED.read_text(encoding="utf-8").split("\n")


def _line(n: int) -> str:
    return LINES[n - 1]


# --- search -C N ---------------------------------------------------------------------------------


def test_context_in_json_is_the_lines_around_each_hit_as_written(run):
    r = run("search", "failover", "redis", "-C", "2", "--json", "--limit", "2")
    assert r.exit_code == 0, r.output
    top = r.json[0]
    assert (top["line"], top["text"]) == (388, "Redis Failover")
    assert top["context"] == [{"line": n, "text": _line(n)} for n in (386, 387, 389, 390)]
    second = r.json[1]
    assert [c["line"] for c in second["context"]] == [second["line"] + d for d in (-2, -1, 1, 2)]


def test_without_context_the_json_has_no_context_key(run):
    r = run("search", "failover", "redis", "--json", "--limit", "1")
    assert "context" not in r.json[0]


def test_piped_context_follows_rg_conventions(run):
    r = run("search", "failover", "redis", "--context", "1", "--limit", "2")
    assert r.exit_code == 0, r.output
    assert r.stdout.split("\n")[:7] == [
        f"reinvent-2015.md-387-{_line(387)}", "reinvent-2015.md:388:* Redis Failover",  # the line as written, as rg -C (issue 16)
        f"reinvent-2015.md-389-{_line(389)}", "--",
        f"reinvent-2015.md-312-{_line(312)}", "reinvent-2015.md:313:* replicas, failover", "reinvent-2015.md-314-",
    ]


def test_hits_whose_lines_meet_share_one_group(run, tmp_path):
    notes = tmp_path / "n.md"
    notes.write_text("# Day 1\n\n## Talk\n\n* alpha zebra\n* between\n* zebra beta\n\nfar away\n", encoding="utf-8")
    r = run("--notes", notes, "search", "zebra", "-C", "1", "--min-score", "0")
    name = str(notes)
    assert r.stdout.splitlines() == [f"{name}-4-", f"{name}:5:* alpha zebra", f"{name}-6-* between",
                                     f"{name}:7:* zebra beta", f"{name}-8-"]


def test_context_lines_from_notes_are_data(run, tmp_path):
    notes = tmp_path / "n.md"
    notes.write_text("# Day 1\n\n## Talk\n\nevil \x1b]52;c;aGk=\x07 \x1b[31mred\x1b[0m bell\x07\n* kinesis streams\n",
                     encoding="utf-8")
    piped = run("--notes", notes, "search", "kinesis", "-C", "1").stdout
    assert "\x1b" not in piped and "\x07" not in piped
    assert "n.md-5-evil" in piped and "red" in piped
    as_json = run("--notes", notes, "search", "kinesis", "-C", "1", "--json").json
    assert as_json[0]["context"][0]["text"] == "evil \x1b]52;c;aGk=\x07 \x1b[31mred\x1b[0m bell\x07"  # JSON: exact


def test_context_of_a_file_gone_since_it_was_indexed_is_empty(tmp_path):
    from reinvent_cli.notes.lines import lines_around
    from reinvent_cli.notes.load import load_notes

    notes = tmp_path / "n.md"
    notes.write_text("# Day 1\n\nkinesis\n", encoding="utf-8")
    loaded = load_notes([str(notes)], use_cache=False)
    place = (loaded.docs()[0].file, 3)
    assert [c.line for c in lines_around(loaded, [place], 5)[place]] == [1, 2]
    notes.unlink()
    assert lines_around(loaded, [place], 5) == {place: []}


def test_context_with_a_format_it_cannot_show_is_a_usage_error(run):
    r = run("search", "redis", "-C", "2", "--format", "csv")
    assert r.exit_code == 2 and "-C" in r.stderr
    assert run("search", "redis", "-C", "0", "--format", "csv").exit_code == 0  # no context asked
    assert run("--json", "search", "redis", "-C", "1", "--format", "csv").json[0]["context"]  # --json wins


def test_on_a_terminal_context_lines_are_dimmed():
    from rich.console import Console

    from reinvent_cli.notes.lines import lines_around
    from reinvent_cli.notes.load import load_notes
    from reinvent_cli.render.hits import emit_hits
    from reinvent_cli.render.terminal import Output

    notes = load_notes([str(BUNDLED)], use_cache=False)
    hits = notes.search("failover redis", limit=1)
    buf = io.StringIO()
    out = Output(Console(file=buf, force_terminal=True, width=100, color_system="standard"), Console(file=io.StringIO()))
    own = {}
    emit_hits(out, hits, context=lines_around(notes, [(h.entry.file, h.line) for h in hits], 1, own), own_lines=own)
    shown = buf.getvalue().splitlines()
    assert shown[1] == f"\x1b[2m  387  {_line(387)}\x1b[0m"  # dim
    assert "388" in shown[2] and "Failover" in shown[2]
    assert "388  \x1b[0m* " in shown[2]  # the hit's line as written: the bullet keeps its '* ' (issue 16)
    assert shown[3] == f"\x1b[2m  389  {_line(389)}\x1b[0m"


# --- the overview's --json / --format ------------------------------------------------------------


def test_overview_json(run):
    r = run("--json")
    assert r.exit_code == 0, r.output
    doc = r.json["documents"][0]
    assert doc["file"] == "reinvent-2015.md" and [d["day"] for d in doc["days"]] == [1, 2, 3]
    assert run("--format", "json").json == r.json
    assert run("-f", "JSON").json == r.json


def test_overview_format_values(run):
    r = run("--format", "csv")
    assert r.exit_code == 2 and "table, json" in r.stderr
    assert run("--format", "table").stdout.startswith("Notes: re:Invent 2015")


def test_json_before_a_command_is_that_commands_json(run):
    assert run("--json", "talks", "--day", "1").json == run("talks", "--day", "1", "--json").json
    assert run("--json", "cache", "info").json["files"] >= 0


# --- progress: the CLI's bar, passed to the loader -----------------------------------------------


def test_the_core_imports_no_rich():
    code = ("import sys, reinvent_cli.notes.load, reinvent_cli.notes.query, reinvent_cli.notes.lines; "
            "sys.exit('rich' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_session_passes_the_indexing_bar(monkeypatch):
    from reinvent_cli.cli import session
    from reinvent_cli.notes import load
    from reinvent_cli.render.progress import IndexingBar

    monkeypatch.setattr(IndexingBar, "__init__", lambda self, total: seen.update(total=total))
    seen = {}
    real = load.load_notes

    def spy(*args, **kw):
        seen.update(kw)
        return real(*args, **kw)

    monkeypatch.setattr(load, "load_notes", spy)
    session.begin(notes=[str(BUNDLED)], no_cache=True).notes()
    assert isinstance(seen["progress"](7), IndexingBar) and seen["total"] == 7  # the factory makes Rich's bar


def test_the_loader_drives_the_callers_bar(monkeypatch, tmp_path):
    from reinvent_cli.notes import load

    calls = []

    class Bar:
        def __init__(self, total):
            calls.append(("new", total))

        def update(self, done):
            calls.append(("update", done))

        def close(self):
            calls.append(("close",))

    monkeypatch.setattr(load, "_stderr_tty", lambda: True)
    monkeypatch.setattr(load, "PROGRESS_AFTER", -1.0)
    files = []
    for n in range(3):
        f = tmp_path / f"n{n}.md"
        f.write_text(f"# Day 1\n\nword{n}\n", encoding="utf-8")
        files.append(str(f))
    load.load(files, set(), use_cache=False, progress=Bar)
    assert calls[0] == ("new", 3) and calls[-1] == ("close",) and ("update", 1) in calls
    calls.clear()
    load.load(files, set(), use_cache=False)  # no factory: no bar
    assert calls == []
