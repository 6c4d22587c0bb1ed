"""Each recognition rule on its own small fixture: evidence, candidates, the reading of a file, days,
the layout a user imposes, inspect, and text that must read as text (entities, CRLF, accents)."""

from __future__ import annotations

import os
import time

import pytest

from reinvent_cli.read.overrides import Layout, find_layout, layout_stamp
from reinvent_cli.read.mdast import parse_tokens
from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.talk.candidates import bold_candidates, item_candidates
from reinvent_cli.recognise.document.days import classify_day, day_of_file
from reinvent_cli.recognise.talk.evidence import (
    block_evidence,
    collection_title,
    core,
    group_word,
    not_talk,
    title_evidence,
)
from reinvent_cli.recognise.inspect import inspect_source
from reinvent_cli.recognise.document.layout import plan_file
from reinvent_cli.recognise.talk.media import video_in_text
from reinvent_cli.recognise.talk.reasons import Evidence


def doc_of(text: str, name: str = "n.md", layout: Layout | None = None):
    return parse_source(source_from_bytes(text.encode(), name), layout)


def talks_of(text: str, name: str = "n.md", layout: Layout | None = None) -> list[tuple[int, str]]:
    return [(t.line, t.title) for t in doc_of(text, name, layout).talks]


def roles_of(text: str) -> dict[int, str]:
    return {line: r.kind.value for line, r in plan_file(parse_tokens(text), False).roles.items()}


# evidence.py: what a heading's words say


@pytest.mark.parametrize("title", ["Lunch (Hall B)", "Event info", "Table of Contents", "12:30 Mittagessen",
                                   "#TODO [post image]", "Takes", "AfterPerty", "Q&A", "ランチ",
                                   "Community Gathering @ I/O", "Neu angekündigt", "What's new (sponsor stage)"])
def test_not_talk_headings(title):
    assert not_talk(title)


@pytest.mark.parametrize("title", ["What's new in Android Things", "Scaling etcd", "Keynote: Jane Roe",
                                   "Questions we should ask about AI ethics today and tomorrow, honestly"])
def test_talk_titles_are_not_refused(title):
    assert not_talk(title) is None


@pytest.mark.parametrize("title, groups", [("Sessions", True), ("Afternoon keynotes", True), ("Track A", True),
                                           ("Lightning talks", True), ("Sessions I attended", True),
                                           ("Keynote: Werner", False), ("Scaling etcd", False)])
def test_grouping_headings(title, groups):
    assert bool(group_word(title)) is groups


@pytest.mark.parametrize("title, collection", [("QConSP 2018", True), ("MSBuild 2024 Notes", True),
                                               ("Trip Report - Everything Open 2025", True),
                                               ("Taming the Tiger", False), ("Google I/O 2017 - Keynote", False)])
def test_collection_titles(title, collection):
    assert collection_title(title) is collection


def test_core_drops_numbers_times_and_asides():
    assert core("3.2 Cloud TPU") == "Cloud TPU"
    assert core("12:30 Lunch (Hall B)") == "Lunch"


@pytest.mark.parametrize("title, why", [
    ("DAT407 - Aurora", "code DAT407"), ("Keynote: Werner", "a label"), ("10:30 - Scaling", "a time"),
    ("Rust for AI 10:30am to 11:00am", "a time range"), ("Scaling etcd (Room 101)", "a room"),
])
def test_title_evidence(title, why):
    assert why in [f.describe() for f in title_evidence(title)]


def test_block_evidence_speaker_lines_and_videos():
    text = "Speaker: Jane Roe\n\n{{< youtube abc123XYZ >}}\n"
    assert block_evidence(parse_tokens(text), text.split("\n")) == [Evidence.SPEAKER_LINE.of(), Evidence.VIDEO.of()]
    assert block_evidence(parse_tokens("Presenters:\n\n- Ann Lee\n- Bo Chen\n")) == [Evidence.SPEAKER_LINE.of()]
    assert block_evidence(parse_tokens("Just some notes.\n")) == []


def test_videos_in_shortcodes_and_iframes():
    assert video_in_text("{{< youtube abc123XYZ >}}") == "https://www.youtube.com/watch?v=abc123XYZ"
    assert video_in_text('<iframe src="https://www.youtube.com/embed/xyz789ABC"></iframe>').endswith("xyz789ABC")
    assert video_in_text("<iframe src='https://example.com/map'></iframe>") is None


# candidates.py: bold lines and list items


