"""Notes that don't follow the re:Invent file's conventions: days, talks, speakers, links and
announcements are still recognised without configuration, and whatever is not recognised is still
indexed as entries (search never loses it). Fixtures: tests/fixtures/styles/."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinvent_cli.model import Document, Talk
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.document.days import classify_day
from reinvent_cli.recognise.talk.talks import split_talk_heading
from reinvent_cli.read.source import read_source, source_from_bytes

STYLES = Path(__file__).resolve().parent.parent / "fixtures" / "styles"


def load(name: str) -> Document:
    return parse_source(read_source(STYLES / name))


def days(doc: Document) -> list[tuple]:
    return [(d.number, d.weekday, d.title, d.line) for d in doc.days]


def talk_row(t: Talk) -> dict:
    return {
        "day": t.day, "code": t.code, "title": t.title,
        "speakers": [(s.name, s.org) for s in t.speakers],
        "video": t.video, "slides": t.slides, "line": t.line, "end_line": t.end_line,
    }


def talks(doc: Document) -> list[dict]:
    return [talk_row(t) for t in doc.talks]


def announcements(doc: Document) -> list[tuple]:
    return [(a.name, a.url, a.details, a.line) for a in doc.announcements]


def entry_texts(doc: Document, kind: str | None = None) -> list[str]:
    return [e.text for e in doc.entries if kind is None or e.kind == kind]


# --- the pieces ----------------------------------------------------------------------------------


@pytest.mark.parametrize("title, expected", [
    ("Day 1", (1, None)),
    ("Day 2 - Thursday", (2, "Thursday")),
    ("Day 1 (Tuesday)", (1, "Tuesday")),
    ("Day one", (1, None)),
    ("Day 1 - 2015-10-07", (1, "Wednesday")),
    ("Tag 1 - Dienstag", (1, "Tuesday")),
    ("1. Tag", (1, None)),
    ("Jour 2", (2, None)),
    ("Jour deux", (2, None)),
    ("2e jour", (2, None)),
    ("Second day", (2, None)),
    ("Tuesday", (None, "Tuesday")),
    ("Tuesday (Day 2)", (2, "Tuesday")),
    ("Thursday, December 5", (None, "Thursday")),
    ("Dienstag, 3. Dezember", (None, "Tuesday")),
    ("2019-12-02", (None, "Monday")),
    ("Dec 4, 2019", (None, "Wednesday")),
    ("Dec 4", (None, None)),
    ("4 décembre 2019", (None, "Wednesday")),
    ("3. Dezember 2019", (None, "Tuesday")),
    ("19.11.2019", (None, "Tuesday")),
    ("3 de diciembre de 2019", (None, "Tuesday")),
    ("📅 Day 1", (1, None)),
    ("🗓️ Tuesday", (None, "Tuesday")),
    ("**Day 2**", (2, None)),
    ("[[2024-03-19]]", (None, "Tuesday")),
    ("Day 2 – Tue", (2, "Tuesday")),
    ("Fri, Jun 14", (None, "Friday")),
    ("Thu, March 21", (None, "Thursday")),
    ("Mon 10.06.", (None, "Monday")),
])
def test_classify_day(title, expected):
    assert classify_day(title) == expected


@pytest.mark.parametrize("title", [
    "Monday Night Live", "Keynote", "Marketing 10", "Decision 2", "Tag cloud", "May 5 things",
    "10.5 Performance", "2019 in review", "Today", "Freedom to say yes", "Sunday Funday talks", "🎉 Party",
    "Wed like to thank", "Monitoring 101", "Day 30 of my 100 days of code", "One day I will learn Rust",
    "Second day thoughts", "Tag 1.0 release", "Wed 3pm call", "Sun 21 km run",
])
def test_not_a_day(title):
    assert classify_day(title) is None


@pytest.mark.parametrize("heading, code, title, speakers", [
    ("DAT407 - Amazon ElastiCache: Deep Dive", "DAT407", "Amazon ElastiCache: Deep Dive", []),
    ("DAT407: Amazon ElastiCache Deep Dive", "DAT407", "Amazon ElastiCache Deep Dive", []),
    ("SEC314-R - Config Rules", "SEC314-R", "Config Rules", []),
    ("Building a data lake (Maria Garcia & Ken Ito)", None, "Building a data lake",
     [("Maria Garcia", None), ("Ken Ito", None)]),
    ("Keynote (Repeat Session)", None, "Keynote (Repeat Session)", []),
    ("KubeCon talk: Scaling etcd", None, "Scaling etcd", []),
    ("Session: CON201 - Containers", "CON201", "Containers", []),
    ("Keynote: Werner Vogels", None, "Keynote: Werner Vogels", []),
    ("Just a title", None, "Just a title", []),
    # a time before the title (schedules copied into notes)
    ("11:30 - Cilium Mesh deep dive", None, "Cilium Mesh deep dive", []),
    ("2:00 PM – COM301 Building with the AWS CDK", "COM301", "Building with the AWS CDK", []),
    ("13:00 DAT302 - DynamoDB single-table design", "DAT302", "DynamoDB single-table design", []),
    ("10:30 – 11:15 Event-driven architectures", None, "Event-driven architectures", []),
    ("14h30 : Observabilité", None, "Observabilité", []),
    ("(9:00) Opening keynote", None, "Opening keynote", []),
    # not session codes
    ("ES2024 features you missed", None, "ES2024 features you missed", []),
    ("WWDC24 recap", None, "WWDC24 recap", []),
    ("C23 - what is new in C", None, "C23 - what is new in C", []),
    ("GC-101: Garbage collection basics", "GC-101", "Garbage collection basics", []),
    ("BRK2124 Azure at scale", "BRK2124", "Azure at scale", []),
    ("CVE-2024-3094 - the xz backdoor", None, "CVE-2024-3094 - the xz backdoor", []),
    ("H100: GPU shortage", None, "H100: GPU shortage", []),
    ("KCD2024 recap", None, "KCD2024 recap", []),
    ("AWS2023: highlights", None, "AWS2023: highlights", []),
    # versions and words are no times
    ("3.12 performance improvements", None, "3.12 performance improvements", []),
    ("10:30 is too early", None, "10:30 is too early", []),
    ("5 AM Club", None, "5 AM Club", []),
    ("9.30 - 10.15 Talk", None, "Talk", []),
    # Title-Case asides are no people
    ("Amazon Bedrock Agents (Generally Available)", None, "Amazon Bedrock Agents (Generally Available)", []),
    ("Intro to Kubernetes (Beginner Friendly)", None, "Intro to Kubernetes (Beginner Friendly)", []),
    # the parentheses of a heading: a name with its organisation, a label
    ("CON326 - Running Kubernetes at scale (Michael Hausenblas, AWS)", "CON326", "Running Kubernetes at scale",
     [("Michael Hausenblas", "AWS")]),
    ("SEC201 – Zero trust on AWS (Speaker: Mark Ryland)", "SEC201", "Zero trust on AWS", [("Mark Ryland", None)]),
    ("Pair talk (Jane Doe, John Smith)", None, "Pair talk", [("Jane Doe", None), ("John Smith", None)]),
])
def test_split_talk_heading(heading, code, title, speakers):
    c, t, s = split_talk_heading(heading)
    assert (c, t, [(x.name, x.org) for x in s]) == (code, title, speakers)


# --- whole files ---------------------------------------------------------------------------------


def test_german_tag_days_h2_days_h3_talks():
    doc = load("tag_de.md")
    assert doc.title == "Notizen: Cloud Konferenz München"
    assert days(doc) == [(1, "Tuesday", "Tag 1 - Dienstag", 3), (2, "Wednesday", "Tag 2 - Mittwoch", 22)]
    assert talks(doc) == [
        {"day": 1, "code": None, "title": "Keynote", "speakers": [], "video": None, "slides": None,
         "line": 5, "end_line": 7},
        {"day": 1, "code": "SEC301", "title": "Sicherheit mit IAM richtig gemacht",
         "speakers": [("Anna Schmidt", None)], "video": "https://www.youtube.com/watch?v=abc123", "slides": None,
         "line": 9, "end_line": 14},
        {"day": 1, "code": None, "title": "Container im Alltag", "speakers": [("Max Mustermann", "Beispiel GmbH")],
         "video": None, "slides": "https://speakerdeck.com/max/container", "line": 16, "end_line": 20},
        {"day": 2, "code": "DAT202", "title": "Datenbanken migrieren",
         "speakers": [("Julia Weber", None), ("Tom Becker", None)], "video": None, "slides": None,
         "line": 24, "end_line": 28},
    ]
    assert [t.weekday for t in doc.talks] == ["Tuesday", "Tuesday", "Tuesday", "Wednesday"]
    assert doc.announcements == []
    # not recognised as anything: still searchable, under its day and talk
    aside = next(e for e in doc.entries if e.text == "Eine Randnotiz ohne Struktur: Kaffee war gut.")
    assert (aside.kind, aside.line, aside.day) == ("paragraph", 28, 2)
    assert aside.path[-1] == "DAT202 - Datenbanken migrieren"
    assert "Least privilege ist schwer" in entry_texts(doc, "bullet")


def test_french_jour_days_presenter_and_links_by_host():
    doc = load("jour_fr.md")
    assert days(doc) == [(1, None, "Jour 1", 5), (2, "Thursday", "Jour 2 - Jeudi", 11)]
    assert talks(doc) == [
        {"day": 1, "code": None, "title": "Ouverture", "speakers": [("Claire Dubois", None)], "video": None,
         "slides": None, "line": 7, "end_line": 9},
        {"day": 2, "code": None, "title": "API: bonnes pratiques", "speakers": [("Luc Martin", None)],
         "video": "https://vimeo.com/123456", "slides": "https://www.slideshare.net/luc/api-bonnes-pratiques",
         "line": 13, "end_line": 22},
    ]
    assert doc.talks[1].sections == ["Versionnement"]
    assert "Quelques notes en vrac." in entry_texts(doc, "paragraph")
    assert "Toujours versionner les API." in entry_texts(doc, "paragraph")


def test_date_and_weekday_headings():
    doc = load("dates.md")
    assert doc.title == "re:Invent 2019 notes"
    assert days(doc) == [
        (1, "Monday", "2019-12-02", 3),
        (2, "Tuesday", "Tuesday", 9),
        (3, "Wednesday", "Dec 4, 2019", 17),
        (4, "Thursday", "Thursday, December 5", 23),
    ]
    assert talks(doc) == [
        # "### Monday Night Live" is a talk under its day, not a day
        {"day": 1, "code": None, "title": "Monday Night Live", "speakers": [], "video": None, "slides": None,
         "line": 5, "end_line": 7},
        {"day": 2, "code": "ARC401", "title": "Serverless architectural patterns", "speakers": [("Jane Doe", "AWS")],
         "video": "https://youtu.be/xyz789", "slides": None, "line": 11, "end_line": 15},
        {"day": 3, "code": None, "title": "Containers roadmap", "speakers": [],
         "video": "https://example.com/recording/containers", "slides": None, "line": 19, "end_line": 21},
        {"day": 4, "code": None, "title": "Closing thoughts", "speakers": [], "video": None, "slides": None,
         "line": 25, "end_line": 25},
    ]
    assert "Peter DeSantis on infrastructure." in entry_texts(doc, "paragraph")


def test_blog_post_from_front_matter_is_one_talk():
    doc = load("blog_post.md")
    assert doc.days == []
    assert doc.date == "2020-03-10"
    assert talks(doc) == [
        {"day": None, "code": None, "title": "Scaling Postgres at Example Corp",
         "speakers": [("Priya Patel", "Example Corp")], "video": "https://www.youtube.com/watch?v=pg2020",
         "slides": None, "line": 2, "end_line": 24},
    ]
    talk = doc.talks[0]
    assert talk.conference == "PGConf 2020"
    assert talk.sections == ["Background", "Sharding", "Takeaways"]
    assert "Rebalancing is hard" in entry_texts(doc, "bullet")
    assert "I attended this talk last week. Here is what I took away." in entry_texts(doc, "paragraph")


def test_title_line_and_indented_metadata_block():
    doc = load("title_line.md")
    assert talks(doc) == [
        {"day": None, "code": None, "title": "Observability for Humans", "speakers": [("Sam Lee", "Honeycomb")],
         "video": None, "slides": "https://speakerdeck.com/samlee/observability-for-humans",
         "line": 1, "end_line": 16},
    ]
    assert doc.talks[0].conference == "Monitorama 2018"
    assert doc.title == "Monitorama 2018"
    assert doc.date == "2018-06-04"
    # the metadata block and the plain code block are both still indexed
    codes = [(e.text, e.line) for e in doc.entries if e.kind == "code"]
    assert codes == [
        ("Speaker: Sam Lee (Honeycomb) Conference: Monitorama 2018 Date: 2018-06-04", 3),
        ('$ echo "this is just a code block"', 16),
    ]


def test_labelled_talks_without_days():
    doc = load("kubecon.md")
    assert doc.title == "KubeCon EU 2022"
    assert doc.days == []
    assert talks(doc) == [
        {"day": None, "code": None, "title": "Scaling etcd to 10k nodes",
         "speakers": [("Ada Byron", None), ("Grace Hopper", None)],
         "video": "https://www.youtube.com/watch?v=etcd10k", "slides": None, "line": 3, "end_line": 9},
        {"day": None, "code": None, "title": "GitOps in practice", "speakers": [], "video": None,
         "slides": "https://example.org/gitops.pdf", "line": 11, "end_line": 13},
    ]
    assert [t.conference for t in doc.talks] == ["KubeCon EU 2022", "KubeCon EU 2022"]
    # "## Hallway track" is no talk, but it and its text are indexed
    assert "Hallway track" in entry_texts(doc, "section")
    assert "Met lots of people; no talk here." in entry_texts(doc, "paragraph")


def test_codes_speakers_and_links_by_text_and_host():
    doc = load("codes_speakers.md")
    assert days(doc) == [(1, None, "Day 1", 1), (2, "Thursday", "Day 2 - Thursday", 17)]
    assert talks(doc) == [
        {"day": 1, "code": "DAT407", "title": "Amazon ElastiCache Deep Dive",
         "speakers": [("Nate Wiger", "AWS"), ("Tom Kerr", "Riot Games")],
         "video": "https://youtu.be/ec407", "slides": "https://www.slideshare.net/aws/dat407", "line": 3, "end_line": 7},
        {"day": 1, "code": None, "title": "Building a data lake",
         "speakers": [("Maria Garcia", None), ("Ken Ito", None)],
         "video": None, "slides": "https://speakerdeck.com/maria/datalake", "line": 9, "end_line": 11},
        {"day": 1, "code": None, "title": "Keynote (Repeat Session)", "speakers": [], "video": None, "slides": None,
         "line": 13, "end_line": 15},
        {"day": 2, "code": "CMP301", "title": "AWS Lambda and the Serverless Cloud", "speakers": [("Tim Wagner", None)],
         "video": "https://vimeo.com/987654", "slides": None, "line": 19, "end_line": 23},
    ]
    assert "Nothing much." in entry_texts(doc, "paragraph")


def test_metadata_in_bullets_and_first_heading_under_a_day_sets_talk_level():
    doc = load("bullets_meta.md")
    assert days(doc) == [(1, "Tuesday", "Day 1 - 2023-04-18", 1), (2, "Wednesday", "Day 2 - 2023-04-19", 15)]
    assert talks(doc) == [
        {"day": 1, "code": None, "title": "Opening keynote", "speakers": [("Jane Doe", "ACME")],
         "video": "https://example.com/v/opening", "slides": None, "line": 3, "end_line": 7},
        {"day": 1, "code": "CON201", "title": "Containers at scale", "speakers": [("Bob Stone", None)],
         "video": None, "slides": "https://example.com/slides.pdf", "line": 9, "end_line": 13},
        {"day": 2, "code": None, "title": "Rust in production", "speakers": [("Eva Klein", None)],
         "video": "https://www.youtube.com/watch?v=rust", "slides": None, "line": 17, "end_line": 19},
    ]
    assert "Kubernetes everywhere" in entry_texts(doc, "bullet")


def test_announcement_variants():
    doc = load("announcements.md")
    assert [t.title for t in doc.talks] == ["Keynote"]
    assert announcements(doc) == [
        ("Amazon QuickSight", "https://aws.amazon.com/quicksight/", ["fast BI service"], 5),
        ("AWS Snowball", None, ["petabyte-scale data transport"], 7),
        ("Amazon Inspector", None, ["automated security assessment"], 9),
        ("Kinesis Firehose", None, [], 11),
        ("AWS IoT", "https://aws.amazon.com/iot/", ["connect devices to the cloud", "MQTT broker", "Device shadows"], 15),
        ("Lambda Python support", None, ["write functions in Python"], 18),
        ("EC2 X1 instances", None, [], 22),
        ("Amazon ECR", "https://aws.amazon.com/ecr/", ["container registry"], 26),
        ("CloudWatch Dashboards", None, [], 27),
    ]
    assert {a.talk for a in doc.announcements} == {"Keynote"}
    assert [a.section for a in doc.announcements][4:] == ["Launches", "Launches", "What's new", "What's new",
                                                          "What's new"]
    assert "Some other paragraph that is not an announcement." in entry_texts(doc, "paragraph")


def test_launch_lists_outside_talks_and_lead_ins():
    doc = load("launches.md")
    assert days(doc) == [(1, None, "Day 1", 9)]
    # "### Launches" right under a day is a list of launches, not a talk
    assert [(t.title, [s.name for s in t.speakers], t.line) for t in doc.talks] == [
        ("Keynote", ["Werner Vogels"], 15)]
    assert [(a.name, a.url, a.details, a.line, a.section, a.day) for a in doc.announcements] == [
        ("Amazon Bedrock", "https://aws.amazon.com/bedrock/", ["generative AI service", "Preview only"], 5,
         "What's new", None),
        ("Lambda SnapStart for Java", None, ["faster cold starts"], 7, "What's new", None),
        ("AWS Verified Access", "https://aws.amazon.com/verified-access/", ["zero trust access"], 13, "Launches", 1),
        ("Amazon EventBridge Pipes", None, [], 17, None, 1),
        ("Step Functions distributed map", None, [], 21, None, 1),
        ("Amazon CodeCatalyst", None, [], 30, None, 1),
    ]
    # a lead-in that merely mentions launching does not make its list announcements
    bullets = entry_texts(doc, "bullet")
    assert "Start small" in bullets and "Monday Night Live is fun" in bullets
    assert "Start small" not in [a.name for a in doc.announcements]


def test_inline_text_and_no_structure_is_still_indexed():
    src = source_from_bytes(b"Just some thoughts.\n\n* a bullet\n\nMore.\n\n    code here\n", "plain.md")
    doc = parse_source(src)
    assert doc.talks == [] and doc.days == [] and doc.announcements == []
    assert [(e.kind, e.text, e.line) for e in doc.entries] == [
        ("paragraph", "Just some thoughts.", 1), ("bullet", "a bullet", 3), ("paragraph", "More.", 5),
        ("code", "code here", 7)]


def test_h1_titled_post_with_speaker_line_is_one_talk():
    text = b"# Why we left microservices\n\nSpeaker: Dana Fox (Acme)\n\n## The problem\n\nToo many services.\n"
    doc = parse_source(source_from_bytes(text, "post.md"))
    assert talks(doc) == [
        {"day": None, "code": None, "title": "Why we left microservices", "speakers": [("Dana Fox", "Acme")],
         "video": None, "slides": None, "line": 1, "end_line": 7},
    ]
    assert doc.talks[0].sections == ["The problem"]


def test_h1_titled_notes_without_speaker_are_not_a_talk():
    text = b"# My notes\n\n## Random\n\nStuff.\n"
    doc = parse_source(source_from_bytes(text, "notes.md"))
    assert doc.talks == []
    assert doc.title == "My notes"
    assert "Stuff." in entry_texts(doc, "paragraph")


def test_a_talk_at_the_level_of_its_day_keeps_the_day():
    doc = parse_source(source_from_bytes(
        b"# Notes\n\n## Day 1\n\n## DAT407 - Aurora\n\n* fast\n\n## Day 2\n\n## 10:00 - Keynote: Werner\n\n"
        b"## Random thoughts\n\n* later\n", "flat.md"))
    assert [(t.day, t.code, t.title) for t in doc.talks] == [(1, "DAT407", "Aurora"), (2, None, "Keynote: Werner")]
    assert [d.number for d in doc.days] == [1, 2]


def test_emoji_day_headings_and_time_prefixed_talks():
    doc = parse_source(source_from_bytes(
        "# KubeCon EU\n\n## 📅 Day 1\n\n### 10:30 – 11:15 Event-driven architectures\n\n* kafka\n\n"
        "### 13:00 DAT302 - DynamoDB\n\n* tables\n".encode(), "k.md"))
    assert [(t.day, t.code, t.title, t.line) for t in doc.talks] == [
        (1, None, "Event-driven architectures", 5), (1, "DAT302", "DynamoDB", 9)]


def test_announcement_names_keep_their_parentheses_and_links():
    doc = parse_source(source_from_bytes(
        "# Day 1\n\n## Keynote\n\nKey announcements:\n\n- Amazon Q (preview)\n- Graviton2 instances (M6g, C6g, R6g)\n"
        "- Amazon S3 Tables — Iceberg tables\n- Announcing the Cloud Native AI whitepaper\n\n"
        "* [Announcing Amazon Bedrock in Frankfurt](https://aws.amazon.com/bedrock) - big\n".encode(), "a.md"))
    assert announcements(doc) == [
        ("Amazon Q (preview)", None, [], 7),
        ("Graviton2 instances (M6g, C6g, R6g)", None, [], 8),
        ("Amazon S3 Tables", None, ["Iceberg tables"], 9),
        ("Cloud Native AI whitepaper", None, [], 10),
        ("Amazon Bedrock in Frankfurt", "https://aws.amazon.com/bedrock", ["big"], 12),
    ]


def test_front_matter_values_are_searchable_entries():
    doc = load("blog_post.md")
    front = [(e.kind, e.text, e.line) for e in doc.entries if e.line <= 6]
    assert front == [("talk", "Scaling Postgres at Example Corp", 2),
                     ("paragraph", "Speaker: Priya Patel (Example Corp)", 3),
                     ("paragraph", "Conference: PGConf 2020", 4)]
    # a notes file of many talks: its front matter title is a "Title: ..." entry
    doc = parse_source(source_from_bytes(b"---\ntitle: KubeCon EU 2024\n---\n# Day 1\n\n## Talk A\n", "k.md"))
    assert [(e.kind, e.text, e.line) for e in doc.entries][:1] == [("paragraph", "Title: KubeCon EU 2024", 2)]


@pytest.mark.parametrize("text", ["**Title:** Building a search engine\n**Speaker:** Alex Chen (Elastic)\n\nnotes\n",
                                  "**Title**: Building a search engine\n**Speaker**: Alex Chen (Elastic)\n\nnotes\n"])
def test_bold_title_and_speaker_lines(text):
    doc = parse_source(source_from_bytes(text.encode(), "p.md"))
    assert talks(doc)[0]["title"] == "Building a search engine"
    assert talks(doc)[0]["speakers"] == [("Alex Chen", "Elastic")]


def test_video_and_slides_links_in_talk_headings_and_after_an_emoji():
    doc = parse_source(source_from_bytes((
        "# Day 1\n\n### [DAT407 - Aurora deep dive](https://www.youtube.com/watch?v=aur)\n\n* x\n\n"
        "### DAT408 - Other [video](https://youtu.be/x)\n\n* y\n\n### DAT409 - Third ([slides](https://example.com/s))\n\n"
        "### STG301 - S3 perf\n\n- 🎥 https://www.youtube.com/watch?v=s3perf\n").encode(), "h.md"))
    assert [(t.code, t.title, t.video, t.slides) for t in doc.talks] == [
        ("DAT407", "Aurora deep dive", "https://www.youtube.com/watch?v=aur", None),
        ("DAT408", "Other", "https://youtu.be/x", None),
        ("DAT409", "Third", None, "https://example.com/s"),
        ("STG301", "S3 perf", "https://www.youtube.com/watch?v=s3perf", None),
    ]


def test_talks_of_a_file_without_days():
    """Headings that look like talks (a "(Name)", a Speaker: line, a video link under them) are talks when
    at least two of their level do; a one-talk post's sections stay sections."""
    doc = parse_source(source_from_bytes(
        "# DjangoCon US 2023 — notes\n\n## Django and htmx (Carlton Gibson)\n\n[video](https://www.youtube.com/watch?v=a)"
        "\n\n* htmx\n\n## Async views in production\n\nSpeaker: Andrew Godwin\n\n* async\n\n## Hallway track\n\n"
        "Met people.\n".encode(), "d.md"))
    assert [(t.title, [s.name for s in t.speakers], t.video, t.line) for t in doc.talks] == [
        ("Django and htmx", ["Carlton Gibson"], "https://www.youtube.com/watch?v=a", 3),
        ("Async views in production", ["Andrew Godwin"], None, 9),
    ]
    assert doc.title == "DjangoCon US 2023 — notes"
    assert [t.title for t in load("blog_post.md").talks] == ["Scaling Postgres at Example Corp"]


