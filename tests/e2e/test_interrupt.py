"""Ctrl-C in a real process: exit 130, no traceback, and a cache that still works afterwards."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _corpus(folder: Path, n: int) -> None:
    talk = "\n".join(f"* point {k} about caching and redis replicas" for k in range(60))
    for i in range(n):
        body = "".join(f"## T{i:03d}{t} - Talk {t}\n\nSpeaker: Ada (X)\n\n{talk}\n\n" for t in range(10, 20))
        (folder / f"notes-{i:04d}.md").write_text(f"# Day 1 - Monday\n\n{body}", encoding="utf-8")


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="needs POSIX signals")
def test_ctrl_c_while_indexing_exits_130_without_traceback(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    _corpus(notes, 300)
    cache_dir = tmp_path / "cache"
    env = {**os.environ, "REINVENT_CACHE_DIR": str(cache_dir)}
    cmd = [sys.executable, "-m", "reinvent_cli", "--notes", str(notes), "search", "redis"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Interrupt once indexing has begun (the cache database exists), not during interpreter start-up.
    deadline = time.monotonic() + 60
    while proc.poll() is None and not any(cache_dir.glob("index*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    if proc.poll() is not None:
        pytest.skip("indexing finished before the interrupt could be sent")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    if proc.returncode == 0 and out.strip() and not err:
        # On a loaded machine the search can finish between poll() and the signal (seen once in a CI run
        # under load 9): the signal then lands in interpreter shutdown, after the answer was printed.
        pytest.skip("the search finished before the interrupt arrived")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Traceback" not in out
    # The cache is consistent and the next run answers.
    for db in cache_dir.glob("index*.sqlite3"):
        con = sqlite3.connect(db)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
    done = subprocess.run(cmd + ["--count"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > 0
