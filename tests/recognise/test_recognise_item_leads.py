"""List items that are talks by what leads them and who follows: a recording's link as the whole item, an emphasised
title then the sentence of who gave it, a title then "from **Name of Org**", a person then a quoted title."""

from __future__ import annotations

from pathlib import Path

from reinvent_cli.model import Speaker
from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.talk.list_talks import lead_people, quoted_tail_named

FIXTURES = Path(__file__).parent.parent / "fixtures" / "recognise" / "lists3"


def _talks(name: str) -> list[tuple[int, str, list[Speaker]]]:
    path = FIXTURES / name
    doc = parse_source(source_from_bytes(path.read_bytes(), str(path)))
    return [(t.line, t.title, t.speakers) for t in doc.talks]


def test_a_list_of_recordings() -> None:
    # each item one link to a video, its text the title and who gave it; the channel and mailing list are no talks
    assert _talks("recordings-list.md") == [
        (8, "Opening keynote: ten years at the edge", [Speaker("Maria Santos", "Fastly")]),
        (9, "Caching without tears", [Speaker("Tomás Ferreira"), Speaker("Ana Lima", "Cloudflare")]),
        (10, "WebAssembly on the CDN", [Speaker("Priya Natarajan")]),
        (11, "Lessons from a global outage", [])]


def test_an_emphasised_title_then_who_gave_it() -> None:
    talks = _talks("recap-bold-then-person.md")
    assert talks[:3] == [
        (7, "Where event streaming goes next (English)", [Speaker("Lena Fischer")]),
        (8, "Streams at the bank", [Speaker("Omar Haddad"), Speaker("Julia Berg")]),
        (9, "Kafka-compatible APIs (German)", [Speaker("Ines Wagner")])]
    # "**Backpressure**: it matters ...", "**Tiered storage**: Cheaper than ...": what was learned, no talks
    assert not any(line in (15, 16, 17) for line, _, __ in talks)


def test_a_title_from_an_emphasised_person() -> None:
    assert [(line, title, [s.name for s in who]) for line, title, who in _talks("programme-from-emphasised.md")] == [
        (7, "Sharding a monolith in twelve weeks", ["Katrin Vogel"]),
        (8, "The cost of an index", ["Pedro Alves"]),
        (9, "Postgres at the edge", ["Nora Lindqvist"]),
        (13, "Islands all the way down", ["Sam Okafor"]),
        (14, "Reading a flame graph", ["Yuki Tanaka"])]


def test_a_person_then_a_quoted_title() -> None:
    assert _talks("keynotes-name-quoted.md") == [
        (7, "Platforms people want to use", [Speaker("Anna Kowalski")]),
        (8, "Ten thousand deploys a day", [Speaker("Ben Carter")]),
        (12, "Scaling a health platform", [Speaker("Chloé Martin")]),
        (13, "Money moves fast", [Speaker("Dev Patel")])]  # (the quotes under "Quotes we liked": no talks)
    assert [t[:2] for t in _talks("meetup-name-book-zh.md")] == [
        (5, "服务网格在生产中的十个坑"), (6, "Kubernetes 多集群调度实践"), (7, "可观测性从零到一")]


def test_quoted_tail_named() -> None:
    assert quoted_tail_named("Jane Roe, CTO at Acme, “Shipping daily”") == ("Shipping daily", "Jane Roe")
    assert quoted_tail_named("张伟（阿里云）《服务网格实践》") == ("服务网格实践", "张伟")
    assert quoted_tail_named("Jane Roe: “Ship small, ship often.”") is None  # what she said
    assert quoted_tail_named("Jane Roe, “Nobody reads the runbook.”") is None
    assert quoted_tail_named("The team said “no”") is None
    assert quoted_tail_named("Shipping daily") is None


def test_lead_people() -> None:
    assert lead_people("Jane Roe, an engineer at Acme, showed how") == "Jane Roe"
    assert lead_people("Jane Roe and John Doe from Acme explained") == "Jane Roe and John Doe"
    assert lead_people("Dr. Jane Roe walked through it") == "Dr. Jane Roe"
    assert lead_people("Cheaper than we thought.") is None
    assert lead_people("How the eventing API routes events") is None
    assert lead_people("Kubernetes Operators are hard") is None


def test_parts_whose_headings_each_show_a_video_hold_the_talks() -> None:
    # "## Catch up on what's new" would be a talk by its place; its "###" children each show a video: they are
    assert [t[:2] for t in _talks("recap-videos-under-parts.md")] == [
        (11, "What's new in the editor"), (17, "Typed pipelines in practice"),
        (25, "Containers from scratch"), (31, "Serverless without the bill")]


def test_the_list_under_a_bold_talk_is_its_speakers_and_times() -> None:
    # the handles and the time links under "**Title**" are that talk's, no talks; "* **Title**" over a nested
    # "* Name (@handle)" is a talk by that person
    assert [(line, title, [s.name for s in who]) for line, title, who in _talks("bold-sessions-with-times.md")] == [
        (9, "Remote pairing that works", ["Jane Roe"]),
        (15, "Debugging in production, safely", ["Omar Haddad", "Lena Fischer"]),
        (22, "Tips for a faster build", ["Pedro Alves"]),
        (24, "Writing docs people read", ["Nora Lindqvist"])]


