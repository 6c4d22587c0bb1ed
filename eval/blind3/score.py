#!/usr/bin/env python3
"""Scores `reinvent` on the third blind set (eval/blind3): real notes files nobody writing recognition rules has
opened. Prints only aggregate figures, so running it does not reveal the files:

  1. the final line of ../shared/eval/structure.py on this gold (talks P/R/F1, speakers, days, announcements, false
     talks at not-talk lines, false speakers named in gold), over all files;
  2. for the near-miss files (manifest kind 'nearmiss': READMEs, event pages, a podcast page, docs indexes, ...):
     talks and speakers `reinvent` lists for them, per 100 files.

usage: python3 eval/blind3/score.py [--files] [--half dev|held] [REINVENT COMMAND...]   (default command: reinvent)
  --half   score one half of split.json (by repository): 'dev' may be opened by rule writers, 'held' stays blind.
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
    half = args[args.index("--half") + 1] if "--half" in args and args.index("--half") + 1 < len(args) else None
    if half is not None:
        args = [a for i, a in enumerate(args) if a != "--half" and (i == 0 or args[i - 1] != "--half")]
    cmd = [a for a in args if a != "--files"] or ["reinvent"]
    rows = [r for r in csv.reader((HERE / "manifest.tsv").open(encoding="utf-8"), delimiter="\t") if r]
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    if half is not None:
        repos = set(json.loads((HERE / "split.json").read_text(encoding="utf-8"))[half])
        rows = [r for r in rows if len(r) > 1 and r[1] in repos]
        keep = {r[0] for r in rows}
        gold["files"] = [f for f in gold["files"] if f["file"] in keep]
    near = [r[0] for r in rows if len(r) > 6 and r[6] == "nearmiss"]
    name = f"blind3 {half}" if half else "blind3"
    with tempfile.TemporaryDirectory() as tmp:
        gold_path = HERE / "gold.json"
        if half is not None:  # (structure.py reads the files beside the gold it is given)
            gold_path = HERE / f".gold-{half}.json"
            gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        env = {**os.environ, "STRUCTURE_GOLD_PATH": str(gold_path), "REINVENT_CACHE_DIR": str(Path(tmp) / "c")}
        env.pop("STRUCTURE_VERBOSE", None)
        run = subprocess.run([sys.executable, str(SHARED / "eval" / "structure.py"), *cmd], env=env,
                             capture_output=True, text=True)
        if half is not None:
            gold_path.unlink()
        out = [line for line in run.stdout.splitlines() if line.strip()]
        if not out or not out[-1].startswith("talks P"):
            print(f"structure.py failed (exit {run.returncode}): {run.stderr.strip()[-300:]}")
            return 2
        if show_files:
            print("\n".join(out[:-1]))
        print(f"{name} ({len(rows)} files): {out[-1]}")
        notes = Path(tmp) / "nearmiss"
        notes.mkdir()
        for file in near:
            shutil.copyfile(HERE / file, notes / file)
        talks = _listed(cmd, notes, "talks", env)
        speakers = _listed(cmd, notes, "speakers", env)
    if talks is None or speakers is None:
        print("near-miss files: the command failed")
        return 2
    n = len(near)
    if not n:
        return run.returncode
    print(f"{name} near-miss ({n} files): talks {len(talks)} ({100 * len(talks) / n:.1f} per 100 files), "
          f"speakers {len(speakers)} ({100 * len(speakers) / n:.1f} per 100 files)")
    return run.returncode


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # (piped into head)
        sys.exit(0)