def test_grouping_headings_under_a_day_are_not_talks():
    doc = parse_source(source_from_bytes(
        b"## Day 1\n\n### Morning\n\n#### Keynote: The state of DevOps (Patrick Debois)\n\n* culture\n\n"
        b"#### OPS301 - GitOps at scale\n\nSpeaker: Kostis Kapelonis\n\n### Track B\n\n#### Platform panel\n\n* paths\n",
        "t.md"))
    assert [(t.day, t.code, t.title, [s.name for s in t.speakers]) for t in doc.talks] == [
        (1, None, "Keynote: The state of DevOps", ["Patrick Debois"]),
        (1, "OPS301", "GitOps at scale", ["Kostis Kapelonis"]),
        (1, None, "Platform panel", []),
    ]


def test_a_day_without_a_year_takes_the_year_of_the_notes():
    doc = parse_source(source_from_bytes(b"# Google I/O 2024\n\n## May 14\n\n### Keynote\n\n## May 15\n\n### Talk\n", "g.md"))
    assert [(d.number, d.weekday) for d in doc.days] == [(1, "Tuesday"), (2, "Wednesday")]
    assert [t.weekday for t in doc.talks] == ["Tuesday", "Wednesday"]
    doc = parse_source(source_from_bytes(b"---\ndate: 2019-12-01\ntags: [conference]\n---\n## Dec 3\n\n### Talk\n", "r.md"))
    assert doc.days[0].weekday == "Tuesday"


