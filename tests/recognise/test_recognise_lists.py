"""Schedule list items as talks (recognise/talk/list_talks.py): dash-named, quoted, bold over a speaker line, labelled."""

from __future__ import annotations

from pathlib import Path

from reinvent_cli.read.mdast import parse_tokens
from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.talk.evidence import not_talk
from reinvent_cli.recognise.talk.list_talks import dash_named, item_talk, quoted_named, talk_label
from reinvent_cli.recognise.document.one_talk import quoted_h1

FIXTURES = Path(__file__).parent.parent / "fixtures" / "recognise" / "lists"


def talks(name: str) -> list[tuple[int, str, int | None]]:
    path = FIXTURES / name
    doc = parse_source(source_from_bytes(path.read_bytes(), str(path)))
    return [(t.line, t.title, t.day) for t in doc.talks]


def test_dash_named() -> None:
    assert dash_named("Terraform drift detection in 5 minutes — Jonas Weber") == (
        "Terraform drift detection in 5 minutes", "Jonas Weber")
    assert dash_named("SBOMs in de praktijk – Lotte Visser, Security Engineer bij Polderbank") is not None
    assert dash_named("Lambda - fast and cheap") is None
    assert dash_named("We used Go — Jonas said") is None


def test_quoted_named() -> None:
    assert quoted_named("「Go の GC チューニング入門」 伊藤 さくら") == ("Go の GC チューニング入門", "伊藤 さくら")
    assert quoted_named('"Kubernetes is saai" – Daan Smit') == ("Kubernetes is saai", "Daan Smit")
    assert quoted_named('"quoted" and more words here') is None


def test_labels_and_speaker_line() -> None:
    assert talk_label("Mesa redonda: ¿microservicios o monolito modular?")
    assert talk_label("Taller: Terraform desde cero")
    assert not talk_label("Mesa: three chairs")
    assert item_talk("Keynote técnica", "Keynote técnica", "", ["Ponente: Lucía Fernández"]) is not None
    assert item_talk("Keynote técnica", "Keynote técnica", "", ["a plain note"]) is None


def test_items_under_group_headings() -> None:
    found = talks("group-items.markdown")
    assert [line for line, _, _ in found] == [5, 6, 7, 11, 12, 17, 18]


def test_bold_items_over_speaker_lines_on_both_days() -> None:
    found = talks("speaker-line-items.markdown")
    assert [(line, day) for line, _, day in found] == [(5, 1), (7, 1), (9, 1), (10, 1), (14, 2), (16, 2)]
    assert found[0][1] == "Keynote técnica"


def test_bold_dash_items_on_both_days() -> None:
    assert [(line, day) for line, _, day in talks("bold-items-two-days.markdown")] == [
        (5, 1), (6, 1), (7, 1), (13, 2), (14, 2), (15, 2)]


def test_bold_question_and_panel_lines_and_a_spoken_heading_after_lunch() -> None:
    found = talks("bold-lines-and-headings.markdown")
    assert [line for line, _, _ in found] == [5, 9, 13, 24]
    assert found[3][1] == "Zero-trust networking in practice"


def test_a_post_whose_h1_quotes_its_talk_is_one_talk() -> None:
    found = talks("quoted-h1-post.markdown")
    assert len(found) == 1 and found[0][0] == 1
    assert quoted_h1(parse_tokens('# Notes: "Designing Rate Limiters"\n\n## Why\n')) == "Designing Rate Limiters"
    assert quoted_h1(parse_tokens("# Conference notes\n\n## Talk\n")) is None


def test_not_talk_headings_in_more_languages() -> None:
    for title in ("Pause café", "Ce que je retiens", "Mittagspause", "Koffiepauze", "Pausa pranzo", "À retenir",
                  "Conclusiones", "休憩", "Almuerzo"):
        assert not_talk(title), title


def test_untimed_breaks_count_for_neither_side() -> None:
    assert [(line, day) for line, _, day in talks("items-between-breaks.markdown")] == [
        (5, 1), (6, 1), (10, 2), (12, 2)]
