"""What a person sees in a real terminal: the commands run inside tmux at 60x20 and 120x40.

Each test starts its own tmux server (a unique ``-L`` socket), runs ``python -m reinvent_cli`` in a
detached session of the given size, waits for a marker line, reads the screen with ``capture-pane``
and kills the server.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

HOSTILE = FIXTURES / "hostile"
DONE = "__REINVENT_DONE__"
SIZES = [(60, 20), (120, 40)]


class Screen:
    def __init__(self, text: str, styled: str, title: str) -> None:
        self.text = text  # what is on the screen and in its scroll-back, as plain characters
        self.styled = styled  # the same with tmux's own SGR codes for colours and bold
        self.title = title  # the pane title (a note must not be able to set it)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def in_tmux(args: list[str], width: int, height: int, tmp_path: Path, env: dict | None = None,
            timeout: float = 20.0) -> Screen:
    sock = f"reinvent-test-{uuid.uuid4().hex[:10]}"
    cmd = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "reinvent_cli", *args])
    shell = f"cd {shlex.quote(str(ROOT))} && {cmd}; echo {DONE}; sleep 30"
    run_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TMUX", "COLUMNS", "LINES")}
    run_env.update({"REINVENT_CACHE_DIR": str(tmp_path / "tmux-cache"), "TERM": "xterm-256color", "LANG": "C.UTF-8",
                    "LC_ALL": "C.UTF-8", "REINVENT_PAGER": "", **(env or {})})  # the pager: its own tests
    tmux = ["tmux", "-L", sock, "-f", "/dev/null"]
    subprocess.run([*tmux, "new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), shell],
                   env=run_env, check=True, capture_output=True)
    try:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = subprocess.run([*tmux, "capture-pane", "-p", "-J", "-S", "-2000", "-t", "t"],
                                  capture_output=True, text=True, env=run_env).stdout
            if DONE in text:
                break
            time.sleep(0.1)
        else:
            pytest.fail(f"reinvent {' '.join(args)} did not finish in tmux:\n{text}")
        plain = subprocess.run([*tmux, "capture-pane", "-p", "-S", "-2000", "-t", "t"],
                               capture_output=True, text=True, env=run_env).stdout
        styled = subprocess.run([*tmux, "capture-pane", "-p", "-e", "-S", "-2000", "-t", "t"],
                                capture_output=True, text=True, env=run_env).stdout
        title = subprocess.run([*tmux, "display-message", "-p", "-t", "t", "#{pane_title}"],
                               capture_output=True, text=True, env=run_env).stdout.strip()
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, env=run_env)
    plain = plain[: plain.index(DONE)] if DONE in plain else plain
    return Screen(plain.rstrip("\n"), styled, title)


def no_garbage(screen: Screen) -> None:
    """Nothing on screen looks like a raw or half-interpreted escape sequence."""
    assert "\x1b" not in screen.text
    for junk in ("[0m", "[1;", "[2J", "]0;", "]8;", "^[", "\x07", "\x08"):
        assert junk not in screen.text, (junk, screen.text)


def fits(screen: Screen, width: int) -> None:
    for line in screen.lines:
        assert len(line.rstrip()) <= width, line


@pytest.mark.parametrize("width,height", SIZES)
def test_talks_table(width, height, tmp_path):
    s = in_tmux(["talks", "--day", "2"], width, height, tmp_path)
    no_garbage(s)
    fits(s, width)
    for code in ("DAT407", "CMP406", "CMP301"):
        assert re.search(rf"│ +{code} +│", s.text), (code, s.text)  # whole, in its own cell
    assert "Amazon ElastiCache:" in s.text and "Deep Dive" in s.text
    assert "┃ Day ┃ Code" in s.text
    if width >= 100:
        assert "Video" in s.text and "youtu.be/4VfIINg9DYI" in s.text  # the short form, never cut
        assert "Nate Wiger (AWS)" in s.text.replace("\n", " ")


@pytest.mark.parametrize("width,height", SIZES)
def test_search_hits(width, height, tmp_path):
    s = in_tmux(["search", "elasticache", "--limit", "3"], width, height, tmp_path)
    no_garbage(s)
    fits(s, width)
    first = s.lines[0]
    assert first.startswith("reinvent-2015.md:290") and "talk" in first
    assert "Day 2 - Thursday" in s.text and "›" in s.text
    assert "DAT407 - Amazon ElastiCache: Deep Dive" in s.text
    # the matched word is highlighted (bold/red), the text around it is not
    assert re.search(r"\x1b\[[0-9;]*m(\x1b\[[0-9;]*m)*ElastiCache", s.styled), s.styled
    assert re.search(r"Amazon \x1b\[", s.styled)


@pytest.mark.parametrize("width,height", SIZES)
def test_talk_view(width, height, tmp_path):
    s = in_tmux(["talk", "DAT407"], width, height, tmp_path)
    no_garbage(s)
    fits(s, width)
    assert "DAT407" in s.text and "Amazon ElastiCache: Deep Dive" in s.text
    assert "Memcached" in s.text


@pytest.mark.parametrize("width,height", SIZES)
def test_overview_and_outline(width, height, tmp_path):
    s = in_tmux([], width, height, tmp_path)
    no_garbage(s)
    fits(s, width)
    assert "Notes: re:Invent 2015" in s.text and "DAT407" in s.text
    assert "█" in s.text and "talks" in s.text
    o = in_tmux(["outline", "--depth", "2"], width, height, tmp_path)
    no_garbage(o)
    fits(o, width)
    assert "├── Day 2 - Thursday" in o.text and "DAT407 Amazon ElastiCache: Deep Dive" in o.text


def test_search_with_hyphen_queries(tmp_path):
    s = in_tmux(["search", "--", "-R"], 120, 40, tmp_path)
    no_garbage(s)
    assert "SEC314-R" in s.text
    s = in_tmux(["talk", "sec314-r"], 120, 40, tmp_path)
    assert "SEC314-R" in s.text and "No such option" not in s.text


@pytest.mark.parametrize("args,literal", [
    (["talks"], "[bold red]Evil[/]"),
    (["talk", "EVL101"], "[bold red]Evil[/]"),
    (["search", "zapper"], "[bold red]zapper[/]"),
    (["announcements"], "[bold]Service[/]"),
])
def test_hostile_notes_cannot_drive_the_terminal(args, literal, tmp_path):
    """Markup in notes prints literally; a note's escapes neither clear the screen nor set the title."""
    s = in_tmux(["--notes", str(HOSTILE), *args], 120, 40, tmp_path)
    assert literal in s.text.replace("\n", " ") or literal in s.text
    assert "pwned" not in s.title and "owned" not in s.title
    assert s.lines[0].strip(), "the screen was cleared"
    no_garbage(s)


