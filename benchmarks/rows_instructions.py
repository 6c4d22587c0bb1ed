"""Instructions of ``index.rows.file_rows`` (callgrind), per tree: a figure the machine's load does not move.

    python benchmarks/rows_instructions.py CORPUS [--files 40] --tree DIR [--tree DIR ...]
    python benchmarks/rows_instructions.py CORPUS --files 150 --cpu 3 --tree DIR [--tree DIR ...]

The first N ``*.md`` files of CORPUS are parsed once (``notes.load.parse_file``, this checkout) and pickled;
then, per tree, two processes under ``valgrind --tool=callgrind`` (``PYTHONHASHSEED=0``) load them, warm
up on the last one, and one of them runs ``file_rows`` over them all: the difference of the two totals
is file_rows' instructions. With ``--cpu R``: no valgrind; R rounds of one process per tree (alternating; medians),
each timing (``time.process_time``) one pass of file_rows over the same parsed files. Needs valgrind (Debian's package). Each TREE is a folder holding a
``reinvent_cli`` package, e.g. made by ``git archive REV | tar -x -C DIR``.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import pickle
import re
import statistics
import subprocess
import sys
import tempfile

_ONE = """
import pickle, sys
tree, docs, run = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
sys.path.insert(0, tree)
from reinvent_cli.index.rows import file_rows
docs = pickle.load(open(docs, "rb"))
file_rows(docs[-1])
if run:
    import time
    t = time.process_time()
    for d in docs:
        file_rows(d)
    print(time.process_time() - t)
"""


def _count(tree: str, docs: str, run: int) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c",
                          _ONE, tree, docs, str(run)], capture_output=True, text=True, env=env, check=True).stderr
    m = re.search(r"Collected : (\d+)", out)
    if m is None:
        raise SystemExit(f"no callgrind total for {tree}:\n{out[-2000:]}")
    return int(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--tree", action="append", required=True)
    ap.add_argument("--cpu", type=int, default=0, help="rounds of CPU timing instead of callgrind")
    args = ap.parse_args()
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
    from reinvent_cli.notes.load import parse_file

    files = sorted(pathlib.Path(args.corpus).glob("*.md"))[:args.files]
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as f:
        pickle.dump([parse_file(p, p.name) for p in files], f)
    try:
        if args.cpu:
            return _cpu(args, f.name, len(files))
        got = {t: _count(t, f.name, 1) - _count(t, f.name, 0) for t in args.tree}
    finally:
        os.unlink(f.name)
    first = next(iter(got.values()))
    print(f"file_rows over {len(files)} files of {args.corpus} (callgrind instructions)")
    for tree, n in got.items():
        print(f"  {tree[-40:]:40} {n / 1e6:9,.0f}M  {100 * (n / first - 1):+6.1f}%")


def _cpu(args: argparse.Namespace, docs: str, n: int) -> None:
    got: dict[str, list[float]] = {t: [] for t in args.tree}
    for r in range(args.cpu):
        for tree in args.tree if r % 2 == 0 else list(reversed(args.tree)):
            out = subprocess.run([sys.executable, "-c", _ONE, tree, docs, "1"], capture_output=True, text=True,
                                 check=True).stdout
            got[tree].append(float(out))
    first = statistics.median(next(iter(got.values())))
    print(f"file_rows over {n} files of {args.corpus}: CPU s of one pass, by round (alternating) | median")
    for tree, runs in got.items():
        med = statistics.median(runs)
        print(f"  {tree[-40:]:40} " + " ".join(f"{x:.3f}" for x in runs) + f" | {med:.3f} "
              f"{100 * (med / first - 1):+6.1f}%")


if __name__ == "__main__":
    main()
