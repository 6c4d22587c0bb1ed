"""Every command and sub-command (whatever is registered on the app, sub-apps included) has help text
with examples, each example on its own line and naming a real command; and shell completion offers
live values from the notes."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from conftest import FIXTURES, ROOT
from reinvent_cli.cli.typer_app import app

runner = CliRunner()


def _walk(cmd, path=()):
    yield path, cmd
    for name, sub in sorted(getattr(cmd, "commands", {}).items()):
        if not getattr(sub, "hidden", False):
            yield from _walk(sub, (*path, name))


ROOT_CMD = typer.main.get_command(app)
COMMANDS = list(_walk(ROOT_CMD))
COMMAND_PATHS = {" ".join(p) for p, _ in COMMANDS}


def _help(path) -> str:
    r = runner.invoke(app, [*path, "--help"], prog_name="reinvent")
    assert r.exit_code == 0, (path, r.output)
    return r.stdout


def test_the_walk_finds_the_commands():
    assert {"talks", "talk", "search", "outline", "open"} <= COMMAND_PATHS


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=lambda p: " ".join(p) or "reinvent")
def test_every_command_has_help_and_examples(path):
    cmd = dict(COMMANDS)[path]
    assert (cmd.help or "").strip(), f"{' '.join(path) or 'reinvent'} has no help text"
    if path:
        assert (cmd.get_short_help_str() or "").strip()
    out = _help(path)
    lines = out.splitlines()
    assert any(line.strip() == "Examples:" for line in lines), f"no Examples: in\n{out}"
    start = next(i for i, line in enumerate(lines) if line.strip() == "Examples:")
    examples = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        examples.append(line.strip())
    assert examples, f"Examples: is empty in\n{out}"
    for ex in examples:
        # one example per line (not re-wrapped into a paragraph), each running a real command
        assert ex.startswith("reinvent"), ex
        assert ex.count("reinvent ") <= 1 and not ex.endswith("reinvent"), f"examples were joined: {ex!r}"
        words = re.split(r"\s{2,}", ex)[0].split()[1:]  # an example may end with a comment after 2+ spaces
        if path:
            assert words[: len(path)] == list(path), f"{ex!r} is not an example of {' '.join(path)}"
        elif words and not words[0].startswith("-"):
            assert words[0] in COMMAND_PATHS, f"{ex!r}: no command {words[0]!r}"


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=lambda p: " ".join(p) or "reinvent")
def test_every_option_and_argument_is_explained(path):
    cmd = dict(COMMANDS)[path]
    for param in cmd.params:
        if param.name in ("help", "install_completion", "show_completion"):
            continue
        assert (getattr(param, "help", None) or "").strip(), f"{' '.join(path)}: {param.name} has no help"


def test_version():
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.startswith("reinvent ")


# --- completion ------------------------------------------------------------------------------------


def test_completion_callbacks_return_live_values():
    from reinvent_cli.cli.complete import complete_day, complete_talk, complete_track

    codes = [c for c, _ in complete_talk(None, "")]
    assert {"DAT407", "SEC314-R", "CMP406"} <= set(codes)
    assert dict(complete_talk(None, "DAT"))["DAT407"] == "Amazon ElastiCache: Deep Dive"
    assert [c for c, _ in complete_talk(None, "dat")][:2] == ["dat407", "dat304"]  # the case being typed
    assert "DAT401" in dict(complete_talk(None, "DAT4"))  # a talk of the watch list
    assert [c for c, _ in complete_day(None, "")] == ["1", "2", "3", "wednesday", "thursday", "friday"]
    assert [c for c, _ in complete_day(None, "Th")] == ["Thursday"]
    assert dict(complete_track(None, ""))["DAT"] == "2 talks"
    assert [c for c, _ in complete_track(None, "c")] == ["cmp"]


def test_completion_never_raises(monkeypatch):
    from reinvent_cli.cli.complete import complete_talk

    monkeypatch.setenv("REINVENT_NOTES", "/nonexistent/notes.md")
    assert complete_talk(None, "") == []


def _complete(shell: str, line: str, **extra) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    env["_REINVENT_COMPLETE"] = f"complete_{shell}"
    if shell == "bash":
        words = line.split()
        env["COMP_WORDS"] = line
        env["COMP_CWORD"] = str(len(words) if line.endswith(" ") else len(words) - 1)
    else:
        env["_TYPER_COMPLETE_ARGS"] = line
    env.update(extra)
    out = subprocess.run([sys.executable, "-m", "reinvent_cli"], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=30)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def test_bash_completes_talk_codes_days_tracks_and_kinds():
    assert _complete("bash", "reinvent talk DA") == ["DAT407", "DAT304", "DAT401"]  # talks, then the watch list
    assert {"STG406", "SEC314-R", "STG403", "SEC304"} <= set(_complete("bash", "reinvent open S"))
    assert _complete("bash", "reinvent talks --day ") == ["1", "2", "3", "wednesday", "thursday", "friday"]
    assert _complete("bash", "reinvent talks --track ") == ["CMP", "DAT", "DVO", "SEC", "STG"]
    assert _complete("bash", "reinvent search redis --kind b") == ["bullet"]
    assert "outline" in _complete("bash", "reinvent ou")


def test_completion_follows_the_notes_option():
    assert _complete("bash", f"reinvent --notes {FIXTURES / 'mini.md'} talk ") == ["ABC101"]


def test_zsh_and_fish_completion():
    zsh = "\n".join(_complete("zsh", "reinvent talk DAT"))
    assert '"DAT407":"Amazon ElastiCache\\\\: Deep Dive"' in zsh
    fish = _complete("fish", "reinvent talks --track D", _TYPER_COMPLETE_FISH_ACTION="get-args")
    assert fish == ["DAT\t2 talks", "DVO\t1 talk"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(shell, monkeypatch):
    # The shell named, not detected: detection follows the process's ancestry, which a detached run (CI under
    # nohup, setsid) lacks. Set before invoke: Typer builds the option, a value or a flag, from it then.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    r = runner.invoke(app, ["--show-completion", shell], prog_name="reinvent")
    assert r.exit_code == 0
    assert "_REINVENT_COMPLETE" in r.stdout


def test_dependency_bounds_admit_only_versions_with_what_the_code_uses():
    """typer._click (cli/typer_internals.py) appeared in typer 0.26 (typer 0.12.5, once allowed, has none);
    InlineParser(max_nested_level=...) (read/mdast.py) in mistune 3.4 (3.3.4 refuses it). Checked by hand:
    the CLI tests pass with typer 0.26.0, rich 13.8.0, mistune 3.4.0, rapidfuzz 3.6.0, PyYAML 6.0."""
    import re

    from conftest import ROOT

    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    low = {m.group(1).lower(): tuple(int(x) for x in m.group(2).split("."))
           for d in deps if (m := re.match(r"([A-Za-z_-]+)>=([0-9.]+)", d))}
    assert low["typer"] >= (0, 26) and low["mistune"] >= (3, 4)


def test_typers_internals_the_cli_reads_are_there():
    """Everything cli/typer_internals.py names, with the attributes cli.commandline reads: a Typer release
    that moves or renames one fails here, not in a user's terminal."""
    from reinvent_cli.cli import typer_internals as ti
    from reinvent_cli.cli.typer_app import app as the_app

    opt = ti.OptionInfo(default=None, param_decls=("--x",))
    arg = ti.ArgumentInfo(default=None)
    for info in (opt, arg):
        assert isinstance(info, ti.ParameterInfo)
        for field in ti.PARAMETER_FIELDS:
            assert hasattr(info, field), field
    for field in ti.OPTION_FIELDS:
        assert hasattr(opt, field), field
    assert the_app.registered_commands and all(isinstance(c, ti.CommandInfo) for c in the_app.registered_commands)
    for c in the_app.registered_commands:
        for field in ti.COMMAND_FIELDS:
            assert hasattr(c, field), field
    assert issubclass(ti.TyperGroup, ti.TyperCommand.__mro__[1]) and callable(ti.get_completion_script)


def test_mistunes_internals_the_parser_copies_are_there():
    """read/md_lists.py copies mistune 3.4.0's list parser and read/md_tables.py wraps its table plugin; with
    another mistune the copy is switched off (slower lists, same tokens). A new release fails here, loudly,
    until the copy is checked against it."""
    import mistune

    from reinvent_cli.read import mistune_internals as mi

    assert mi.FAST_LISTS, f"mistune {mistune.__version__}: md_lists' copy is for 3.4.0 -- compare and update"
    for name in mi.TABLE_RULES:
        assert hasattr(mi.table_rules, name), name
