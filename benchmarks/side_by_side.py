"""Two versions of the package side by side, interleaved in one run: CPU and wall time of the warm
bundled commands over ``import typer, rich.console, rich.table``, and (with --corpus) of a search right
after one notes file changed over a warm one.

    python benchmarks/side_by_side.py --before /tmp/a --after /tmp/b --runs 15 [--corpus DIR --changes 9]

Each of --before/--after is a folder holding a ``reinvent_cli`` package (and ``data/``), e.g. made by
``git archive REV | tar -x -C DIR``; it is byte-compiled first, as ``pip install`` does. Every run is
``python -m reinvent_cli ...`` in that folder with a private cache (--corpus: DIR is appended to, one
line per change; use a copy). CPU is the user + system time of the process and the children it waited
for (the forked parse of a changed file), from ``wait4``; the figures are medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PY = sys.executable
COMMANDS = ["search elasticache", "talks --day 2", "announcements"]


def _env(cache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: the .pyc files are used
    env["REINVENT_CACHE_DIR"] = cache
    return env


def _run(argv: list[str], cwd: str, env: dict[str, str]) -> tuple[float, float, bytes]:
    start = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout.read() if p.stdout else b""
    _, _, usage = os.wait4(p.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, out


def _medians(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in pairs), statistics.median(c for _, c in pairs)


def warm(trees: dict[str, str], runs: int, tmp: str) -> None:
    cases = {"import typer, rich": ([PY, "-c", "import typer, rich.console, rich.table"], tmp, _env(tmp))}
    for command in COMMANDS:
        for name, tree in trees.items():
            cases[f"{name}: {command}"] = ([PY, "-m", "reinvent_cli", *command.split()], tree,
                                           _env(os.path.join(tmp, f"cache-{name}")))
    for argv, cwd, env in cases.values():  # warm the caches and the page cache
        _run(argv, cwd, env)
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
    for _ in range(runs):
        for key, (argv, cwd, env) in cases.items():
            times[key].append(_run(argv, cwd, env)[:2])
    base_wall, base_cpu = _medians(times["import typer, rich"])
    print(f"bundled notes, warm (median of {runs}; load average {os.getloadavg()[0]:.1f})")
    print(f"  {'':34} {'wall ms':>8} {'ratio':>6} {'CPU ms':>8} {'ratio':>6}")
    for key, pairs in times.items():
        wall, cpu = _medians(pairs)
        print(f"  {key:34} {wall * 1000:8.1f} {wall / base_wall:5.2f}x {cpu * 1000:8.1f} {cpu / base_cpu:5.2f}x")


def after_change(trees: dict[str, str], corpus: str, changes: int, tmp: str) -> None:
    files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".md"))
    caches = {name: os.path.join(tmp, f"corpus-{name}") for name in trees}
    for name, tree in trees.items():  # the cold index, once per version
        _run([PY, "-m", "reinvent_cli", "-n", corpus, "search", "elasticache"], tree, _env(caches[name]))
    after: dict[str, list[tuple[float, float]]] = {k: [] for k in trees}
    warm_: dict[str, list[tuple[float, float]]] = {k: [] for k in trees}
    found = dict.fromkeys(trees, 0)
    for n in range(changes):
        word = f"quaggamoth{n}x{os.getpid()}"
        changed = files[(n * 89 + 7) % len(files)]
        with open(changed, "a", encoding="utf-8") as fh:
            fh.write(f"\n* ElastiCache note {word}\n")
        for name in (list(trees) if n % 2 == 0 else list(reversed(list(trees)))):
            argv = [PY, "-m", "reinvent_cli", "-n", corpus, "search", word]
            wall, cpu, out = _run(argv, trees[name], _env(caches[name]))
            after[name].append((wall, cpu))
            found[name] += os.path.basename(changed).encode() in out
            warm_[name].append(_run(argv, trees[name], _env(caches[name]))[:2])
    print(f"\n{len(files)} files, search right after one file changed vs warm (median of {changes}; "
          f"load average {os.getloadavg()[0]:.1f})")
    for name in trees:
        (aw, ac), (ww, wc) = _medians(after[name]), _medians(warm_[name])
        print(f"  {name:7} after a change {aw * 1000:6.0f} ms wall {ac * 1000:6.0f} ms CPU | warm {ww * 1000:6.0f} ms "
              f"wall {wc * 1000:6.0f} ms CPU | {aw / ww:.2f}x wall, {ac / wc:.2f}x CPU | found {found[name]}/{changes}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--corpus", help="a notes folder (a copy: it is appended to)")
    ap.add_argument("--changes", type=int, default=9)
    args = ap.parse_args()
    trees = {"before": os.path.abspath(args.before), "after": os.path.abspath(args.after)}
    for tree in trees.values():
        subprocess.run([PY, "-m", "compileall", "-q", os.path.join(tree, "reinvent_cli")], check=True)
    with tempfile.TemporaryDirectory(prefix="side-by-side-") as tmp:
        warm(trees, args.runs, tmp)
        if args.corpus:
            after_change(trees, os.path.abspath(args.corpus), args.changes, tmp)


if __name__ == "__main__":
    main()
