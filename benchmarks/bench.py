#!/usr/bin/env python3
"""Speed benchmark: reinvent against its baselines, measured side by side in one run.

Builds the corpus with ../shared/bench/make_corpus.py (1,000 files, 40 MB by default), then prints:

* bundled notes, warm cache: median wall time of ``search elasticache``, ``talks --day 2`` and
  ``announcements`` over ``python -c "import typer, rich.console, rich.table"`` (same interpreter);
* the cache's size for the bundled notes and for the corpus (over the notes' bytes);
* the corpus, cold (empty cache) ``search elasticache`` over one process mistune-parsing the files: wall
  time, and CPU time of all its processes (workers included) over the mistune process's;
* the corpus, warm ``search elasticache`` over ``rg -n '' DIR | fzf --filter elasticache``;
* the corpus, the search right after one file changed over a warm one (and that it finds the change);
* the peak memory (max RSS) of every run;
* that ``talks --json`` returns every talk the generator wrote (``## ...`` under ``# Day N``).

Runs of the things compared are interleaved, so that a busy machine slows both alike.

Usage (from the repository root; rg, fzf from apt):

    /tmp/venv/bin/python benchmarks/bench.py                  # 1,000 files
    /tmp/venv/bin/python benchmarks/bench.py --files 200 --runs 5 --cold-runs 1
    /tmp/venv/bin/python benchmarks/bench.py --json results.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"
PY = sys.executable
REINVENT = [PY, "-m", "reinvent_cli"]
MISTUNE_BASELINE = """
import pathlib, sys, mistune
md = mistune.create_markdown(renderer=None, plugins=['url'])
for f in sorted(p for p in pathlib.Path(sys.argv[1]).rglob('*') if p.suffix in ('.md', '.markdown')):
    md(f.read_text(encoding='utf-8'))
"""

peak_kb = {"max": 0, "what": ""}
last_cpu = {"s": 0.0}  # CPU time (user + system) of the last run, all its processes


def children_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cache_bytes(cache: Path) -> int:
    """The cache's size on disk: the database and its WAL."""
    return sum(p.stat().st_size for p in cache.glob("index.sqlite3*") if p.is_file())


def timed(cmd: list[str] | str, env: dict | None = None, check: bool = True, shell: bool = False) -> tuple[float, str]:
    """Wall time of one run; its max RSS goes into peak_kb. Returns (seconds, stdout)."""
    cpu0 = children_cpu()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, shell=shell, cwd=ROOT)
    out, err = p.communicate()
    elapsed = time.perf_counter() - t0
    last_cpu["s"] = children_cpu() - cpu0  # every process of the run: a parent waits for its workers
    # wait4 on the finished child is not possible after communicate(); RUSAGE_CHILDREN is a running max
    # over all children, so read it before/after: it only grows when this run set a new peak.
    import resource

    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if rss > peak_kb["max"]:
        peak_kb["max"], peak_kb["what"] = rss, cmd if isinstance(cmd, str) else " ".join(map(str, cmd))
    if check and p.returncode not in (0, 1):
        raise SystemExit(f"failed ({p.returncode}): {cmd}\n{err.decode(errors='replace')}")
    return elapsed, out.decode(errors="replace")


