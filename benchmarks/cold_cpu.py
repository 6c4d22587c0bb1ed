"""CPU of a cold index (every process) over the CPU of one process that only mistune-parses the files.

    python benchmarks/cold_cpu.py CORPUS               # on every core
    python benchmarks/cold_cpu.py CORPUS taskset -c 0  # on one core: the same work without parallelism

Run from the root of the tree to measure (``python -m reinvent_cli``, a fresh REINVENT_CACHE_DIR).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

_MISTUNE = """
import pathlib, sys, mistune
md = mistune.create_markdown(renderer=None, plugins=['url'])
for f in sorted(pathlib.Path(sys.argv[1]).rglob('*.md')):
    md(f.read_text(encoding='utf-8'))
"""


def _run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time and CPU time (the process and the children it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - start, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    corpus, prefix = sys.argv[1], sys.argv[2:]
    mw, mc = _run([*prefix, sys.executable, "-c", _MISTUNE, corpus])
    cache = tempfile.mkdtemp(prefix="reinvent-cold-")
    try:
        env = {**os.environ, "REINVENT_CACHE_DIR": cache}
        rw, rc = _run([*prefix, sys.executable, "-m", "reinvent_cli", "-n", corpus, "search", "elasticache"], env)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(f"{' '.join(prefix) or 'every core'}: mistune {mw:.2f} s wall {mc:.2f} s CPU | cold index {rw:.2f} s wall "
          f"{rc:.2f} s CPU | CPU {rc / mc:.2f}x, wall {rw / mw:.2f}x")


if __name__ == "__main__":
    main()
