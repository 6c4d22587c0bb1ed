"""The commands, through CliRunner, asserting on --json output."""

from conftest import FIXTURES

MINI = FIXTURES / "mini.md"


def test_talks_day_2(run):
    r = run("talks", "--day", "2", "--json")
    assert r.exit_code == 0, r.output
    assert [t["code"] for t in r.json] == [None, "DAT407", "CMP406", "CMP301"]
    dat407 = r.json[1]
    assert dat407["title"] == "Amazon ElastiCache: Deep Dive"
    assert dat407["speakers"] == [{"name": "Nate Wiger", "org": "AWS"}, {"name": "Tom Kerr", "org": "Riot"}]
    assert dat407["video"] == "https://www.youtube.com/watch?v=4VfIINg9DYI"
    assert (dat407["file"], dat407["line"], dat407["day"]) == ("reinvent-2015.md", 290, 2)


def test_day_by_weekday_and_track(run):
    assert run("talks", "--day", "thursday", "--json").json == run("talks", "--day", "2", "--json").json
    assert [t["code"] for t in run("talks", "--day", "Thu", "--json").json][1] == "DAT407"
    r = run("talks", "--track", "dat", "--json")
    assert [t["code"] for t in r.json] == ["DAT407", "DAT304"]


def test_bad_day_is_usage_error(run):
    r = run("talks", "--day", "someday")
    assert r.exit_code == 2
    assert "--day" in r.stderr


def test_no_talks_on_a_missing_day_exits_1(run):
    r = run("talks", "--day", "9", "--json")
    assert r.exit_code == 1
    assert r.json == []


def test_talk_by_code_and_title(run):
    for query in ("DAT407", "dat407", "elasticache deep dive", "Elastcache"):
        r = run("talk", query, "--json")
        assert r.exit_code == 0, (query, r.output)
        assert r.json["code"] == "DAT407"
    r = run("talk", "sec314-r", "--json")
    assert r.json["code"] == "SEC314-R"
    notes = run("talk", "DAT407", "--json").json["notes"]
    assert notes.startswith("[Video](https://www.youtube.com/watch?v=4VfIINg9DYI)")
    assert notes.rstrip().endswith("* They do memory optimization (see docs)")


def test_unknown_talk_suggests(run):
    r = run("talk", "elasticache deep dove xyz")
    assert r.exit_code == 1  # nothing found (an ambiguous one is exit 2: the query needs narrowing)
    assert "did you mean" in r.stderr


def test_announcements(run):
    r = run("announcements", "--json")
    assert r.exit_code == 0
    assert len(r.json) == 18
    snowball = next(a for a in r.json if a["name"] == "Snowball")
    assert set(snowball) >= {"name", "url", "day", "talk", "section", "details", "file", "line"}
    assert snowball["details"][0] == "Shippable storage device"
    day2 = run("announcements", "--day", "2", "--json").json
    assert len(day2) == 10 and all(a["day"] == 2 for a in day2)
    lam = run("announcements", "lambda", "--json").json
    assert lam[0]["name"] == "Lambda"


def test_search_json_contract(run):
    r = run("search", "elasticache", "--json")
    assert r.exit_code == 0
    top = r.json[0]
    assert set(top) >= {"kind", "text", "path", "file", "line", "score"}
    assert (top["kind"], top["line"]) == ("talk", 290)
    assert top["path"] == ["Day 2 - Thursday", "DAT407 - Amazon ElastiCache: Deep Dive"]
    assert len(r.json) == 10
    assert [h["score"] for h in r.json] == sorted((h["score"] for h in r.json), reverse=True)


def test_search_line_is_the_matched_line(run):
    r = run("search", "S3/Redshift", "--json")
    assert r.json[0]["line"] == 46  # the second line of a three-line paragraph (45-47)


def test_search_filters(run):
    r = run("search", "redis", "--kind", "bullet", "--limit", "3", "--json")
    assert len(r.json) == 3 and {h["kind"] for h in r.json} == {"bullet"}
    r = run("search", "redis", "--day", "3", "--json")
    assert r.exit_code == 1