def test_bold_lead_lines_alike_are_talks():
    blocks = parse_tokens("**“Looks GREAT to me” von Adrienne Tacke**\n@[youtube](https://youtu.be/a)\n\n"
                          "**Building a better Web** by [David Thomas](https://x.example)\n\nText.\n")
    assert [(r.line, r.title) for r in bold_candidates(blocks, 3, False)] == [
        (1, "“Looks GREAT to me” von Adrienne Tacke"), (4, "Building a better Web by David Thomas")]


def test_a_lone_bold_line_or_a_bold_lead_in_is_no_talk():
    assert bold_candidates(parse_tokens("**Looks GREAT** von Ann Lee\n\nText.\n"), 3, False) == []
    assert bold_candidates(parse_tokens("**Note**: one\n\n**How should you manage them?**\n"), 3, False) == []


@pytest.mark.parametrize("items", [
    "- 14:00 [Helm ist tot](https://x.example/1) von *Paul Richter*\n- 15:00 [SBOMs](https://x.example/2) von *Ole Hansen*\n",
    "- [*The Storage Shift*][s] by Steve Ellis. More.\n- [*Beyond TAP*][t] by David Gibson.\n\n[s]: https://a\n[t]: https://b\n",
    "* *Go and WASI* -- by Lotte Vermeulen\n* *Tiny HTTP routers* -- by Bayo Akinola\n",
    "- 「Helmチャート」 — 中村 彩\n- 「kindで始めるCI」 — 小林 拓海\n",
])
def test_schedule_list_items_are_talks(items):
    assert len(item_candidates(parse_tokens(items), 3, "", False)) == 2


def test_session_links_under_a_sessions_heading_are_talks_a_toc_is_not():
    links = "- :microphone: [Reimagining DevOps](https://b.example/BRK100)\n- [Agents](https://b.example/BRK101) not recorded\n"
    assert len(item_candidates(parse_tokens(links), 3, "Sessions", False)) == 2
    assert item_candidates(parse_tokens(links), 3, "Resources", False) == []
    toc = "- [Infusing .NET Apps](#infusing)\n- [Dev Box](#dev-box)\n"
    assert item_candidates(parse_tokens(toc), 3, "Sessions", False) == []


def test_talk_items_under_a_lightning_talks_item():
    text = ("## Day 1\n\n- 12:30 Mittag\n- 13:30 Lightning Talks\n"
            "  - [Helm ist tot](https://x.example/a) von *Paul Richter*\n"
            "  - [SBOMs in 5 Minuten](https://x.example/b) von *Ole Hansen*\n- 15:00 Closing keynote\n")
    doc = doc_of(text)
    assert [(t.line, t.title, [s.name for s in t.speakers]) for t in doc.talks] == [
        (5, "Helm ist tot", ["Paul Richter"]), (6, "SBOMs in 5 Minuten", ["Ole Hansen"]), (7, "Closing keynote", [])]


# layout.py: the reading of a whole file


def test_talks_one_level_below_a_grouping_heading():
    text = ("# Day 1\n\n## Afternoon keynotes\n\n### The state of things\n\nPresenter: Jane Roe, CTO at Org\n\n"
            "### Platform panel\n\nPresenters: A Person, B Person.\n\n## Lunch (Hall B)\n\nFood.\n")
    assert roles_of(text) == {1: "day", 3: "group", 5: "talk", 9: "talk", 13: "ignored"}
    assert [(t.title, [s.name for s in t.speakers]) for t in doc_of(text).talks] == [
        ("The state of things", ["Jane Roe"]), ("Platform panel", ["A Person", "B Person"])]


def test_siblings_alike_make_talks_without_days():
    text = ("# PyGotham 2018 notes\n\n## Table of Contents\n\n- [a](#a)\n\n"
            "## \"Software Freedom\" by Karen Sandler\n\n* x\n\n## \"Dataclasses\" by Eric Smith\n\n* y\n\n"
            "## Pushing the Bounds with Descriptors\n\n* z\n")
    assert [t.title for t in doc_of(text).talks][-1] == "Pushing the Bounds with Descriptors"
    assert roles_of(text)[3] == "ignored"


