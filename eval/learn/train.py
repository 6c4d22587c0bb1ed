#!/usr/bin/env python3
"""Learns the weights of the talk-candidate scorer (reinvent_cli/recognise/score.py) from every annotated notes
file there is, and measures it on files it was not fitted to.

    python eval/learn/train.py [--threshold 0.8] [--l2 1] [--verbose]

Gold: ../shared/devnotes/gold.json (the development set), tests/fixtures/holdout/gold.json, eval/blind/gold.json.
A candidate is a heading or list item the rules did not make a talk (in a file the rules call talk notes); its
label is whether the gold has a talk on its line. The model is an L2-regularised logistic regression (numpy,
here only). Folds leave out one *source* at a time (every file of
one repository, or one hand-written fixture): translations and sibling posts of one blog never teach the model
about themselves. Each fold's figures come from running the real recognition with that fold's weights.
Needs numpy (``pip install numpy``); the package itself does not.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from reinvent_cli.read.mdast import parse_tokens  # noqa: E402
from reinvent_cli.read.overrides import find_layout  # noqa: E402
from reinvent_cli.read.source import read_source  # noqa: E402
from reinvent_cli.recognise import Reading, read_notes  # noqa: E402
from reinvent_cli.recognise.walker.html_blocks import expand_html_blocks  # noqa: E402
from reinvent_cli.recognise.walker.walk import walk  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import features as score  # noqa: E402

SETS = {
    "devnotes": SHARED / "devnotes" / "gold.json",
    "holdout": ROOT / "tests" / "fixtures" / "holdout" / "gold.json",
    "blind": ROOT / "eval" / "blind" / "gold.json",
}
_L2 = [1.0]  # the L2 penalty (--l2)
_TRANSLATION = re.compile(r"^([^/]+/)(?:[a-z]{2}(?:-[a-z]{2})?)\.")
THRESHOLD = 0.8


def gold_files() -> list[dict]:
    dev_repos: set[str] = set()
    out = []
    for name, path in SETS.items():
        if not path.exists():
            continue
        for f in json.loads(path.read_text(encoding="utf-8"))["files"]:
            src = str(f.get("source") or "")
            repo = src.split(":", 1)[0] if ":" in src else f"{name}/{f['file']}"
            repo = _TRANSLATION.sub(r"\1", repo)  # reactjs/es.react.dev: the translation is reactjs/react.dev's
            if name == "devnotes":
                dev_repos.add(repo)
            out.append({**f, "set": name, "group": repo, "path": path.parent / f["file"]})
    for f in out:
        f["unseen"] = f["set"] == "blind" and f["group"] not in dev_repos
    return out


def _install(w: dict[str, float], bias: float, threshold: float) -> None:
    score.WEIGHTS, score.BIAS, score.THRESHOLD = w, bias, threshold


def read(f: dict):
    """The file read as the package reads it, then (if weights are set) the scorer's talks added and walked."""
    src = read_source(f["path"])
    src.path = f["file"]
    reading = read_notes(src, find_layout(f["path"]))
    if not score.WEIGHTS or not reading.plan.segs or not score.promote(reading.plan):
        return reading
    src = read_source(f["path"])
    src.path = f["file"]
    doc, _ = walk(src, expand_html_blocks(parse_tokens(src.body)), reading.plan, None)
    return Reading(doc, reading.plan, reading.state)


def collect(files: list[dict]) -> dict[str, list[tuple[dict[str, float], int]]]:
    """Each file's candidates (features, label) with the scorer off."""
    _install({}, 0.0, 1.0)
    out = {}
    for f in files:
        r = read(f)
        gold = {t["line"] for t in f["talks"]}
        rows = []
        if r.plan.segs and (r.plan.decision is None or r.plan.decision.talks):
            for c in score.candidates(r.plan):  # (the rules' talks too: they teach what talks look like)
                rows.append((c.feats, int(c.line in gold)))
        out[f["file"]] = rows
    return out


def fit(rows: list[tuple[dict[str, float], int]], names: list[str]) -> tuple[dict[str, float], float]:
    if not rows:
        return {}, 0.0
    idx = {n: i for i, n in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    y = np.zeros(len(rows))
    for r, (feats, label) in enumerate(rows):
        for k, v in feats.items():
            if k in idx:
                X[r, idx[k]] = v
        y[r] = label
    X = np.hstack([np.ones((len(rows), 1)), X])
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], _L2[0])
    reg[0] = 1e-6
    for _ in range(50):  # Newton's method (IRLS)
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        g = X.T @ (p - y) + reg * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {n: float(round(w[i + 1], 4)) for i, n in enumerate(names) if abs(w[i + 1]) >= 1e-4}, float(round(w[0], 4))


def _words(s: str | None) -> set[str]:
    return set(re.findall(r"\w+", (s or "").casefold()))


def _similar(a: str | None, b: str | None) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def talks_counts(f: dict) -> tuple[int, int, int]:
    """(tp, fp, fn) of the file's talks as recognised now, matched as ../shared/eval/structure.py does."""
    doc = read(f).doc
    pred = [(t.line, t.title) for t in doc.talks]
    used: set[int] = set()
    tp = 0
    for g in f["talks"]:
        cand = [i for i, p in enumerate(pred) if i not in used and p[0] == g["line"]]
        if not cand:
            cand = [i for i, p in enumerate(pred) if i not in used and abs(p[0] - g["line"]) <= 3
                    and _similar(p[1], g["title"])]
        if cand:
            used.add(cand[0])
            tp += 1
    return tp, len(pred) - tp, len(f["talks"]) - tp


def prf(c: list[int]) -> str:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f} R {r:.2f} F1 {f1:.2f} (tp {tp}, fp {fp}, fn {fn})"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args()
    _L2[0] = args.l2
    files = gold_files()
    rows = collect(files)
    names = sorted({k for rs in rows.values() for feats, _ in rs for k in feats})
    print(f"{len(files)} files, {sum(len(r) for r in rows.values())} candidates, "
          f"{sum(label for r in rows.values() for _, label in r)} of them talks in the gold, {len(names)} features")
    groups: dict[str, list[dict]] = defaultdict(list)
    for f in files:
        groups[f["group"]].append(f)
    before: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    after: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(to: dict[str, list[int]], f: dict, c: tuple[int, int, int]) -> None:
        keys = [f["set"], "all"] + (["blind-unseen"] if f["unseen"] else [])
        for k in keys:
            for i in range(3):
                to[k][i] += c[i]

    _install({}, 0.0, 1.0)
    for f in files:
        add(before, f, talks_counts(f))
    for g, members in groups.items():
        train = [r for f in files if f["group"] != g for r in rows[f["file"]]]
        w, b = fit(train, names)
        _install(w, b, args.threshold)
        for f in members:
            c = talks_counts(f)
            add(after, f, c)
            if args.verbose:
                print(f"  {f['file']}: {c}")
    print(f"leave-one-source-out ({len(groups)} sources), threshold {args.threshold}:")
    for k in ("devnotes", "holdout", "blind", "blind-unseen", "all"):
        if k in before:
            print(f"  {k:13} rules alone   {prf(before[k])}\n  {'':13} rules+scorer  {prf(after[k])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
