"""Rules in named tables (evidence.NOT_TALK_RULES, list_talks.ITEM_SHAPES, launch_find.LINE_RULES) and evidence as members
(talk/reasons.py): the rule that decided is named, the descriptions are inspect's only."""

from __future__ import annotations

import pytest

from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise.launch.launch_find import LINE_RULES, line_launch
from reinvent_cli.recognise.inspect import inspect_source
from reinvent_cli.recognise.talk.candidates import ITEM_RULES
from reinvent_cli.recognise.talk.evidence import NOT_TALK_RULES, not_talk
from reinvent_cli.recognise.talk.list_talks import ITEM_SHAPES, NAMED_SHAPES, item_talk
from reinvent_cli.recognise.talk.reasons import Evidence, Fact, has
from reinvent_cli.render.inspection import inspection_json


@pytest.mark.parametrize("title, rule, kind", [
    ("---", "no words", Evidence.NO_WORDS),
    ("Lunch", "not-talk words", Evidence.NOT_A_TALK),
    ("What's new", "what's new", Evidence.ANNOUNCEMENTS),
])
def test_not_talk_names_the_rule_that_fired(title: str, rule: str, kind: Evidence) -> None:
    found = not_talk(title)
    assert found is not None and (found.rule, found.kind) == (rule, kind)


def test_tables_have_unique_names_in_order() -> None:
    for table in (NOT_TALK_RULES, ITEM_SHAPES, ITEM_RULES, LINE_RULES):
        names = [name for name, _, _ in table]
        assert len(names) == len(set(names))
    # the named shapes keep their order, after the item's own shapes
    assert [n for n, _, _ in ITEM_SHAPES][-len(NAMED_SHAPES):] == [n for n, _, _ in NAMED_SHAPES]


def test_item_shapes_weak_ones_only_where_talks_are_expected() -> None:
    assert item_talk("Scaling Rust (Jane Roe)", None, "", []) is None
    found = item_talk("Scaling Rust (Jane Roe)", None, "", [], placed=True)
    assert found is not None and found[1].kind is Evidence.TITLE_THEN_WHO
    assert found[1].rule == "title, names in parentheses"


def test_descriptions_are_for_inspect_only() -> None:
    code = Evidence.CODE.of("DAT407")
    assert code.describe() == "code DAT407" and Evidence.SIBLINGS_ALIKE.of(3, 4).describe() == "3 of 4 siblings alike"
    assert has([code, Evidence.VIDEO.of()], Evidence.VIDEO) and not has([code], Evidence.LABEL)
    assert Fact(Evidence.VIDEO) == Evidence.VIDEO.of()


def test_inspect_json_names_the_rule_where_a_table_decided() -> None:
    text = "# Conf 2024\n\n## Lunch\n\n## Talks\n\n- Scaling Rust, Jane Roe\n- Go at scale, John Doe\n"
    found = inspect_source(source_from_bytes(text.encode(), "conf-2024.md"))
    shown = inspection_json(found)

    def flat(lines: list[dict]) -> list[dict]:
        return [x for line in lines for x in [line, *flat(line["children"])]]

    by_text = {line["text"]: line for line in flat(shown["lines"])}
    assert by_text["Lunch"]["rule"] == "not-talk words" and by_text["Lunch"]["evidence"] == ["'lunch' is no talk"]
    assert by_text["Scaling Rust by Jane Roe"]["rule"] == "title, comma, a name"
    assert "rule" not in by_text["Conf 2024"]  # (no table decided it: no key, as before)


def test_item_rules_name_the_outer_rule_and_a_break_stops_the_chain() -> None:
    text = ("# Conf 2024\n\n## Day 1\n\n- 09:00 Opening keynote\n- 12:30 Lunch\n- [Rust at scale](https://sched.co/abc)\n"
            "- [Go in prod](https://x.example/talks/go-in-prod)\n")
    found = inspect_source(source_from_bytes(text.encode(), "conf-2024.md"))

    def flat(lines: list) -> list:
        return [x for line in lines for x in [line, *flat(line.children)]]

    rules = {s.text: s.rule for s in flat(found.lines)}
    assert rules["09:00 Opening keynote"] == "a time, then a title"
    assert "12:30 Lunch" not in rules  # (a break: the first rule answers "no talk", the others are not tried)
    assert rules["Rust at scale"] == "a link to the session's page"


@pytest.mark.parametrize("line, item, rule", [
    ("Announcing Amazon Kendra, enterprise search", False, "announcing X"),
    ("🚀Announcing Amazon Kendra", False, "a mark, then announcing X"),
    ('NEW - "Acme Forge"', False, "a lead-in"),
    ("Acme Ledger is now generally available", False, "X is now GA"),
    ("Acme Vault (preview)", True, "an item marked with a status"),
])
def test_line_rules_name_the_rule_that_found_a_launch(line: str, item: bool, rule: str) -> None:
    hit = line_launch(line, item=item)
    assert hit is not None and hit.rule == rule


def test_a_launch_label_stops_the_line_rules() -> None:
    assert line_launch("Now in preview:") is None  # (a label leads into launches; it names none)
    assert line_launch("Acme Vault (preview)") is None  # (a status mark counts on a list item only)


def test_inspect_json_names_the_rule_that_found_each_launch() -> None:
    text = ("# re:Invent 2024\n\n## Launches\n\n- Acme Forge\n- Acme Ledger\n\n## Notes\n\n"
            "Announcing Acme Vault, a new vault.\n")
    found = inspect_source(source_from_bytes(text.encode(), "reinvent-2024.md"))
    shown = inspection_json(found)["announcements"]
    assert [(a["name"], a["found_by"]) for a in shown] == [
        ("Acme Forge", "an item of a launch list"), ("Acme Ledger", "an item of a launch list"),
        ("Acme Vault", "announcing X")]
    assert {a["rule"] for a in shown} == {"the announcements pass"}  # (what inspect prints: unchanged)
