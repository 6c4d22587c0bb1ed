"""Launches nobody fitted to, round 4 (issue 20), each cause on fresh fixtures (tests/fixtures/recognise/launch_round4/,
written for these tests): an event held to launch things (a "Launch Week", a "Launch Day", a "发布会", named by the
title, a tag or the file name) whose post recaps its launches, one per section; what one's own team launched in prose
("Today we're launching X", "we're open sourcing X", "happy to announce X"); a count of new things after a colon
("unveil three new tools: A, B, and C"); a podcast's news section after an opening that recaps an event's
announcements; and near misses that give no launch: a changelog's highlights, meeting minutes that plan a launch day,
a linked announcement years older than the event, "Many of ... are now available", "announcing Acme's answer to ..."."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from reinvent_cli.read.source import read_source
from reinvent_cli.recognise import read_notes
from reinvent_cli.recognise.document.kind import Cue
from reinvent_cli.recognise.launch.launch_find import heading_launch, line_launch, release_notes_lead, section_launch
from reinvent_cli.recognise.launch.launch_prose import (
    enumerated_launches,
    prose_announcement,
    sentence_launches,
    we_launched,
)
from reinvent_cli.recognise.launch.launch_scope import launch_event
from reinvent_cli.recognise.launch.launches import announce_match

HERE = FIXTURES / "recognise" / "launch_round4"


def launches(name: str) -> list[tuple[int, str]]:
    return [(a.line, a.name) for a in read_notes(read_source(HERE / name)).doc.announcements]


def test_a_launch_week_recap_names_one_launch_per_section():
    reading = read_notes(read_source(HERE / "quillstack-launch-week-2-recap.md"))
    assert reading.plan.decision is not None
    assert Cue.LAUNCH_EVENT in reading.plan.decision.cues and reading.plan.decision.recap
    assert [(a.line, a.name) for a in reading.doc.announcements] == [
        (9, "Quillstack Edge Cache"),
        (17, "Branch Previews"),
        (24, "Ferry Sync"),  # the section's line names it: not its heading "Faster replication"
    ]  # not "Launch Week 2 is over", "We hired a head of design", "How we plan a launch week", community, get started
    assert reading.doc.talks == []


def test_a_launch_week_named_only_by_a_tag():
    assert launches("day-five-three-more-things.md") == [
        (10, "pg_lantern"),  # "Today we're open sourcing `pg_lantern`, ..." (the line, not the heading)
    ]  # not "Faster uploads" (no name in it: a claim, not a product), "Kicking off the hackathon"


def test_a_launch_day_in_spanish_and_a_launch_event_in_chinese():
    assert launches("dia-de-lanzamiento-ocelote.md") == [(7, "Ocelote Studio")]  # not "¿Cómo preparamos el día?"
    assert launches("kestrel-fabuhui-2024.md") == [(8, "红隼云数据库 5.0"), (12, "边缘函数")]  # not "我们的路线图"


def test_a_podcast_recapping_an_events_announcements_lists_its_news():
    assert launches("podcast-nimbus-summit-2024-recap.md") == [
        (11, "Nimbus Vault"), (12, "Query Studio"), (13, "Nimbus Functions for Go"),
    ]  # not the tip of the week


def test_a_count_of_new_things_after_a_colon():
    assert launches("html-roundup-three-technologies.md") == [(5, "Loom"), (5, "Shuttle"), (5, "Bobbin Native")]


@pytest.mark.parametrize("name", [
    "meetup-notes-with-changelog.md",  # "What's new" over a changelog's highlights
    "launch-day-planning-minutes.md",  # minutes that plan a launch day
    "ember-style-conf-2019-notes.md",  # a 2012 announcement linked in 2019 notes, "Many of ...", "Fabrikam’s answer"
    "how-we-run-a-launch-week.md",  # a post on running a launch week: its sections are advice
])
def test_near_misses_give_no_launch(name: str):
    assert launches(name) == []


def test_launch_event_names():
    assert launch_event("Supabase Launch Week 3 recap")
    assert launch_event("", "launch-week, storage")
    assert launch_event("", "", "acme launch week4 day five")
    assert launch_event("Lit Launch Day: Lit 3.0 and more")
    assert launch_event("新品发布会回顾") and launch_event("Semana de lanzamientos de Acme")
    assert launch_event("Acme ローンチウィーク まとめ") and launch_event("런치 위크 3일차")
    assert not launch_event("Launch party photos") and not launch_event("How we launched our startup")
    assert not launch_event("Launchpad tips") and not launch_event("Weekly notes")
    assert not launch_event("How we run a launch week") and not launch_event("Lessons from our Launch Day")


def test_section_launch():
    assert section_launch("Supabase Studio") == "Supabase Studio"
    assert section_launch("New Storage CDN") == "Storage CDN"
    assert section_launch("Lit Labs Graduation Day { #labs }") == "Lit Labs Graduation Day"
    assert section_launch("PostgREST") == "PostgREST" and section_launch("边缘函数") == "边缘函数"
    for title in ("We acquired Logflare", "How we launch", "Building a SaaS?", "Kicking off the hackdays",
                  "Why signals?", "Our roadmap", "Pick a theme", "Results", "Faster uploads", "我们的路线图"):
        assert section_launch(title) is None, title


def test_we_launched():
    assert we_launched("Today we are launching Supabase CDN for all projects.") == "Supabase CDN"
    assert we_launched("Today we're open sourcing pg_graphql, a native extension.") == "pg_graphql"
    assert we_launched("We've just shipped Acme Vault to every region.") == "Acme Vault"
    assert we_launched("Today we open-sourced @acme/task as well.") == "@acme/task"
    assert we_launched("We launched our new site last year.") is None
    assert we_launched("In 2019 we launched Acme Pay and grew to ten teams.") is None  # a speaker's history
    assert we_launched("we launched into a long debate about tabs") is None
    assert we_launched("Two engineers talked about the process of open sourcing Acme Queue.") is None


def test_happy_to_announce():
    assert prose_announcement("The team is happy to announce the final release of Lit 4.0 today.") == "Lit 4.0"
    assert prose_announcement("We are thrilled to announce Acme Edge for everyone.") == "Acme Edge"
    assert prose_announcement("I'm pleased to announce that the first Acme Meetup will be held in May.") is None
    assert prose_announcement("We want to announce nothing yet.") is None
    assert prose_announcement("before announcing Fabrikam’s answer to the question") is None
    assert prose_announcement("We are happy to announce our new CEO, Jane Roe.") is None  # a role, no product
    assert prose_announcement("We announced Developer Hub at the keynote.") == "Developer Hub"


def test_enumerated_after_a_colon():
    assert enumerated_launches("a pleasure to unveil three new tools we had used: Loom, Shuttle, and Bobbin Native") \
        == ["Loom", "Shuttle", "Bobbin Native"]
    assert enumerated_launches("We introduced two new speakers: our CTO and a guest.") == []  # (not names)
    assert enumerated_launches("The agenda: intro, demos, and drinks") == []  # (no launch verb)
    found = sentence_launches("They announced three new services: Acme Queue, Acme Cron and Acme Mail.")
    assert [n for _, n in found][-3:] == ["Acme Queue", "Acme Cron", "Acme Mail"]


def test_release_notes_lead_and_a_new_heading():
    assert release_notes_lead("Below, you'll find some highlights from its pre-release changelog:")
    assert release_notes_lead("Aus den Versionshinweisen:") and release_notes_lead("リリースノートより:")
    assert not release_notes_lead("Announced at the keynote:") and not release_notes_lead(None)
    assert heading_launch("New: standard decorators support") == "standard decorators support"
    assert heading_launch("New: March 31st, 2025") is None


def test_a_launch_event_at_a_lines_start_is_no_launch():
    assert announce_match("Launch Week 2 is over. Five days of news.") is None
    assert announce_match("Launch day recap and photos") is None
    assert line_launch("Launch Week 2 is over.") is None
    assert announce_match("Launched: Acme Vault") is not None


def test_an_events_news_under_its_heading_grouped_by_field():
    assert launches("devcast-episode-88-nimbus-summit.md") == [
        (17, "Nimbus Arm instances"), (19, "Spot pools"), (21, "Passkeys for the console"), (23, "Nimbus CLI 3"),
    ]  # not the fields ("Compute", "Security", "Developer tools"), nor the details under a launch
    assert launches("newsletter-news-from-community.md") == []  # a newsletter's news, no event


def test_news_lead_and_category_label():
    from reinvent_cli.recognise.launch.launch_rules import category_label
    from reinvent_cli.recognise.launch.launch_scope import news_lead

    assert news_lead("Check out the [Ignite 2018 News Guide](book.pdf) for more.")
    assert news_lead("Here is all the news from Google I/O.") and news_lead("Voici toutes les nouveautés de la DevConf :")
    assert not news_lead("I read the news today.") and not news_lead(None)
    assert category_label("Data") and category_label("Azure & Windows") is False and category_label("Developer tools")
    assert not category_label("Nimbus CLI 3") and not category_label("")


def test_a_keynotes_sections_named_by_lowercase_products():
    assert launches("orbit-dev-2025-keynote-sketch.md") == [
        (10, "orbitOS 9"), (16, "wristOS 4"), (19, "Tides app"), (21, "Orbit Studio 2"), (24, "PocketKit API"),
    ]  # not "new filters", "sleep score" (features), "### Health" (one plain word: a topic of the keynote)


def test_a_roundup_of_whats_new_names_features_not_the_brands_that_adopted_them():
    reading = read_notes(read_source(HERE / "harbor-summit-2025-highlights.md"))
    assert reading.plan.decision is not None and reading.plan.decision.recap
    assert [(a.line, a.name) for a in reading.doc.announcements] == [(11, "Window Snap"), (12, "Shared Clipboard")]


def test_a_launch_weeks_days_label_its_sections():
    assert launches("harbor-launch-week-recap.md") == [
        (7, "Harbor Studio"), (11, "Edge Functions 2"), (15, "HarborDB Branching"),
        (19, "Harbor Vault"),  # "One more thing: Harbor Vault"
    ]
    assert launches("tern-launch-day-by-day.md") == [(5, "Tern Queue"), (11, "Tern Pages 3")]  # not "Day 1", an office


def test_a_launch_days_release_notes_keep_their_fixes_and_breaking_changes_out():
    assert launches("acme-launch-week-day3-release-notes.md") == [(5, "Acme Realtime 2")]
    # (not "Old Presence API removed", "Memory Leak in Subscriptions": sections of breaking changes and fixes)
