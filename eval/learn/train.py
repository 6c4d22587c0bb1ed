#!/usr/bin/env python3
"""Learns the weights of a talk-candidate scorer (eval/learn/features.py) from every annotated notes file that
may be trained on, and measures it on files it was not fitted to.

    python eval/learn/train.py [--threshold 0.3 0.5 0.7 0.9] [--l2 1] [--every] [--forms heading,list item]
                               [--oracle] [--verbose]

Gold: ../shared/devnotes/gold.json (the development set), tests/fixtures/holdout/gold.json, eval/blind/gold.json,
eval/blind2/gold.json, and eval/blind3/gold.json's **dev half only** (split.json "dev", cut by repository as
eval/blind_score.py cuts it). eval/blind3's held half and eval/blind4 are never read: they are the blind figures.
A candidate is a heading, list item (nested too), bold or plain lead line or table row that the rules left
undecided in a file the rules call talk notes (not a one-talk post); its label is whether the gold has a talk on
its line (``--every``: the rules' own talks and sections are training rows too). The model is an L2-regularised
logistic regression (numpy, here only). Folds leave out one *source* at a time (every file of one repository, or
one hand-written fixture; translations of one post are one source): no file teaches the model about itself or its
siblings. Each fold's figures come from running the package's own read_notes with that fold's weights, the
scorer's talks added to the reading after the kind decision and before the walk (where a run-time hook would sit).
``--oracle`` promotes exactly the candidates the gold calls talks: the ceiling of this design.
Needs numpy (``pip install numpy``); the package itself does not.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from reinvent_cli import recognise  # noqa: E402
from reinvent_cli.read.overrides import find_layout  # noqa: E402
from reinvent_cli.read.source import read_source  # noqa: E402
from reinvent_cli.recognise import Reading, read_notes  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import features as score  # noqa: E402

SETS = {
    "devnotes": SHARED / "devnotes" / "gold.json",
    "holdout": ROOT / "tests" / "fixtures" / "holdout" / "gold.json",
    "blind": ROOT / "eval" / "blind" / "gold.json",
    "blind2": ROOT / "eval" / "blind2" / "gold.json",
    "blind3dev": ROOT / "eval" / "blind3" / "gold.json",  # its dev half only (split.json): see _half
}
# eval/blind3's held half and eval/blind4 are never read here: they are the integrator's blind figures.
_HALF = {"blind3dev": "dev"}
_L2 = [1.0]  # the L2 penalty (--l2)
_TRANSLATION = re.compile(r"^([^/]+/)(?:[a-z]{2}(?:-[a-z]{2})?)\.")
THRESHOLD = 0.8


def _half(name: str, path: Path, files: list[dict]) -> list[dict]:
    """The files of a set; of a split set, only those of the half named in _HALF (as eval/blind_score.py cuts it:
    by the repository in manifest.tsv's second column)."""
    if name not in _HALF:
        return files
    repos = set(json.loads((path.parent / "split.json").read_text(encoding="utf-8"))[_HALF[name]])
    rows = [r.split("\t") for r in (path.parent / "manifest.tsv").read_text(encoding="utf-8").splitlines() if r]
    keep = {r[0] for r in rows if len(r) > 1 and r[1] in repos}
    return [f for f in files if f["file"] in keep]


def gold_files() -> list[dict]:
    dev_repos: set[str] = set()
    out = []
    for name, path in SETS.items():
        if not path.exists():
            continue
        for f in _half(name, path, json.loads(path.read_text(encoding="utf-8"))["files"]):
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


_LAST: dict[str, object] = {}
_PLAN_FILE, _DECIDE = recognise.plan_file, recognise.decide


def _plan_file(tokens, one_talk, layout=None, lines=None):  # type: ignore[no-untyped-def]
    plan = _PLAN_FILE(tokens, one_talk, layout, lines)
    _LAST["plan"], _LAST["one_talk"] = plan, one_talk
    return plan


def _decide(src, tokens, roles):  # type: ignore[no-untyped-def]
    """The kind decision, then (a file of talk notes, not one talk's post) the scorer's talks added to the
    reading before the walk: where a run-time hook would sit (recognise/__init__.py, read_notes)."""
    decision = _DECIDE(src, tokens, roles)
    plan = _LAST.get("plan")
    if decision.talks and score.WEIGHTS and plan is not None and plan.roles is roles and not _LAST["one_talk"]:
        score.promote(plan)
    return decision


def read(f: dict) -> Reading:
    """The file read as the package reads it, with the scorer's talks (if weights are set) in its reading.
    (The first read hooks _plan_file and _decide into reinvent_cli.recognise, for this process: importing this
    module alone changes nothing.)"""
    recognise.plan_file, recognise.decide = _plan_file, _decide
    _LAST.clear()
    src = read_source(f["path"])
    src.path = f["file"]
    return read_notes(src, find_layout(f["path"]))


def collect(files: list[dict], every: bool = False) -> dict[str, list[tuple[dict[str, float], int]]]:
    """Each file's candidates (features, label) with the scorer off: those the rules left undecided (with
    ``every``, the rules' talks and sections too)."""
    _install({}, 0.0, 1.0)
    out = {}
    for f in files:
        r = read(f)
        gold = {t["line"] for t in f["talks"]}
        rows = []
        have = {t.line for t in r.doc.talks}
        if r.plan.segs and (r.plan.decision is None or r.plan.decision.talks) and not _LAST.get("one_talk"):
            for c in score.candidates(r.plan):
                if c.open and c.line not in have or every:
                    rows.append((c.feats, int(c.line in gold)))
        out[f["file"]] = rows
    return out


def fit(rows: list[tuple[dict[str, float], int]], names: list[str]) -> tuple[dict[str, float], float]:
    import numpy as np  # (dev only: the package does not need it)

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
    return f"P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"


SHOWN = ("devnotes", "holdout", "blind", "blind2", "blind3dev", "blind2+3dev", "all")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, nargs="+", default=[0.3, 0.5, 0.7, 0.9])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--every", action="store_true", help="train on the rules' decided lines too")
    ap.add_argument("--oracle", action="store_true",
                    help="promote exactly the candidates the gold calls talks (the ceiling of this design)")
    ap.add_argument("--forms", default=",".join(score.FORMS), help="candidate forms, comma-separated")
    args = ap.parse_args()
    _L2[0] = args.l2
    score._ON.clear()
    score._ON.update(x.strip() for x in args.forms.split(","))
    files = gold_files()
    rows = collect(files, args.every)
    names = sorted({k for rs in rows.values() for feats, _ in rs for k in feats})
    print(f"{len(files)} files, {sum(len(r) for r in rows.values())} candidates, "
          f"{sum(label for r in rows.values() for _, label in r)} of them talks in the gold, {len(names)} features; "
          f"forms {args.forms}, l2 {args.l2}{', every line' if args.every else ''}")
    groups: dict[str, list[dict]] = defaultdict(list)
    for f in files:
        groups[f["group"]].append(f)
    before: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    after: dict[float, dict[str, list[int]]] = {t: defaultdict(lambda: [0, 0, 0]) for t in args.threshold}

    def add(to: dict[str, list[int]], f: dict, c: tuple[int, int, int]) -> None:
        keys = [f["set"], "all"] + (["blind2+3dev"] if f["set"] in ("blind2", "blind3dev") else [])
        for k in keys:
            for i in range(3):
                to[k][i] += c[i]

    _install({}, 0.0, 1.0)
    for f in files:
        add(before, f, talks_counts(f))
    for g, members in groups.items():
        train = [r for f in files if f["group"] != g for r in rows[f["file"]]]
        w, b = fit(train, names)
        for t in args.threshold:
            _install(w, b, t)
            for f in members:
                if args.oracle:
                    score.ORACLE = {x["line"] for x in f["talks"]}
                c = talks_counts(f)
                score.ORACLE = None
                add(after[t], f, c)
                if args.verbose and c != talks_counts_cached(f):
                    print(f"  {t} {f['file']}: {c}")
    print(f"leave-one-source-out ({len(groups)} sources), talks:")
    for k in SHOWN:
        if k in before:
            print(f"  {k:12} rules alone          {prf(before[k])}")
            for t in args.threshold:
                print(f"  {'':12} rules+scorer >= {t:<4} {prf(after[t][k])}")
    return 0


_BEFORE: dict[str, tuple[int, int, int]] = {}


def talks_counts_cached(f: dict) -> tuple[int, int, int]:
    """The file's counts by the rules alone (for --verbose)."""
    if f["file"] not in _BEFORE:
        keep = score.WEIGHTS, score.BIAS, score.THRESHOLD
        _install({}, 0.0, 1.0)
        _BEFORE[f["file"]] = talks_counts(f)
        _install(*keep)
    return _BEFORE[f["file"]]


if __name__ == "__main__":
    sys.exit(main())
