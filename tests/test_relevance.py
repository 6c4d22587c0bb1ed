"""Search relevance on the judged queries of ../shared/eval/search-queries.json."""

import json

import pytest
from conftest import SHARED

EVAL = SHARED / "eval" / "search-queries.json"


def _judgments():
    if not EVAL.exists():
        pytest.skip(f"{EVAL} is not beside this checkout")
    return json.loads(EVAL.read_text(encoding="utf-8"))


def _top_ok(hit, accept):
    return any(a.lower() in p.lower() for a in accept for p in hit.entry.path)


def test_judged_queries(bundled):
    from reinvent_cli.search import search

    data = _judgments()
    index = bundled.search_index()
    failures = []
    for q in data["queries"]:
        hits = search(index, q["q"], limit=1)
        if not hits or not _top_ok(hits[0], q["accept"]):
            failures.append((q["q"], hits[0].entry.path if hits else None))
    assert len(failures) <= 1, failures


def test_negatives_find_nothing(bundled):
    from reinvent_cli.search import search

    index = bundled.search_index()
    for q in _judgments()["negatives"]:
        assert search(index, q) == [], q


@pytest.mark.parametrize("query,expect", [
    ("elasticache", "DAT407 - Amazon ElastiCache: Deep Dive"),   # the talk title beats bullets
    ("elastcache", "DAT407 - Amazon ElastiCache: Deep Dive"),    # typo
    ("ElastiCache with Redis", "ElastiCache with Redis"),        # section title
    ("snowball", "Snowball"),
])
def test_titles_outrank_mentions(bundled, query, expect):
    from reinvent_cli.search import search

    top = search(bundled.search_index(), query, limit=1)[0]
    assert top.entry.text == expect


def test_scores_are_ranked_and_bounded(bundled):
    from reinvent_cli.search import search

    hits = search(bundled.search_index(), "redis", limit=50)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    assert len(hits) > 5
