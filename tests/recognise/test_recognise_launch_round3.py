"""Launches nobody fitted to, round 3 (issue 20), each cause on fresh fixtures (tests/fixtures/recognise/launch_round3/,
written for these tests): a recap that says in its name or opening paragraph that it lists an event's launches (its
sections' feature items and versioned headings are the launches, not its videos, award winners or links); a launch
list's item that is a family over its own launches; launches a sentence enumerates after "including" (en, zh); "made
an announcement -- X"; and near misses that give no launch: a CFP's timeline, a list of talk recordings, an event's
news of its own programme, new members, a podcast's show notes, release notes, a TIL, meeting minutes."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from reinvent_cli.read.source import read_source
from reinvent_cli.recognise import read_notes
from reinvent_cli.recognise.document.kind import Cue
from reinvent_cli.recognise.launch.launch_find import line_launch
from reinvent_cli.recognise.launch.launch_prose import (
    enumerated_launches,
    made_announcement,
    prose_announcement,
    sentence_launches,
)
from reinvent_cli.recognise.launch.launch_rules import (
    recap_feature,
    recap_other_section,
    umbrella,
    versioned_product,
)
from reinvent_cli.recognise.launch.launches import announce_match

HERE = FIXTURES / "recognise" / "launch_round3"


def launches(name: str) -> list[tuple[int, str]]:
    return [(a.line, a.name) for a in read_notes(read_source(HERE / name)).doc.announcements]


def test_a_recap_by_its_opening_paragraph_names_its_sections_launches():
    reading = read_notes(read_source(HERE / "orchard-devconf2025-announcements.md"))
    assert reading.plan.decision is not None and Cue.LAUNCH_RECAP in reading.plan.decision.cues
    assert [(a.line, a.name) for a in reading.doc.announcements] == [
        (3, "Canopy OS 7"),  # a section named by a product's version
        (5, "Focus lanes"), (6, "Shared albums"),
        (10, "Live captions"),  # not "Canopy OS 7 drops support ...", "2x faster ...", "Battery improvements"
        (12, "Stem Watch 4"), (14, "Tide tracking"), (15, "Offline maps"),  # not "You can now raise your wrist ..."
    ]  # none of the award winners, the session videos ("101 - Keynote") or the resources
    assert reading.doc.talks == []


def test_talk_notes_titled_by_their_launches_with_no_talk():
    assert launches("lumen-dev-summit2024-by-title.md") == [
        (3, "Lumen OS 5"), (5, "Quick Notes"), (6, "Private Relay"), (9, "Lumen Studio 3"), (11, "Live Preview"),
    ]  # not "Lumen OS 5 will ship in the autumn" (a plan), "Faster indexing", the sessions to watch


def test_a_recap_in_german_by_its_opening_paragraph():
    assert launches("de-nordlicht-konferenz2024.md") == [
        (7, "Nordlicht Cloud 2"), (9, "Edge Functions"), (10, "Neue Preise für Speicher"),
    ]  # ("Hier ist meine Zusammenfassung aller Neuigkeiten, die ... angekündigt wurden."; not "## Links")


def test_a_recap_in_chinese_after_its_title():
    assert launches("zh-xinghe-dahui2024-fabu.md") == [
        (5, "星河大模型 3.0"), (7, "多模态理解"), (8, "长上下文"), (14, "代码补全"), (15, "协作模式"),
    ]  # ("本文汇总了…上发布的新产品和新功能。" under "# title"); not a sentence, a figure, the talks' videos


def test_a_recap_in_japanese():
    assert launches("ja-sakura-devday2024-matome.md") == [(5, "Sakura OS 4"), (7, "集中モード"), (8, "ライブ字幕")]
    # ("…で発表された新機能のまとめです。"); not "起動が速くなりました" (a sentence), not under "関連セッション動画"


def test_launches_in_russian():
    assert launches("ru-oblako-konf2024-anonsy.md") == [
        (5, "Nimbus Functions 3"), (5, "Nimbus Mesh"),  # "анонсировала X, а затем представила Y": both verbs
        (9, "Nimbus Vault"), (10, "Nimbus Queue 2"),  # under "Анонсировано:"
    ]  # (a recap: "Облачная конференция 2024: анонсы")


def test_a_recap_whose_event_is_named_in_its_opening_only():
    assert launches("announcements.md") == [(5, "Cold Storage"), (6, "Quarry Lens")]  # not "The console got ..."
    assert launches("no-howto-after-launch.md") == []  # "was announced at Acme Summit 2024, and here is how I set it up"


def test_talk_notes_whose_title_says_everything_announced():
    assert launches("quarrysummit2024-everything-announced.md") == [
        (5, "Quarry Burst"), (6, "Quarry Arm 3"), (11, "Cold Vault"),
    ]  # ("# Quarry Summit 2024: everything announced"; not "Pricing is 10% lower")


def test_a_lead_in_as_the_last_sentence_of_a_paragraph():
    assert launches("quarrysummit2024-keynote-lead-in.md") == [(8, "Quarry Burst"), (9, "Cold Vault")]
    # ("The keynote was packed. They announced a few things:"; not the takeaways)


def test_a_press_release_datelined_at_an_event():
    assert launches("quarryconf2023-press-release.md") == [(10, "Acme Bridge Program")]
    # not "two new Gold members, Fabrikam and Contoso", not "the final keynotes and programme for [QuarryConf Europe]"


def test_a_launch_lists_family_item_over_its_own_launches():
    found = launches("nimbus-world2024-day1.md")
    assert [line for line, _ in found if line <= 16] == [5, 7, 8, 9, 10, 11, 12]
    # "Runs on any host" (one detail) and "it is faster now", "works with more regions" (remarks) are no launches
    assert (21, "Nimbus Vault") in found  # "She made an exciting announcement -- Nimbus Vault will be ..."


def test_launches_a_sentence_enumerates():
    assert launches("zh-meetup2024-enumerated.md") == [
        (5, "流量回放工具"), (5, "配置中心"), (5, "多集群网关"),
        (9, "Quarry Lens"), (9, "Quarry Gate"), (9, "Quarry Sync"),
    ]  # not "We released the slides afterwards, including the demo code."


def test_notes_that_mention_a_launch_do_not_list_launches():
    assert launches("quarrysummit2024-hallway-notes.md") == [(3, "Quarry 2")]
    # ("announced Quarry 2" in the opening paragraph, which says no list: "- Sidecar Mode: ..." is a note)


@pytest.mark.parametrize("name", [
    "no-cfp-timeline.md",  # "- Schedule announcement: March 31st, 2024": a date, no launch
    "no-programme-announced-quarryconf2024.md",  # "announced the final keynotes and programme for X"; "everything
    # from" in another sentence: no list of launches, its keynote items no features
    "no-video-list.md",  # "- [Introducing Quarry Editions, Jane Roe and Bo Chen](https://youtu.be/...)": a talk
    "no-podcast-ferritedays2024.md",  # "announced for Ferrite!", "Cool thing of the week", "[docs]" links
    "no-release-intro.md",  # "Helio 3.3 was released today": no event
    "no-til-announced.md",
    "no-talk-recap-helioconf2024.md",  # "Here's a recap of the talks I saw": its items are notes
    "no-minutes-announced.md",
])
def test_near_misses_name_no_launch(name: str):
    assert launches(name) == []


def test_umbrella():
    assert umbrella("Pivotal Platform", ["Health Dashboard", "Support for Azure", "Platform 2.0", '"BOSH"?'])
    assert not umbrella("Spring Tools 4", ["IDE agnostic"])  # one detail
    assert not umbrella("Acme Data", ["it is faster now", "works with more regions", "fewer knobs"])
    assert not umbrella("Acme Data - what it does", ["Health Dashboard", "Support for Azure", "Platform 2.0"])


@pytest.mark.parametrize(("line", "expected"), [
    ("Dark mode: system apps and the IDE support it", True),
    ("Continuity Camera", True),
    ("Notarized App - the store stamps the app", True),
    ("Security code AutoFill", True),
    ("Canopy OS 7 drops support for old tablets", False),  # a sentence
    ("Parents can manage a child's device remotely", False),
    ("2x faster app launches", False),  # a figure
    ("SDK improvements", False),
    ("Swift 6 is coming next year", False),  # a plan
    ("support for more regions", False),  # lowercase
])
def test_recap_feature(line: str, expected: bool):
    assert recap_feature(line) is expected


@pytest.mark.parametrize(("title", "expected"), [
    ("iOS 12", "iOS 12"), ("Xcode 10", "Xcode 10"), ("Swift 4.2", "Swift 4.2"),
    ("OSX → macOS 10.14 Mojave", "macOS 10.14 Mojave"), ("Helio v5", "Helio v5"),
    ("Design", None), ("Design Award Winners 2018", None), ("Top 10 moments", None), ("iOS SDK", None),
])
def test_versioned_product(title: str, expected: str | None):
    assert versioned_product(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("WWDC 2018 Videos", True), ("Design Award Winners", True), ("About the Foundation", True),
    ("Question of the week", True), ("Canopy OS 7", False), ("Developer Tools", False),
])
def test_recap_other_section(title: str, expected: bool):
    assert recap_other_section(title) is expected


def test_enumerated_and_made_announcements():
    assert enumerated_launches("Acme unveiled three tools, including Lens, Gate and Sync.") == ["Lens", "Gate", "Sync"]
    assert enumerated_launches("社区推出的新项目，包括：回放工具、配置中心、鉴权") == ["回放工具", "配置中心", "鉴权"]
    assert enumerated_launches("We released the slides, including the demo code.") == []
    assert enumerated_launches("The talks included Lens, Gate and Sync.") == []  # no launch verb
    assert made_announcement("He made a big announcement: Quarry 2 ships in May.") == "Quarry 2"
    assert made_announcement("He made an announcement about the venue.") is None


def test_what_an_event_says_of_itself_is_no_launch():
    assert prose_announcement("The foundation today announced the final keynotes and programming for Node Summit.") is None
    assert prose_announcement("The foundation announced three new Silver members, Acme and Contoso.") is None
    assert prose_announcement("The foundation announced its new Bridge Program.") == "Bridge Program"
    assert sentence_launches("features that have recently been announced for Ferrite!") == []
    assert announce_match("announced for Ferrite!") is None
    assert announce_match("Announced: Ferrite 2") is not None


@pytest.mark.parametrize(("line", "launch"), [
    ("Schedule announcement: March 31st, 2024", False),
    ("Announcement: 14 May 2024", False),
    ("Announcement: Acme Vault", True),
    ("New: 3D Maps", True),
])
def test_a_lead_in_before_a_date(line: str, launch: bool):
    assert (line_launch(line) is not None) is launch


def test_an_event_is_no_launch():
    assert line_launch("Quarry Summit 2024 is now available on our YouTube channel!") is None  # its recordings
    assert sentence_launches("Thanks for coming. QuarryCon 2023 is now available to watch online.") == []
    assert line_launch("Quarry Vault is now generally available") is not None
    assert line_launch("now that all of the lineups are fully") is None
    assert announce_match("announced.") is None  # ("... the lineups are fully\nannounced.": nothing named)
