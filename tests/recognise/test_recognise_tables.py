"""Schedule tables (recognise/talk/tables.py, read/md_tables.py): rows keep their lines, a schedule's rows are talks."""

from __future__ import annotations

import time
from pathlib import Path

from reinvent_cli.read.mdast import parse_tokens
from reinvent_cli.read.md_tables import rows
from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source
from reinvent_cli.model import Speaker
from reinvent_cli.recognise.talk.tables import (
    Columns,
    by_content,
    columns,
    row_entries,
    row_speakers,
    row_talk,
    table_candidates,
)

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
    assert row_talk(["09:00", "Keynote: X", "Elena Rossi (CNCF)"], cols) == "09:00 Keynote: X"
    assert row_talk(["13:00", "Teams", "Ana García, Tom Lee"], cols) == "13:00 Teams"
    assert row_talk(["12:00", "Lunch", ""], cols) is None
    assert row_talk(["12:00", "Pause café", ""], cols) is None
    assert row_talk(["15:00", "B R E A K", ""], cols) is None
    assert row_talk(["10:00", "Session", ""], cols) is None  # a slot in a grid, no talk


def test_row_speakers_come_from_their_cell() -> None:
    cols = Columns(title=1, speaker=2, time=0)
    assert row_speakers(["09:00", "X", "Elena Rossi (CNCF)"], cols) == [Speaker("Elena Rossi", "CNCF")]
    assert row_speakers(["", "X", "Ana García, Tom Lee"], cols) == [Speaker("Ana García"), Speaker("Tom Lee")]
    assert row_speakers(["", "X", "María López (Ayuntamiento de Madrid)"], cols) == [
        Speaker("María López", "Ayuntamiento de Madrid")]
    assert row_speakers(["", "X", "张伟，某科技 高级工程师"], cols) == [Speaker("张伟", "某科技 高级工程师")]
    assert row_speakers(["", "X", "Comité organizador"], cols) == []
    assert row_speakers(["", "X", "-"], cols) == []


def test_columns_by_content_when_the_header_names_none() -> None:
    body = [["09:00 - 09:45", "Invited Talk: Jane Smith (MIT) - Robustness at scale"],
            ["10:30 - 11:00", "Coffee Break"], ["11:00", "Contributed talks"]]
    assert by_content(columns(["", "Event"]), body) == Columns(title=1, time=0)
    people = [["14:00", "基于 eBPF 的性能剖析", "李娜"], ["14:40", "从零构建服务网格监控", "王强"],
              ["15:20", "Apache Foo 在云原生可观测性中的实践", "张伟"]]
    assert by_content(Columns(), people) == Columns(title=1, speaker=2, time=0)
    # no times down a column: no schedule ("| San Francisco | United States |"; decimals are no times)
    places = [["2023-06-08T08:16:36", "London", "United Kingdom"], ["2023-05-11T21:05:35", "San Francisco",
              "United States"], ["2023-05-08T01:56:49", "Half Moon Bay", "United States"]]
    assert not by_content(columns(["created", "city", "country"]), places).schedule()
    scores = [["0.7623", "overture-maps-parquet"], ["0.7622", "javascript-openseadragon"], ["0.75", "json-float"]]
    assert not by_content(Columns(), scores).schedule()


def test_a_schedule_whose_header_the_lexicon_lacks() -> None:
    text = ("# Workshop on Robust Learning (ICLR 2023)\n\n## Schedule\n\n| | Event |\n|---|---|\n"
            "| 08:45 - 09:00 | Opening remarks |\n| 09:00 - 09:45 | Invited Talk: Jane Smith (MIT) - Robustness at scale |\n"
            "| 09:45 - 10:30 | Invited Talk: John Doe (Stanford) |\n| 10:30 - 11:00 | Coffee Break |\n"
            "| 11:00 - 12:00 | Contributed Talks |\n")
    doc = parse_source(source_from_bytes(text.encode(), "workshop.md"))
    talks = {t.line: t for t in doc.talks}
    assert 10 not in talks and 11 not in talks  # a break, a group of talks
    assert (talks[8].title, talks[8].speakers) == ("Robustness at scale", [Speaker("Jane Smith", "MIT")])
    assert (talks[9].title, talks[9].speakers) == ("Invited Talk", [Speaker("John Doe", "Stanford")])


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


def test_a_rows_speaker_cell_wins_over_what_its_title_seems_to_name() -> None:
    text = ("# PyData Day 2024\n\n| Time | Talk | Speaker |\n|---|---|---|\n"
            "| 09:00 | Bayesian Optimization - Can you do better than guessing? | Tim Head |\n"
            "| 10:00 | fastmat - fast linear transforms | Christoph Wagner |\n"
            "| 11:00 | Ana García - a life in open source | Ana García |\n")
    doc = parse_source(source_from_bytes(text.encode(), "pydata.md"))
    assert [(t.title, [s.name for s in t.speakers]) for t in doc.talks] == [
        ("Bayesian Optimization - Can you do better than guessing?", ["Tim Head"]),
        ("fastmat - fast linear transforms", ["Christoph Wagner"]),  # (the time cell is no part of a title)
        ("a life in open source", ["Ana García"])]
