#!/usr/bin/env python3
"""Search relevance benchmark: reinvent's ranked search vs. the `fzf --filter` baseline.

For every judged query (the shared file ../shared/eval/search-queries.json and
benchmarks/queries-extra.json) this finds the rank (1-10) of the first hit that sits under an
accepted heading, for

* reinvent: ``reinvent_cli.index.search.search`` in-process (or ``reinvent search --json`` with --cli);
* fzf:      ``grep -n '' NOTES | fzf --filter QUERY``, each output line mapped to the markdown
            headings that enclose it (a scan of '#' lines outside code fences).

Figures: top-1 accuracy, MRR@10, found@10 (recall of an acceptable hit in the top 10), negatives
correctly empty. A query's hit is acceptable when one of its heading titles contains an accept
string (case-insensitive), the same rule as tests/index/test_relevance.py.

Usage (from the repository root):

    /tmp/venv/bin/python benchmarks/relevance.py                 # table on stdout
    /tmp/venv/bin/python benchmarks/relevance.py --write-doc     # also rewrite docs/relevance.md
    /tmp/venv/bin/python benchmarks/relevance.py --cli           # go through the CLI (--json)
    /tmp/venv/bin/python benchmarks/relevance.py --json out.json # per-query results as JSON
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NOTES = ROOT / "data" / "reinvent-2015.md"
DEFAULT_SHARED = ROOT.parent / "shared" / "eval" / "search-queries.json"
DEFAULT_EXTRA = ROOT / "benchmarks" / "queries-extra.json"
DOC = ROOT / "docs" / "relevance.md"
K = 10


def _import_path(argv: list[str]) -> str:
    """--src DIR (the folder holding reinvent_cli/) is honoured before reinvent_cli is imported."""
    for i, a in enumerate(argv):
        if a == "--src" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--src="):
            return a.split("=", 1)[1]
    return str(ROOT)


sys.path.insert(0, _import_path(sys.argv))


# --- judgments ---------------------------------------------------------------------------------


def accepted(path: list[str], accept: list[str]) -> bool:
    return any(a.lower() in p.lower() for a in accept for p in path)


def first_ok_rank(paths: list[list[str]], accept: list[str]) -> int | None:
    for rank, path in enumerate(paths[:K], 1):
        if accepted(path, accept):
            return rank
    return None


# --- engines -----------------------------------------------------------------------------------


@dataclass
class Result:
    paths: list[list[str]]            # heading path of each hit, best first (top K)
    tops: list[str] = field(default_factory=list)  # short description of the first hits
    count: int = 0                    # number of hits (all of them, not only the top K)


class Reinvent:
    name = "reinvent"

    def __init__(self, notes: Path, use_cli: bool = False) -> None:
        self.notes = notes
        self.use_cli = use_cli
        if use_cli:
            import atexit
            import tempfile

            self.cache_dir = tempfile.mkdtemp(prefix="reinvent-bench-cache-")
            atexit.register(shutil.rmtree, self.cache_dir, True)
        if not use_cli:
            from reinvent_cli.notes.load import load_notes

            self.index = load_notes([str(notes)], use_cache=False).search_index()

    def run(self, query: str) -> Result:
        if self.use_cli:
            exe = shutil.which("reinvent") or str(Path(sys.executable).parent / "reinvent")
            # through the cached (SQLite) index, as users run it; the cache lives in a private temp folder
            env = dict(os.environ, REINVENT_CACHE_DIR=self.cache_dir)
            out = subprocess.run([exe, "--notes", str(self.notes), "search", "--json", "--limit", "0",
                                  "--", *query.split()], capture_output=True, text=True, env=env)
            if out.returncode not in (0, 1) and not out.stdout.strip():
                raise SystemExit(f"reinvent search {query!r} failed: {out.stderr.strip()[-500:]}")
            hits = json.loads(out.stdout) if out.stdout.strip() else []
            rows = [(h["path"], h["kind"], h["line"], h["score"], h["text"]) for h in hits]
        else:
            from reinvent_cli.index.search import search

            hits = search(self.index, query, limit=None)
            rows = [(h.entry.path, h.kind, h.line, h.score, h.entry.text) for h in hits]
        return Result(paths=[list(r[0]) for r in rows[:K]],
                      tops=[f"{r[1]}@{r[2]} ({r[3]}) {_short(r[4])}" for r in rows[:3]],
                      count=len(rows))


class Fzf:
    name = "fzf"

    def __init__(self, notes: Path) -> None:
        if not shutil.which("fzf"):
            raise SystemExit("fzf is not installed: apt-get install -y fzf")
        self.notes = notes
        self.lines = notes.read_text(encoding="utf-8").splitlines()
        self.heading_path = heading_paths(self.lines)
        self.numbered = "".join(f"{n}:{line}\n" for n, line in enumerate(self.lines, 1))  # = grep -n '' NOTES

    def run(self, query: str) -> Result:
        out = subprocess.run(["fzf", "--filter", query], input=self.numbered, capture_output=True, text=True)
        rows = []
        for row in out.stdout.splitlines():
            n, _, text = row.partition(":")
            if n.isdigit():
                rows.append((int(n), text))
        return Result(paths=[self.heading_path[n - 1] for n, _ in rows[:K]],
                      tops=[f"line {n}: {_short(t)}" for n, t in rows[:3]], count=len(rows))


HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE_RE = re.compile(r"^\s*(```|~~~)")


def heading_paths(lines: list[str]) -> list[list[str]]:
    """For each line, the titles of the markdown headings that enclose it (a heading encloses itself)."""
    stack: list[tuple[int, str]] = []
    out = []
    fence = None
    in_front = bool(lines) and lines[0].strip() == "---"
    for i, line in enumerate(lines):
        if in_front:
            if i > 0 and line.strip() in ("---", "..."):
                in_front = False
            out.append([])
            continue
        m = FENCE_RE.match(line)
        if m:
            fence = None if fence == m.group(1) else (fence or m.group(1))
        elif fence is None:
            h = HEADING_RE.match(line)
            if h:
                level = len(h.group(1))
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, h.group(2)))
        out.append([t for _, t in stack])
    return out


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# --- evaluation --------------------------------------------------------------------------------


def evaluate(engines, judgments: dict) -> dict:
    rows = []
    for item in judgments["queries"]:
        row = {"q": item["q"], "type": item.get("type", ""), "accept": item["accept"]}
        for eng in engines:
            res = eng.run(item["q"])
            row[eng.name] = {"rank": first_ok_rank(res.paths, item["accept"]), "count": res.count,
                             "top": res.tops, "top_path": res.paths[0] if res.paths else None}
        rows.append(row)
    negs = []
    for q in judgments.get("negatives", []):
        row = {"q": q}
        for eng in engines:
            res = eng.run(q)
            row[eng.name] = {"count": res.count, "top": res.tops}
        negs.append(row)
    summary = {}
    for eng in engines:
        ranks = [r[eng.name]["rank"] for r in rows]
        n = max(len(ranks), 1)
        summary[eng.name] = {
            "queries": len(ranks),
            "top1": sum(1 for r in ranks if r == 1) / n,
            "mrr10": sum(1 / r for r in ranks if r) / n,
            "found10": sum(1 for r in ranks if r) / n,
            "empty": sum(1 for r in rows if r[eng.name]["count"] == 0),
            "negatives": len(negs),
            "negatives_ok": sum(1 for r in negs if r[eng.name]["count"] == 0),
        }
    return {"rows": rows, "negatives": negs, "summary": summary}


def fmt_rank(r) -> str:
    return str(r) if r else "-"


def summary_table(results: dict[str, dict], engines) -> list[str]:
    out = ["| query set | engine | queries | top-1 | MRR@10 | found@10 | no hits | negatives empty |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    for label, res in results.items():
        for eng in engines:
            s = res["summary"][eng.name]
            out.append(f"| {label} | {eng.name} | {s['queries']} | {s['top1']:.1%} | {s['mrr10']:.3f} | "
                       f"{s['found10']:.1%} | {s['empty']} | {s['negatives_ok']}/{s['negatives']} |")
    return out


def type_table(res: dict, engines) -> list[str]:
    types: dict[str, list] = {}
    for r in res["rows"]:
        types.setdefault(r["type"] or "-", []).append(r)
    out = ["| type | n | " + " | ".join(f"{e.name} top-1 | {e.name} MRR@10" for e in engines) + " |",
           "|---|---:|" + "---:|" * (2 * len(engines))]
    for t, rs in types.items():
        cells = []
        for e in engines:
            ranks = [r[e.name]["rank"] for r in rs]
            cells.append(f"{sum(1 for x in ranks if x == 1)}/{len(rs)}")
            cells.append(f"{sum(1 / x for x in ranks if x) / len(rs):.2f}")
        out.append(f"| {t} | {len(rs)} | " + " | ".join(cells) + " |")
    return out


def per_query_table(res: dict, engines) -> list[str]:
    out = ["| query | type | " + " | ".join(f"{e.name} rank" for e in engines) + " | reinvent top hit | flag |",
           "|---|---|" + "---:|" * len(engines) + "---|---|"]
    for r in res["rows"]:
        ranks = [r[e.name]["rank"] for e in engines]
        flag = flag_of(r)
        top = r["reinvent"]["top"][0] if r["reinvent"]["top"] else "(no hits)"
        path = " › ".join(r["reinvent"]["top_path"][-1:]) if r["reinvent"]["top_path"] else ""
        out.append(f"| `{r['q']}` | {r['type']} | " + " | ".join(fmt_rank(x) for x in ranks)
                   + f" | {_md(top)} [{_md(path)}] | {flag} |")
    for r in res["negatives"]:
        counts = [r[e.name]["count"] for e in engines]
        flag = "JUNK" if r["reinvent"]["count"] else ""
        top = r["reinvent"]["top"][0] if r["reinvent"]["top"] else "(no hits)"
        out.append(f"| `{r['q']}` | negative | " + " | ".join(f"{c} hits" for c in counts) + f" | {_md(top)} | {flag} |")
    return out


def flag_of(r: dict) -> str:
    a, b = r["reinvent"]["rank"], r.get("fzf", {}).get("rank")
    flags = []
    if a != 1:
        flags.append("MISS" if a is None else "WRONG-TOP")
    if r["reinvent"]["count"] == 0:
        flags.append("EMPTY")
    if "fzf" in r and b and (a is None or a > b):
        flags.append("WORSE-THAN-FZF")
    return " ".join(flags)


def _md(s: str) -> str:
    return s.replace("|", "\\|")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--notes", type=Path, default=DEFAULT_NOTES)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--extra", type=Path, default=DEFAULT_EXTRA)
    ap.add_argument("--cli", action="store_true", help="run `reinvent search --json` instead of importing")
    ap.add_argument("--no-fzf", action="store_true", help="skip the fzf baseline")
    ap.add_argument("--write-doc", action="store_true", help=f"rewrite {DOC.relative_to(ROOT)}")
    ap.add_argument("--json", type=Path, help="write per-query results here")
    ap.add_argument("--quiet", "-q", action="store_true", help="summary only")
    ap.add_argument("--src", help="import reinvent_cli from this folder instead of the checkout (to try a patch)")
    args = ap.parse_args(argv)

    engines = [Reinvent(args.notes, use_cli=args.cli)]
    if not args.no_fzf:
        engines.append(Fzf(args.notes))
    sets = {}
    for label, path in (("shared", args.shared), ("extra", args.extra)):
        if path.exists():
            sets[label] = json.loads(path.read_text(encoding="utf-8"))
        else:
            print(f"warning: {path} not found; skipped", file=sys.stderr)
    if "extra" in sets:  # the extra queries written before either engine was run (no 'origin': 'probe')
        blind = dict(sets["extra"], queries=[q for q in sets["extra"]["queries"] if q.get("origin") != "probe"])
        sets["extra-blind"] = blind
    results = {label: evaluate(engines, j) for label, j in sets.items()}

    lines = ["## Summary", "", *summary_table(results, engines)]
    for label, res in results.items():
        if label != "extra-blind":
            lines += ["", f"### By query type ({label})", "", *type_table(res, engines)]
    if not args.quiet:
        for label, res in results.items():
            if label == "extra-blind":
                continue
            lines += ["", f"## Per query ({label})", "", *per_query_table(res, engines)]
    print("\n".join(lines))

    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.write_doc:
        write_doc(results, engines)
    return 0


def write_doc(results, engines) -> None:
    head = DOC.read_text(encoding="utf-8").split("<!-- figures -->")[0] if DOC.exists() else ""
    if not head:
        head = "# Search relevance\n\n"
    fzf_v = subprocess.run(["fzf", "--version"], capture_output=True, text=True).stdout.strip() if shutil.which("fzf") else "n/a"
    body = ["<!-- figures -->", "",
            "Generated by `/tmp/venv/bin/python benchmarks/relevance.py --write-doc` "
            f"(fzf {fzf_v}; notes `data/reinvent-2015.md`).", "",
            "## Summary", "", *summary_table(results, engines)]
    for label, res in results.items():
        if label != "extra-blind":
            body += ["", f"### By query type ({label})", "", *type_table(res, engines)]
    for label, res in results.items():
        if label == "extra-blind":
            continue
        body += ["", f"## Per query ({label})", "",
                 "Rank = position (1-10) of the first hit under an accepted heading; `-` = none in the top 10. "
                 "Flags: MISS (no acceptable hit in the top 10), WRONG-TOP (acceptable hit, not first), EMPTY (no hits), "
                 "WORSE-THAN-FZF, JUNK (hits for a negative).", "",
                 *per_query_table(res, engines)]
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(head.rstrip("\n") + "\n\n" + "\n".join(body) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
