"""The browse app's one adapter to the core (reinvent_cli/browse/data.py): what it gives the app.

When the core's API changes, this is the test that says where: data.py is the only module of the
browse package that calls into the core."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import BUNDLED, FIXTURES, ROOT

from reinvent_cli.browse import data

BROWSE = ROOT / "reinvent_cli" / "browse"


def test_search_ranks_as_reinvent_search(bundled):
    d = data.Data(bundled)
    hits = d.search("elastcache")  # a typo
    assert (hits[0].kind, hits[0].file, hits[0].line) == ("talk", "reinvent-2015.md", 290)
    assert hits[0].where == ["Day 2 - Thursday"]
    assert hits[0].text[slice(*hits[0].spans[0])] == "ElastiCache"
    expected = bundled.search("elastcache", limit=data.SEARCH_LIMIT, min_score=data.MIN_SCORE)
    assert [(h.file, h.line) for h in hits] == [(h.entry.file, h.line) for h in expected]


def test_search_filters(bundled):
    d = data.Data(bundled)
    assert {h.day for h in d.search("keynote", day=1)} == {1}
    assert {h.kind for h in d.search("elasticache", kind="section")} == {"section"}
    assert d.search("") == []


def test_preview_of_a_talk(bundled):
    d = data.Data(bundled)
    p = d.preview("reinvent-2015.md", 315)
    assert (p.code, p.title, p.day, p.talk_line) == ("DAT407", "Amazon ElastiCache: Deep Dive", "Day 2 (Thursday)", 290)
    assert p.speakers == "Nate Wiger (AWS), Tom Kerr (Riot)"
    assert p.video == "https://www.youtube.com/watch?v=4VfIINg9DYI"
    assert p.first_line == 291
    body = p.body.split("\n")
    assert body[315 - p.first_line].startswith("### ElastiCache with Memcached") or "Memcached" in body[315 - p.first_line]


def test_preview_outside_talks(bundled):
    d = data.Data(bundled)
    p = d.preview("reinvent-2015.md", 3)
    assert p.code is None and p.talk_line is None and p.first_line == 1
    assert d.location("reinvent-2015.md", 3) == f"{BUNDLED}:3" or d.location("reinvent-2015.md", 3).endswith(
        "reinvent-2015.md:3")


def test_days_announcements_watchlist(bundled):
    d = data.Data(bundled)
    assert d.days() == [1, 2, 3]
    launches = d.announcements()
    assert launches[0].title == "QuickSight" and launches[0].day == 1 and launches[0].url.startswith("https://")
    assert all(a.day == 2 for a in d.announcements(2))
    assert len(d.watchlist()) == 30


def test_outline_is_days_talks_sections():
    roots = data.outline([str(BUNDLED)])
    assert len(roots) == 1
    days = [b for b in roots[0].children if b.kind == "day"]
    assert [b.day for b in days] == [1, 2, 3]
    talk = next(t for t in days[1].children if t.code == "DAT407")
    assert talk.title == "DAT407 - Amazon ElastiCache: Deep Dive" and talk.line == 290
    assert "ElastiCache with Memcached" in [s.title for s in talk.children]


def test_note_text_is_cleaned():
    d = data.load([str(FIXTURES / "hostile" / "hostile.md")])
    hits = d.search("zapper")
    assert hits
    p = d.preview(hits[0].file, hits[0].line)
    for text in (p.body, p.title, p.speakers, *[" ".join(h.where) for h in hits]):
        assert "\x1b" not in text and "\x07" not in text
    assert "[bold red]" in p.body or "[bold]" in p.body  # markup stays as written


def test_only_data_calls_the_core():
    """Every import of reinvent_cli outside the browse package is in data.py."""
    for path in BROWSE.glob("*.py"):
        if path.name == "data.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reinvent_cli"):
                assert node.module.startswith("reinvent_cli.browse"), (path.name, node.module)
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("reinvent_cli") and not a.name.startswith("reinvent_cli.browse")
                               for a in node.names), path.name
