"""Hugo's TOML front matter ("+++" lines): read before markdown like YAML's, its lines blanked, a bad one a warning."""

from __future__ import annotations

from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source

TOML = """+++
title = "Harbour Cloud Day 2022 with Ana Pires"
categories = ["Conference", "Announcements"]
date = "2022-10-12"
+++

## What was announced

* Introducing Acme Vault to keep secrets in one place [blog](https://example.org/blog/vault)
* Introducing Acme Queue for streams at any size [blog](https://example.org/blog/queue)
"""


def test_toml_front_matter_is_read() -> None:
    src = source_from_bytes(TOML.encode(), "ep-12.md")
    assert src.meta["title"] == "Harbour Cloud Day 2022 with Ana Pires"
    assert src.meta["categories"] == ["Conference", "Announcements"]
    assert src.body.split("\n")[:5] == ["", "", "", "", ""]  # (its lines blanked: line numbers kept)
    assert not src.warnings


def test_launch_names_leave_a_closing_blog_link_out() -> None:
    doc = parse_source(source_from_bytes(TOML.encode(), "ep-12.md"))
    assert [a.name for a in doc.announcements] == [
        "Acme Vault to keep secrets in one place", "Acme Queue for streams at any size"]


def test_bad_toml_front_matter_is_a_warning() -> None:
    src = source_from_bytes(b'+++\ntitle = "unclosed\n+++\n\n# Notes\n', "bad.md")
    assert src.meta == {}
    assert any("not valid TOML" in w for w in src.warnings)


def test_plus_lines_that_never_close_are_text() -> None:
    src = source_from_bytes(b"+++\n\n# Notes\n", "plain.md")
    assert src.meta == {} and src.body.startswith("+++")
