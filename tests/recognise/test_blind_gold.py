"""The blind evaluation set (eval/blind/): real notes by other people, annotated, kept apart from whoever writes
recognition rules. The gold must be well formed and be what annotate.py builds; the scores on it are printed
for the report (run with -s to see them) and have no floor here: floors are set later, by the integrator.
The negative set (eval/blind-other/) is counted the same way, figures only.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "eval" / "blind"
GOLD = BLIND / "gold.json"
STRUCTURE = ROOT.parent / "shared" / "eval" / "structure.py"


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_blind_gold_verifies():
    verify = _load(BLIND / "verify.py", "blind_verify")
    assert verify.check(GOLD) == []


def test_blind_gold_is_what_annotate_builds():
    annotate = _load(BLIND / "annotate.py", "blind_annotate")
    assert annotate.build() == json.loads(GOLD.read_text(encoding="utf-8"))


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REINVENT_", "STRUCTURE_", "COUNT_"))}
    env["REINVENT_CACHE_DIR"] = str(tmp_path / "cache")
    return env


def _score(gold_path: Path, tmp_path: Path) -> str:
    env = _clean_env(tmp_path)
    env["STRUCTURE_GOLD_PATH"] = str(gold_path)
    run = subprocess.run([sys.executable, str(STRUCTURE), sys.executable, "-m", "reinvent_cli"],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    summary = [line for line in run.stdout.splitlines() if line.startswith("talks P ")]
    assert summary, run.stdout[-2000:]
    return summary[-1]


def test_blind_structure_figures(tmp_path):
    """Scores eval/blind/gold.json with ../shared/eval/structure.py; prints the figures, asserts only that it ran.
    (eval/blind/unseen.py scores the files from repositories the development set does not use.)"""
    if not STRUCTURE.is_file():
        pytest.skip(f"{STRUCTURE} is absent (the shared eval lives beside the checkout)")
    print(f"\nblind set: {_score(GOLD, tmp_path)}")


def test_blind_other_manifest():
    count = _load(ROOT / "eval" / "blind-other" / "count.py", "blind_other_count")
    assert count.check_manifest() == []


def test_blind_other_figures(tmp_path):
    """Counts talks/speakers found in eval/blind-other/ per 100 files; prints the figures only."""
    count = _load(ROOT / "eval" / "blind-other" / "count.py", "blind_other_count")
    os.environ.pop("COUNT_SHOW", None)
    assert count.main([sys.executable, "-m", "reinvent_cli"]) == 0


@pytest.mark.parametrize("name", ["blind2", "blind3", "blind4", "blind5", "blind6", "blind7"])
def test_later_blind_golds_verify(name):
    """eval/blind2 (now a development set) and eval/blind3 (split into a dev and a held half): well formed."""
    verify = _load(BLIND / "verify.py", "blind_verify")
    assert verify.check(ROOT / "eval" / name / "gold.json") == []


def test_blind3_split_covers_every_repository_once():
    split = json.loads((ROOT / "eval" / "blind3" / "split.json").read_text(encoding="utf-8"))
    gold = json.loads((ROOT / "eval" / "blind3" / "gold.json").read_text(encoding="utf-8"))
    repos = {f["source"].split(":")[0] for f in gold["files"]}
    assert set(split["dev"]) | set(split["held"]) == repos
    assert not set(split["dev"]) & set(split["held"])