def test_many_named_siblings_make_talks_only_the_named_ones():
    # "### Title / Speaker" for the first talks, the later ones left unnamed (5 of 12 named: under half)
    named = [("Caching without tears", "Maria Lopez"), ("Fearless refactoring", "Ken Ito"),
             ("Parsers by hand", "Ada Byrne"), ("Async in the small", "Tom Weller"),
             ("Profiling the hot path", "Lena Schulz")]
    text = "".join(f"### {t} / {n}\n\nnotes on it\n\n" for t, n in named)
    text += "".join(f"### Other heading {i}\n\nmore notes\n\n" for i in range(7))
    assert [t.title for t in doc_of(text).talks] == [t for t, _ in named]
    assert [[s.name for s in t.speakers] for t in doc_of(text).talks] == [[n] for _, n in named]
    # two named of twelve: not enough, nothing is a talk
    few = "".join(f"### {t} / {n}\n\nnotes\n\n" for t, n in named[:2])
    few += "".join(f"### Other heading {i}\n\nmore notes\n\n" for i in range(10))
    assert talks_of(few) == []


def test_named_headings_beside_a_dated_day_heading():
    # "### Name | Org" talks, a bare date heading at their level opening the second day; the summit's own
    # "### Title | Place" and "### Morning:" stay no talks
    text = ("### Widget Summit 2031 | Lakeside\n\nintro\n\n### Morning:\n\n"
            "### Ana Ruiz | City Library\n\nx\n\n### Li Wei | Harbor University\n\nx\n\n"
            "### 3.5.31\n\n### Omar Haddad | search tuning\n\nx\n\n### Jane Doe | State Archive\n\nx\n\n"
            "### Ben Carter | Riverside College\n\nx\n")
    doc = doc_of(text)
    assert [(t.line, t.day, [s.name for s in t.speakers]) for t in doc.talks] == [
        (7, None, ["Ana Ruiz"]), (11, None, ["Li Wei"]), (17, 1, ["Omar Haddad"]), (21, 1, ["Jane Doe"]),
        (25, 1, ["Ben Carter"])]
    # beside a day heading, a few named headings among many plain ones are no talks
    few = ("## Day 1\n\n## Ana Ruiz | City Library\n\nx\n\n## Li Wei | Harbor University\n\nx\n\n"
           + "".join(f"## Topic {i}\n\nx\n\n" for i in range(6)))
    assert talks_of(few) == []


def test_a_plain_text_post_titled_by_its_first_line():
    # no heading: a first line with a session code, the abstract, "Name - Role" lines under it
    text = ("NET412 - Building resilient queues\n\nIn this session we look at queues that survive outages.\n\n"
            "Priya Natarajan - Principal Engineer\nOwen Hale - Founder and CTO, Quayside\n\n"
            "Notes from the room: retries need budgets.\n\nMore notes.\n")
    talks = doc_of(text, "conf-2031-net412.md").talks
    assert [(t.line, t.code, t.title, [s.name for s in t.speakers]) for t in talks] == [
        (1, "NET412", "Building resilient queues", ["Priya Natarajan", "Owen Hale"])]
    keynote = "Keynote - Ana Ruiz\n- Tuesday morning, main hall\n\nShe opened with a story.\n"
    assert [(t.title, [s.name for s in t.speakers]) for t in doc_of(keynote, "conf-2031-keynote.md").talks] == [
        ("Keynote", ["Ana Ruiz"])]
    # a file whose first and only heading is one person's keynote: that keynote, by that person
    only = "### Ana Ruiz Keynote\n\n * access is a practice\n * ask, then listen\n"
    assert [(t.line, t.title, [s.name for s in t.speakers]) for t in doc_of(only, "conf2031-ruiz-keynote.md").talks] \
        == [(1, "Ana Ruiz Keynote", ["Ana Ruiz"])]
    assert talks_of("### Ana Ruiz Keynote\n\n* a\n\n### Li Wei Keynote\n\n* b\n", "misc.md") == []  # (not the only one)
    # a plain note whose first line is no code or label: nothing
    assert talks_of("Groceries for the week\n\nMilk, eggs.\n\nPriya Natarajan - Principal Engineer\n") == []


def test_link_items_under_talks_and_workshops_headings_below_a_topics_heading():
    # an event's index page: "## Schedule" over "### Talks" / "### Workshops", each a list of page links
    text = ("# Harbour Dev Days 2031\n\n## Schedule\n\n### Talks\n\n- <doc:Caching-Without-Tears>\n"
            "- <doc:Fearless-Refactoring>\n\n### Workshops\n\n- [Parsers by hand](parsers.md)\n"
            "- [Async in the small](async.md)\n\n### Venue\n\n- [Map](map.md)\n- [Hotels](hotels.md)\n")
    assert talks_of(text) == [(7, "Caching Without Tears"), (8, "Fearless Refactoring"),
                              (12, "Parsers by hand"), (13, "Async in the small")]
    assert roles_of(text)[3] == "ignored"


