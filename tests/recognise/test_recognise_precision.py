"""What looks like a list of talks but is none: things to read, podcast episodes, a notes repository's README; and
the pure checks behind them."""

from __future__ import annotations

from pathlib import Path

from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.talk.evidence import not_talk
from reinvent_cli.recognise.talk.media import article_page
from reinvent_cli.recognise.talk.watch_heading import READING_LEAD

FIXTURES = Path(__file__).parent.parent / "fixtures" / "recognise" / "precision"


def _talks(name: str) -> list[tuple[int, str]]:
    path = FIXTURES / name
    doc = parse_source(source_from_bytes(path.read_bytes(), str(path)))
    return [(t.line, t.title) for t in doc.talks]


def test_a_newsletter_lists_talks_and_things_to_read() -> None:
    # the summit's recordings are talks; the episodes (a dash, then no person), the "_To Read_" posts and the
    # "Further reading" list are not
    assert _talks("newsletter-reading.md") == [
        (9, "Islands in practice"), (10, "Signals all the way down"), (11, "Testing without mocks")]


def test_a_notes_repository_readme_has_no_talks() -> None:
    assert _talks("notes-readme.md") == []


def test_reading_leads_and_article_pages() -> None:
    assert READING_LEAD.match("_To Read_") and READING_LEAD.match("Further reading:") and READING_LEAD.match("推荐阅读")
    assert not READING_LEAD.match("Talks to read about later at home")
    assert article_page("https://example.dev/blog/why-we-moved") and article_page("https://medium.com/@a/b-1")
    assert article_page("https://lena.example.org/posts/compiler-tour")
    assert not article_page("https://www.youtube.com/watch?v=abc") and not article_page("https://example.org/forms")
    assert not article_page("https://kccncna2030.sched.com/event/1abc/talk")
    assert not_talk("License") and not_talk("Contributors") and not not_talk("Getting started with Kubernetes")