def test_search_nothing_found(run):
    r = run("search", "photosynthesis", "chlorophyll")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert "nothing relevant" in r.stderr


def test_links(run):
    assert len(run("links", "--json").json) == 63
    yt = run("links", "--domain", "youtube.com", "--json").json
    assert len(yt) == 36
    gh = run("links", "hamba", "--json").json
    assert gh[0]["url"] == "https://github.com/jpetazzo/hamba"
    assert set(gh[0]) >= {"text", "url", "path", "file", "line"}


def test_speakers_and_watchlist(run):
    names = [s["name"] for s in run("speakers", "--json").json]
    assert "Nate Wiger" in names and len(names) == 11
    w = run("watchlist", "--json").json
    assert len(w) == 30 and set(w[0]) >= {"code", "title", "video", "line"}


def test_overview(run):
    r = run()
    assert r.exit_code == 0
    assert "Notes: re:Invent 2015" in r.stdout and "2015-10-06" in r.stdout
    assert "DAT407" in r.stdout and "9 talks" in r.stdout


def test_formats(run):
    csv_out = run("talks", "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "day,code,title,speakers,video,file,line" and len(csv_out) == 10
    md = run("talks", "--format", "markdown").stdout.splitlines()
    assert md[0].startswith("| Day | Code |") and len(md) == 11
    piped = run("talks", "--day", "1").stdout
    assert "\x1b" not in piped and piped.splitlines()[1].startswith("1\tDVO317\t")


def test_notes_option_and_env(run):
    r = run("--notes", MINI, "talks", "--json")
    assert [t["code"] for t in r.json] == ["ABC101", None]
    t = r.json[0]
    assert t["speakers"] == [{"name": "Ada Lovelace", "org": "Analytical"}, {"name": "Alan Turing", "org": None}]
    assert t["file"] == str(MINI) and t["line"] == 9
    r = run("talks", "--json", env={"REINVENT_NOTES": str(MINI)})
    assert len(r.json) == 2
    ann = run("--notes", MINI, "announcements", "--json").json
    assert [(a["name"], a["details"]) for a in ann] == [
        ("Widget Cloud", ["Fully managed", "Avail today"]),
        ("Tiny instance", ["512 M", "Avail later this year"]),
    ]


def test_missing_notes_path_exits_2(run, tmp_path):
    missing = tmp_path / "nope.md"
    r = run("--notes", missing, "talks")
    assert r.exit_code == 2
    assert str(missing) in r.stderr
    assert "Traceback" not in r.output


def test_module_entry_point():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "reinvent_cli", "talks", "--day", "2", "--json"],
                         capture_output=True, text=True, check=True)
    assert '"DAT407"' in out.stdout


def test_empty_search_query_is_usage_error(run):
    r = run("search", "")
    assert r.exit_code == 2
    assert "give words to search for" in r.stderr


def test_words_of_a_link_url_find_the_link(run, tmp_path):
    notes = tmp_path / "u.md"
    notes.write_text("# Day 1\n\n## Talk A\n\n* [Slides on Speaker Deck](https://speakerdeck.com/lizrice/ebpf-intro)\n"
                     "* [slides](https://www.slideshare.net/xyz/deck)\n* a bullet about ebpf\n", encoding="utf-8")
    for cache in ([], ["--no-cache"]):
        r = run(*cache, "-n", notes, "search", "lizrice", "--json")
        assert r.exit_code == 0 and [(h["kind"], h["line"]) for h in r.json] == [("link", 5)]
        r = run(*cache, "-n", notes, "search", "slideshare", "--json")
        assert [(h["kind"], h["line"]) for h in r.json] == [("link", 6)]
        r = run(*cache, "-n", notes, "search", "ebpf", "--json")  # the words shown rank first
        assert [(h["kind"], h["line"]) for h in r.json][0] == ("bullet", 7) and len(r.json) == 2