def test_a_heading_over_timed_talks_is_no_talk():
    text = ("## Day 3\n\n#### 9:00 am - 9:20 am Intro - Ann Lee\n\n* a\n\n#### oracles: TownCrier, Oraclize\n\n"
            "##### 4:00 pm - 4:20 pm Secure oracles - Bo Chen\n\n* b\n")
    assert [t.line for t in doc_of(text).talks] == [3, 9]


def test_day_like_headings_below_the_days_are_no_talks():
    text = ("## Day 2\n\n#### 9:00 Talk A - Ann Lee\n\n### Summaries by others\n\n#### Day 1\n\n* link\n\n#### Day 2\n\n* link\n")
    doc = doc_of(text)
    assert [t.title for t in doc.talks] == ["Talk A"]
    assert [d.number for d in doc.days] == [2]


def test_logseq_outline_headings_inside_list_items():
    text = ("title:: RustNation UK 2025\n\n- ## Day 1\n\t- ### Keynote: Rust in the Kernel\n\t  speaker:: [[Greta Holm]]\n"
            "\t\t- progress\n\t- ### Async Rust Without Tears\n\t\t- crates\n")
    doc = doc_of(text)
    assert [(t.day, t.title) for t in doc.talks] == [(1, "Keynote: Rust in the Kernel"), (1, "Async Rust Without Tears")]


def test_one_talk_post_from_its_lone_heading():
    text = "# Grinding the Monolith\n## Michael Nygard\n\n* What's the problem?\n\n## Notes\n\n* x\n"
    doc = doc_of(text)
    assert [(t.line, t.title, [s.name for s in t.speakers]) for t in doc.talks] == [
        (1, "Grinding the Monolith", ["Michael Nygard"])]
    assert doc_of("---\ntitle: QConSP 2018\n---\n\n## Sobre o evento\n\ntext\n").talks == []


# days.py


@pytest.mark.parametrize("title, day", [("OSCON EU - Day 1", (1, None)), ("第二天（6月21日）", (2, None)),
                                        ("2日目", (2, None)), ("Day 1 addendum", (1, None)),
                                        ("Wed 14 Feb", (None, "Wednesday")), ("9/3/2025", (None, None))])
def test_day_headings(title, day):
    assert classify_day(title) == day


def test_the_day_of_a_file_from_its_name_or_title():
    assert day_of_file("KubeCon notes", "notes/2024-03-21-kubecon.md") == (1, "2024-03-21", "Thursday")
    assert day_of_file("Day 2 of KubeCon", "k.md") == (2, "Day 2", None)
    doc = doc_of("## Talk one (Jane Doe)\n\n* x\n\n## Talk two (John Roe)\n\n* y\n", "2024-03-21-kubecon.md")
    assert [(d.number, d.title, d.weekday) for d in doc.days] == [(1, "2024-03-21", "Thursday")]
    assert {t.day for t in doc.talks} == {1}


def test_the_day_of_a_file_from_a_date_ending_its_title():
    assert day_of_file("Harbour Dev Days 2031 - 3/14/2031", "h.md") == (1, "3/14/2031", None)
    assert day_of_file("Harbour Dev Days (March 14, 2031)", "h.md") == (1, "March 14, 2031", "Friday")
    assert day_of_file("Harbour Dev Days 2031", "h.md") is None
    assert day_of_file("Harbour Dev Days - March 14", "h.md") is None  # (no year: no date of its own)
    doc = doc_of("# Harbour Dev Days 2031 - 3/14/2031\n\n## Caching without tears by Ana Ruiz\n\n* x\n\n"
                 "## Fearless refactoring by Li Wei\n\n* y\n")
    assert [(d.number, d.title) for d in doc.days] == [(1, "3/14/2031")]
    assert [t.day for t in doc.talks] == [1, 1]


# text that must read as text


def test_entities_crlf_and_accents_read_as_text():
    text = "## D&iacute;a 2 &mdash; viernes\r\n\r\n### Privacidad diferencial\r\n\r\n**Ponente:** Dra. Elena Castillo\r\n"
    doc = parse_source(source_from_bytes(text.encode(), "e.md"))
    assert doc.days[0].title == "Día 2 — viernes"
    assert [(t.line, t.title) for t in doc.talks] == [(3, "Privacidad diferencial")]
    assert any(e.text == "Día 2 — viernes" for e in doc.entries)


# the layout a user imposes


