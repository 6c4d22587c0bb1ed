"""One big notes file: time and peak memory of a cold index and of a warm search whose word is on every line.

    python benchmarks/bigfile.py [--bullets 800000] [--runs 3] [--tree DIR ...] [--keep FILE]

Writes one markdown file (3 days, a talk every 2,000 bullets, ~62 bytes a bullet: 800,000 bullets are
~50 MB; every bullet has the word "service"), then per tree (a folder holding a ``reinvent_cli``
package, e.g. ``git archive REV | tar -x -C DIR``; default: this checkout), with a fresh cache:

* cold: ``reinvent -n FILE search service --limit 10 --json`` on an empty cache;
* warm: the same command ``--runs`` times (median), and ``search "service redis7" --limit 10`` (two words).

Printed per run: wall seconds, CPU seconds (user + system, the process and the children it waited for)
and peak memory (max RSS of the process or of a waited-for child, from ``wait4``), and whether the
trees' JSON answers are the same. Runs of the trees alternate.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent


def write_notes(path: Path, bullets: int) -> None:
    words = ["cache", "lambda", "queue", "stream", "table", "bucket", "cluster", "shard", "replica", "index"]
    with path.open("w", encoding="utf-8") as fh:
        fh.write("# AWS re:Invent big notes\n\n")
        for i in range(bullets):
            if i % (bullets // 3 + 1) == 0:
                fh.write(f"\n# Day {i // (bullets // 3 + 1) + 1}\n\n")
            if i % 2000 == 0:
                fh.write(f"\n## ARC{300 + i // 2000} - The {words[i // 2000 % 10]} talk number {i // 2000}\n\n")
            fh.write(f"* Bullet {i}: the service keeps {words[i % 10]} data in redis{i % 13} ok\n")


def run(argv: list[str], cwd: str, env: dict[str, str]) -> tuple[float, float, float, bytes]:
    """Wall s, CPU s, peak MB, stdout."""
    start = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout.read() if p.stdout else b""
    _, _, usage = os.wait4(p.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bullets", type=int, default=800_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tree", action="append")
    ap.add_argument("--keep", help="write the notes file here (and reuse it if it exists)")
    args = ap.parse_args()
    trees = args.tree or [str(ROOT)]
    with tempfile.TemporaryDirectory(prefix="reinvent-big-") as tmp:
        notes = Path(args.keep) if args.keep else Path(tmp) / "big.md"
        if not notes.exists():
            write_notes(notes, args.bullets)
        size = notes.stat().st_size / 2**20
        print(f"{notes}: {args.bullets} bullets, {size:.1f} MB; load average {os.getloadavg()[0]:.1f}")
        envs = {}
        for k, tree in enumerate(trees):
            env = dict(os.environ, REINVENT_CACHE_DIR=os.path.join(tmp, f"cache-{k}"))
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            subprocess.run([PY, "-m", "compileall", "-q", "reinvent_cli"], cwd=tree, env=env, check=True,
                           capture_output=True)
            envs[tree] = env
        queries = {"one word": ["service"], "two words": ["service redis7"]}
        answers: dict[str, dict[str, bytes]] = {}
        cold = {}
        for tree in trees:
            argv = [PY, "-m", "reinvent_cli", "-n", str(notes), "search", "service", "--limit", "10", "--json"]
            cold[tree] = run(argv, tree, envs[tree])
        warm: dict[tuple[str, str], list[tuple[float, float, float, bytes]]] = {}
        for r in range(args.runs):
            for tree in (trees if r % 2 == 0 else trees[::-1]):
                for name, q in queries.items():
                    argv = [PY, "-m", "reinvent_cli", "-n", str(notes), "search", *q, "--limit", "10", "--json"]
                    warm.setdefault((tree, name), []).append(run(argv, tree, envs[tree]))
        print(f"  {'':44} {'wall s':>7} {'CPU s':>7} {'peak MB':>8}  (limit: 10 x file + 200 = {10 * size + 200:.0f} MB)")
        for tree in trees:
            w, c, m, out = cold[tree]
            print(f"  {tree[-24:]:24} cold index + search  {w:7.2f} {c:7.2f} {m:8.0f}")
            answers.setdefault("cold", {})[tree] = out
            for name in queries:
                rs = warm[(tree, name)]
                print(f"  {tree[-24:]:24} warm, {name:14} {statistics.median(x[0] for x in rs):7.2f} "
                      f"{statistics.median(x[1] for x in rs):7.2f} {max(x[2] for x in rs):8.0f}")
                answers.setdefault(name, {})[tree] = rs[0][3]
        for name, outs in answers.items():
            same = len(set(outs.values())) == 1
            print(f"  {name}: {'same answers' if same else 'ANSWERS DIFFER'} in every tree"
                  f" ({len(next(iter(outs.values())))} bytes of JSON)")


if __name__ == "__main__":
    main()
