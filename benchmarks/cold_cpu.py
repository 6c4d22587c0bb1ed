"""CPU of a cold index (every process) over the CPU of one process that only mistune-parses the files.

    python benchmarks/cold_cpu.py CORPUS               # on every core
    python benchmarks/cold_cpu.py CORPUS taskset -c 0  # on one core: the same work without parallelism

The runs, the baseline and the timing are bench.py's (``python -m reinvent_cli`` in this tree, a fresh
REINVENT_CACHE_DIR); only the command prefix is this script's.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

from bench import MISTUNE_BASELINE, PY, REINVENT, last_cpu, timed


def main() -> None:
    corpus, prefix = sys.argv[1], sys.argv[2:]
    mw = timed([*prefix, PY, "-c", MISTUNE_BASELINE, corpus])[0]
    mc = last_cpu["s"]
    cache = tempfile.mkdtemp(prefix="reinvent-cold-")
    try:
        env = {**os.environ, "REINVENT_CACHE_DIR": cache}
        rw = timed([*prefix, *REINVENT, "-n", corpus, "search", "elasticache"], env)[0]
        rc = last_cpu["s"]
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(f"{' '.join(prefix) or 'every core'}: mistune {mw:.2f} s wall {mc:.2f} s CPU | cold index {rw:.2f} s wall "
          f"{rc:.2f} s CPU | CPU {rc / mc:.2f}x, wall {rw / mw:.2f}x")


if __name__ == "__main__":
    main()
