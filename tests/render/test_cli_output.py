"""Output other programs can rely on (issue 11): the same CSV/TSV columns whatever the notes, grep-like
piped search, --format checked the same way everywhere, --color, the pager's choice, help text."""

from __future__ import annotations

import csv
import io
import re

import pytest

from conftest import FIXTURES

STYLES = FIXTURES / "styles"
COLUMNS = {
    "talks": ["day", "code", "title", "speakers", "video", "file", "line"],
    "announcements": ["name", "day", "where", "url", "details", "file", "line"],
    "links": ["text", "url", "talk", "where", "file", "line"],
    "speakers": ["name", "org", "talks", "file", "line"],
    "watchlist": ["code", "title", "video", "file", "line"],
    "search": ["file", "line", "kind", "score", "path", "text", "url"],
}


@pytest.mark.parametrize("command", sorted(COLUMNS))
@pytest.mark.parametrize("notes", [None, STYLES], ids=["one file", "several files"])
def test_csv_and_tsv_have_the_same_columns_whatever_the_notes(run, command, notes):
    args = ["--notes", str(notes)] if notes else []
    words = ["talk"] if command == "search" else []
    r = run(*args, command, *words, "--format", "csv")
    if r.exit_code == 1:
        pytest.skip(f"no {command} in these notes")
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == COLUMNS[command] and all(len(row) == len(rows[0]) for row in rows)
    tsv = run(*args, command, *words, "--format", "tsv").stdout.splitlines()
    assert tsv[0].split("\t") == COLUMNS[command]
    assert all(len(line.split("\t")) == len(COLUMNS[command]) for line in tsv)
    piped = run(*args, command, *words).stdout.splitlines()
    if command != "search":
        assert piped == tsv[1:]  # piped: the same rows, no header


def test_a_link_hit_shows_where_it_goes(run):
    piped = run("search", "lambda", "vpc", "--kind", "link").stdout.splitlines()
    assert piped and piped[0].startswith("reinvent-2015.md:") and " <https://" in piped[0]
    tty = run("search", "lambda", "vpc", "--kind", "link", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "120"})
    assert "aws.amazon.com/blogs" in tty.stdout
    tsv = run("search", "lambda", "vpc", "--kind", "link", "--format", "tsv").stdout.splitlines()
    assert tsv[1].split("\t")[-1].startswith("https://")


def test_piped_search_is_grep_compatible(run):
    lines = run("search", "failover", "redis", "--limit", "3").stdout.splitlines()
    assert lines
    for line in lines:
        file, number, text = line.split(":", 2)
        assert file == "reinvent-2015.md" and number.isdigit() and "›" not in text


@pytest.mark.parametrize("args", [["talk", "DAT407", "--format", "csv"], ["outline", "--format", "tsv"],
                                  ["talks", "--format", "xml"], ["search", "x", "-f", "yaml"]])
def test_a_format_a_command_cannot_print_is_a_clear_error(run, args):
    r = run(*args)
    assert r.exit_code == 2 and r.stdout == ""
    assert "is not one of" in r.stderr and "Value error" not in r.stderr
    assert "json" in r.stderr


def test_every_record_command_takes_format_and_json(run):
    for command, formats in [("talks", "table json csv tsv markdown"), ("talk DAT407", "table json markdown"),
                             ("outline", "table json"), ("search elasticache", "table json csv tsv markdown")]:
        for fmt in formats.split():
            r = run(*command.split(), "--format", fmt.upper())
            assert r.exit_code == 0, (command, fmt, r.output)
        assert run(*command.split(), "--json").json is not None


@pytest.mark.parametrize("args,env,colored", [
    (["--color", "always"], {}, True), (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    (["--no-color"], {"FORCE_COLOR": "1"}, False), ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    (["--color", "auto"], {}, False), (["--color", "always"], {"NO_COLOR": "1"}, True),
])
def test_color_auto_always_never(run, args, env, colored):
    r = run(*args, "talks", "--day", "2", env={"COLUMNS": "120", **env})
    assert r.exit_code == 0
    assert ("\x1b[" in r.stdout) == colored


def test_the_pager_is_chosen_as_git_does(monkeypatch):
    from reinvent_cli.render.terminal import pager_command

    for var in ("REINVENT_PAGER", "PAGER"):
        monkeypatch.delenv(var, raising=False)
    assert pager_command() == "less -FRX"
    monkeypatch.setenv("PAGER", "most")
    assert pager_command() == "most"
    monkeypatch.setenv("REINVENT_PAGER", "less -S")
    assert pager_command() == "less -S"
    for off in ("", "cat"):
        monkeypatch.setenv("REINVENT_PAGER", off)
        assert pager_command() is None


def test_never_a_pager_when_piped(run):
    r = run("talks", env={"REINVENT_PAGER": "false", "PAGER": "false"})
    assert r.exit_code == 0 and "DAT407" in r.stdout


def test_help_has_no_internal_type_names(run):
    for command in ("search", "talks", "talk", "open", "outline", "links", "announcements", "edit"):
        text = run(command, "--help").stdout
        for junk in ("<list", "<int", "<str", "range>", "{", "x>=", "Value error"):
            assert junk not in text, (command, junk, text)
    main = run("--help").stdout
    assert main.count("Exit codes:") == 1
    assert "WORDS..." in run("search", "--help").stdout


def test_narrow_table_leaves_out_empty_columns_and_says_what_it_hid(run):
    wide = run("--notes", str(FIXTURES / "styles" / "blog_post.md"), "talks", env={"FORCE_COLOR": "1", "COLUMNS": "120"})
    assert "Code" not in wide.stdout  # no talk of these notes has a code
    narrow = run("talks", "--day", "2", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "60"}).stdout
    assert "hidden here: Video" in narrow
    full = run("talks", "--day", "2", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "120"}).stdout
    assert "youtu.be/4VfIINg9DYI" in full  # a video id is never cut


def test_talk_keeps_the_notes_line_breaks(run):
    text = run("talk", "DAT407", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "120"}).stdout
    lines = [line.strip() for line in text.splitlines()]
    assert "For development, use a one node cluster" in lines
    assert "For production, spread across AZs" in lines
    assert not any(re.search(r"cluster\s+For production", line) for line in lines)
