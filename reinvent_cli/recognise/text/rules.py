"""Rule tables, as markdown-it-py's rulers: ``(name, prefilter, rule)`` rows tried in order; the first rule whose
prefilter lets it run and that answers (not None) decides. One runner for every table of recognise/ (NOT_TALK_RULES,
ITEM_SHAPES, ITEM_RULES, LINE_RULES); what the answer means (a stop, a talk, a launch) is the caller's."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

At = TypeVar("At")
Answer = TypeVar("Answer")

# (name, prefilter or None for always, rule)
RuleTable = tuple[tuple[str, Callable[[At], bool] | None, Callable[[At], Answer | None]], ...]


def first_answer(table: RuleTable[At, Answer], at: At) -> tuple[str, Answer] | None:
    """(name, answer) of the first rule of ``table`` that answers for ``at``; None when none does."""
    for name, prefilter, rule in table:
        if prefilter is None or prefilter(at):
            found = rule(at)
            if found is not None:
                return name, found
    return None
