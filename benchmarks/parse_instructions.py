"""Instructions of ``notes.load.parse_file`` (callgrind), per tree: a figure the machine's load does not move.

    python benchmarks/parse_instructions.py DIR N TREE [TREE ...]

Per TREE (a folder holding a ``reinvent_cli`` package, e.g. ``git archive REV | tar -x -C TREE``), two
processes under ``valgrind --tool=callgrind`` (``PYTHONHASHSEED=0``) import the package and parse the file after
the first N ``*.md`` of DIR (imports, compiled patterns); one of them then parses the first N files: the
difference of the two totals is their parse's instructions. Needs valgrind (Debian's package).
"""

from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys
import tempfile

_ONE = """
import pathlib, sys
tree, folder, n, run = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
sys.path.insert(0, tree)
from reinvent_cli.notes.load import parse_file
files = sorted(pathlib.Path(folder).glob('*.md'))
warm = files[n] if len(files) > n else files[0]
parse_file(warm, str(warm))
if run:
    for f in files[:n]:
        parse_file(f, str(f))
"""


def _instructions(tree: str, folder: str, n: str, run: bool) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", _ONE,
                        str(pathlib.Path(tree).resolve()), folder, n, "1" if run else "0"],
                       env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, check=True)
        text = pathlib.Path(out).read_text(encoding="utf-8", errors="replace")
    m = re.search(r"^(?:summary|totals):\s*(\d+)", text, re.MULTILINE)
    if m is None:
        raise SystemExit("no totals in callgrind's output")
    return int(m.group(1))


def main() -> None:
    folder, n, trees = sys.argv[1], sys.argv[2], sys.argv[3:]
    first = None
    for tree in trees:
        got = _instructions(tree, folder, n, True) - _instructions(tree, folder, n, False)
        first = first or got
        print(f"{tree}: parse of {n} files {got / 1e6:,.0f}M instructions = {got / first:.3f}x", flush=True)


if __name__ == "__main__":
    main()
