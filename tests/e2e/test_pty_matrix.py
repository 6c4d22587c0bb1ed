"""Every command on a pseudo-terminal under the environments people really have (issue 16): colour off
(NO_COLOR, TERM=dumb, --no-color), TERM unset, very narrow and very wide, two lines, a pager that does not
exist or is cat, outputs that cannot encode Unicode (LC_ALL=C with PYTHONUTF8=0, PYTHONIOENCODING=latin-1),
FORCE_COLOR; and piped into ``head -n 1``. No traceback, the exit code the command means, no hang: a pager
(or the full-screen app) left waiting gets ``q`` (then Esc, then Ctrl-C).

The runs share one warm cache and go four at a time, from one thread (pty.fork children polled with
select): every command under the environments that crashed, a representative set under the others.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest

from conftest import BUNDLED, FIXTURES, ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

OK, NONE, USAGE = 0, 1, 2
# (arguments, the exit code they mean)
EVERY_COMMAND = [
    ([], OK), (["--help"], OK), (["--version"], OK), (["talks"], OK), (["talks", "elasticache"], OK),
    (["talks", "--day", "9"], NONE), (["talk", "DAT407"], OK), (["talk", "nosuchtalkatall"], NONE),
    (["announcements"], OK), (["search", "lambda"], OK), (["search", "redis", "-C", "1"], OK),
    (["search", "containers", "--by", "talk"], OK), (["search", "zzzqqqxx"], NONE),
    (["search", "x", "--limit", "-1"], USAGE), (["search", "lambda", "--explain", "-l", "2"], OK), (["links"], OK),
    (["speakers"], OK), (["watchlist"], OK), (["outline"], OK), (["inspect", str(BUNDLED)], OK),
    (["open", "DAT407", "--print"], OK), (["edit", "DAT407"], OK), (["cache", "info"], OK), (["browse"], OK),
    (["talks", "--help"], OK), (["nosuchcommand"], USAGE), (["-n", str(FIXTURES / "missing.md"), "talks"], USAGE),
]
# Enough to show each environment's own effect: tables, a tree, hits, a talk's panel, errors, long output.
SOME_COMMANDS = [c for c in EVERY_COMMAND if c[0] in (
    [], ["talks"], ["talk", "DAT407"], ["search", "redis", "-C", "1"], ["outline"], ["announcements"],
    ["talk", "nosuchtalkatall"], ["search", "x", "--limit", "-1"])]

UNSET = None
CRASHED = {  # colour off on a terminal and encodings that are not UTF-8 crashed every command
    "NO_COLOR=1": {"NO_COLOR": "1"},
    "TERM=dumb": {"TERM": "dumb"},
    "--no-color": {"@args": ["--no-color"]},
    "LC_ALL=C PYTHONUTF8=0": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"},
    "PYTHONIOENCODING=latin-1": {"PYTHONIOENCODING": "latin-1"},
}
OTHERS = {
    "--color never": {"@args": ["--color", "never"]},
    "TERM unset": {"TERM": UNSET},
    "COLUMNS=12": {"COLUMNS": "12"},
    "COLUMNS=400": {"COLUMNS": "400"},
    "LINES=2": {"LINES": "2"},
    "PAGER missing": {"PAGER": "reinvent-no-such-pager"},
    "PAGER=cat": {"PAGER": "cat"},
    "FORCE_COLOR=1": {"FORCE_COLOR": "1"},
    "LINES=2 NO_COLOR=1 LC_ALL=C": {"LINES": "2", "NO_COLOR": "1", "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"},
}
KEYS = [b"q", b"\x1b", b"\x03", b"\x03"]  # to a pager or the app left waiting
APP_KEYS = [b"\x1b", b"\x1b", b"\x03", b"\x03"]  # Esc quits the full-screen app
IDLE = 1.0
EVERY = 3.0
TIMEOUT = 90.0
_ESC = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]")


def base_env(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (
        "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "PAGER", "REINVENT_PAGER", "LC_ALL", "LC_CTYPE",
        "PYTHONIOENCODING", "PYTHONUTF8", "TMUX", "VISUAL", "REINVENT_NOTES", "LESS")}
    env.update({"REINVENT_CACHE_DIR": cache, "TERM": "xterm-256color", "LANG": "C.UTF-8", "EDITOR": "true",
                "BROWSER": "true"})
    return env


class PtyRun:
    """One command line on its own pseudo-terminal (100x30), run to its end."""

    def __init__(self, label: str, args: list[str], env: dict[str, str], expected: int) -> None:
        self.label, self.args, self.env, self.expected = label, args, env, expected
        self.out = b""
        self.keys = list(APP_KEYS if "browse" in args else KEYS)
        self.code: int | None = None
        self.hung = False

    def start(self) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: its terminal's size, then the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
                os.chdir(ROOT)
                os.execve(sys.executable, [sys.executable, "-m", "reinvent_cli", *self.args], self.env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.started = self.last = self.keyed = time.monotonic()

    def read(self) -> bool:
        """Read what the program wrote; False at its end."""
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            return False
        self.out += data
        self.last = time.monotonic()
        tail = _ESC.sub(b"", self.out[-200:]).replace(b"\r", b"\n").rstrip(b" ").split(b"\n")[-1]
        if tail.strip() == b":" or tail.endswith(b"(END)"):  # less waits for a key
            os.write(self.fd, b"q")
        return True

    def tick(self) -> bool:
        """Keys to a program gone silent; False once it has run too long (it is killed)."""
        now = time.monotonic()
        if now - self.started > TIMEOUT:
            self.hung = True
            os.killpg(self.pid, signal.SIGKILL)
            return False
        # a key after a second of silence, or every few seconds (a full-screen app's cursor blinks)
        if self.keys and (now - self.last > IDLE or now - self.keyed > EVERY):
            os.write(self.fd, self.keys.pop(0))
            self.last = self.keyed = now
        return True

    def finish(self) -> None:
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        self.code = os.waitstatus_to_exitcode(status)

    @property
    def text(self) -> str:
        return self.out.decode("utf-8", "replace")


def run_all(runs: list[PtyRun], parallel: int = 4) -> None:
    pending, active = list(runs), {}
    while pending or active:
        while pending and len(active) < parallel:
            r = pending.pop(0)
            r.start()
            active[r.fd] = r
        ready, _, _ = select.select(list(active), [], [], 0.1)
        for fd in ready:
            if not active[fd].read():
                active.pop(fd).finish()
        for fd, r in list(active.items()):
            if not r.tick():
                active.pop(fd).finish()


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory):
    cache = str(tmp_path_factory.mktemp("pty-cache"))
    subprocess.run([sys.executable, "-m", "reinvent_cli", "--json"], env=base_env(cache), cwd=ROOT,
                   capture_output=True, check=True)
    return cache


def _runs(cache: str, environments: dict, commands: list) -> list[PtyRun]:
    runs = []
    for name, changes in environments.items():
        env = base_env(cache)
        for key, value in changes.items():
            if key == "@args":
                continue
            if value is UNSET:
                env.pop(key, None)
            else:
                env[key] = value
        for args, expected in commands:
            runs.append(PtyRun(f"{name}: reinvent {' '.join(args)}", [*changes.get("@args", []), *args], env, expected))
    return runs


def _failures(runs: list[PtyRun]) -> list[str]:
    bad = []
    for r in runs:
        if r.hung:
            bad.append(f"{r.label}: still running after {TIMEOUT:.0f} s\n{r.text[-800:]}")
        elif "Traceback" in r.text or "Error:" in r.text and "Error: No such" not in r.text and "Error: Invalid" not in r.text:
            bad.append(f"{r.label}: exit {r.code}\n{r.text[-1500:]}")
        elif r.code != r.expected:
            bad.append(f"{r.label}: exit {r.code}, expected {r.expected}\n{r.text[-800:]}")
    return bad


def test_every_command_where_colour_is_off_or_the_encoding_is_not_utf8(warm_cache):
    runs = _runs(warm_cache, CRASHED, EVERY_COMMAND)
    run_all(runs)
    assert not _failures(runs), "\n\n".join(_failures(runs))


def test_commands_under_the_other_terminal_settings(warm_cache):
    runs = _runs(warm_cache, OTHERS, SOME_COMMANDS)
    run_all(runs)
    assert not _failures(runs), "\n\n".join(_failures(runs))


def test_ascii_terminal_gets_ascii_boxes_and_symbols(warm_cache):
    """LC_ALL=C: the table is drawn in ASCII and the path separator is '>', nothing is lost."""
    env = base_env(warm_cache) | {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "NO_COLOR": "1"}
    runs = [PtyRun("ascii talks", ["--no-pager", "talks", "--day", "2"], env, OK),
            PtyRun("ascii announcements", ["--no-pager", "announcements", "lambda"], env, OK)]
    run_all(runs)
    assert not _failures(runs), "\n\n".join(_failures(runs))
    talks, launches = runs[0].text, runs[1].text
    assert "DAT407" in talks and "+---" in talks and "\u2502" not in talks and "\ufffd" not in talks
    assert "Keynote > " in launches


@pytest.fixture(scope="module")
def big_notes(tmp_path_factory) -> str:
    """Notes long enough that every listing fills a pipe's buffer: 40 copies of the bundled file."""
    folder = tmp_path_factory.mktemp("many")
    text = BUNDLED.read_text(encoding="utf-8")
    for n in range(40):
        (folder / f"notes-{n:02d}.md").write_text(text, encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize("args", [[], ["outline"], ["talks"], ["search", "lambda", "-l", "0"], ["links"],
                                  ["announcements"], ["speakers"], ["inspect", str(BUNDLED)]], ids=" ".join)
def test_piped_into_head_is_a_quiet_exit_0(args, big_notes, warm_cache):
    """``reinvent outline | head -n 1``: the reader goes after one line; that is no error (exit 0, as grep)."""
    cmd = [sys.executable, "-m", "reinvent_cli", "-n", big_notes, *args]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=base_env(warm_cache), cwd=ROOT)
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()
    p.stdout.close()  # as head does after its line
    err = p.stderr.read().decode("utf-8", "replace")
    code = p.wait(timeout=120)
    assert first.strip()
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert code == 0, err
