"""Talks a recap tells in prose (talk/prose_talks.py, list_talks.presented): a paragraph or list item whose subject
is the person on stage, with the talk's recording or slides; and talks in raw HTML rows with embedded recordings
(walker/html_blocks.py keeps an <iframe> and a <strong> name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.talk.list_talks import presented

FIXTURES = Path(__file__).parent.parent / "fixtures" / "recognise" / "prose"


def _talks(name: str) -> list[tuple[int, str, list[str]]]:
    path = FIXTURES / name
    doc = parse_source(source_from_bytes(path.read_bytes(), str(path)))
    return [(t.line, t.title, [s.name for s in t.speakers]) for t in doc.talks]


@pytest.mark.parametrize(("text", "expected"), [
    ("Jane Roe gave the opening keynote on cache design:", ("The opening keynote on cache design", "Jane Roe")),
    ("Jane Roe and John Doe take a deeper dive into query plans. How do they", ("A deeper dive into query plans",
                                                                                 "Jane Roe and John Doe")),
    ("Jane Roe, an engineer at Acme, talked about backpressure in queues. Slides are up.",
     ("Backpressure in queues", "Jane Roe")),
    ("Jane Roe talked about backpressure.", None),  # (one word: no title to tell)
    ("Jane Roe from Acme Labs gave a talk on tracing in the browser", ("Tracing in the browser", "Jane Roe")),
    ("Jane Roe walks you through sharding a queue", ("Sharding a queue", "Jane Roe")),
    ("Jane Roe hat gezeigt, wie man Caches füllt", ("Wie man Caches füllt", "Jane Roe")),  # (after its auxiliary)
    ("Jane Roe joined the team in May.", None),
    ("Spotify relies heavily on a managed broker", None),
    ("The team talked about the budget.", None),
])
def test_presented(text: str, expected: tuple[str, str] | None) -> None:
    assert presented(text) == expected


def test_paragraphs_over_their_recordings_and_slides() -> None:
    assert _talks("recap-paragraphs-embeds.md") == [
        (8, "The opening keynote on ten years of stream processing", ["Ingrid Holm"]),
        (12, "Exactly-once delivery in a payment pipeline, with numbers from production", ["Rafael Costa", "Mei Sato"]),
        (16, "Backpressure in browsers", ["Tobias Engel"])]
    # "Spotify relies on …" and "After lunch we had coffee …": no person on stage, no talk


def test_list_items_whose_subject_is_the_speaker() -> None:
    assert _talks("recap-list-people-videos.md")[:3] == [
        (5, "How design tokens keep three apps in step", ["Amara Obi"]),
        (6, "Hydration costs on slow phones", ["Lukas Brenner"]),
        (7, "Testing with a real browser", ["Chloé Martin", "Jonas Berg"])]


def test_prose_about_people_without_a_recording_is_no_talk() -> None:
    # an offsite's notes: people "talked about" and "presented" things, with no recording or slides
    assert _talks("notes-prose-no-media.md") == []


def test_html_rows_with_embedded_recordings() -> None:
    # "<h3>Title</h3><p><strong>Name</strong> opened with …</p>" beside an <iframe> of the recording, under "The talks"
    assert _talks("html-talk-rows.md") == [
        (11, "Keynote", ["Sigrid Nilsen"]),
        (23, "Forms that scale", ["Per Dahl", "Anna Lund"]),
        (35, "Server rendering", ["Kari Moe"])]


def test_a_bold_talks_line_over_what_speakers_will_present() -> None:
    # "**Talks**" alone over the list is a heading in bold; "will share", "will talk about", "will preview X: Y"
    assert _talks("meetup-preview-bold-talks.md") == [
        (9, "How they moved a trading engine to async Rust", ["Hanna Berg", "Ole Dahl"]),
        (10, "Writing a game in a weekend with Bevy", ["Sofia Lind"]),
        (11, "Quill: a new editor and talk about its plugin API", ["Erik Nyman"])]
    # "**Bring**": "Maja Holm will bring the stickers" is no talk


def test_recordings_on_sites_that_host_other_things_too() -> None:
    from reinvent_cli.recognise.talk.media import video_url

    assert video_url("https://developer.apple.com/videos/play/wwdc2019/717/")
    assert video_url("https://www.youtube-nocookie.com/embed/Qw3Er4Ty5Ui")
    assert video_url("https://media.ccc.de/v/36c3-1234-a-talk")
    assert video_url("https://www.bilibili.com/video/BV1r5411U7Dx/")
    assert not video_url("https://developer.apple.com/documentation/swiftui")
    assert not video_url("https://space.bilibili.com/598542776/channel/collectiondetail?sid=1")  # a channel
    assert not video_url("https://media.ccc.de/c/36c3")  # a conference's page, not one recording


def test_notes_on_one_recorded_session() -> None:
    # the title links the session's recording, or the first link is a recording whose text holds the title: one talk,
    # its headings its sections
    assert _talks("session-notes-title-links-recording.md") == [(1, "Advances in App Background Execution", [])]
    assert _talks("session-notes-first-link-recording.md") == [(1, "Modern Swift Concurrency in Practice", [])]
    # a TIL that links a video of another title: no talk
    assert _talks("til-links-a-video.md") == []
