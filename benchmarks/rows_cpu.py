"""Where a cold index's CPU goes, per step, relative to mistune's own parse of the same texts (= 1.0).

    python benchmarks/rows_cpu.py CORPUS [--files 150] [--rounds 5] [--tree DIR ...]

In one process per tree and round (rounds alternate the trees' order), over the first N ``*.md`` files
of CORPUS, timed with ``time.process_time``:

* mistune: ``mistune.create_markdown(renderer=None, plugins=['url'])`` on each text (the baseline);
* parse_source: ``notes.load.parse_file`` (read, mistune, recognition) of each file;
* file_rows: ``index.store.file_rows`` of each of those Documents (terms, postings, rows);
* store: pickling the rows as a worker process sends them, and ``Store.write`` of them into a fresh
  cache in batches of ``notes.load.WRITE_BATCH`` (processes and imports are not in this in-process
  figure: ``benchmarks/cold_cpu.py`` measures the whole cold index).

Each TREE is a folder holding a ``reinvent_cli`` package (default: this checkout), e.g. made by
``git archive REV | tar -x -C DIR``. Printed: per tree the median over rounds of each step over mistune.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import subprocess
import sys

_ONE = """
import gc, json, os, pathlib, pickle, sys, tempfile, time
tree, folder, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, tree)
cache = tempfile.mkdtemp(prefix="rows-cpu-")
os.environ["REINVENT_CACHE_DIR"] = cache
import mistune
from reinvent_cli.notes.load import WRITE_BATCH, parse_file
from reinvent_cli.index.store import Parsed, file_rows, open_store
files = sorted(pathlib.Path(folder).glob('*.md'))[:n]
others = sorted(pathlib.Path(folder).glob('*.md'))[n:n + 3] or files[:3]
md = mistune.create_markdown(renderer=None, plugins=['url'])
for f in others:  # imports, compiled patterns, caches of the first use
    file_rows(parse_file(f, f.name)); md(f.read_text(encoding='utf-8'))
texts = [f.read_text(encoding='utf-8') for f in files]
t = time.process_time()
for s in texts:
    md(s)
m = time.process_time() - t
t = time.process_time()
docs = [parse_file(f, f.name) for f in files]
p = time.process_time() - t
t = time.process_time()
rows = [file_rows(d) for d in docs]
r = time.process_time() - t
store = open_store([])
stats = [f.stat() for f in files]
t = time.process_time()
rows = [pickle.loads(pickle.dumps(x)) for x in rows]
parsed = [Parsed(str(f.resolve()), st.st_size, st.st_mtime_ns, None, x) for f, st, x in zip(files, stats, rows)]
for k in range(0, len(parsed), WRITE_BATCH):
    store.write(parsed[k:k + WRITE_BATCH])
w = time.process_time() - t
store.close()
import shutil; shutil.rmtree(cache, ignore_errors=True)
print(json.dumps({"mistune": m, "parse_source": p, "file_rows": r, "store": w}))
"""

STEPS = ("parse_source", "file_rows", "store")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--files", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--tree", action="append", help="a folder with a reinvent_cli package (repeatable)")
    args = ap.parse_args()
    trees = args.tree or [str(pathlib.Path(__file__).resolve().parent.parent)]
    got: dict[str, list[dict[str, float]]] = {t: [] for t in trees}
    for r in range(args.rounds):
        for tree in (trees if r % 2 == 0 else list(reversed(trees))):
            out = subprocess.run([sys.executable, "-c", _ONE, str(pathlib.Path(tree).resolve()), args.corpus,
                                  str(args.files)], capture_output=True, text=True, check=True).stdout
            got[tree].append(json.loads(out))
    print(f"{args.files} files of {args.corpus}, median of {args.rounds} rounds; CPU over mistune's parse (= 1.00)")
    print(f"  {'tree':30} {'mistune s':>9} " + " ".join(f"{s:>13}" for s in STEPS) + f" {'total':>7}")
    for tree, runs in got.items():
        ratio = {s: statistics.median(x[s] / x["mistune"] for x in runs) for s in STEPS}
        total = statistics.median(sum(x[s] for s in STEPS) / x["mistune"] for x in runs)
        mist = statistics.median(x["mistune"] for x in runs)
        print(f"  {tree[-30:]:30} {mist:9.3f} " + " ".join(f"{ratio[s]:12.2f}x" for s in STEPS) + f" {total:6.2f}x")
        for s in STEPS:
            print(f"  {'':30} {s} by round: " + " ".join(f"{x[s] / x['mistune']:.2f}" for x in runs))


if __name__ == "__main__":
    main()
