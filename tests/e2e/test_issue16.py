"""Issue 16: each answer is what it says it is. One test per item that failed at c7a3b32 (the terminal
matrix itself, colours off and narrow encodings on a pty, is tests/e2e/test_pty_matrix.py)."""

from __future__ import annotations

import dataclasses
import io

import pytest

from conftest import BUNDLED, FIXTURES


# --- talks WORDS, speakers WORDS ------------------------------------------------------------------


def test_talks_are_filtered_by_words_with_typos_forgiven(run):
    r = run("talks", "elastcache", "--json")
    assert r.exit_code == 0 and [t["code"] for t in r.json] == ["DAT407"]
    by_speaker = run("talks", "coursera", "--json")
    assert [t["code"] for t in by_speaker.json] == ["CMP406"]
    none = run("talks", "zzqqxx")
    assert none.exit_code == 1 and "no talk matches 'zzqqxx'" in none.stderr


def test_speakers_are_filtered_by_words(run):
    r = run("speakers", "wiger", "--json")
    assert r.exit_code == 0 and [s["name"] for s in r.json] == ["Nate Wiger"]
    assert run("speakers", "zzqqxx").exit_code == 1


# --- every global option on both sides of the command --------------------------------------------


@pytest.mark.parametrize("argv", [
    ["talks", "--no-pager", "--day", "2", "--json"], ["talks", "--no-color", "--json"],
    ["search", "redis", "--color", "never", "--json"], ["search", "redis", "--color=never", "--no-cache", "--json"],
    ["speakers", "--no-pager", "--json"], ["outline", "--no-color", "--json"], ["cache", "info", "--no-color", "--json"],
    ["inspect", str(BUNDLED), "--no-pager", "--json"],
], ids=" ".join)
def test_global_options_after_the_command(run, argv):
    r = run(*argv)
    assert r.exit_code == 0, r.output
    assert r.json is not None


def test_version_after_a_command(run):
    r = run("talks", "--version")
    assert r.exit_code == 0 and r.stdout.startswith("reinvent ")


def test_a_global_option_after_the_command_does_what_it_does_before(run, monkeypatch):
    from reinvent_cli.cli import session

    seen = {}
    real = session.Session.notes

    def spy(self, more=None):
        seen.update(color=self.color, paged=self.paged, use_cache=self.use_cache)
        return real(self, more)

    monkeypatch.setattr(session.Session, "notes", spy)
    assert run("talks", "--no-color", "--no-pager", "--no-cache").exit_code == 0
    assert seen == {"color": "never", "paged": False, "use_cache": False}
    assert run("search", "redis", "--color", "sometimes").exit_code == 2  # checked as before the command


# --- piped output is never wrapped ---------------------------------------------------------------


def test_piped_outline_inspect_and_overview_keep_each_line_whole(run, tmp_path):
    title = "A very long talk title " * 8  # ~180 characters: wrapped at 80 before
    notes = tmp_path / "long.md"
    notes.write_text(f"# Conf 2024\n\n## Day 1\n\n### ABC101 - {title.strip()}\n\n* a note\n", encoding="utf-8")
    for argv in (["--notes", notes, "outline"], ["inspect", notes], ["--notes", notes]):
        r = run(*argv)
        assert r.exit_code == 0, r.output
        assert any(title.strip() in line for line in r.stdout.split("\n")), (argv, r.stdout)


# --- a day the notes do not have -----------------------------------------------------------------


@pytest.mark.parametrize("argv,what", [(["search", "lambda", "--day", "9"], "notes"),
                                       (["announcements", "--day", "9"], "announcements"),
                                       (["outline", "--day", "9"], "notes"), (["talks", "--day", "9"], "talks")])
def test_a_missing_day_is_named(run, argv, what):
    r = run(*argv)
    assert r.exit_code == 1
    assert f"no {what} on day 9; the notes have days 1-3" in r.stderr


# --- completion for a named shell ----------------------------------------------------------------


