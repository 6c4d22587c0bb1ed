"""recognise.patterns: a pattern compiled on first use answers as re.compile's does."""

from __future__ import annotations

import re

from reinvent_cli.recognise.text.patterns import pattern


def test_a_pattern_answers_as_the_compiled_one():
    regex, flags = r"(day|tag)\s*(\d+)", re.IGNORECASE
    text = "Day 2, TAG 3 and day4"
    for method, args in [("match", (text,)), ("search", ("x " + text,)), ("fullmatch", ("day 2",)),
                         ("sub", (r"<\2>", text)), ("subn", (r"<\2>", text)), ("split", (text,)),
                         ("findall", (text,))]:
        lazy, compiled = pattern(regex, flags), re.compile(regex, flags)
        got, want = getattr(lazy, method)(*args), getattr(compiled, method)(*args)
        if isinstance(want, re.Match):
            assert (got.group(0), got.span(), got.groups()) == (want.group(0), want.span(), want.groups())
        else:
            assert got == want
    lazy = pattern(regex, flags)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in re.compile(regex, flags).finditer(text)]
    assert (lazy.pattern, lazy.flags) == (regex, flags)


def test_after_the_first_use_its_methods_are_the_compiled_patterns():
    lazy = pattern(r"a+")
    assert "match" not in vars(lazy)  # not compiled at import
    assert lazy.match("aa") is not None
    assert getattr(vars(lazy)["search"], "__self__", None).__class__ is re.Pattern
