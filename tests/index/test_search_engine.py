"""Search that behaves like a search engine (issue 11): partial matches, filler words, quoted phrases,
link URLs, announcements found by their details, talks found by their notes."""

import pytest
from conftest import BUNDLED


@pytest.fixture(scope="module", params=[True, False], ids=["store", "memory"])
def notes(request, tmp_path_factory):
    import os

    from reinvent_cli.notes.load import load

    old = os.environ.get("REINVENT_CACHE_DIR")
    os.environ["REINVENT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    try:
        yield load([str(BUNDLED)], set(), use_cache=request.param, progress=False)
    finally:
        if old is None:
            os.environ.pop("REINVENT_CACHE_DIR", None)
        else:
            os.environ["REINVENT_CACHE_DIR"] = old


def test_a_missing_word_does_not_empty_the_result(notes):
    hits = notes.search("lambda pricing", limit=5)
    assert hits and all("lambda" in h.entry.text.lower() for h in hits)


def test_partial_matches_come_after_full_ones(notes):
    hits = notes.search("how to scale redis", limit=0)
    full = [h for h in hits if "scale" in h.entry.text.lower() and "redis" in " ".join(h.entry.path + [h.entry.text]).lower()]
    assert full and hits[0] is full[0]
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all("redis" in " ".join([h.entry.text, *h.entry.path, *h.entry.context]).lower() for h in hits)


@pytest.mark.parametrize("query", ["photosynthesis chlorophyll", "qqqq wxyz", "spark streaming", "prometheus grafana"])
def test_words_found_nowhere_still_find_nothing(notes, query):
    assert notes.search(query) == []


def test_question_and_filler_words_do_not_decide(notes):
    plain = [(h.line, h.score) for h in notes.search("containers", limit=5)]
    assert [(h.line, h.score) for h in notes.search("which talks were about containers", limit=5)] == plain
    assert notes.search("what did they say about lambda cold starts", limit=3)


def test_quoted_phrases_match_as_phrases(notes):
    hits = notes.search('"redis failover"', limit=0)
    assert hits and all("redis failover" in h.entry.text.lower() for h in hits)
    assert notes.search('"failover redis"') == []  # the words, but not in that order
    assert notes.search("failover redis", limit=1)  # unquoted, they are found


def test_link_hits_carry_their_url(notes):
    hits = [h for h in notes.search("blog post", kinds=["link"], limit=3)]
    assert hits and all(h.url and h.url.startswith("https://aws.amazon.com/blogs/") for h in hits)
    assert all(h.url is None for h in notes.search("redis failover", kinds=["bullet"], limit=3))


def test_an_announcement_is_found_by_its_details(notes):
    hits = notes.search("vpc", kinds=["announcement"])
    assert [h.entry.text for h in hits] == ["Lambda"]
    top = notes.search("retries", limit=1)[0]  # the detail itself still outranks the launch it belongs to
    assert top.entry.text == "Custom Retry logic"


def test_kind_talk_finds_talks_by_their_notes(notes):
    hits = notes.search("containers", kinds=["talk"])
    titles = [h.entry.text for h in hits]
    assert any(t.startswith("CMP406") for t in titles)  # "containers" is in its notes, not in its title
    assert all(h.kind == "talk" for h in hits)


def test_talks_ranked_by_how_much_of_their_notes_match(notes):
    from reinvent_cli.index.search import search_talks

    ranked = search_talks(notes.search_index(), "redis", notes.talks)
    assert ranked[0].talk.code == "DAT407"
    assert len(ranked[0].hits) > 5
    assert [m.score for m in ranked] == sorted((m.score for m in ranked), reverse=True)


def test_cli_by_talk_and_link_urls(run):
    r = run("search", "--by", "talk", "containers", "--json")
    assert r.exit_code == 0 and r.json and all(h["kind"] == "talk" for h in r.json)
    assert any(h["text"].startswith("CMP406") for h in r.json)
    r = run("search", "blog", "post", "--kind", "link", "--json", "-l", "2")
    assert r.exit_code == 0 and all(h["url"].startswith("https://aws.amazon.com/blogs/") for h in r.json)
    assert run("search", "--by", "speaker", "redis").exit_code == 2