@pytest.mark.parametrize("argv", [["--show-completion", "zsh"], ["--show-completion=zsh"]])
def test_show_completion_for_a_named_shell(argv, capsys):
    from reinvent_cli.cli.main import run

    assert run(argv) == 0
    assert capsys.readouterr().out.startswith("#compdef reinvent")


def test_show_completion_for_an_unknown_shell_is_a_usage_error(capsys):
    from reinvent_cli.cli.main import run

    assert run(["--show-completion=tcsh"]) == 2
    assert "no completion for 'tcsh'" in capsys.readouterr().err


# --- many files on a terminal: File before a nearly empty column ---------------------------------


def test_a_nearly_empty_column_goes_before_file(bundled):
    from reinvent_cli.render import listing
    from reinvent_cli.render.records import TALK_COLUMNS

    talks = sorted(bundled.talks, key=lambda t: not t.speakers)[:6]  # speakers in the first row only
    assert talks[0].speakers
    items = []
    for n, t in enumerate(talks):
        items.append(dataclasses.replace(t, speakers=t.speakers if n == 0 else [], video=None, file=f"file-{n % 2}.md"))
    shown = listing.display_columns(TALK_COLUMNS, items)
    kept = [c.header for c in listing.fit_columns(shown, items, 60)]
    assert "File" in kept and "Speakers" not in kept


# --- outputs that cannot encode Unicode ----------------------------------------------------------


def test_a_latin1_output_gets_ascii_symbols_and_question_marks():
    from reinvent_cli.render.terminal import Narrow, writable

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="latin-1")
    out = writable(stream)
    assert isinstance(out, Narrow)
    out.write("Day 2 › Keynote · café … 東京 ━━\n")
    out.flush()
    assert raw.getvalue().decode("latin-1") == "Day 2 > Keynote · café ... ?? --\n"  # '·' is latin-1
    utf = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert writable(utf) is utf


# --- help and messages ---------------------------------------------------------------------------


@pytest.mark.parametrize("command,usage", [("announcements", "[WORDS...]"), ("links", "[WORDS...]"),
                                           ("talks", "[WORDS...]"), ("speakers", "[WORDS...]"),
                                           ("browse", "[WORDS...]")])
def test_usage_lines_name_words_plainly(run, command, usage):
    r = run(command, "--help")
    assert f"Usage: root {command} [OPTIONS] {usage}" in r.stdout or f"{command} [OPTIONS] {usage}" in r.stdout
    assert "[[" not in r.stdout and "<list[str]>" not in r.stdout


def test_inspect_help_names_no_format_it_lacks(run):
    assert "--format" not in run("inspect", "--help").stdout
    assert "--format" not in run("cache", "info", "--help").stdout


def test_one_talk_is_not_1_talks(run, tmp_path):
    notes = tmp_path / "one.md"
    notes.write_text("# Conf 2024\n\n## Day 1\n\n### ABC101 - The only talk\n\n* a note\n", encoding="utf-8")
    shown = run("inspect", notes).stdout
    assert "1 day · 1 talk · 0 announcements" in shown


def test_a_missing_editor_hint_names_another_editor(run, monkeypatch):
    import shutil

    monkeypatch.setenv("EDITOR", "nano")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}" if name == "vim" else None)
    import subprocess

    def missing(*a, **k):
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(subprocess, "call", missing)
    r = run("edit", "DAT407")
    assert r.exit_code == 2
    assert "EDITOR=vim" in r.stderr and "EDITOR=nano" not in r.stderr


def test_edit_a_file_without_a_line_opens_its_first_line(run, monkeypatch):
    import subprocess

    called = []
    monkeypatch.setenv("EDITOR", "vi")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setattr(subprocess, "call", lambda cmd: called.append(cmd) or 0)
    assert run("edit", "reinvent-2015.md").exit_code == 0
    assert called and called[0][-2:] == ["+1", str(BUNDLED)]
    assert run("--notes", FIXTURES / "mini.md", "edit", FIXTURES / "mini.md").exit_code == 0
    assert called[-1][-2:] == ["+1", str(FIXTURES / "mini.md")]
