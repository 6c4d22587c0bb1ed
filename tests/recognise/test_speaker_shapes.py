"""Speakers of the newer talk shapes (issue 9): a list item's second line or nested item, "Mit:" under a
bold line, French "Présentée par"/"Animé par"/"avec", full-width parentheses, 「、」/「・」 lists, a CJK name
after "by", "von Name, Core-Team X". Fixtures: tests/fixtures/recognise/speakers2/*.markdown."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.talk.speakers import parse_speakers, speaker_line
from reinvent_cli.read.source import read_source

DIR = FIXTURES / "recognise" / "speakers2"


def _talks(name: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    doc = parse_source(read_source(DIR / name))
    return [(t.title, [(s.name, s.org) for s in t.speakers]) for t in doc.talks]


@pytest.mark.parametrize("name, expected", [
    ("list_second_line.markdown", [
        ("Building Reliable Pipelines", [("Maria Gonzalez", "Acme")]),
        ("Scaling Search at Home", [("Tom Becker", None)]),
        ("Observability for Everyone", [("Nina Patel", None)])]),
    ("mit_line.markdown", [
        ("Podiumsdiskussion: Die Zukunft der Cloud", [("Anna Schmidt", None), ("Peter Müller", None)]),
        ("Panel: Open Source Funding", [("Jane Doe", None), ("Bob Roe", None)])]),
    ("french.markdown", [
        ("Observabilité pour tous", [("Julie Martin", "Datadog"), ("Marc Dubois", None)]),
        ("Atelier Rust", [("Claire Bernard", None), ("Luc Petit", None)]),
        ("Table ronde sur le climat", [("Sophie Laurent", None), ("Paul Girard", None), ("Emma Roux", None)])]),
    ("fullwidth.markdown", [("The Future of Edge Compute", [("Kenji Tanaka", "Acme CTO")])]),
    ("japanese_comma.markdown", [
        ("大規模システムの運用", [("佐藤 花子", None), ("鈴木 一郎", None)]),
        ("新しい検索基盤", [("山田 太郎", None), ("中村 次郎", None)])]),
    ("cjk_by.markdown", [("Serverless in Production", [("高橋 健", None)])]),
    ("von_role.markdown", [
        ("Keynote: Die Zukunft von Kolibri", [("Stefan Wolf", "Core-Team Kolibri")]),
        ("Signale überall?", [("Felix Hartmann", "Nordlicht GmbH")])]),
])
def test_shape(name, expected):
    assert _talks(name) == expected


def test_katakana_dot_stays_in_a_name():
    assert [s.name for s in parse_speakers("リー・ウェイ、山田 太郎")] == ["リー・ウェイ", "山田 太郎"]


def test_a_sentence_is_no_bare_name():
    assert speaker_line("Mehr Notizen.") is None
    assert [s.name for s in speaker_line("Jane Doe") or []] == ["Jane Doe"]
