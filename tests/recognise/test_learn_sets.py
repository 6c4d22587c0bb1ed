"""eval/learn/train.py (the learned talk scorer, an experiment outside the package) trains on every annotated file it
may: never on eval/blind3's held half nor on eval/blind4, which are kept for the integrator's blind figures.
Importing it changes nothing in the package (its hooks go in only when it reads a file), and it needs no numpy
until it fits."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEARN = ROOT / "eval" / "learn"
BLIND3 = ROOT / "eval" / "blind3"


def _train():
    spec = importlib.util.spec_from_file_location("learn_train", LEARN / "train.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _half(name: str) -> set[str]:
    repos = set(json.loads((BLIND3 / "split.json").read_text(encoding="utf-8"))[name])
    rows = csv.reader((BLIND3 / "manifest.tsv").open(encoding="utf-8"), delimiter="\t")
    return {r[0] for r in rows if len(r) > 1 and r[1] in repos}


def test_train_reads_blind3_dev_half_only_and_no_blind4():
    from reinvent_cli import recognise

    before = recognise.plan_file, recognise.decide
    path = list(sys.path)
    train = _train()
    try:
        assert (recognise.plan_file, recognise.decide) == before  # (importing it hooks nothing)
        files = train.gold_files()
        paths = {f["path"].resolve() for f in files}
        held = {(BLIND3 / name).resolve() for name in _half("held")}
        dev = {(BLIND3 / name).resolve() for name in _half("dev")}
        assert held and dev and not held & dev
        assert not paths & held
        assert {p for p in paths if p.parent == BLIND3.resolve()} == dev
        assert not any("blind4" in p.parts for p in paths)
        assert {f["set"] for f in files} >= {"holdout", "blind", "blind2", "blind3dev"}
    finally:
        sys.path[:] = path
        sys.modules.pop("features", None)  # (train.py's scorer module, imported by that name)
