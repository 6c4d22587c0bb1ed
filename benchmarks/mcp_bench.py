#!/usr/bin/env python3
"""Speed of ``reinvent mcp`` beside the same query as a command line, measured side by side in one run.

For the bundled notes and the 1,000-file corpus (../shared/bench/make_corpus.py), with a warm cache:

* start to first answer: from starting ``python -m reinvent_cli mcp --notes X`` to the reply to its first
  ``tools/call`` (initialize, initialized, then the call, as a client does), beside one
  ``python -m reinvent_cli --notes X QUERY --json`` run;
* a warm tool call: the round trip of the same call to a running server (after one call), beside the
  same command-line run (``talks`` with ``limit: 0``: every talk, as the command line prints them);
* importing the SDK alone (``from mcp.server.mcpserver import MCPServer``, timed inside a fresh interpreter):
  most of the start;
* on the corpus, the call right after one file was edited (it must find the new word), beside a warm call.

The server is driven with raw JSON-RPC lines over its pipes (no client library in the timings). Runs of
the things compared are interleaved, so a busy machine slows both alike. Medians; ratios are server / CLI.

Usage (from the repository root, with reinvent-cli[mcp] installed):

    python benchmarks/mcp_bench.py --files 1000 --runs 9 --workdir /tmp/mcpbench
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"
PY = sys.executable
REINVENT = [PY, "-m", "reinvent_cli"]
QUERIES = [  # (label, tool, arguments, the same as a command line)
    ("search elasticache", "search", {"query": "elasticache"}, ["search", "elasticache"]),
    ("talks --day 2", "talks", {"day": 2, "limit": 0}, ["talks", "--day", "2"]),  # limit 0: every talk, as the CLI
]
SDK_IMPORT = [PY, "-c", "import time; t = time.perf_counter(); from mcp.server.mcpserver import MCPServer; "
                       "print(time.perf_counter() - t)"]  # timed inside: not the interpreter's start and exit


class Server:
    """``reinvent mcp`` on pipes, spoken to in JSON-RPC lines."""

    def __init__(self, notes: Path, env: dict[str, str]) -> None:
        self.p = subprocess.Popen([*REINVENT, "mcp", "--notes", str(notes)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, bufsize=1)
        self.next_id = 0
        self.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                    "clientInfo": {"name": "bench", "version": "1"}})
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def send(self, message: dict[str, Any]) -> None:
        assert self.p.stdin is not None
        self.p.stdin.write(json.dumps(message) + "\n")
        self.p.stdin.flush()

    def request(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        assert self.p.stdout is not None
        while True:
            reply: dict[str, Any] = json.loads(self.p.stdout.readline())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                return reply

    def call(self, tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = self.request("tools/call", {"name": tool, "arguments": arguments})["result"]
        if result.get("isError"):
            raise RuntimeError(result["content"][0]["text"])
        return result

    def close(self) -> None:
        assert self.p.stdin is not None
        self.p.stdin.close()
        self.p.wait(timeout=30)


def cli_run(notes: Path, args: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    p = subprocess.run([*REINVENT, "--notes", str(notes), *args, "--json"], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    return dt


def sdk_import(env: dict[str, str]) -> float:
    return float(subprocess.run(SDK_IMPORT, env=env, check=True, capture_output=True, text=True).stdout)


def first_answer(notes: Path, tool: str, arguments: dict[str, Any], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    server = Server(notes, env)
    server.call(tool, arguments)
    dt = time.perf_counter() - t0
    server.close()
    return dt


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def measure(name: str, notes: Path, env: dict[str, str], runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    print(f"\n{name} (median of {runs}; ms)")
    print(f"  {'query':22s} {'CLI run':>9s} {'server start->1st answer':>25s} {'warm call':>10s} "
          f"{'start/CLI':>10s} {'warm/CLI':>9s} {'import SDK':>11s}")
    server = Server(notes, env)
    try:
        for label, tool, arguments, cli_args in QUERIES:
            server.call(tool, arguments)  # the server's first call of this query
            cli, start, warm, sdk = [], [], [], []
            for _ in range(runs):
                sdk.append(sdk_import(env))  # what the server's start owes to the SDK alone
                cli.append(cli_run(notes, cli_args, env))
                start.append(first_answer(notes, tool, arguments, env))
                t0 = time.perf_counter()
                server.call(tool, arguments)
                warm.append(time.perf_counter() - t0)
            row = {"cli_ms": med(cli) * 1000, "start_ms": med(start) * 1000, "warm_ms": med(warm) * 1000,
                   "sdk_import_ms": med(sdk) * 1000}
            row["start_over_cli"] = row["start_ms"] / row["cli_ms"]
            row["warm_over_cli"] = row["warm_ms"] / row["cli_ms"]
            out[label] = {k: round(v, 3) for k, v in row.items()}
            print(f"  {label:22s} {row['cli_ms']:9.1f} {row['start_ms']:25.1f} {row['warm_ms']:10.1f} "
                  f"{row['start_over_cli']:9.2f}x {row['warm_over_cli']:8.3f}x {row['sdk_import_ms']:11.1f}")
    finally:
        server.close()
    return out


def after_edit(corpus: Path, env: dict[str, str], runs: int) -> dict[str, Any]:
    """One file edited between two calls: the next search finds the new word (and what that call costs)."""
    files = sorted(corpus.rglob("*.md"))
    server = Server(corpus, env)
    changed, warm = [], []
    try:
        server.call("search", {"query": "elasticache"})
        for n in range(runs):
            word = f"zqfreshword{n}x"
            f = files[(n * 97) % len(files)]
            before = f.stat().st_mtime_ns
            with f.open("a", encoding="utf-8") as fh:
                fh.write(f"\n* {word} noted\n")
            os.utime(f, ns=(before + 10**9, before + 10**9))
            t0 = time.perf_counter()
            hits = server.call("search", {"query": word})["structuredContent"]["hits"]
            changed.append(time.perf_counter() - t0)
            if not hits or not hits[0]["file"].endswith(f.name):
                raise RuntimeError(f"the edit of {f} was not seen: {hits[:1]}")
            t0 = time.perf_counter()
            server.call("search", {"query": word})
            warm.append(time.perf_counter() - t0)
    finally:
        server.close()
    row = {"changed_ms": med(changed) * 1000, "warm_ms": med(warm) * 1000}
    print(f"\ncorpus, search right after one file was edited (median of {runs}; found {runs}/{runs}):"
          f" {row['changed_ms']:.1f} ms; the same search warm {row['warm_ms']:.1f} ms")
    return {k: round(v, 3) for k, v in row.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=9, help="runs of each measurement (median)")
    ap.add_argument("--workdir", type=Path, default=None, help="keep the corpus and cache here")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="reinvent-mcp-bench-"))
    corpus, cache = work / "corpus", work / "cache"
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "reinvent_cli")], check=True)  # as pip install does
    if not corpus.exists():
        subprocess.run(["python3", str(MAKE_CORPUS), str(corpus), "--files", str(args.files)], check=True)
    env = {**os.environ, "REINVENT_CACHE_DIR": str(cache)}
    env.pop("REINVENT_NOTES", None)
    bundled = ROOT / "data" / "reinvent-2015.md"
    for notes in (bundled, corpus):  # warm the cache
        cli_run(notes, ["talks"], env)
    results: dict[str, Any] = {"machine": {"nproc": os.cpu_count(), "python": platform.python_version(),
                                           "load_average": os.getloadavg()}, "files": args.files}
    print(f"machine: {results['machine']}\ncorpus: {args.files} files in {corpus}")
    results["bundled"] = measure("bundled notes, warm cache", bundled, env, args.runs)
    results["corpus"] = measure(f"{args.files}-file corpus, warm cache", corpus, env, args.runs)
    results["corpus_after_edit"] = after_edit(corpus, env, args.runs)
    results["machine"]["load_average_after"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
