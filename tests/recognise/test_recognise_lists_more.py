"""More list items that are talks: "Title, by Name" under "Sessions", a list of talks split by year, "Name, Org"
after a dash; and the shapes' pure functions."""

from __future__ import annotations

from pathlib import Path

from reinvent_cli.model import Speaker
from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.talk.list_talks import by_named
from reinvent_cli.recognise.talk.speakers import speakers_in_title

FIXTURES = Path(__file__).parent.parent / "fixtures" / "recognise" / "lists2"


def _talks(name: str) -> list[tuple[int, str, list[Speaker]]]:
    path = FIXTURES / name
    doc = parse_source(source_from_bytes(path.read_bytes(), str(path)))
    return [(t.line, t.title, t.speakers) for t in doc.talks]


def test_title_by_names_under_sessions() -> None:
    assert _talks("sessions-by.md") == [
        (9, "Istio ambient mesh deep dive", [Speaker("John Howard"), Speaker("Ethan Jackson")]),
        (10, "Securing your mesh with SPIFFE", [Speaker("Jane Roe")]),
        (11, "Istio upgrades made easy", [Speaker("Ana García")])]


def test_a_list_of_talks_split_by_year() -> None:
    # "# Talks" over "## 2023" and "## 2022": each year a part of the list, its linked items the talks (a year
    # with one item alone stays unread: one item is no list of alike items)
    assert [t[:2] for t in _talks("talks-by-year.md")] == [
        (5, "Building a Node.js test runner"), (6, "The state of Node.js"), (7, "Node.js performance")]


def test_a_name_and_organisation_after_the_dash() -> None:
    talks = _talks("agenda-name-org.md")
    assert (7, "gRPC in Kotlin", [Speaker("John Doe", "Google")]) in talks
    assert speakers_in_title("Software templates at scale - Jane Roe (American Airlines)") == (
        "Software templates at scale", [Speaker("Jane Roe", "American Airlines")])
    assert speakers_in_title("Title - Hanselman and Toub")[1] == [Speaker("Hanselman"), Speaker("Toub")]


def test_by_named() -> None:
    assert by_named("Istio ambient mesh deep dive, by John Howard and Ethan Jackson") == (
        "Istio ambient mesh deep dive", "John Howard and Ethan Jackson")
    assert by_named("Dune by Frank Herbert") is None  # one word before "by": no talk's title
    assert by_named("Photo by me") is None
    assert by_named("A talk on testing by the team") is None


def test_bare_titles_right_under_a_heading_naming_talks() -> None:
    assert [t[:2] for t in _talks("titles-under-talks.md")] == [
        (5, "Knative Serving deep dive"), (6, "Eventing in production at scale"), (7, "Building functions with Knative")]
    assert [t[:2] for t in _talks("titles-with-urls.md")] == [
        (5, "Dapr 1.10 release overview"), (6, "Dapr and Azure Container Apps"), (7, "Workflow building block")]
    assert len(_talks("sessions-i-watched.md")) == 5


def test_feedback_under_a_lead_in_naming_workshops_is_no_talk() -> None:
    # (a lead-in's words are weaker than a heading's: "New contributor workshops:" over a retrospective's notes)
    assert not {7, 8, 9} & {t[0] for t in _talks("feedback-under-lead-in.md")}


def test_who_gave_it_after_a_linked_or_emphasised_title() -> None:
    assert [(t[1], t[2]) for t in _talks("linked-then-name-event.md")] == [
        ("Vitess: scaling MySQL", [Speaker("Sugu Sougoumarane")]), ("Vitess at Slack", [Speaker("Michael Demmer")]),
        ("Cloud native MySQL", [Speaker("Jiten Vaidya")])]
    assert [t[2] for t in _talks("bold-then-paren-people.md")] == [
        [Speaker("Patrik Oldsberg", "Spotify")], [Speaker("Jane Roe", "Expedia")], [Speaker("Fredrik Adelöw")]]


def test_media_links_after_the_title_are_no_part_of_it() -> None:
    assert [t[1] for t in _talks("titles-with-media.md")] == [
        "Knative Serving in production", "Event-driven apps with Knative", "Knative functions"]
    assert [(t[1], t[2]) for t in _talks("quoted-by-recording.md")] == [
        ("gRPC-Web in 2022", [Speaker("Jane Roe")]), ("xDS in gRPC", [Speaker("John Doe")]),
        ("gRPC and HTTP/3", [Speaker("Ana García")])]