def test_piped_output_has_no_escapes():
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    for args in (["talks"], ["search", "elasticache"], ["talk", "DAT407"], [], ["outline"],
                 ["--notes", str(HOSTILE), "search", "zapper"], ["--notes", str(HOSTILE), "talks"]):
        out = subprocess.run([sys.executable, "-m", "reinvent_cli", *args], capture_output=True, text=True,
                             env=env, cwd=ROOT)
        assert out.returncode == 0, (args, out.stderr)
        assert "\x1b" not in out.stdout and "\x07" not in out.stdout, args


def _start(args: list[str], width: int, height: int, tmp_path: Path, env: dict) -> tuple[list[str], dict]:
    """A detached tmux session running reinvent (then DONE); its tmux command prefix and environment."""
    sock = f"reinvent-test-{uuid.uuid4().hex[:10]}"
    cmd = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "reinvent_cli", *args])
    shell = f"cd {shlex.quote(str(ROOT))} && {cmd}; echo {DONE}; sleep 30"
    run_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TMUX", "COLUMNS", "LINES",
                                                                  "REINVENT_PAGER", "PAGER", "LESS")}
    run_env.update({"REINVENT_CACHE_DIR": str(tmp_path / "tmux-cache"), "TERM": "xterm-256color", "LANG": "C.UTF-8",
                    "LC_ALL": "C.UTF-8", **env})
    tmux = ["tmux", "-L", sock, "-f", "/dev/null"]
    subprocess.run([*tmux, "new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), shell],
                   env=run_env, check=True, capture_output=True)
    return tmux, run_env


def _screen(tmux: list[str], env: dict) -> str:
    return subprocess.run([*tmux, "capture-pane", "-p", "-t", "t"], capture_output=True, text=True, env=env).stdout


def _wait(tmux: list[str], env: dict, want: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = _screen(tmux, env)
        if want in text:
            return text
        time.sleep(0.1)
    pytest.fail(f"{want!r} never appeared:\n{text}")


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
def test_long_output_goes_through_the_pager(tmp_path):
    """As git: long output on a terminal waits in ``less`` until q; short output is printed as it is."""
    tmux, env = _start(["talk", "DAT407"], 80, 20, tmp_path, {})
    try:
        first = _wait(tmux, env, "DAT407")
        time.sleep(0.5)
        held = _screen(tmux, env)
        assert DONE not in held and "Amazon ElastiCache: Deep Dive" in first  # the pager holds the screen
        assert len(held.rstrip("\n").split("\n")) <= 20
        subprocess.run([*tmux, "send-keys", "-t", "t", "q"], env=env, check=True)
        _wait(tmux, env, DONE)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, env=env)
    short = in_tmux(["talks", "--day", "2"], 120, 40, tmp_path, env={"REINVENT_PAGER": "less -FRX"})
    assert "DAT407" in short.text  # it fits: printed, no key needed
    direct = in_tmux(["--no-pager", "talk", "DAT407"], 80, 20, tmp_path, env={"REINVENT_PAGER": "less -FRX"})
    assert "Memcached" in direct.text


def test_narrow_multi_file_table_keeps_titles(tmp_path):
    """Several files at 50 columns: codes and titles shown, a column no row fills left out, the hidden
    columns named under the table."""
    s = in_tmux(["--notes", str(FIXTURES / "styles"), "talks"], 50, 40, tmp_path)
    no_garbage(s)
    fits(s, 50)
    assert "┃ Title" in s.text and "Containers at" in s.text and "CON201" in s.text
    assert "hidden here:" in s.text and "File" in s.text.split("hidden here:")[1]
