"""Schedule tables (recognise/talk/tables.py, read/md_tables.py): rows keep their lines, a schedule's rows are talks."""

from __future__ import annotations

import time
from pathlib import Path

from reinvent_cli.read.mdast import parse_tokens
from reinvent_cli.read.md_tables import rows
from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.talk.tables import Columns, columns, row_entries, row_talk, table_candidates

FIXTURES = Path(__file__).parent.parent / "fixtures" / "recognise" / "tables"

TABLE = "intro\n\n| Time | Talk | Speaker |\n|---|---|---|\n| 09:00 | Keynote: X | Elena Rossi (CNCF) |\n| 12:00 | Lunch | |\n"


def test_rows_keep_their_lines() -> None:
    tok = next(t for t in parse_tokens(TABLE) if t["type"] == "table")
    assert tok["line"] == 3
    assert [r["line"] for r in rows(tok)] == [3, 5, 6]
    assert row_entries(tok) == [(3, "Time | Talk | Speaker"), (5, "09:00 | Keynote: X | Elena Rossi (CNCF)"),
                                (6, "12:00 | Lunch")]


def test_a_table_in_a_list_item_stays_its_text() -> None:
    tok = parse_tokens("- item\n\n  | a | b |\n  |---|---|\n  | c | d |\n")[0]
    assert [t["type"] for t in tok["children"][0]["children"]] == ["paragraph", "blank_line", "paragraph"]


def test_columns_in_several_languages() -> None:
    assert columns(["Time", "Talk", "Speaker"]) == Columns(title=1, speaker=2, time=0)
    assert columns(["Zeit", "Titel", "Sprecher"]).schedule()
    assert columns(["Heure", "Session", "Intervenant(s)"]).schedule()
    assert columns(["Hora", "Charla", "Ponente"]).schedule()
    assert columns(["時間", "タイトル", "登壇者"]).schedule()
    assert not columns(["Service", "Price"]).schedule()
    assert not columns(["Developer Experience", "Hard Part"]).schedule()


def test_row_talk() -> None:
    cols = Columns(title=1, speaker=2, time=0)
    assert row_talk(["09:00", "Keynote: X", "Elena Rossi (CNCF)"], cols) == "09:00 Keynote: X by Elena Rossi (CNCF)"
    assert row_talk(["13:00", "Teams", "Ana García, Tom Lee"], cols) == "13:00 Teams by Ana García and Tom Lee"
    assert row_talk(["12:00", "Lunch", ""], cols) is None
    assert row_talk(["12:00", "Pause café", ""], cols) is None


def test_only_schedule_tables_give_talks() -> None:
    assert [r.line for r in table_candidates(parse_tokens(TABLE), 2)] == [5]
    assert table_candidates(parse_tokens("| Service | Price |\n|---|---|\n| Lambda | 1 |\n"), 2) == []


def test_a_schedule_file() -> None:
    path = FIXTURES / "schedule.markdown"
    doc = parse_source(source_from_bytes(path.read_bytes(), str(path)))
    assert [(t.line, t.day) for t in doc.talks] == [(7, 1), (8, 1), (10, 1), (18, 2), (19, 2)]
    assert [s.name for s in doc.talks[2].speakers] == ["Ana García", "Tom Lee"]
    assert any(e.line == 25 and "Lambda" in e.text for e in doc.entries)  # a table that is no schedule: text
    assert not any(e.kind == "talk" and e.line > 20 for e in doc.entries)


def _best(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        parse_source(source_from_bytes(text.encode(), "t.md"))
        best = min(best, time.perf_counter() - start)
    return best


def _schedule(n: int) -> str:
    return "## Day 1\n\n| Time | Talk | Speaker |\n|---|---|---|\n" + "| 09:00 | A talk | Jo Doe, Ann Lee |\n" * n


def test_a_long_schedule_table_reads_in_linear_time() -> None:
    doc = parse_source(source_from_bytes(_schedule(50).encode(), "t.md"))
    assert len(doc.talks) == 50 and doc.talks[-1].line == 54
    small = max(_best(_schedule(500)), 0.01)  # below 10 ms, timer noise dominates
    assert _best(_schedule(2000)) < 10 * small
    pipes = max(_best("|" * 5000 + "\n" + "|-" * 1250 + "\n"), 0.01)  # pipes alone: no table, no backtracking
    assert _best("|" * 20000 + "\n" + "|-" * 5000 + "\n") < 10 * pipes
