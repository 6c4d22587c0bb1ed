"""The announcement pass's block filter (launch_rules.may_name_launch): a block it turns down has no line that
a line rule (launch_find._line_hit) reads as a launch, whatever the case of its letters."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, SHARED
from reinvent_cli.lexicon import CJK_LAUNCH_VERBS
from reinvent_cli.read.mdast import parse_tokens
from reinvent_cli.recognise.launch import launch_rules
from reinvent_cli.recognise.text.inline import FlatInline, FlatLink, flat_of
from reinvent_cli.recognise.launch.launch_find import line_launch
from reinvent_cli.recognise.launch.launch_rules import FOLD_UNSAFE, LAUNCH_FILTERS, may_name_launch


def _blocks(tokens):
    for tok in tokens:
        if tok.get("type") in ("paragraph", "block_text", "heading"):
            yield flat_of(tok)
        elif isinstance(tok.get("children"), list):
            yield from _blocks(tok["children"])


def _fired_lines(flat: FlatInline) -> list[str]:
    """The lines of a block a line rule reads as a launch (as an item's line: every rule applies)."""
    text = flat.text.strip("\n")
    out, offset = [], 0
    for line in text.split("\n"):
        if line_launch(line, flat, offset, item=True) is not None:
            out.append(line)
        offset += len(line) + 1
    return out


def _check(flat: FlatInline) -> None:
    fired = _fired_lines(flat)
    if fired:
        assert may_name_launch(flat.text.strip("\n"), bool(flat.links)), fired


def test_no_block_of_the_notes_with_a_launch_line_is_turned_down():
    files = [p for p in (FIXTURES).rglob("*") if p.suffix in (".md", ".markdown") and p.is_file()]
    files += sorted((SHARED / "devnotes").glob("*.md"))
    fired = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for variant in (text, text.upper(), text.title(), text.swapcase()):
            for flat in _blocks(parse_tokens(variant)):
                _check(flat)
                fired += bool(_fired_lines(flat))
    assert fired > 50  # (the files do name launches)


_WORDS = ["new", "New", "NEW", "launch", "Launched", "announcement", "Announced", "release", "released", "neu",
          "neues", "nouveau", "Nouveauté", "lançamento", "ankündigung", "novità", "preview", "Public Preview",
          "beta", "GA", "ga of", "now", "generally available", "general availability", "became GA", "available now",
          "introduced", "unveiled", "(new)", "[NEW]", "(neu)", "Acme", "Vault", "the", "is", "of", "発表", "を発表",
          "の発表", "の発表 ", "リリース", "提供開始", "新功能", "新機能", "正式发布", "发布", "🚀", "✨", "(GA)", "ıntroduced", "releaſed",
          "İ", "K", "ſ", "ı", "x"]
_SEPS = [" ", "  ", ":", ": ", "：", " - ", "-", " — ", "!", "\n", "\n  ", "\t", "(", ")", "[", "]", "."]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + _SEPS), min_size=1, max_size=14),
       st.booleans())
def test_no_generated_launch_line_is_turned_down(parts, with_link):
    text = "".join(parts).strip("\n")
    links = []
    if with_link and " " in text:
        at = text.rindex(" ") + 1
        links = [FlatLink(text[at:], "https://x.example/", at)]
    _check(FlatInline(text, links))


def test_what_ignorecase_matches_to_a_lowercase_letter_lowers_to_it():
    # may_name_launch reads the lowered text with lowercase patterns, in place of re.IGNORECASE on the text
    letters = set()
    for pattern in LAUNCH_FILTERS:
        src = re.sub(r"\\.", "", pattern.pattern)
        assert src == src.lower(), pattern.pattern  # (no uppercase letter but in escapes: \S, \W)
        letters |= {ch for ch in src if ch.isalpha() and ch != ch.upper()}
    assert "a" in letters and "ü" in letters
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if ch in FOLD_UNSAFE or 0xD800 <= cp <= 0xDFFF or (ch == ch.lower() and ch == ch.upper()):
            continue  # (an uncased character is matched by itself only)
        low = ch.lower()
        assert len(low) == 1, ch
        assert bool(re.match(r"[\w]", ch)) == bool(re.match(r"[\w]", low)), ch
        for x in letters:
            if re.fullmatch(re.escape(x), ch, re.IGNORECASE):
                assert low == x, (ch, x)


def test_a_filter_finds_at_least_what_its_rule_does():
    assert may_name_launch("Some text\n  New: Acme Vault")
    assert may_name_launch("x\nAcme Studio is NOW GA.")
    assert may_name_launch("Glacier Deep Archive (NEW)")
    assert may_name_launch("The ANNOUNCEMENT of Acme", links=False)
    assert may_name_launch("Kevin Scott introduced NLWeb", links=True)
    assert not may_name_launch("Kevin Scott introduced NLWeb", links=False)
    assert may_name_launch("・cloud tpu を発表")
    assert may_name_launch("x\nAcme の発表 \ny")  # (the rule's "$": the end of the stripped line)
    assert "\\$" not in CJK_LAUNCH_VERBS and CJK_LAUNCH_VERBS.count("$") == CJK_LAUNCH_VERBS.count("|$)")
    assert may_name_launch("releaſed: Acme")  # (a character that lower() keeps apart: not proved)
    assert not may_name_launch("Speaker: Jane Doe\nWe talked about queues - and more.")
    assert launch_rules._LINE_START_RULES.pattern.startswith("\\n")
