"""Held-out check of structure recognition: ../shared/eval/structure.py on tests/fixtures/holdout/gold.json.

The hold-out notes (15 files written fresh, in the styles real people use) are kept apart from the
development set (../shared/devnotes/). Some rules were added after a first run on them, so they are a
second development set now, and these floors (the issue's targets) guard it; the gold itself is checked
strictly (it must be what annotate.py builds, every line in range).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT = ROOT / "tests" / "fixtures" / "holdout"
GOLD = HOLDOUT / "gold.json"
STRUCTURE = ROOT.parent / "shared" / "eval" / "structure.py"

SUMMARY = re.compile(
    r"talks P (?P<tp>[\d.]+) R (?P<tr>[\d.]+) F1 (?P<talks>[\d.]+) \| "
    r"speakers P (?P<sp>[\d.]+) R (?P<sr>[\d.]+) F1 (?P<speakers>[\d.]+) \| "
    r"days (?P<days>[\d.]+) \| "
    r"announcements P (?P<ap>[\d.]+) R (?P<ar>[\d.]+) F1 (?P<announcements>[\d.]+)"
)

FLOORS = {"talks": 0.95, "speakers": 0.90, "announcements": 0.90, "days": 0.97}


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> dict[str, float]:
    """One run of structure.py over the hold-out gold (each file read alone, --no-cache): its summary figures."""
    if not STRUCTURE.is_file():
        pytest.skip(f"{STRUCTURE} is absent (the shared eval lives beside the checkout)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REINVENT_", "STRUCTURE_"))}
    env["STRUCTURE_GOLD_PATH"] = str(GOLD)
    env["REINVENT_CACHE_DIR"] = str(tmp_path_factory.mktemp("holdout-cache"))
    run = subprocess.run([sys.executable, str(STRUCTURE), sys.executable, "-m", "reinvent_cli"],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    match = SUMMARY.search(run.stdout)
    assert match, f"no summary line in structure.py output:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    return {k: float(v) for k, v in match.groupdict().items()}


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_holdout_floor(figures, measure):
    assert figures[measure] >= FLOORS[measure], f"{measure} {figures[measure]:.2f} < {FLOORS[measure]} ({figures})"


def test_holdout_gold_is_what_annotate_builds():
    spec = importlib.util.spec_from_file_location("holdout_annotate", HOLDOUT / "annotate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == json.loads(GOLD.read_text(encoding="utf-8"))


def test_holdout_gold_lines_are_in_range():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert 12 <= len(gold["files"]) <= 16
    for entry in gold["files"]:
        text = (HOLDOUT / entry["file"]).read_bytes().decode("utf-8").replace("\r\n", "\n")
        nlines = text.count("\n") + (not text.endswith("\n"))
        assert 40 <= nlines <= 200, entry["file"]
        lines = [d["line"] for d in entry["days"]] + [t["line"] for t in entry["talks"]]
        lines += [a["line"] for a in entry["announcements"]] + [n["line"] for n in entry["not_talks"]]
        lines += [n for q in entry["queries"] for n in q["lines"]]
        assert all(1 <= n <= nlines for n in lines), entry["file"]
        days = {d["day"] for d in entry["days"]}
        assert all(t["day"] in days for t in entry["talks"]) if days else all(t["day"] is None for t in entry["talks"])


# Cut down from cloudtage-leipzig-2025.md: a schedule item holding nested talk items, a sibling talk item,
# then a later heading once made the whole file unreadable (KeyError: 'line' in the recognition walk).
NESTED_SCHEDULE = (
    "- 13:30 Lightning Talks\n"
    "  - [SBOMs](https://x.example/b) von *Ole Hansen*\n"
    "- 15:00 [Abschluss](https://x.example/c) von *Ruth C*\n"
    "\n"
    "## Party\n"
)


def test_nested_schedule_items_before_a_heading_do_not_stop_the_parse():
    from reinvent_cli.read.source import source_from_bytes  # imported here: only this test needs the core
    from reinvent_cli.recognise import parse_source

    doc = parse_source(source_from_bytes(NESTED_SCHEDULE.encode("utf-8"), "x.md"))
    assert any(e.line == 5 for e in doc.entries)


# Floors on the blind sets opened and studied (eval/blind4, eval/blind5): once studied, their figures are development
# figures, and these keep what was won. The honest figures are on sets nobody opened (eval/blind6, blind3's held
# half): printed by their score.py, never asserted, so that no test is tuned to them. (A little under the figures
# at the commit that added them: blind4 talks 0.89, speakers 0.83; blind5 talks 0.83, speakers 0.88.)
STUDIED_FLOORS = {"blind4": {"talks": 0.87, "speakers": 0.80}, "blind5": {"talks": 0.80, "speakers": 0.84}}


@pytest.mark.parametrize("name", sorted(STUDIED_FLOORS))
def test_studied_set_floors(name: str, tmp_path: Path) -> None:
    if not STRUCTURE.is_file():
        pytest.skip(f"{STRUCTURE} is absent (the shared eval lives beside the checkout)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REINVENT_", "STRUCTURE_"))}
    env["STRUCTURE_GOLD_PATH"] = str(ROOT / "eval" / name / "gold.json")
    env["REINVENT_CACHE_DIR"] = str(tmp_path / "cache")
    run = subprocess.run([sys.executable, str(STRUCTURE), sys.executable, "-m", "reinvent_cli"],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    match = SUMMARY.search(run.stdout)
    assert match, f"no summary line in structure.py output:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    figures = {k: float(v) for k, v in match.groupdict().items()}
    for measure, floor in STUDIED_FLOORS[name].items():
        assert figures[measure] >= floor, f"{name} {measure} {figures[measure]:.2f} < {floor} ({figures})"
