"""A heading's explicit id ({#id}, MDX's {/*id*/}) is no part of its title."""

from __future__ import annotations

from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.talk.evidence import clean_title

NOTES = """# DevConf 2024 notes

## Day 1 {#day-1}

### Scaling Postgres {/*scaling-postgres*/}

Speaker: Jane Roe

- partitioning first

### Rust in production {#rust-in-prod}

Speaker: John Doe

- fewer pages at night
"""


def test_clean_title_drops_a_trailing_heading_id() -> None:
    assert clean_title("Install {#install}") == "Install"
    assert clean_title("React 18 {/react-18/}") == "React 18"  # (mistune reads {/*id*/} as {/id/})
    assert clean_title("Sets {a, b}") == "Sets {a, b}"
    assert clean_title("{#only-an-id}") == "{#only-an-id}"


def test_talk_and_day_titles_have_no_ids() -> None:
    doc = parse_source(source_from_bytes(NOTES.encode(), "devconf-2024.md"))
    assert [t.title for t in doc.talks] == ["Scaling Postgres", "Rust in production"]
    assert [d.title for d in doc.days] == ["Day 1"]
    assert all("{" not in e.text for e in doc.entries)