def test_text_of_html_blocks_is_indexed():
    doc = parse_source(source_from_bytes(
        b"# Day 1\n\n## T\n\n<!--\n\n  TODO: finish these notes later\n-->\n\n<div>inline <b>html</b> zebra</div>\n",
        "h.md"))
    assert [(e.kind, e.text, e.line) for e in doc.entries if e.kind == "paragraph"] == [
        ("paragraph", "TODO: finish these notes later", 7), ("paragraph", "inline html zebra", 10)]


def test_talks_under_track_headings_of_a_file_without_days():
    doc = parse_source(source_from_bytes(
        b"# Strange Loop 2023\n\n## Track A\n\n### Theory building (Jane Doe)\n\n* notes\n\n### Another talk\n\n"
        b"Speaker: John Smith\n\n## Track B\n\n### Third talk (Ann Lee)\n\n* more\n", "s.md"))
    assert [(t.title, [s.name for s in t.speakers], t.line) for t in doc.talks] == [
        ("Theory building", ["Jane Doe"], 5), ("Another talk", ["John Smith"], 9), ("Third talk", ["Ann Lee"], 15)]



@pytest.mark.parametrize("text, speakers", [
    ("Jane Doe, AWS", [("Jane Doe", "AWS")]),
    ("Jane Doe, Principal Engineer, Google Cloud", [("Jane Doe", "Google Cloud")]),
    ("Jane Doe, Sr. Solutions Architect, Amazon Web Services", [("Jane Doe", "Amazon Web Services")]),
    ("Ada Byron, Grace Hopper", [("Ada Byron", None), ("Grace Hopper", None)]),
    ("Ada, Grace", [("Ada", None), ("Grace", None)]),
    ("Nate Wiger (AWS), Tom Kerr (Riot)", [("Nate Wiger", "AWS"), ("Tom Kerr", "Riot")]),
])
def test_speaker_lines_with_organisations_and_titles(text, speakers):
    doc = parse_source(source_from_bytes(f"# Day 1\n\n## A talk\n\nSpeaker: {text}\n".encode(), "s.md"))
    assert talks(doc)[0]["speakers"] == speakers


