"""The notes a command line names are loaded before Typer is imported (cli.early): the session takes that
load only when it asks for the same notes, a big job waits for the command, and nothing is lost."""

from __future__ import annotations

import pytest

from conftest import BUNDLED, FIXTURES
from test_cli_paths import PLAIN

MULTI = FIXTURES / "styles"


def _taken(argv, monkeypatch, capsys):
    """Run argv as the program does; whether the session took the early load."""
    from reinvent_cli.cli import early, main

    seen = []
    take = early.take

    def spy(paths, use_cache):
        notes, carried = take(paths, use_cache)
        seen.append(notes is not None)
        return notes, carried

    monkeypatch.setattr(early, "take", spy)
    code = main.run(list(argv))
    capsys.readouterr()
    return code, seen


# (not: --no-cache, which loads nothing early; a missing file; -C with csv, refused before reading)
READING = [a for a in PLAIN if "--no-cache" not in a and "missing.md" not in str(a) and not {"-C", "csv"} <= set(a)]


@pytest.mark.parametrize("argv", READING, ids=" ".join)
def test_every_plain_command_line_uses_the_early_load(argv, monkeypatch, capsys):
    """The scan finds the notes the command reads (global and command --notes, -n, --notes=, none), so
    the command answers from the load made before Typer was imported."""
    first = _taken(argv, monkeypatch, capsys)[1]  # a cold index: one file is parsed beside, a folder later
    assert first == [str(MULTI) not in argv]
    assert _taken(argv, monkeypatch, capsys)[1] == [True]  # warm


@pytest.mark.parametrize("argv, expected", [
    (["search", "x"], ([], True)),
    (["-n", "a", "talks", "--notes=b", "--notes", "c"], (["a", "b", "c"], True)),
    (["--no-cache", "talks"], None),  # nothing to gain: the command parses every file anyway
    (["talks", "--help"], None), (["-h"], None), (["--version"], None), (["-i"], None),
    (["search", "--", "-n"], None), (["cache", "info"], None), (["browse"], None), (["inspect", "x.md"], None),
    (["-n"], None), ([], ([], True)),
])
def test_scan(argv, expected):
    from reinvent_cli.cli.early import scan

    assert scan(argv) == expected


def test_a_different_request_loads_again(monkeypatch, capsys):
    """An early load of other notes than the session asks for is closed, and the session loads its own."""
    from reinvent_cli.cli import early

    early.start(["-n", str(BUNDLED), "talks"], lambda: None)
    kept = early._early
    assert kept is not None and kept.notes is not None
    notes, carried = early.take([str(MULTI)], True)
    assert notes is None and carried == [] and early._early is None
    with pytest.raises(Exception, match="closed"):
        kept.notes._store.store.con.execute("SELECT 1")


def test_a_big_job_waits_for_the_command(tmp_path, monkeypatch, capsys):
    """More changed files than are parsed beside: the early load stops before parsing (so '--help' or a
    typo never indexes a folder), and the command indexes them."""
    from reinvent_cli.cli import early

    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(6):
        (folder / f"n{n}.md").write_text(f"# Day 1\n\n## ABC10{n} - Talk {n}\n\n* zebrafish {n}\n", encoding="utf-8")
    early.start(["-n", str(folder), "search", "zebrafish"], lambda: None)
    assert early._early is not None and early._early.notes is None and early._early.error is None
    code, seen = _taken(["-n", str(folder), "search", "zebrafish", "--json"], monkeypatch, capsys)
    assert code == 0 and seen == [False]
    assert _taken(["-n", str(folder), "search", "zebrafish", "--json"], monkeypatch, capsys)[1] == [True]


def test_an_error_is_reported_only_when_the_command_reads_the_notes(tmp_path, capsys):
    from reinvent_cli.cli import main

    missing = str(tmp_path / "missing.md")
    assert main.run(["-n", missing, "talks"]) == 2
    assert "missing.md" in capsys.readouterr().err
    assert main.run(["-n", missing, "cache", "info", "--json"]) == 0
    assert "missing.md" not in capsys.readouterr().err
