"""One query object (issue 16): a query is parsed once, and search, ranking, highlighting and the word filters of
announcements, links and talk all read the same terms from it."""

import dataclasses

import pytest

QUERIES = ["elastcache", "serverles", "coursra", "the lambda", "lambda launch", "deploying with jenkins", "auto scaling",
           "vpc config", "mobilehub", "iot announcement", "how to scale redis", "Jérôme", "a/b testing",
           "\"redis failover\"", "talks about containers"]


def test_a_query_is_parsed_once_into_a_frozen_object():
    from reinvent_cli.index.parsed_query import Query, as_query, parse_query

    q = parse_query("How does the Lambda launch \u201cscale out\u201d with Jérôme's mobileHub?")
    assert isinstance(q, Query) and as_query(q) is q and parse_query(q.text) is q
    assert q.folded == "How does the Lambda launch \u201cscale out\u201d with Jerome's mobileHub?"
    assert q.content == ("lambda", "launch", "scale", "out", "jerome", "s", "mobile", "hub")
    assert set(q.stop) == {"how", "does", "the", "with"}
    assert q.announce == (False, True, False, False, False, False, False, False)
    assert q.phrases == ("scale out",)
    assert q.phrase.startswith("lambda launch scale out")
    assert q.code is None and parse_query(" sec314-R ").code == "sec314-R"
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.content = ()  # type: ignore[misc]
    assert parse_query("what is").content == ("what", "is")  # stop words alone are what it asks
    assert parse_query("the keynote").every_term().content == ("the", "keynote")


def test_announcements_drop_stop_words_as_search_does(run):
    """`announcements "the lambda"` dropped the Lambda launch that `search "the lambda" --kind announcement`
    ranks first: the filter asked for "the" too."""
    top = run("search", "the lambda", "--kind", "announcement", "--json").json[0]
    found = run("announcements", "the lambda", "--json").json
    assert top["text"] == "Lambda" and top["text"] in [a["name"] for a in found]
    assert run("announcements", "the lambda", "--json").json == run("announcements", "lambda", "--json").json


@pytest.mark.parametrize("words", ["lambda", "redis", "containers", "iot", "video", "x1"])
def test_stop_words_beside_other_words_never_change_a_word_filter(bundled, words):
    from reinvent_cli.notes import query as q

    plain = (q.announcements(bundled, None, words), q.links(bundled, words))
    for asked in (f"the {words}", f"what about {words}", f"{words} of the"):
        assert (q.announcements(bundled, None, asked), q.links(bundled, asked)) == plain, asked


def test_a_launch_is_what_an_announcement_word_asks_for(run):
    """`search "lambda launch" --kind announcement` finds the launch by its kind; so does the filter."""
    assert run("search", "lambda launch", "--kind", "announcement", "--json").json[0]["text"] == "Lambda"
    assert "Lambda" in [a["name"] for a in run("announcements", "lambda launch", "--json").json]
    assert [a["name"] for a in run("announcements", "mobilehub", "--json").json] == ["Mobile Hub"]  # split as search splits
    assert len(run("announcements", "announcements", "--json").json) == len(run("announcements", "--json").json)


def test_talk_hits_highlight_what_other_hits_highlight(run):
    """`search elastcache --kind talk` gave empty spans where `--kind section` has them (the talk's heading
    was highlighted with the query's words as typed, not with the words of the notes they matched)."""
    r = run("search", "elastcache", "--kind", "talk", "--json")
    top = r.json[0]
    assert top["text"][slice(*top["spans"][0])] == "ElastiCache"


def test_a_talk_heading_is_highlighted_alike_by_any_search(bundled):
    """Every talk heading hit by a plain search has the same spans as a hit of `--kind talk`."""
    for query in QUERIES:
        by_talk = {(h.entry.file, h.line): h.spans for h in bundled.search(query, kinds=["talk"], limit=None)}
        assert by_talk or query in ("Jérôme", "a/b testing"), query
        for h in bundled.search(query, limit=None):
            if h.kind == "talk" and (h.entry.file, h.line) in by_talk:
                assert by_talk[h.entry.file, h.line] == h.spans, (query, h.entry.text)


def test_talk_by_words_reads_the_query_as_search_does(run):
    assert run("talk", "the elastic load balancing", "--json").json["title"].startswith("Elastic Load Balancing")
    assert run("talk", "loadbalancing", "--json").json["title"].startswith("Elastic Load Balancing")
