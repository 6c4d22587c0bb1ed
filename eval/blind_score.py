"""What eval/blind2/score.py and eval/blind3/score.py share: score `reinvent` on a blind set's gold with
../shared/eval/structure.py and print only aggregate lines (the final structure.py line; talks and speakers per 100
near-miss files), so that running it does not reveal the files. ``--files`` adds structure.py's per-file rows (for the
gold's owner); ``--half dev|held`` scores one half of the set's split.json (by repository), where there is one.
Exit status: that of structure.py (0 when its goals are met)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _listed(cmd: list[str], notes: Path, what: str, env: dict[str, str]) -> list[dict] | None:
    run = subprocess.run([*cmd, "--notes", str(notes), what, "--json"], capture_output=True, text=True, env=env,
                         timeout=600)
    if run.returncode not in (0, 1):
        return None
    try:
        return json.loads(run.stdout) if run.stdout.strip() else []
    except ValueError:
        return None


def score(here: Path, label: str, argv: list[str]) -> int:
    """Scores the set in folder ``here`` (its manifest.tsv, gold.json, split.json), printed as ``label``."""
    args = list(argv)
    show_files = "--files" in args
    half = args[args.index("--half") + 1] if "--half" in args and args.index("--half") + 1 < len(args) else None
    if half is not None:
        args = [a for i, a in enumerate(args) if a != "--half" and (i == 0 or args[i - 1] != "--half")]
    cmd = [a for a in args if a != "--files"] or ["reinvent"]
    rows = [r for r in csv.reader((here / "manifest.tsv").open(encoding="utf-8"), delimiter="\t") if r]
    gold = json.loads((here / "gold.json").read_text(encoding="utf-8"))
    if half is not None:
        repos = set(json.loads((here / "split.json").read_text(encoding="utf-8"))[half])
        rows = [r for r in rows if len(r) > 1 and r[1] in repos]
        keep = {r[0] for r in rows}
        gold["files"] = [f for f in gold["files"] if f["file"] in keep]
    near = [r[0] for r in rows if len(r) > 6 and r[6] == "nearmiss"]
    name = f"{label} {half}" if half else label
    with tempfile.TemporaryDirectory() as tmp:
        gold_path = here / "gold.json"
        if half is not None:  # (structure.py reads the files beside the gold it is given)
            gold_path = here / f".gold-{half}.json"
            gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        env = {**os.environ, "STRUCTURE_GOLD_PATH": str(gold_path), "REINVENT_CACHE_DIR": str(Path(tmp) / "c")}
        env.pop("STRUCTURE_VERBOSE", None)
        try:
            run = subprocess.run([sys.executable, str(SHARED / "eval" / "structure.py"), *cmd], env=env,
                                 capture_output=True, text=True)
        finally:
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
            shutil.copyfile(here / file, notes / file)
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


def run_main(here: Path, label: str) -> None:
    try:
        sys.exit(score(here, label, sys.argv[1:]))
    except BrokenPipeError:  # (piped into head)
        sys.exit(0)
