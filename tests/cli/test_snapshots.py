"""The ``--json`` output of every command, on the bundled notes and on every fixture, as recorded.

A change that alters an answer must update the snapshot on purpose:
``REINVENT_UPDATE_SNAPSHOTS=1 python -m pytest tests/cli/test_snapshots.py`` rewrites it, and the diff of
``tests/cli/snapshots/json_outputs.json`` shows what changed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import BUNDLED, FIXTURES, ROOT

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "json_outputs.json"

_LISTINGS = [["talks"], ["announcements"], ["links"], ["speakers"], ["watchlist"]]
_BUNDLED_EXTRA = [
    ["talks", "--day", "2"], ["talks", "--track", "DAT"], ["talk", "DAT407"], ["talk", "elasticache deep dive"],
    ["search", "elasticache"], ["search", "lambda", "vpc"], ["search", "docker", "--kind", "talk"],
    ["search", "redis", "failover"], ["search", "elastcache"], ["search", "kinesis", "--day", "3"],
    ["announcements", "lambda"], ["links", "--domain", "youtube.com"], ["open", "DAT407", "--print"],
]


def _cases() -> list[tuple[str, list[str]]]:
    # holdout/ is measured against its gold (tests/recognise/test_recognise_holdout.py), kinds/ by
    # tests/recognise/test_recognise_kinds.py: not pinned here
    files = [BUNDLED] + sorted(p for p in FIXTURES.rglob("*.md")
                               if not {"holdout", "kinds"} & set(p.relative_to(FIXTURES).parts))
    cases = []
    for f in files:
        name = f.relative_to(FIXTURES).as_posix() if f != BUNDLED else "bundled"
        for args in _LISTINGS + (_BUNDLED_EXTRA if f == BUNDLED else [["search", "talk"]]):
            cases.append((name, ["--no-cache", "--notes", str(f), *args]))
    return cases


def _key(name: str, args: list[str]) -> str:
    return name + " :: " + " ".join(args[3:])


def _record(run, args: list[str]) -> dict:
    json_args = args if args[3] == "open" else [*args, "--json"]
    r = run(*json_args)
    out = {"exit": r.exit_code, "json": r.json if r.json is not None else r.stdout}
    return json.loads(json.dumps(out).replace(json.dumps(str(ROOT))[1:-1], "<ROOT>"))  # where the clone is


def test_json_outputs_match_the_snapshot(run):
    got = {_key(n, a): _record(run, a) for n, a in _cases()}
    if os.environ.get("REINVENT_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(got, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    want = json.loads(SNAPSHOT.read_text())
    assert sorted(got) == sorted(want)
    changed = [k for k in want if got[k] != want[k]]
    assert not changed, f"{len(changed)} outputs changed, first: {changed[:5]}"
