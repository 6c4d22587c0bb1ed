"""One command line, two ways to run it: a plain command line is run directly (cli.commandline, read
from the Typer declarations), any other by Typer. Both give the same stdout, stderr and exit code."""

from __future__ import annotations

import pytest

from conftest import BUNDLED, FIXTURES

MULTI = FIXTURES / "styles"  # a folder of several notes files

# Command lines the direct way runs (every command and option, good values).
PLAIN = [
    ["search", "elasticache"], ["search", "failover", "redis", "--json", "-l", "3"], ["search", "redis", "--limit=2"],
    ["search", "elasticache", "--count"], ["search", "elasticache", "--count", "--limit", "2"],
    ["search", "redis", "-k", "bullet", "--kind", "section"], ["search", "lambda", "--day", "thu", "-f", "tsv"],
    ["search", "zzzqqq"], ["search", "zzzqqq", "--json"], ["search", "near-line", "--explain"],
    ["search", "kinesis", "--min-score", "0", "--format", "csv"], ["search", "docker", "--file", "2015"],
    ["search", "docker", "-c", "invent"], ["search", "lambda", "--format", "JSON"],
    ["talks"], ["talks", "--day", "2"], ["talks", "--day=thu", "--track", "DAT", "--json"], ["talks", "-t", "CMP"],
    ["talks", "--day", "someday"], ["talks", "--day", "7"], ["talks", "-f", "csv"], ["talks", "-f", "markdown"],
    ["talks", "--format", "tsv", "--conference", "nothing-like-it"],
    ["announcements"], ["announcements", "--day", "2", "lambda"], ["announcements", "-f", "csv"],
    ["announcements", "zzzqqq"], ["links", "--domain", "youtube"], ["links", "lambda", "--json"],
    ["speakers", "-f", "tsv"], ["watchlist", "--json"], ["outline", "--day", "2", "--depth", "2"],
    ["outline", "--json"], ["talk", "DAT407"], ["talk", "dat407", "--json"], ["talk", "DAT401"],
    ["talk", "DAT409"], ["talk", "keynote"], ["talk", "keynote", "--day", "2", "-f", "markdown"],
    ["open", "DAT407", "--print"], ["open", "ARC340", "-p"], ["open", "CMP301", "--print"],
    ["--no-color", "-n", str(BUNDLED), "search", "redis", "-k", "bullet"], ["--color", "never", "talks"],
    ["--no-pager", "--no-cache", "talks", "--day", "1"], ["-n", str(MULTI), "talks"],
    ["talks", "--notes", str(MULTI), "--json"], ["-n", str(FIXTURES / "missing.md"), "talks"],
    ["speakers", "--json", "--notes", str(BUNDLED)],
    ["search", "failover", "redis", "-C", "2"], ["search", "redis", "--context", "1", "--json", "-l", "2"],
    ["search", "redis", "-C", "1", "--explain", "-l", "3"], ["search", "redis", "-C", "2", "-f", "csv"],
    ["--json", "talks", "--day", "1"], ["--format", "json", "watchlist"], ["-f", "table", "speakers"],
    # words after talks and speakers; global options after the command (issue 16)
    ["talks", "x"], ["talks", "elasticache"], ["talks", "elastcache", "deep", "--json"], ["speakers", "wiger"],
    ["talks", "--no-cache"], ["talks", "--no-pager", "--day", "2"], ["talks", "--no-color"],
    ["search", "redis", "--color", "never"], ["search", "redis", "--color=never", "-l", "2"],
    ["speakers", "--no-pager", "--no-cache", "--json"],
]
# Command lines only Typer reads (help, bad values, unknown options, '--'): the same either way too.
TYPER_ONLY = [
    ["search"], ["search", "--", "-R"], ["talks", "--help"], ["search", "x", "--limit", "-1"],
    ["search", "x", "--limit", "many"], ["search", "x", "--format", "xml"], ["talk", "DAT407", "--format", "csv"],
    ["search", "x", "--kind", "tweet"], ["--version"], ["talks", "--json=yes"], ["talks", "--color", "sometimes"],
    ["search", "x", "-l3"], ["--color", "sometimes", "talks"], ["outline", "--depth", "0"], ["talk"],
    ["search", "x", "--min-score", "101"], ["talks", "--day"], ["cache", "info", "--json"], ["nosuchcommand"],
    ["cache", "info", "--no-color"], [], ["--json"], ["--format", "json"], ["--format", "csv"], ["--format", "csv", "talks"], ["search", "x", "-C", "-1"],
    ["search", "x", "-C2"], ["--json", "cache", "info"],
]


def _direct(argv, capsys):
    from reinvent_cli.cli.main import run

    code = run(list(argv))
    out, err = capsys.readouterr()
    return code or 0, out, err


@pytest.mark.parametrize("argv", PLAIN + TYPER_ONLY, ids=" ".join)
def test_both_ways_give_the_same_answer(argv, capsys):
    from typer.testing import CliRunner

    from reinvent_cli.cli.typer_app import app

    got = _direct(argv, capsys)
    r = CliRunner().invoke(app, argv, prog_name="reinvent")
    assert got == (r.exit_code, r.stdout, r.stderr)


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_plain_command_lines_are_run_directly(argv):
    from reinvent_cli.cli import commandline

    assert commandline.parse(argv) is not None


@pytest.mark.parametrize("argv", TYPER_ONLY, ids=" ".join)
def test_the_rest_is_left_to_typer(argv):
    from reinvent_cli.cli import commandline

    assert commandline.parse(argv) is None


def test_every_command_is_read_from_its_declaration():
    """Each command of the app has parameters the direct way understands (no second table to keep)."""
    from reinvent_cli.cli import commandline
    from reinvent_cli.cli.typer_app import app, main_callback

    for info in app.registered_commands:
        if info.name in ("browse", "inspect"):
            continue  # other engineers' commands: Typer runs them if the direct way cannot
        assert commandline.params_of(info.callback) is not None, info.name
    names = {p.name for p in commandline.params_of(main_callback, skip_others=True)}
    # = session.begin's, and -i (the full-screen app, which the direct way leaves to Typer)
    assert names == {"notes", "no_cache", "color", "no_color", "no_pager", "fmt", "as_json", "interactive"}
