"""Launch kinds of issue 20, each on fresh fixtures (tests/fixtures/recognise/launch_kinds/, written for these
tests): launches told in prose (English, Spanish, French, Korean), "X and Y are two new features", launch recaps
with a legend of marks and a section of launches made before the event, "Introducing X", items with a status in
brackets, tables of launches, lists of links to launch posts; and their near misses."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from reinvent_cli.read.source import read_source
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.launch.launch_find import line_launch
from reinvent_cli.recognise.launch.launch_links import launch_post_list, launch_post_url, reference_heading
from reinvent_cli.recognise.launch.launch_prose import intro_launch, ko_announcement, new_thing, prose_announcement
from reinvent_cli.recognise.launch.launch_rules import cjk_launch, legend_mark, status_marked
from reinvent_cli.recognise.launch.launch_scope import pre_event_heading
from reinvent_cli.recognise.launch.launch_table import launch_column

HERE = FIXTURES / "recognise" / "launch_kinds"


def launches(name: str) -> list[tuple[int, str]]:
    doc = parse_source(read_source(HERE / name))
    return [(a.line, a.name) for a in doc.announcements]


def test_launches_told_in_prose():
    assert launches("prose_recap.md") == [
        (7, "Helio 5 RC"),  # "..., and announced the Helio 5 RC which is ready"
        (11, "Helio Compiler"),  # "announcing that the Helio Compiler is now open source"
        (19, "Helio Router 2"),  # "anunciamos que ya se puede probar Helio Router 2"
        (21, "Helio Native"),  # "annoncé dans la plénière qu'une version candidate (RC) de Helio Native"
        (23, "Helio Studio"),  # "Helio Studio를 발표했습니다"
        (29, "Shader Pipelines and Frame Graph"),  # "... are two new features"
        (31, "Helio Cloud Cache"),  # "we introduce Helio Cloud Cache, a new service"
        (33, "Helio Playground"),  # "We announce the [Helio Playground](url)"
    ]  # not: "announced that we are now recommending", "the slides", "her move", "Helio의 현황을 발표하며" (a talk)


@pytest.mark.parametrize(("line", "name"), [
    ("Then Ada and Bo announced the Acme 7 RC, ready for production.", "Acme 7 RC"),
    ("Finally the team took the stage announcing that the Acme Compiler is now open source.", "Acme Compiler"),
    ("They announced on Monday that Acme Cloud is GA.", "Acme Cloud"),
    ("Jo announced at KubeCon the new Acme Queue.", "Acme Queue"),  # not the place
    ("AWS announces AWS Wickr (Preview)", "AWS Wickr (Preview)"),  # its status stays
    ("Para suportar isso, também anunciamos um novo Profiler de Linha do Tempo para depurar.",
     "Profiler de Linha do Tempo"),
    ("Nous avons annoncé Acme Studio pour tous.", "Acme Studio"),
])
def test_prose_announcement_names(line, name):
    assert prose_announcement(line) == name


@pytest.mark.parametrize("line", [
    "The speaker announced that the slides will be online next week.",
    "She announced her retirement at the end of the talk.",
    "Nicola announced that we are now recommending a framework.",
    "He announced on Monday that his team is hiring.",
    "They announced the winners of the hackathon at lunch.",
    "AWS CEO Announce 2017 service areas",  # a caption: the verb inside a sentence is lowercase
    "Heavy use of feature announce (enable for test customers, or Lucas for everyone)",  # a noun, no subject
    "ECS was the right fit, announce needed a Containers layer on top",
    "C'était une annonce de Google Cloud pour tous",  # "une annonce": the noun
    "They announced the keynote would run long, so everyone stayed for the Fireside Chat at the end",  # too far
])
def test_prose_that_names_no_launch(line):
    assert prose_announcement(line) is None


def test_korean_object_and_verb():
    assert ko_announcement("다음으로 Ada와 Bo가 Acme 19 RC를 발표했습니다.") == "Acme 19 RC"
    assert ko_announcement("Acme 컴파일러가 오픈소스로 공개되었음을 알리고") == "Acme"
    assert ko_announcement("Dana Kim은 Acme의 현황을 발표하며 수치를 공유했습니다.") is None  # a talk on the state of Acme
    assert ko_announcement("김철수 님이 Kubernetes 운영에 대해 발표했습니다.") is None  # gave a talk about


def test_what_was_new():
    assert new_thing("Acme Layers and Runtime API are two new features which enable sharing.") == \
        "Acme Layers and Runtime API"
    assert new_thing("In this session we introduce Acme Cloud Map, a new service that maps resources.") == \
        "Acme Cloud Map"
    assert new_thing("This is a new feature of the editor.") is None
    assert new_thing("It is a new service.") is None


def test_introducing_lines():
    assert intro_launch("Introducing Acme Braket") == len("Introducing ")
    assert intro_launch("🌊Introducing the Acme DataStore") is not None
    assert intro_launch("Introducing myself to the team") is None
    assert intro_launch("introducing the speakers") is None


def test_launch_recap_with_a_legend_and_pre_event_launches():
    # A file of launches only (no talk): its legend of marks is evidence of talk notes; the launches of the
    # "Pre-..." section (and its sub-sections) were made before the event; the legend and the videos are none.
    assert launches("launch_recap.md") == [
        (22, "Orbit Braid"),  # "[Orbit Braid – Quantum Circuits as a Service](url)": a post's title
        (23, "Orbit Lens schema discovery"),  # 🧪 (a preview mark) + "Introducing"
        (24, "Orbit Outposts"),  # "... Now Generally Available"
        (25, "Provisioned Throughput"),  # "Orbit Stream announces Provisioned Throughput"
        (29, "Orbit Vault (Preview)"),
        (30, "Orbit Mesh"),
    ]
    doc = parse_source(read_source(HERE / "launch_recap.md"))
    assert [a.day for a in doc.announcements] == [1, 1, 1, 1, 2, 2]
    assert doc.announcements[0].url == "https://orbit.example.com/blogs/orbit/orbit-braid-quantum/"


@pytest.mark.parametrize(("title", "pre"), [
    ("Pre-re:Invent'19 Launches 🚀 (November 2019)", True),
    ("pre:Invent announcements", True),
    ("Before KubeCon: what's new", True),
    ("Ahead of the summit: launches", True),
    ("Pre-release launches", False),  # a launch's status, not a time
    ("Preview launches", False),
    ("Launches before lunch", False),
    ("Pre-conference workshop", False),  # no launch word
])
def test_pre_event_headings(title, pre):
    assert pre_event_heading(title) is pre


def test_legends_and_status_marks():
    assert legend_mark("🧪 = Preview") == "🧪"
    assert legend_mark("⭐ = Launch / New Service") == "⭐"
    assert legend_mark("🔗 = Link") is None
    assert status_marked("Orbit Vault (Preview)") and status_marked("Acme Edge [GA]")
    assert not status_marked("v2.1 (beta)") and not status_marked("new thing (beta)")
    assert not status_marked("Slides (pdf)")


def test_tables_and_link_lists_of_launches():
    assert launches("launch_tables.md") == [
        (9, "Nimbus Vault"), (10, "Nimbus Edge"),  # any table under "## Announcements"
        (16, "Nimbus Tiny VMs"), (17, "Nimbus Batch 2"),  # a Service column beside GA / Preview statuses
        (33, "Nimbus Braid"), (34, "Nimbus Outposts"), (35, "Nimbus Graph"),  # links to launch posts
        (45, "Nimbus Relay"),  # under "## 신규 서비스"
    ]  # not the pricing table, the plans table, the "Resources" list of links
    doc = parse_source(read_source(HERE / "launch_tables.md"))
    edge = next(a for a in doc.announcements if a.name == "Nimbus Edge")
    assert edge.url == "https://example.com/edge" and edge.details == ["functions at the edge"]
    assert edge.section == "Announcements"


def test_launch_columns():
    assert launch_column(["Launch", "Details"], [["Acme X", "a thing"]], False) == 0
    assert launch_column(["Region", "What's new"], [["EU", "Acme X"]], False) == 1
    assert launch_column(["Service", "Status"], [["Acme X", "GA"], ["Acme Y", "Public preview"]], False) == 0
    assert launch_column(["Service", "Status"], [["Acme X", "down"], ["Acme Y", "up"]], False) is None
    assert launch_column(["Service", "Price"], [["Acme X", "$1"]], False) is None
    assert launch_column(["Time", "Talk", "Speaker"], [["10:00", "Queues", "Jo"]], False) is None
    assert launch_column(["Name", "Notes"], [["Acme X", "fast"]], True) == 0


def test_links_to_launch_posts():
    assert launch_post_url("https://aws.example.com/about-aws/whats-new/2026/12/x/")
    assert launch_post_url("https://example.com/blog/announcing-acme-x")
    assert launch_post_url("https://example.com/blog/acme-x-now-generally-available")
    assert not launch_post_url("https://example.com/docs/getting-started")
    assert not launch_post_url("https://www.youtube.com/watch?v=launch")  # (the query is no path)
    posts = ["https://example.com/blog/announcing-a", "https://example.com/whats-new/b", None]
    assert launch_post_list(posts)
    assert not launch_post_list(posts[:2])  # two items: too few to tell
    assert not launch_post_list([posts[0], None, None])
    assert reference_heading("Resources") and reference_heading("Blog posts 📰")
    assert not reference_heading("From the keynote")


def test_near_misses_in_talk_notes():
    # "Launch the app", "Pre-release builds", "now supports globs", "Release notes:", "announced on Monday that
    # his team", "announced the winners", "is now live" (a recording), "Introducing the speaker", "v2.1 (beta)",
    # "announced that we will meet", a pricing table: none is a launch.
    assert launches("near_misses.md") == []


def test_no_launch_outside_talk_notes():
    # A tool's release notes ("### New", "## Announcements" over prose) and a TIL that mentions "announced".
    assert launches("not_launches.md") == []
    assert launches("til-announced.md") == []


def test_a_cjk_lead_in_line_names_no_launch():
    assert not cjk_launch("以下のような発表がありました：")  # leads into a list (of talks here)
    assert cjk_launch("Acme Kit を発表")


@pytest.mark.parametrize(("line", "name"), [
    ("Acme Vault is in public preview", "Acme Vault"),
    ("The Acme Vault is now GA", "The Acme Vault"),
    ("Acme Edge goes GA next to the keynote", "Acme Edge"),
    ("Acme Graph entered public preview.", "Acme Graph"),
    ("Acme Ledger is generally available in 3 regions", "Acme Ledger"),
])
def test_status_sentences(line, name):
    hit = line_launch(line)
    assert hit is not None and hit.name == name


@pytest.mark.parametrize("line", ["The feature is in beta", "The feature is now available", "Slides are now available"])
def test_status_sentences_without_a_product(line):
    assert line_launch(line) is None
