"""Warm start-up of `reinvent browse` to a usable screen, side by side with a warm `reinvent search`.

    python3 ../shared/bench/make_corpus.py /tmp/corpus --files 1000
    python benchmarks/browse_startup.py --notes /tmp/corpus --runs 5

Each run starts a fresh interpreter that loads the notes (warm cache), starts the app (headless,
120x40) and prints a mark once the first screen is drawn with the search box focused: the time
from the process start to that mark is "usable". Then it types a query and times the results
list, and waits for the outline (built in a thread). `reinvent search elasticache` is timed in the
same loop, so the figures are ratios on the same machine at the same moment (2 shared cores).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import asyncio, sys, time
start = time.perf_counter()
from reinvent_cli.browse import data
notes = data.load([sys.argv[1]])
from reinvent_cli.browse.app import BrowseApp
app = BrowseApp(notes, [sys.argv[1]])

async def pilot(p):
    # Called once the first screen is up (App ready): the search box has the focus and takes keys.
    assert app.focused is not None and app.focused.id == "query"
    print("USABLE", time.perf_counter() - start, flush=True)
    await p.pause()
    print("SETTLED", time.perf_counter() - start, flush=True)
    t = time.perf_counter()
    app.query_one("#query").value = "elastcache"
    app.refresh_list()
    while not app.results:  # the search runs in a worker thread
        await asyncio.sleep(0.005)
    print("QUERY", time.perf_counter() - t, len(app.results), flush=True)
    for worker in list(app.workers):
        try:
            await worker.wait()
        except Exception:
            pass
    print("OUTLINE", time.perf_counter() - start, flush=True)
    app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=pilot)
"""


def timed_browse(notes: str, env: dict) -> dict[str, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, notes], stdout=subprocess.PIPE, text=True, env=env)
    marks: dict[str, float] = {}
    for line in proc.stdout:
        parts = line.split()
        if parts and parts[0] == "USABLE":
            marks["usable"] = time.perf_counter() - t0  # wall clock from the process start
        elif parts and parts[0] == "SETTLED":
            marks["settled"] = time.perf_counter() - t0
        elif parts and parts[0] == "QUERY":
            marks["query"] = float(parts[1])
            marks["hits"] = float(parts[2])
        elif parts and parts[0] == "OUTLINE":
            marks["outline"] = time.perf_counter() - t0
    proc.wait()
    return marks


def timed_search(notes: str, env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reinvent_cli", "--notes", notes, "search", "elasticache"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--notes", required=True, help="a notes folder (e.g. the 1,000-file corpus)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    env = dict(os.environ, REINVENT_CACHE_DIR=os.environ.get("REINVENT_CACHE_DIR") or tempfile.mkdtemp())
    print(f"warming the cache for {args.notes} ...", file=sys.stderr)
    timed_search(args.notes, env)
    browse, search = [], []
    for _ in range(args.runs):
        browse.append(timed_browse(args.notes, env))
        search.append(timed_search(args.notes, env))
    med = {k: statistics.median(b[k] for b in browse) for k in ("usable", "settled", "query", "outline", "hits")}
    s = statistics.median(search)
    print(f"runs: {args.runs} (medians)")
    print(f"browse, usable screen (warm):   {med['usable']:.3f} s")
    print(f"reinvent search (warm):         {s:.3f} s   ratio browse/search {med['usable'] / s:.2f}")
    print(f"browse, first screen settled:   {med['settled']:.3f} s (outline list and preview drawn)")
    print(f"results for 'elastcache':       {med['query'] * 1000:.0f} ms ({med['hits']:.0f} hits)")
    print(f"outline ready:                  {med['outline']:.3f} s")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
