"""Front matter that YAML refuses for an unquoted colon in a value ("title: Google IO 2021: Keynote"), which the blog
engines that wrote it accept: read line by line, no warning; anything else invalid still warns and is ignored."""

from __future__ import annotations

from reinvent_cli.read.source import load_front_matter, source_from_bytes


def test_a_colon_in_an_unquoted_title() -> None:
    meta, warning = load_front_matter("date: 2021-05-18 21:03\ntitle: Nimbus Summit 2021: Keynote\n"
                                      "tags: nimbus, keynote\nspeaker: \"Jane Roe: CTO\"")
    assert warning is None
    assert meta["title"] == "Nimbus Summit 2021: Keynote"
    assert meta["speaker"] == "Jane Roe: CTO"
    assert meta["tags"] == ["nimbus", "keynote"]


def test_other_invalid_front_matter_still_warns() -> None:
    meta, warning = load_front_matter("title: [unclosed")
    assert meta == {} and warning and "not valid YAML" in warning
    # an indented mapping under a value with a colon: not a plain "key: value" list
    meta, warning = load_front_matter("title: a: b\n  nested: x")
    assert meta == {} and warning and "not valid YAML" in warning


def test_the_title_reaches_the_reading() -> None:
    src = source_from_bytes(b"---\ntitle: Nimbus Summit 2021: Keynote\n---\n\nSketchnote of the keynote.\n", "k.md")
    assert src.meta["title"] == "Nimbus Summit 2021: Keynote" and not src.warnings
