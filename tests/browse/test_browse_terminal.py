"""`reinvent browse` in a real terminal (tmux): start it from a shell, type, see the hit, quit; the
shell's prompt is back, the screen as it was (the alternate screen left), and --print prints."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
pytest.importorskip("textual")

PROMPT = "READY$ "


class Tmux:
    def __init__(self, tmp_path, width: int = 100, height: int = 30) -> None:
        self.env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TMUX")}
        self.env.update({"REINVENT_CACHE_DIR": str(tmp_path / "cache"), "TERM": "xterm-256color",
                         "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
        self.cmd = ["tmux", "-L", f"browse-{uuid.uuid4().hex[:10]}", "-f", "/dev/null"]
        shell = f"cd {shlex.quote(str(ROOT))} && PS1={shlex.quote(PROMPT)} exec bash --norc --noprofile"
        self.tmux("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), shell)

    def tmux(self, *args: str) -> str:
        return subprocess.run([*self.cmd, *args], capture_output=True, text=True, env=self.env).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "t", *(["-l"] if literal else []), *keys)

    def wait_for(self, check, what: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if check(text):
                return text
            time.sleep(0.1)
        pytest.fail(f"no {what} on the screen:\n{text}")

    def alternate(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "t", "#{alternate_on}").strip() == "1"

    def close(self) -> None:
        self.tmux("kill-server")


def browse_command(*args: str) -> str:
    return " ".join(shlex.quote(a) for a in [sys.executable, "-m", "reinvent_cli", "browse", *args])


def test_type_see_quit_restored(tmp_path):
    t = Tmux(tmp_path)
    try:
        t.wait_for(lambda s: PROMPT.strip() in s, "shell prompt")
        t.keys("echo before-browse", "Enter")
        t.keys(browse_command(), "Enter")
        t.wait_for(lambda s: "outline" in s and "esc" in s, "browse screen")
        assert t.alternate()
        t.keys("elastcache", literal=True)
        screen = t.wait_for(lambda s: "DAT407" in s and "hits" in s, "DAT407")
        assert "reinvent-2015.md:290" in screen
        t.keys("Enter")  # from the search box to the results
        time.sleep(0.3)
        t.keys("q")
        screen = t.wait_for(lambda s: s.rstrip().endswith(PROMPT.strip()) and not t.alternate(), "prompt again")
        assert "before-browse" in screen  # the screen as it was before
        assert "hits" not in screen and "DAT407" not in screen
        assert "\x1b" not in screen
    finally:
        t.close()


def test_print_prints_the_selected_place(tmp_path):
    t = Tmux(tmp_path)
    try:
        t.wait_for(lambda s: PROMPT.strip() in s, "shell prompt")
        out = shlex.quote(str(tmp_path / "chosen.txt"))
        t.keys(browse_command("--print", "elastcache") + f" > {out}; cat {out}", "Enter")
        t.wait_for(lambda s: "DAT407" in s, "DAT407")
        t.keys("Escape")
        screen = t.wait_for(lambda s: "reinvent-2015.md:290" in s and s.rstrip().endswith(PROMPT.strip()),
                            "printed file:line")
        assert not t.alternate()
        assert any(line.endswith("reinvent-2015.md:290") for line in screen.splitlines())
    finally:
        t.close()
