"""Launch recognition (issue 9): launch lists, numbered launches, lead-ins, 'now GA', '(new)', other
languages, keynote recaps; and what is no launch. Fixtures: tests/fixtures/recognise/launches/."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, SHARED
from reinvent_cli.read.source import read_source, source_from_bytes
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.launch.launch_find import line_launch
from reinvent_cli.read.mdast import parse_tokens
from reinvent_cli.recognise.launch.launch_heads import heading_launches, launch_name

HERE = FIXTURES / "recognise" / "launches"


def launches(name: str) -> list[tuple[int, str]]:
    doc = parse_source(read_source(HERE / name))
    return [(a.line, a.name) for a in doc.announcements]


def test_launch_lists_lead_ins_and_markers():
    assert launches("launch_lists.markdown") == [
        (5, "Acme Queue"), (6, "Acme Graph"),  # under "## What's new" (not "### Launch checklist")
        (17, "Acme Cold Archive"), (20, "Acme File Cache"),  # numbered, after "Storage announcements:"
        (23, "Acme Time Series"),  # NEW - "..."
        (26, "Acme Ledger"),  # Announcement: ... now in preview
        (28, "Acme Studio"),  # ... is now GA
        (36, "access the console from the CLI"),  # (new)
        (41, "Acme Vektor"),  # under "## Neuigkeiten"
        (45, "Acme Lens"),  # under "## 新サービス"
        (49, "Acme Kit"),  # "を発表"; not "発表者" (presenter)
    ]


def test_numbered_launches_keep_their_details():
    doc = parse_source(read_source(HERE / "launch_lists.markdown"))
    by_name = {a.name: a for a in doc.announcements}
    assert by_name["Acme Cold Archive"].details == ["cheap tape replacement"]
    assert by_name["Acme Time Series"].details == ["time-series database"]
    assert by_name["Acme Queue"].section == "What's new"


def test_keynote_recap_headings_and_vendor_items():
    assert launches("keynote_recap.markdown") == [
        (9, "AWS Tiny Containers"), (13, "Acme Functions v2"), (17, "AWS Vision Video"), (18, "AWS Speech"),
    ]


def test_items_marked_by_an_emoji_legend():
    assert launches("emoji_legend.markdown") == [(8, "Acme Cold Archive"), (14, "Acme Tiny VMs")]


def test_launch_labels_lead_ins_and_nesting():
    # a launch word + ":" on its own line (emoji or not), "Preview:"/"GA:" labels over lists and as item
    # lead-ins, nested "- Lanzado: X", "Neu angekündigt:" over a list, "- 発表：" over its items (status dropped)
    assert launches("lead_in_styles.markdown") == [
        (7, "Acme Forge"), (9, "Acme Relay"), (12, "Acme Mirror"), (13, "Acme Ledger Plus"), (16, "Acme Sentinel"),
        (19, "Acme Vault"), (21, "Acme Trace"), (22, "Acme Shield"), (27, "Acme Datos"), (28, "Acme Mapas"),
        (29, "Acme Censo"), (34, "Acme Brücke"), (35, "Acme Tor"), (41, "Acme Observe"), (42, "Acme Insight"),
        (64, "Acme Tabelle"), (65, "Acme Index"),  # a label on the last line of an item's paragraph
        (70, "Acme Queue Pro"), (73, "Acme Sketch"), (76, "Acme Notes"),  # "(GA):", "New:", "が正式リリース"
        (79, "Acme Pulse"), (80, "Acme Drift"),  # under "- Preview: two new services"
    ]  # and nothing under "## Not launches"


def test_remarks_and_presenters_parts_are_no_launches():
    doc = parse_source(source_from_bytes(
        b"# Acme Summit 2024\n\n## What is new\n\n- finally out of beta\n- Acme Rows\n- access it from the console (new)\n", "x.md"))
    assert [(a.line, a.name) for a in doc.announcements] == [(6, "Acme Rows"), (7, "access it from the console")]
    text = ("# Acme Keynote\n\n## 3. 新产品\n### 3.1 Acme Lens\n- x\n### 3.2 Acme Home (By Ann Lee)\n- y\n"
            "### 3.3 Acme OS (By Bo Li)\n#### 3.3.1 Acme Go (By Cy Wu)\n- z\n")
    doc = parse_source(source_from_bytes(text.encode(), "x.md"))
    doc.talks = []  # (as in a keynote's notes, where these headings are no talks)
    found, _ = heading_launches(parse_tokens(text), doc)
    assert list(found.values()) == ["Acme Lens", "Acme Go"]  # a presenter's part is none; a part's child is


def test_every_launch_has_an_entry_with_its_line():
    doc = parse_source(read_source(HERE / "launch_lists.markdown"))
    entries = [(e.line, e.text) for e in doc.entries if e.kind == "announcement"]
    assert entries == [(a.line, a.name) for a in doc.announcements]


@pytest.mark.parametrize("line, name", [
    ('NEW - "Amazon Timestream"', "Amazon Timestream"),
    ("New: Acme Vault", "Acme Vault"),
    ("Launch: Acme Relay", "Acme Relay"),
    ("Neu: Acme Vektor", "Acme Vektor"),
    ("Nouveauté : Acme Graphe", "Acme Graphe"),
    ("Lançamento: Acme Fila", "Acme Fila"),
    ("新功能：Acme 搜索", "Acme 搜索"),
    ("HiddenLayer Announcement: Model Scanner", "Model Scanner"),
    ("Azure AI Studio is now GA.", "Azure AI Studio"),
    ("GA of Vector Search in Databricks.", "Vector Search in Databricks"),
    ("Azure OpenAI Batch Service: Reduced price announced.", "Azure OpenAI Batch Service"),
    ("Announcing Acme Edge - runs at the edge", "Acme Edge"),
    ('NEW - "Acme Stream" for real-time ingestion', "Acme Stream"),  # no stray quote, the rest is detail
    ("New: .NET Scaffold!", ".NET Scaffold"),  # the leading dot is the name's
])
def test_launch_lines(line, name):
    # (launches are read in talk notes only: the title says these are a keynote's)
    doc = parse_source(source_from_bytes(f"# Acme Summit 2024 keynote\n\n{line}\n".encode(), "x.md"))
    assert [a.name for a in doc.announcements] == [name]


@pytest.mark.parametrize("line", [
    "Launch checklist:", "Launch party at 8pm", "We launched my side project last week.",
    "I announced my talk on Twitter.", "Slides are now available.", "The recording is now live.",
    "It is a new way to think about queues.", "New to me: the hallway track", "HotReload (coming? now available?)",
    "発表者は三人でした", "NGINX is now 20 years old.", "This is new.", "Preview:", "🚀 Launched:", "発表：",
    "🚀 Launched: later this year", "・PWA の結果を発表", "GA: 2026", "Lance: We should try it",
])
def test_no_launch_lines(line):
    assert line_launch(line) is None


def test_a_link_after_a_launch_verb():
    doc = parse_source(source_from_bytes(
        b"# Acme Summit 2024 keynote\n\n- The announcement of [Acme Agent](https://a.example/agent) (formerly X).\n"
        b"- Kickoff with the announcement of the [Acme Cup](https://a.example/cup) finalists.\n", "x.md"))
    assert [(a.line, a.name, a.url) for a in doc.announcements] == [(3, "Acme Agent", "https://a.example/agent")]


def test_launch_headings():
    from reinvent_cli.recognise.launch.launches import launch_heading
    assert launch_heading("What's new (from the sponsor stage)") and launch_heading("✨ Announcements")
    assert launch_heading("Launches from the keynote") and launch_heading("Novedades")
    assert not launch_heading("What's new in Lambda") and not launch_heading("Launch checklist")


def test_launch_names_of_headings():
    assert launch_name("3.1 Google Lens") == "Google Lens"
    assert launch_name("3.8.2 Android Go (By Sameer Samat)") == "Android Go"
    assert launch_name("What did we learn today?") is None


GROWTH = {
    "lead-in words": lambda n: "New " * n + "- x\n",
    "now GA words": lambda n: "X " * n + "now " * n + "GA\n",
    "subject and colons": lambda n: "Azure" + " a:" * n + " announced\n",
    "vendor item": lambda n: "- AWS " + "Big " * n + "\n",
    "japanese": lambda n: "・" + "の" * n + "発表\n",
    "links after a verb": lambda n: "announced " + "[a](http://x.example) " * n + "\n",
    "status tail": lambda n: "- Acme" + " (ga)" * n + " " * n + "x\n",
    "label words": lambda n: "Now in " * n + "preview:\n- x\n",
    "remark words": lambda n: "## What's new\n\n- " + "a " * n + "A\n",
    "presenter heading": lambda n: "## New products\n### X (By " + "(" * n + "\n### Y\n",
    "nested labels": lambda n: "".join("  " * i + "- GA:\n" for i in range(min(n, 40))) + "- x " * n + "\n",
}


def _best(text: str) -> float:
    data = ("# N\n\n" + text).encode()
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        parse_source(source_from_bytes(data, "x.md"))
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("name", list(GROWTH))
def test_launch_rules_grow_linearly(name):
    gen, n = GROWTH[name], 2000
    t_small = max(_best(gen(n)), 0.01)
    t_big = _best(gen(4 * n))
    assert t_big < 10 * t_small, f"{name}: 4x input took {t_big / t_small:.1f}x the time"


DEVNOTES = SHARED / "devnotes"


@pytest.mark.skipif(not (DEVNOTES / "gold.json").exists(), reason="no ../shared/devnotes")
def test_devnotes_announcements_f1():
    gold = json.loads((DEVNOTES / "gold.json").read_text())
    tp = fp = fn = 0
    for f in gold["files"]:
        doc = parse_source(read_source(Path(DEVNOTES / f["file"])))
        got = [a.line for a in doc.announcements]
        want = [a["line"] for a in f["announcements"]]
        tp += sum(1 for w in want if any(abs(g - w) <= 1 for g in got))
        fn += sum(1 for w in want if not any(abs(g - w) <= 1 for g in got))
        fp += sum(1 for g in got if not any(abs(g - w) <= 1 for w in want))
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    assert 2 * p * r / (p + r) >= 0.90, (p, r)
