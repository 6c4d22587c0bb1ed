"""Recognising structure: the mistune AST of a notes file to a Document (days, talks, entries, links, launches)."""

from __future__ import annotations


from reinvent_cli.model import Document
from reinvent_cli.read.source import Source
from reinvent_cli.recognise.days import _weekdays_from_year
from reinvent_cli.recognise.post import (
    _front_matter_entries,
    _one_talk_post,
    _only_h1,
    _single_talk_post,
)
from reinvent_cli.recognise.layout import plan_file
from reinvent_cli.recognise.roles import Layout
from reinvent_cli.recognise.walk import _Walker


def parse_source(src: Source, layout: Layout | None = None) -> Document:
    from reinvent_cli.read.mdast import gc_paused, parse_tokens

    with gc_paused():  # tokens and Document are acyclic: the cycle collector only slows a big file
        walker = _Walker(src)
        tokens = parse_tokens(src.body)
        walker.plan = plan_file(tokens, _one_talk_post(src, tokens), layout)
        h1 = _only_h1(tokens)
        if walker.doc.title is None and h1 is not None:
            walker.doc.title = h1[0]  # "# KubeCon EU 2022" above everything: the notes' conference
        walker.blocks(tokens, [])
        # Free the tokens while the collector is paused: re-enabled, it scans what is still alive.
        del tokens
        doc = walker.finish()
        _weekdays_from_year(doc)
        _single_talk_post(doc, src, walker, h1)
        _front_matter_entries(doc, src)
    return doc
