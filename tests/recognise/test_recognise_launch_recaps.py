"""Launch recaps by other authors (issue 20: announcements on notes nobody fitted the rules to), each on fresh
fixtures (tests/fixtures/recognise/launch_recaps/, written for these tests; en, de, es, ja, zh): a "What's new from
<event>" post whose headings name the launches, a project's "We announced several things at X:" list, launches told
in prose over several lines, a keynote recap's items ("X, a new storage class", "X and Y chips announced"), lead-ins
in other languages; and near misses that give no launch (release notes, a changelog, a TIL, meeting minutes, a
product's yearly "What's new", a talk that says "announced" of the past)."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from reinvent_cli.read.source import read_source, source_from_bytes
from reinvent_cli.recognise import parse_source, read_notes
from reinvent_cli.recognise.document.kind import Cue
from reinvent_cli.recognise.launch.launch_find import heading_launch, line_launch
from reinvent_cli.recognise.launch.launch_heads import keynote_title
from reinvent_cli.recognise.launch.launch_prose import (
    ga_in_sentence,
    included_launch,
    introducing_launch,
    prose_announcement,
    sentence_launches,
)
from reinvent_cli.recognise.launch.launch_rules import apposition_launch, cjk_launch, cjk_launch_name, headline_launch
from reinvent_cli.recognise.launch.launches import ANNOUNCE_LEAD_IN, launch_heading

HERE = FIXTURES / "recognise" / "launch_recaps"


def launches(name: str) -> list[tuple[int, str]]:
    doc = parse_source(read_source(HERE / name))
    return [(a.line, a.name) for a in doc.announcements]


def test_whats_new_from_an_event_its_headings_name_the_launches():
    reading = read_notes(read_source(HERE / "whats-new-nimbus-next.md"))
    assert reading.plan.decision is not None and not reading.plan.decision.talks  # no talk is invented
    assert Cue.LAUNCH_RECAP in reading.plan.decision.cues  # (inspect shows it)
    assert [(a.line, a.name) for a in reading.doc.announcements] == [
        (5, "Nimbus Atlas 2"), (9, "Nimbus Relay for Edge"), (13, "Quill Studio"),
    ]  # not "## Where to read more", a section after them
    assert reading.doc.talks == []


def test_a_project_we_announced_at_an_event():
    assert [line for line, _ in launches("helio-at-os-world.md")] == [5, 6, 7]


def test_launches_told_in_prose_over_lines():
    assert launches("ferrite-graduation.md") == [
        (5, "Ferrite 3.0"),  # "the maintainers announced **Ferrite 3.0**, a rewrite ..."
        (6, "Ferrite"),  # "We also\nannounced that Ferrite has graduated within the CNCF."
        (6, "Ferrite Operator"),  # "Finally, the new **Ferrite Operator** is now generally\navailable."
    ]


def test_keynote_recap_items_and_not_its_keynote_headings():
    assert launches("orbit-keynote-recap.md") == [
        (5, "Orbit Object Express One Zone"),  # "..., a new storage class": not cut at "Zone,"
        (6, "Forge4 and Tensor3 chips"),  # "Forge4 and Tensor3 chips announced"
        (11, "Orbit Aurora Limitless Database"),
        (12, "Orbit Ledger"),  # "Orbit Ledger now supports cross-region replicas"
    ]  # not "## Dana Whitfield keynote", "## Marco Ilves keynote"


def test_whats_new_in_a_project_from_an_event():
    assert [line for line, _ in launches("whats-new-in-ferrite-from-cloudnativecon.md")] == [3, 7, 9]
    # ("## Ferrite Gateway" names the launch, "Ferrite Gateway 1.0 is generally available." says it again)


def test_announcing_heading():
    assert launches("announcing-at-helioconf.md") == [(1, "Helio 5 at HelioConf 2024")]


@pytest.mark.parametrize(("name", "lines"), [
    ("fr-nouveautes-devoxx.md", [3, 4]),  # "# Les nouveautés annoncées au Salon Dev 2024" over its list
    ("de-konferenz-neuigkeiten.md", [5, 6, 7]),  # "In der Keynote wurden angekündigt:"
    ("es-novedades-summit.md", [5, 6, 7]),  # "En la keynote anunciamos:"
    ("ja-summit-recap.md", [5, 6, 7]),  # "## 基調講演で発表されたもの"
    ("zh-yunqi-recap.md", [5, 6, 7]),  # "X 正式发布", "发布X", "X 开启公测"; not "## 主论坛", "## 体验"
])
def test_launch_recaps_in_other_languages(name, lines):
    assert [line for line, _ in launches(name)] == lines


def test_cjk_names():
    assert [n for _, n in launches("ja-summit-recap.md")][:2] == ["Kumo Vault", "Kumo Edge Functions"]
    assert [n for _, n in launches("zh-yunqi-recap.md")] == ["星海数据库 4.0", "星海函数计算 Pro", "星海向量检索"]


@pytest.mark.parametrize("name", [
    "no-release-notes.md", "no-changelog.md", "no-til.md", "no-minutes.md", "no-talk-past.md",
    "no-whats-new-product-year.md",
])
def test_near_misses_give_no_launch(name):
    assert launches(name) == []


def test_other_notes_without_launch_words_stay_without_launches():
    text = "# Trip to Lisbon 2024\n\nWe announced our engagement at dinner.\n\n- Pastéis\n- Tram 28\n"
    doc = parse_source(source_from_bytes(text.encode(), "lisbon.md"))
    assert doc.announcements == [] and doc.talks == []


@pytest.mark.parametrize(("line", "led"), [
    ("We announced several things at OpenJS World this year:", True),
    ("We also announced:", True),
    ("In der Keynote wurden angekündigt:", True),
    ("En la keynote anunciamos:", True),
    ("Nous avons annoncé :", True),
    ("What I hope gets announced:", False),
    ("What we'd like to see launched:", False),
    ("We will talk about the launch plan:", False),
])
def test_lead_ins(line, led):
    assert bool(ANNOUNCE_LEAD_IN.match(line)) is led


@pytest.mark.parametrize(("title", "heads"), [
    ("What's new from Google I/O 2023", True),
    ("Our favorite announcements", True),
    ("Latest features", True),
    ("基調講演で発表されたもの", True),
    ("What's new in Python 3.12", False),
    ("What's new in Ferrite from CloudNativeCon EU 2025", True),
    ("Les nouveautés annoncées au Devoxx France 2024", True),
    ("What's new in Lambda", False),
    ("Launch checklist", False),
])
def test_launch_headings(title, heads):
    from reinvent_cli.recognise.launch.launch_rules import cjk_launch_heading

    assert (launch_heading(title) or cjk_launch_heading(title)) is heads


@pytest.mark.parametrize(("line", "name"), [
    ("Graviton4 and Trainium2 chips announced", "Graviton4 and Trainium2 chips"),
    ("Acme Vault launched!", "Acme Vault"),
    ("OpenCue Pip Packages Released", "OpenCue Pip Packages"),
    ("Nothing was announced", None),
    ("When it was released", None),
    ("The slides are released.", None),
    ("Setuptools was announced in 2004", None),  # the verb not last: prose of the past
])
def test_headline_launch(line, name):
    assert headline_launch(line) == name


@pytest.mark.parametrize(("line", "name"), [
    ("Amazon S3 Express One Zone, a new storage class", "Amazon S3 Express One Zone"),
    ("Orbit Q - a brand-new AI assistant", "Orbit Q"),
    ("Lunch, a new experience", None),
    ("We tried, a new service", None),
])
def test_apposition_launch(line, name):
    assert apposition_launch(line) == name


def test_items_of_a_keynote_recap_keep_their_whole_name():
    text = "# AWS re:Invent 2023 keynote recap\n\n## Adam Selipsky keynote\n\n" \
           "- Amazon S3 Express One Zone, a new storage class\n- Amazon Q, a generative AI assistant\n"
    doc = parse_source(source_from_bytes(text.encode(), "recap.md"))
    assert [(a.line, a.name) for a in doc.announcements] == [(5, "Amazon S3 Express One Zone"), (6, "Amazon Q")]
    assert keynote_title("Adam Selipsky keynote")


@pytest.mark.parametrize(("sentence", "name"), [
    ("Finally, the new Foo Operator is now generally available.", "Foo Operator"),
    ("Among many other announcements, Network Analyzer is now GA allowing simpler checks", "Network Analyzer"),
    ("The feature is now available.", None),
])
def test_ga_in_sentence(sentence, name):
    assert ga_in_sentence(sentence) == name


@pytest.mark.parametrize(("sentence", "name"), [
    ("New announcements in compute include C3 VMs, the first VM of its kind", "C3 VMs"),
    ("She talks about announcements in AI, including Vertex AI Vision.", "Vertex AI Vision"),
    ("The announcements were mostly about pricing.", None),
])
def test_included_launch(sentence, name):
    assert included_launch(sentence) == name


def test_introducing_and_places():
    assert introducing_launch("Google Cloud is introducing Innovators Plus to provide benefits") == "Innovators Plus"
    assert introducing_launch("He is introducing the speakers") is None
    # the place's words are no name: "unveiled at Google Cloud Next"
    assert prose_announcement("20+ networking innovations unveiled at Google Cloud Next") is None


def test_sentence_launches_are_placed_at_their_names():
    text = "The team announced Foo 2.0, a rewrite. We also\nannounced that Foo has graduated."
    assert sentence_launches(text) == [(19, "Foo 2.0"), (text.index("Foo has"), "Foo")]
    assert sentence_launches("When setuptools was announced in 2004, nobody expected it.") == []


def test_ga_heading_and_now_supports():
    assert heading_launch("Acme Vault is now GA") == "Acme Vault"
    hit = line_launch("Orbit Ledger now supports cross-region replicas")
    assert hit is not None and hit.name == "Orbit Ledger"
    assert line_launch("Params array: Now supports params IEnumerable<T>") is None  # a note on a feature


@pytest.mark.parametrize(("line", "launch", "name"), [
    ("发布星海函数计算 Pro", True, "星海函数计算 Pro"),
    ("星海向量检索 开启公测", True, "星海向量检索"),
    ("Kumo Vault の一般提供を開始", True, "Kumo Vault"),
    ("Amazon Q が発表されました", True, "Amazon Q"),
    ("Kumo Vault が一般提供になりました", True, "Kumo Vault"),
    # (not "发布了 20+ 扩展组件" inside a talk's abstract: "发布了" alone is no launch)
    ("KubeX 4.1 适配了新架构，发布了 20+ 扩展组件。", False, None),
    ("发布流程在这次分享里讲得很细，从分支策略到灰度发布再到回滚，每一步都有对应的检查清单和负责人，最后还讨论了自动化的边界。", False, None),
    ("発表されたスライドはこちら", False, None),  # the slides of a talk (発表: a presentation too)
    ("发布会很成功", False, None),  # the launch event, no launch
    ("发布者: 张三", False, None),
])
def test_cjk_launch_forms(line, launch, name):
    assert cjk_launch(line) is launch
    if name:
        assert cjk_launch_name(line) == name


@pytest.mark.parametrize(("text", "lines"), [
    # an event named with no year: the launches made there
    ("# Highlights from Nimbus Next\n\n## Announcements\n\n- Nimbus Atlas 3\n- Quill Studio\n", [5, 6]),
    # a product's release notes, named by a year: no event
    ("# Helio 2024 release notes\n\n## New features\n\n- Split panes\n- Helio Sync\n", []),
    # a team's news: no event
    ("# Announcements from the team\n\n- We moved offices\n- New coffee machine\n", []),
])
def test_a_recap_needs_an_event(text, lines):
    doc = parse_source(source_from_bytes(text.encode(), "notes.md"))
    assert [a.line for a in doc.announcements] == lines
    assert doc.talks == []


def test_a_vendors_items_under_a_launch_title():
    text = ("# What's new from Nimbus Next 2024\n\n## Databases\n\n- Google AlloyDB AI for vector search\n"
            "- Faster backups\n\n## Security\n\n- Microsoft Defender Atlas\n- We had great coffee\n")
    doc = parse_source(source_from_bytes(text.encode(), "notes.md"))
    assert [(a.line, a.name) for a in doc.announcements] == [(5, "Google AlloyDB AI"), (10, "Microsoft Defender Atlas")]


def test_the_authors_own_heading_after_a_keynotes_launches_is_no_launch() -> None:
    text = ("# re:Invent 2024 keynote\n\n## Launches\n\n- Amazon Nova, a new family of foundation models\n"
            "- Amazon S3 Tables, a new bucket type\n\n## Notes\n\nMatt Garman opened the keynote.\n")
    doc = parse_source(source_from_bytes(text.encode(), "keynote.md"))
    assert [(a.line, a.name) for a in doc.announcements] == [(5, "Amazon Nova"), (6, "Amazon S3 Tables")]