def interleaved(cmds: dict[str, list[str] | str], runs: int, env: dict, warmup: int = 1) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(warmup):
        for cmd in cmds.values():
            timed(cmd, env, shell=isinstance(cmd, str))
    for _ in range(runs):
        for k, cmd in cmds.items():
            times[k].append(timed(cmd, env, shell=isinstance(cmd, str))[0])
    return times


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def count_generated_talks(folder: Path) -> int:
    n = 0
    for f in folder.rglob("*.md"):
        in_day = in_fence = False
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.startswith("```"):
                in_fence = not in_fence
            elif in_fence:
                continue
            elif line.startswith("# "):
                in_day = re.match(r"# Day \d+", line) is not None
            elif line.startswith("## ") and in_day:
                n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=11, help="runs of each warm measurement (median)")
    ap.add_argument("--cold-runs", type=int, default=2, help="runs of the cold index and of the mistune baseline")
    ap.add_argument("--changes", type=int, default=5, help="single-file changes to time")
    ap.add_argument("--workdir", type=Path, default=None, help="keep the corpus and cache here")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args()

    for tool in ("rg", "fzf"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed for the baseline (apt-get install ripgrep fzf)")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="reinvent-bench-"))
    corpus, cache = work / "corpus", work / "cache"
    # Byte-compile the package as `pip install` does (this environment may set PYTHONDONTWRITEBYTECODE).
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "reinvent_cli")], check=True)
    if not corpus.exists():
        subprocess.run(["python3", str(MAKE_CORPUS), str(corpus), "--files", str(args.files)], check=True)
    env = {**os.environ, "REINVENT_CACHE_DIR": str(cache)}
    env.pop("REINVENT_NOTES", None)
    results: dict[str, object] = {
        "machine": {"nproc": os.cpu_count(), "cores_usable": len(os.sched_getaffinity(0)), "cpu": cpu_model(),
                    "python": platform.python_version(), "platform": platform.platform()},
        "files": args.files,
        "corpus_mb": round(sum(f.stat().st_size for f in corpus.rglob("*.md")) / 1e6, 1),
    }
    print(f"machine: {results['machine']}\ncorpus: {args.files} files, {results['corpus_mb']} MB in {corpus}")

    # 1. bundled notes, warm, vs importing typer + rich
    shutil.rmtree(cache, ignore_errors=True)
    bundled = {
        "baseline import typer, rich": [PY, "-c", "import typer, rich.console, rich.table"],
        "search elasticache": [*REINVENT, "search", "elasticache"],
        "talks --day 2": [*REINVENT, "talks", "--day", "2"],
        "announcements": [*REINVENT, "announcements"],
    }
    t = interleaved(bundled, args.runs, env, warmup=2)
    base = med(t["baseline import typer, rich"])
    print("\nbundled notes, warm cache (median of %d)" % args.runs)
    bundled_out = {}
    for k, v in t.items():
        ratio = med(v) / base
        bundled_out[k] = {"median_s": round(med(v), 4), "ratio": round(ratio, 2)}
        print(f"  {k:32s} {med(v) * 1000:7.1f} ms  {ratio:5.2f}x" + ("  (target <= 1.3x)" if k != "baseline import typer, rich" else ""))
    results["bundled_warm"] = bundled_out
    results["bundled_cache_bytes"] = cache_bytes(cache)
    print(f"  cache size: {cache_bytes(cache) / 1e6:.2f} MB (target <= 1 MB)")

    # 2. corpus, cold, vs mistune in one process
    print(f"\n{args.files} files, cold (empty cache) vs one process mistune-parsing them")
    cold, mist, cold_cpu, mist_cpu = [], [], [], []
    for _ in range(args.cold_runs):
        mist.append(timed([PY, "-c", MISTUNE_BASELINE, str(corpus)], env)[0])
        mist_cpu.append(last_cpu["s"])
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(timed([*REINVENT, "-n", str(corpus), "search", "elasticache"], env)[0])
        cold_cpu.append(last_cpu["s"])
    ratio = med(cold) / med(mist)
    cpu_ratio = med(cold_cpu) / med(mist_cpu)
    notes_bytes = sum(f.stat().st_size for f in corpus.rglob("*.md"))
    print(f"  mistune parse, 1 process         {med(mist):7.2f} s wall {med(mist_cpu):7.2f} s CPU\n"
          f"  reinvent search, cold            {med(cold):7.2f} s wall {med(cold_cpu):7.2f} s CPU (all processes)"
          f"  wall {ratio:5.2f}x, CPU {cpu_ratio:5.2f}x  (target: CPU <= 1.3x)")
    print(f"  cache size: {cache_bytes(cache) / 1e6:.1f} MB = {cache_bytes(cache) / notes_bytes:.2f}x the notes' "
          f"{notes_bytes / 1e6:.1f} MB (target <= 3x)")
    results["cold"] = {"mistune_s": round(med(mist), 3), "reinvent_cold_s": round(med(cold), 3), "ratio": round(ratio, 3),
                       "mistune_cpu_s": round(med(mist_cpu), 2), "reinvent_cold_cpu_s": round(med(cold_cpu), 2),
                       "cpu_ratio": round(cpu_ratio, 3), "cache_bytes": cache_bytes(cache), "notes_bytes": notes_bytes}

    # 3. corpus, warm, vs rg | fzf
    big = {
        "rg | fzf --filter": f"rg -n '' {corpus} | fzf --filter elasticache > /dev/null",
        "reinvent search elasticache": [*REINVENT, "-n", str(corpus), "search", "elasticache"],
    }
    t = interleaved(big, max(3, args.runs // 2), env)
    ratio = med(t["reinvent search elasticache"]) / med(t["rg | fzf --filter"])
    print(f"\n{args.files} files, warm search vs rg | fzf (median of {max(3, args.runs // 2)})")
    print(f"  rg -n '' | fzf --filter          {med(t['rg | fzf --filter']) * 1000:7.1f} ms\n"
          f"  reinvent search elasticache      {med(t['reinvent search elasticache']) * 1000:7.1f} ms"
          f"  {ratio:5.2f}x  (target <= 0.25x)")
    results["warm_big"] = {"rg_fzf_s": round(med(t["rg | fzf --filter"]), 4),
                           "reinvent_s": round(med(t["reinvent search elasticache"]), 4), "ratio": round(ratio, 3)}

    # 4. one file changes: the next search re-reads it alone and finds the change
    after, warm, found = [], [], 0
    files = sorted(corpus.rglob("*.md"))
    for n in range(args.changes):
        word = f"zebracanary{n}x"
        f = files[(n * 97) % len(files)]
        with f.open("a", encoding="utf-8") as fh:
            fh.write(f"\n* ElastiCache note {word}\n")
        dt, out = timed([*REINVENT, "-n", str(corpus), "search", word], env)
        after.append(dt)
        found += str(f) in out
        warm.append(timed([*REINVENT, "-n", str(corpus), "search", word], env)[0])
    ratio = med(after) / med(warm)
    print(f"\n{args.files} files, search right after one file changed vs warm (median of {args.changes})")
    print(f"  warm                             {med(warm) * 1000:7.1f} ms\n  after a change                   "
          f"{med(after) * 1000:7.1f} ms  {ratio:5.2f}x  (target <= 1.5x); change found {found}/{args.changes}")
    results["change"] = {"warm_s": round(med(warm), 4), "after_change_s": round(med(after), 4),
                         "ratio": round(ratio, 3), "found": found, "of": args.changes}

    # 5. every talk
    _, out = timed([*REINVENT, "-n", str(corpus), "talks", "--json"], env)
    got, want = len(json.loads(out)), count_generated_talks(corpus)
    print(f"\ntalks --json: {got} talks; the generator wrote {want}: {'OK' if got == want else 'MISMATCH'}")
    results["talks"] = {"reinvent": got, "generated": want}

    print(f"\npeak memory of any run: {peak_kb['max'] / 1024:.0f} MB (max RSS; target <= 500 MB) -- {peak_kb['what']}")
    results["peak_rss_mb"] = round(peak_kb["max"] / 1024, 1)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
