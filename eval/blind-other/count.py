#!/usr/bin/env python3
"""False-positive count on the blind negative set: real markdown files by other people that hold no talk notes
but look close to them (meeting minutes, docs and help pages, READMEs, changelogs, release and event-planning
notes). Runs `reinvent talks --json` and `reinvent speakers --json` on this folder (all files together, a fresh
cache) and prints what it finds per 100 files, with the first invented talks. Figures only: no threshold here.

Only the files listed in manifest.tsv are read (copied to a temporary folder), not SOURCES.md.

usage: python3 eval/blind-other/count.py [REINVENT COMMAND...]   (default: reinvent)
env: COUNT_SHOW=N prints N invented talks (default 10).
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


def rows(cmd: list[str], notes: Path, what: str, env: dict[str, str]) -> list[dict] | None:
    run = subprocess.run([*cmd, "--notes", str(notes), what, "--json"], capture_output=True, text=True, env=env,
                         timeout=600)
    if run.returncode not in (0, 1):
        print(f"{what}: exit {run.returncode}: {run.stderr.strip()[-300:]}")
        return None
    try:
        return json.loads(run.stdout) if run.stdout.strip() else []
    except ValueError:
        print(f"{what}: output is not JSON: {run.stdout[:200]!r}")
        return None


def check_manifest() -> list[str]:
    """Every .md file here is listed in manifest.tsv (file, repo, path, commit, characters, licence, kind) with its
    character count, and every listed file exists."""
    errors = []
    rows = {r[0]: r for r in csv.reader((HERE / "manifest.tsv").open(encoding="utf-8"), delimiter="\t") if r}
    for path in sorted(p for p in HERE.glob("*.md") if p.name != "SOURCES.md"):
        row = rows.get(path.name)
        if row is None:
            errors.append(f"{path.name}: not in manifest.tsv")
        elif len(path.read_bytes().decode("utf-8")) != int(row[4]):
            errors.append(f"{path.name}: character count differs from manifest.tsv")
    errors += [f"{name}: listed but missing" for name in rows if not (HERE / name).is_file()]
    return errors


def main(argv: list[str] | None = None) -> int:
    cmd = (sys.argv[1:] if argv is None else argv) or ["reinvent"]
    names = [r[0] for r in csv.reader((HERE / "manifest.tsv").open(encoding="utf-8"), delimiter="\t") if r]
    show = int(os.environ.get("COUNT_SHOW", "10"))
    with tempfile.TemporaryDirectory() as tmp:
        notes = Path(tmp) / "notes"  # only the listed files: not SOURCES.md, which describes them
        notes.mkdir()
        for name in names:
            shutil.copyfile(HERE / name, notes / name)
        env = {**os.environ, "REINVENT_CACHE_DIR": str(Path(tmp) / "cache")}
        talks = rows(cmd, notes, "talks", env)
        speakers = rows(cmd, notes, "speakers", env)
    if talks is None or speakers is None:
        return 2
    n = len(names)
    print(f"blind-other ({n} files): talks {len(talks)} ({100 * len(talks) / n:.1f} per 100 files), "
          f"speakers {len(speakers)} ({100 * len(speakers) / n:.1f} per 100 files)")
    for t in talks[:show]:
        print(f"    talk {str(t.get('title', ''))[:70]!r} at {Path(str(t.get('file', ''))).name}:{t.get('line')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
