#!/usr/bin/env python3
"""Scores `reinvent` on the third blind set (eval/blind3): real notes files nobody writing recognition rules has
opened. Prints only aggregate figures, so running it does not reveal the files:

  1. the final line of ../shared/eval/structure.py on this gold (talks P/R/F1, speakers, days, announcements, false
     talks at not-talk lines, false speakers named in gold), over all files;
  2. for the near-miss files (manifest kind 'nearmiss': READMEs, event pages, a podcast page, docs indexes, ...):
     talks and speakers `reinvent` lists for them, per 100 files.

usage: python3 eval/blind3/score.py [--files] [REINVENT COMMAND...]   (default command: reinvent)
  --files  also print structure.py's per-file rows (this shows file names and counts: for the gold's owner, not for
           whoever writes recognition rules).
Exit status: that of structure.py (0 when its goals are met).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / "shared"


def _listed(cmd: list[str], notes: Path, what: str, env: dict[str, str]) -> list[dict] | None:
    run = subprocess.run([*cmd, "--notes", str(notes), what, "--json"], capture_output=True, text=True, env=env,
                         timeout=600)
    if run.returncode not in (0, 1):
        return None
    try:
        return json.loads(run.stdout) if run.stdout.strip() else []
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show_files = "--files" in args
    cmd = [a for a in args if a != "--files"] or ["reinvent"]
    rows = [r for r in csv.reader((HERE / "manifest.tsv").open(encoding="utf-8"), delimiter="\t") if r]
    near = [r[0] for r in rows if len(r) > 6 and r[6] == "nearmiss"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "STRUCTURE_GOLD_PATH": str(HERE / "gold.json"), "REINVENT_CACHE_DIR": str(Path(tmp) / "c")}
        env.pop("STRUCTURE_VERBOSE", None)
        run = subprocess.run([sys.executable, str(SHARED / "eval" / "structure.py"), *cmd], env=env,
                             capture_output=True, text=True)
        out = [line for line in run.stdout.splitlines() if line.strip()]
        if not out or not out[-1].startswith("talks P"):
            print(f"structure.py failed (exit {run.returncode}): {run.stderr.strip()[-300:]}")
            return 2
        if show_files:
            print("\n".join(out[:-1]))
        print(f"blind3 ({len(rows)} files): {out[-1]}")
        notes = Path(tmp) / "nearmiss"
        notes.mkdir()
        for name in near:
            shutil.copyfile(HERE / name, notes / name)
        talks = _listed(cmd, notes, "talks", env)
        speakers = _listed(cmd, notes, "speakers", env)
    if talks is None or speakers is None:
        print("near-miss files: the command failed")
        return 2
    n = len(near)
    print(f"blind3 near-miss ({n} files): talks {len(talks)} ({100 * len(talks) / n:.1f} per 100 files), "
          f"speakers {len(speakers)} ({100 * len(speakers) / n:.1f} per 100 files)")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