def test_front_matter_layout():
    text = ("---\ntitle: Notes\nreinvent: {talks: \"###\", days: \"##\"}\n---\n# Conf\n\n## Monday\n\n### Opening\n\n"
            "### Another\n\n#### detail\n\n## Tuesday\n\n### Closing\n")
    doc = doc_of(text)
    assert [(d.number, d.title) for d in doc.days] == [(1, "Monday"), (2, "Tuesday")]
    assert [(t.day, t.title) for t in doc.talks] == [(1, "Opening"), (1, "Another"), (2, "Closing")]


def test_folder_layout_in_a_reinvent_toml(tmp_path):
    notes = tmp_path / "notes" / "2024"
    notes.mkdir(parents=True)
    f = notes / "conf.md"
    f.write_text("# Conf\n\n**First talk**\n\n* a\n\n**Second talk**\n\n* b\n")
    assert find_layout(f) is None and layout_stamp(f) == 0
    (tmp_path / "notes" / ".reinvent.toml").write_text('[layout]\ntalks = "bold"\n')
    from reinvent_cli.read import overrides as lay

    lay.config_in.cache_clear()
    found = find_layout(f)
    assert found is not None and found.talks == "bold"
    assert layout_stamp(f) > 0
    doc = parse_source(source_from_bytes(f.read_bytes(), str(f)), found)
    assert [t.title for t in doc.talks] == ["First talk", "Second talk"]


def test_a_changed_reinvent_toml_rereads_its_files(tmp_path, monkeypatch):
    from reinvent_cli.notes.load import load
    from reinvent_cli.read import overrides as lay

    monkeypatch.setenv("REINVENT_CACHE_DIR", str(tmp_path / "cache"))
    f = tmp_path / "conf.md"
    f.write_text("# Conf\n\n## Day 1\n\n### Opening\n\n#### Part one\n\n#### Part two\n")
    lay.config_in.cache_clear()
    before = [t.title for t in load([str(f)], {str(f)}).docs("talks")[0].talks]
    (tmp_path / ".reinvent.toml").write_text('talks = "####"\n')
    stamp = time.time_ns() + 10**9
    os.utime(tmp_path / ".reinvent.toml", ns=(stamp, stamp))
    lay.config_in.cache_clear()
    after = [t.title for t in load([str(f)], {str(f)}).docs("talks")[0].talks]
    assert before == ["Opening"] and after == ["Part one", "Part two"]


# inspect.py


def test_inspect_records_roles_evidence_speakers_and_the_override():
    text = ("---\nreinvent: {days: \"##\"}\n---\n## Day 1\n\n### Opening keynote (Jane Roe)\n\n* x\n\n"
            "### Lunch\n\n* food\n")
    found = inspect_source(source_from_bytes(text.encode(), "i.md"))
    assert found.layout == "days: ## (from front matter)"
    day = found.lines[0]
    assert (day.role, day.line) == ("day", 4)
    talk, lunch = day.children
    assert (talk.role, talk.title, [s.name for s in talk.speakers]) == ("talk", "Opening keynote", ["Jane Roe"])
    assert "speakers in the title" in talk.evidence and talk.speakers_from == "the talk's line"
    assert (lunch.role, lunch.evidence) == ("ignored", ["'lunch' is no talk"])


def test_entities_in_html_blocks_read_as_text():
    doc = doc_of("# Day 1\n\n## T\n\n<div>caf&eacute; &amp; cr&egrave;me</div>\n")
    assert [e.text for e in doc.entries if e.kind == "paragraph"] == ["café & crème"]


def test_a_label_then_a_name_names_the_speaker():
    text = ("# Notes\n\n**A. Opening keynote: Maria Svensson**\n\n- a11y\n\n**B. Keynote: Oyelaran Adeyemi**\n\n- b\n")
    assert [(t.title, [s.name for s in t.speakers]) for t in doc_of(text).talks] == [
        ("Opening keynote", ["Maria Svensson"]), ("Keynote", ["Oyelaran Adeyemi"])]


def test_speaker_lines_with_entities_and_outline_properties():
    text = "## Día 1\n\n### Taller: Observable Plot\n\nby Mart&iacute;n Ib&aacute;&ntilde;ez\n\n* x\n"
    assert [s.name for s in doc_of(text).talks[0].speakers] == ["Martín Ibáñez"]
    outline = "- ## Day 1\n\t- ### Async Rust Without Tears\n\t  speaker:: [[Diego Alvarez]]\n\t\t- crates\n"
    assert [s.name for s in doc_of(outline).talks[0].speakers] == ["Diego Alvarez"]