def test_under_a_day_emphasised_titles_with_what_they_are_about_and_one_timed_item() -> None:
    # under a day: "**Title:** what it is about" items, and a day's one item with a time and its speakers; the same
    # shape under "What we took home" (no day, no group of talks) is the note-taker's own takeaways
    talks = _talks("days-with-demos.md")
    assert [t[:2] for t in talks] == [(9, "Meshery in ten minutes"), (11, "Designing with the canvas"),
                                      (13, "Performance profiles"), (17, "Extending meshes for fun and profit")]
    assert talks[3][2] == [Speaker("Jane Roe"), Speaker("John Doe", "Google")]  # (the handles are neither)


def test_paragraphs_under_a_heading_naming_talks() -> None:
    # no list: "[Title: subtitle](url) by **Name**, Role, Org" paragraphs under "### Lumen Days Talks"
    assert [(line, title, [s.name for s in who]) for line, title, who in _talks("paragraph-talks-under-group.md")] == [
        (9, "Where Lumen goes next: the 2032 roadmap", ["Maria Santos"]),
        (11, "Introducing Lumen Themes", ["Tomás Ferreira"]),
        (13, "How Lumen Does Low-Effort, High-Impact Research (and You Can Too!)", ["Ana Lima"])]


def test_a_session_page_linked_in_an_items_prose() -> None:
    assert [t[:2] for t in _talks("prose-items-session-links.md")] == [
        (5, "Tracing a request through three meshes"), (6, "Chaos at the control plane"),
        (7, "Operators that read the docs for you")]


def test_bold_lines_that_link_their_recording() -> None:
    # "**[Title](youtube) by Acme Developer Advocate Jane Roe**": the video in the bold line is its evidence, and the
    # person after the job title is its speaker; the parts above them are groups
    assert [(line, title, [s.name for s in who]) for line, title, who in _talks("bold-video-lines.md")] == [
        (10, "How well do you know service workers?", ["Laura Pérez"]),
        (14, "From template to store package", ["Dana Brooks", "Sam Okafor"])]


def test_a_keynote_slot_named_by_its_speaker() -> None:
    # after a lead-in naming keynotes, and under a day: "**Name**, role" is a slot of the programme; a quoted
    # title names the talk; notes about people (sentences) are none
    talks = _talks("keynote-slots.md")
    assert [(line, [s.name for s in who]) for line, _, who in talks] == [
        (5, ["Maria Santos"]), (6, ["Tomás Ferreira"]), (7, ["Ana Lima"]), (11, ["Priya Natarajan"]),
        (12, ["Omar Haddad"])]
    assert talks[4][1] == "Routing at the edge"


def test_by_lines_with_kramdown_attributes() -> None:
    # 'By [Name](url){:rel="nofollow"}, role @ org' under each heading: each heading a talk (not one post)
    assert [(line, title, [s.name for s in who]) for line, title, who in _talks("meetup-by-lines-ial.md")] == [
        (6, "Caching at the edge", ["Maria Santos"]), (14, "Invalidation is hard", ["Tomás Ferreira"])]


def test_a_day_named_with_its_event_and_recordings_after_lead_ins() -> None:
    # "## Tuesday - EdgeCon" is a day; a paragraph saying "if you want to see all the talks" is no watch list's
    # lead-in; "Lead-in: [Title - Name, Org](video)" and "Name: [Title](video)" are talks with their speakers
    path = FIXTURES / "day-event-lead-ins.md"
    doc = parse_source(source_from_bytes(path.read_bytes(), str(path)))
    assert [(t.line, t.day, t.title, [s.name for s in t.speakers]) for t in doc.talks] == [
        (8, 1, "Caching without tears", ["Maria Santos"]),
        (9, 1, "Routing at the edge", ["Tomás Ferreira"]),
        (10, 1, "Testing without mocks", ["Ana Lima"])]
    assert [d.weekday for d in doc.days] == ["Tuesday", "Wednesday"]


def test_inspect_never_nests_a_heading_under_a_list_item() -> None:
    from reinvent_cli.recognise.inspect import inspect_source

    path = FIXTURES / "keynote-slots.md"
    seen = inspect_source(source_from_bytes(path.read_bytes(), str(path)))
    top = seen.lines[0]
    assert [(c.line, c.form) for c in top.children] == [
        (5, "list item"), (6, "list item"), (7, "list item"), (9, "heading"), (14, "heading")]


def test_speakers_with_organisations_joined_by_and() -> None:
    from reinvent_cli.recognise.talk.speakers import parse_speakers, speakers_in_title

    assert speakers_in_title("gRPC Rust by Jane Roe, Google, and John Doe, Turso") == (
        "gRPC Rust", [Speaker("Jane Roe", "Google"), Speaker("John Doe", "Turso")])
    assert parse_speakers("Jane Roe, Google and John Doe, Turso") == [
        Speaker("Jane Roe", "Google"), Speaker("John Doe", "Turso")]
    assert parse_speakers("Jane Roe and John Doe") == [Speaker("Jane Roe"), Speaker("John Doe")]
