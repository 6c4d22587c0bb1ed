"""The search queries of ../shared/devnotes/gold.json: the top hit is on one of the given lines for >= 90%."""

import json

import pytest
from conftest import SHARED

DEVNOTES = SHARED / "devnotes"
GOLD = DEVNOTES / "gold.json"


def _failures() -> tuple[int, list[tuple[str, str, int | None, list[int]]]]:
    from reinvent_cli.index.search import search
    from reinvent_cli.notes.load import load

    total, failures = 0, []
    for f in json.loads(GOLD.read_text(encoding="utf-8"))["files"]:
        notes = load([str(DEVNOTES / f["file"])], set(), use_cache=False, progress=False)
        index = notes.search_index()
        for q in f["queries"]:
            total += 1
            hits = search(index, q["q"], limit=1)
            line = hits[0].line if hits else None
            if line not in q["lines"]:
                failures.append((f["file"], q["q"], line, q["lines"]))
    return total, failures


def test_top_hit_is_on_a_gold_line():
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is not beside this checkout")
    total, failures = _failures()
    assert total and 1 - len(failures) / total >= 0.90, (f"{total - len(failures)}/{total}", failures)
