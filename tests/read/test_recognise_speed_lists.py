"""read/md_lists.py, mistune's list parser with fast helpers, gives the tokens mistune's own list parser gives
(lines included), on the notes and on generated lists with tabs, blank lines, nesting and interruptions."""

from __future__ import annotations

import random

import pytest

from conftest import FIXTURES, SHARED
from reinvent_cli.read import mdast
from reinvent_cli.read.md_lists import FAST_LISTS

_PARTS = ["- ", "* ", "+ ", "1. ", "2) ", "10. ", "  ", "    ", "\t", " \t", "\t- ", "  - ", "    - ", "      * ", "\n",
          "\n\n", "text", "Word", "**b**", "[l](u)", "> ", "# h", "---", "***", "```", "~~~", "<div>", "| a | b |",
          "|---|---|", "-", "1.", " ", "\v", "\f", "    code", "=====", "a\tb", "[r]: /u", "3)"]


def _texts() -> list[str]:
    files = [p for p in FIXTURES.rglob("*") if p.suffix in (".md", ".markdown") and p.is_file()]
    files += sorted((SHARED / "devnotes").glob("*.md"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    rnd = random.Random(14)
    texts += ["".join(rnd.choice(_PARTS) for _ in range(rnd.randint(1, 40))) for _ in range(1500)]
    return texts


@pytest.mark.skipif(not FAST_LISTS, reason="another mistune: its own list parser is used")
def test_the_copied_list_parser_gives_mistunes_tokens(monkeypatch):
    texts = _texts()
    fast = [mdast.parse_tokens(t) for t in texts]
    md = mdast.new_markdown()
    md.block._methods["list"] = md.block.parse_list  # (mistune's own: list_parser.parse_list)
    monkeypatch.setattr(mdast, "_MD", md)
    for text, tokens in zip(texts, fast):
        assert mdast.parse_tokens(text) == tokens, text[:200]
