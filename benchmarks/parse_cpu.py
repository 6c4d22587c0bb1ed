"""Parse CPU of several versions of the package, over the same files, relative to mistune alone.

    python benchmarks/parse_cpu.py DIR N ROUNDS NAME=TREE [NAME=TREE ...]

Each TREE is a folder holding a ``reinvent_cli`` package (e.g. ``git archive REV | tar -x -C TREE``).
Each round runs one process per tree, in alternating order; a process parses a few other files first
(imports, compiled patterns), then times ``mistune.create_markdown(renderer=None, plugins=['url'])`` and
``notes.load.parse_file`` over the first N ``*.md`` files of DIR with ``time.process_time``. Printed: the
median over rounds of parse CPU / mistune CPU, and each tree's parse CPU over the first tree's.
"""

from __future__ import annotations

import json
import pathlib
import statistics
import subprocess
import sys

_ONE = """
import json, pathlib, sys, time
tree, folder, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, tree)
import mistune
from reinvent_cli.notes.load import parse_file
files = sorted(pathlib.Path(folder).glob('*.md'))[:n]
others = sorted(pathlib.Path(folder).glob('*.md'))[n:n + 3] or files[:3]
md = mistune.create_markdown(renderer=None, plugins=['url'])
for f in others:
    parse_file(f, str(f)); md(f.read_text(encoding='utf-8'))
texts = [f.read_text(encoding='utf-8') for f in files]
t = time.process_time()
for s in texts:
    md(s)
m = time.process_time() - t
t = time.process_time()
for f in files:
    parse_file(f, str(f))
print(json.dumps({"mistune": m, "parse": time.process_time() - t}))
"""


def main() -> None:
    folder, n, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    trees = dict(a.split("=", 1) for a in sys.argv[4:])
    got: dict[str, list[dict[str, float]]] = {k: [] for k in trees}
    for r in range(rounds):
        for name in (list(trees) if r % 2 == 0 else list(reversed(list(trees)))):
            out = subprocess.run([sys.executable, "-c", _ONE, str(pathlib.Path(trees[name]).resolve()), folder, n],
                                 capture_output=True, text=True, check=True).stdout
            got[name].append(json.loads(out))
    first = statistics.median(x["parse"] for x in got[next(iter(trees))])
    for name, runs in got.items():
        ratios = [x["parse"] / x["mistune"] for x in runs]
        parse = statistics.median(x["parse"] for x in runs)
        print(f"{name:14} parse/mistune {statistics.median(ratios):.2f} "
              f"(rounds {' '.join(f'{x:.2f}' for x in ratios)})  parse {parse:.2f} s CPU = {parse / first:.2f}x")


if __name__ == "__main__":
    main()