def test_heading_quirks_under_a_day():
    doc = parse_source(source_from_bytes(
        b"## Day 1\n\n### DAT407 - Aurora\n\n### Second day thoughts\n\n### Lambda tips\n\n"
        b"### Serverless Patterns (Jane Doe)\n\nSpeaker: Jane Doe, AWS\n\n### Stage fright\n\n#### Sub\n\n### \n\n"
        b"### Python Packaging (Speaker: Jane Smith)\n\n- Speaker: Jane Smith\n", "q.md"))
    assert [(t.day, t.title, [(s.name, s.org) for s in t.speakers]) for t in doc.talks] == [
        (1, "Aurora", []), (1, "Second day thoughts", []), (1, "Lambda tips", []),
        (1, "Serverless Patterns", [("Jane Doe", "AWS")]), (1, "Stage fright", []),
        (1, "Python Packaging", [("Jane Smith", None)])]
    assert [d.number for d in doc.days] == [1]


def test_one_talk_post_with_sections_stays_one_talk():
    doc = parse_source(source_from_bytes(
        b"---\ntitle: Notes on a keynote\nspeaker: Werner Vogels\n---\n\nIntro.\n\n## Everything fails (Werner Vogels)\n\n"
        b"* x\n\n## Cost (Werner Vogels)\n\n* y\n", "w.md"))
    assert [(t.title, [s.name for s in t.speakers]) for t in doc.talks] == [("Notes on a keynote", ["Werner Vogels"])]
    doc = parse_source(source_from_bytes(  # sections that point at one video (timestamps) are no talks
        b"# My keynote notes\n\n## Frugal\n\n[video](https://www.youtube.com/watch?v=abc&t=300)\n\n"
        b"## Costs\n\n[video](https://www.youtube.com/watch?v=abc&t=900)\n", "v.md"))
    assert doc.talks == []


