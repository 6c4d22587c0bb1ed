"""Talks written as lines, no list (recognise/talk/candidates.line_candidates): a paragraph's lines, or the first
lines of paragraphs, read as list items would be; and what is no talk's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinvent_cli.model import Speaker
from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.talk.speakers import parse_speakers, speakers_in_title

FIXTURES = Path(__file__).parent.parent / "fixtures" / "recognise" / "lines"


def _talks(name: str) -> list[tuple[int, str, list[str]]]:
    path = FIXTURES / name
    doc = parse_source(source_from_bytes(path.read_bytes(), str(path)))
    return [(t.line, t.title, [s.name for s in t.speakers]) for t in doc.talks]


@pytest.mark.parametrize(("name", "expected"), [
    # one paragraph, a time on each line (hard breaks); a sign-in is no talk, a panel is one
    ("agenda-lines-zh.md", [(9, "PyTorch 2.0 编译器介绍", ["张伟"]), (10, "大模型推理优化实践", ["李娜"]),
                            (12, "基于 PyTorch 的推荐系统", ["王强"]), (13, "圆桌讨论", [])]),
    # one paragraph a slot; breaks and lunch are none
    ("agenda-paragraphs-pt.md", [(5, "Abertura", []), (7, "Palestra: Observabilidade na prática", ["Maria Silva"]),
                                 (11, "Palestra: gRPC em produção", ["João Souza"]), (15, "Open spaces", [])]),
    # under a collection's title: who gave it first, then the quoted title
    ("name-first.md", [(5, "State machines in the wild", ["Jane Roe"]), (8, "The web platform in 2022", ["John Doe"]),
                       (11, "Accessibility first", ["Ana García"])]),
])
def test_talks_written_as_lines(name: str, expected: list[tuple[int, str, list[str]]]) -> None:
    assert _talks(name) == expected


@pytest.mark.parametrize("name", ["lead-lines.md", "numbered-talks.md"])
def test_lines_are_talks_only_where_talks_are_expected(name: str) -> None:
    # "Title - Name, Org" or "Talk 1: “Title” by Name" lines under no day, group, agenda or collection's title: on
    # notes nobody fitted to (eval/blind4), lines read so anywhere gave false talks and no true one
    assert _talks(name) == []


def test_quotes_and_key_value_lines_are_no_talks() -> None:
    assert [t[0] for t in _talks("quotes-not-talks.md")] == [3]


def test_a_daily_note_with_timed_lines_is_no_talk_notes() -> None:
    assert _talks("daily-not-talks.md") == []


def test_an_organisation_after_the_name() -> None:
    assert speakers_in_title("大模型推理优化实践 — 李娜（阿里云）") == ("大模型推理优化实践", [Speaker("李娜", "阿里云")])
    assert parse_speakers("吴晟，Tetrate") == [Speaker("吴晟", "Tetrate")]
    assert parse_speakers("Hanselman, Toub") == [Speaker("Hanselman"), Speaker("Toub")]


@pytest.mark.parametrize("heading", ["마치며", "おわりに", "写在最后", "Wrapping up", "Considerações finais", "Quotes"])
def test_the_note_takers_last_part_is_no_talk(heading: str) -> None:
    from reinvent_cli.recognise.talk.evidence import not_talk

    assert not_talk(heading) is not None
