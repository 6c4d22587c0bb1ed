#!/usr/bin/env python3
"""Scores only the blind files whose repository the development set (../shared/devnotes) does not draw on:
copies them with their gold records to a temporary folder and runs ../shared/eval/structure.py there.

usage: python3 eval/blind/unseen.py [REINVENT COMMAND...]   (default: reinvent; env STRUCTURE_VERBOSE=1 as usual)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    cmd = (sys.argv[1:] if argv is None else argv) or ["reinvent"]
    devnotes = json.loads((SHARED / "devnotes" / "gold.json").read_text(encoding="utf-8"))
    seen = {f["source"].split(":", 1)[0] for f in devnotes["files"]}
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    unseen = [f for f in gold["files"] if f["source"].split(":", 1)[0] not in seen]
    with tempfile.TemporaryDirectory() as tmp:
        for f in unseen:
            shutil.copyfile(HERE / f["file"], Path(tmp) / f["file"])
        (Path(tmp) / "gold.json").write_text(json.dumps({"about": gold["about"], "files": unseen}), encoding="utf-8")
        print(f"{len(unseen)} of {len(gold['files'])} blind files come from repositories the development set does not use")
        env = {**os.environ, "STRUCTURE_GOLD_PATH": str(Path(tmp) / "gold.json")}
        return subprocess.run([sys.executable, str(SHARED / "eval" / "structure.py"), *cmd], env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