@pytest.mark.parametrize("line", ["- Launch party at 8pm at the Venetian", "- Launched my own side project",
                                  "- Announcing", "New features I want to try:\n\n- thing"])
def test_not_announcements(line):
    doc = parse_source(source_from_bytes(f"# Day 1\n\n## Talk\n\n{line}\n".encode(), "a.md"))
    assert doc.announcements == []


def test_a_launch_checklist_section_is_no_list_of_launches():
    doc = parse_source(source_from_bytes(
        b"# Acme Summit - Day 1\n\n## Talk\n\n### Launch checklist\n\n- Run load tests\n\n### Announcements\n\n- Amazon Q\n", "c.md"))
    assert [a.name for a in doc.announcements] == ["Amazon Q"]


def test_front_matter_entities_are_decoded_where_they_become_the_talk():
    # A site's front matter writes HTML entities ("Ginny Redish&#58; How to ..."): the talk's title, speakers, the
    # file's title and the search entries read the characters; "Q&A" in the notes stays as written.
    doc = load("front_matter_entities.md")
    assert talks(doc) == [
        {"day": None, "code": None, "title": "Scaling Rust & Go: lessons from a payments team",
         "speakers": [("Ana García", None)], "video": "https://www.youtube.com/watch?v=rfl2024ag", "slides": None,
         "line": 2, "end_line": 22},
    ]
    assert doc.title == "Scaling Rust & Go: lessons from a payments team"
    front = [(e.kind, e.text, e.line) for e in doc.entries if e.line <= 6]
    assert front == [("talk", "Scaling Rust & Go: lessons from a payments team", 2),
                     ("paragraph", "Speaker: Ana García", 3), ("paragraph", "Event: RustFest Lisboa 2024", 4)]
    assert any(e.text.startswith('Q&A: "would you do it again?"') for e in doc.entries)


def test_talks_json_shows_front_matter_entities_decoded(run):
    r = run("talks", "--json", "--notes", STYLES / "front_matter_entities.md")
    assert r.exit_code == 0, r.output
    assert [(t["title"], [s["name"] for s in t["speakers"]]) for t in r.json] == [
        ("Scaling Rust & Go: lessons from a payments team", ["Ana García"])]
