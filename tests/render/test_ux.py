"""Terminal UX: colour and table decisions, widths from 40 to 200 columns, search hits, outline,
overview bars, `open`, queries that look like options, and notes that try to drive the terminal."""

from __future__ import annotations

import io
import re
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from rich.console import Console

from conftest import BUNDLED, FIXTURES
from reinvent_cli.render import hits, listing, overview, records, terminal
from reinvent_cli.render.terminal import Output

# the renderers' names in one namespace, as the tests below use them
render = SimpleNamespace(**{k: getattr(m, k) for m in (terminal, listing, records, hits, overview) for k in dir(m)
                            if not k.startswith("_")})

HOSTILE = FIXTURES / "hostile"
WIDTHS = [40, 50, 60, 80, 120, 200]
COLOR = {"FORCE_COLOR": "1", "COLUMNS": "200"}


@pytest.fixture(autouse=True)
def _no_browser(monkeypatch):
    """A test must never start a web browser."""
    import webbrowser

    def refuse(*a, **k):
        raise AssertionError("a test tried to open a web browser")

    monkeypatch.setattr(webbrowser, "open", refuse)
    monkeypatch.delenv("TERM", raising=False)


def tty(width: int, color: bool = False) -> Output:
    """An Output that behaves like a terminal of ``width`` columns, recording what it prints."""
    kw = dict(file=io.StringIO(), width=width, force_terminal=True, highlight=False, markup=False, emoji=False,
              color_system="truecolor" if color else None, legacy_windows=False)
    return Output(Console(**kw), Console(**{**kw, "file": io.StringIO()}))


def text_of(out: Output) -> str:
    return out.console.file.getvalue()


# --- colour and terminal detection -----------------------------------------------------------------


def test_make_output_follows_the_environment(monkeypatch):
    out = render.make_output()
    assert not out.is_terminal  # pytest captures stdout: piped
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = render.make_output()
    assert out.is_terminal and out.console.color_system is not None
    assert render.make_output(color="never").console.color_system is None
    monkeypatch.setenv("NO_COLOR", "1")
    out = render.make_output()
    assert out.is_terminal and out.console.color_system is None  # a table, but no colours
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert render.make_output().console.color_system is None


@pytest.mark.parametrize("env,args", [
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, []),
    ({"FORCE_COLOR": "1"}, ["--no-color"]),
    ({"FORCE_COLOR": "1", "TERM": "dumb"}, []),
])
def test_no_color_keeps_the_table_drops_the_escapes(run, env, args):
    r = run(*args, "talks", "--day", "2", env={**env, "COLUMNS": "100"})
    assert r.exit_code == 0
    assert "┃ Day ┃ Code" in r.stdout and "DAT407" in r.stdout
    assert "\x1b" not in r.stdout


def test_force_color_gives_a_coloured_table_piped_gives_tabs(run):
    r = run("talks", "--day", "2", env=COLOR)
    assert "\x1b[" in r.stdout and "┃" in r.stdout
    piped = run("talks", "--day", "2").stdout
    assert "\x1b" not in piped and "┃" not in piped
    assert piped.splitlines()[1].split("\t")[:2] == ["2", "DAT407"]


# --- tables from 40 to 200 columns ---------------------------------------------------------------


TABLES = [
    ("talks", lambda n: n.talks, render.TALK_COLUMNS, lambda t: t.code),
    ("watchlist", lambda n: n.watchlist, render.WATCH_COLUMNS, lambda w: w.code),
    ("announcements", lambda n: n.announcements, render.ANNOUNCEMENT_COLUMNS, lambda a: None),
    ("links", lambda n: n.links, render.LINK_COLUMNS, lambda lk: None),
    ("speakers", lambda n: __import__("reinvent_cli.notes.query", fromlist=["speakers"]).speakers(n), render.SPEAKER_COLUMNS, lambda s: None),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name,items,columns,code", TABLES, ids=[t[0] for t in TABLES])
def test_tables_fit_and_never_cut_codes_or_days(bundled, width, name, items, columns, code):
    rows = items(bundled)
    out = tty(width)
    render.emit(out, rows, columns, lambda x: {})
    shown = text_of(out)
    lines = shown.rstrip("\n").split("\n")
    assert max(len(line) for line in lines) <= width, shown
    assert "…" not in shown  # nothing was truncated (long text wraps instead)
    for r in rows:
        if code(r):
            assert re.search(rf"│ {re.escape(code(r))} +│", shown), (code(r), shown)
    header = lines[1]
    for c in columns:
        if c.drop == 0:
            assert c.header in header, (c.header, header)  # the essential columns are always there


def test_talk_days_stay_whole_at_40(bundled):
    out = tty(40)
    render.emit(out, bundled.talks, render.TALK_COLUMNS, render.talk_json)
    cells = [line.split("│")[1].strip() for line in text_of(out).splitlines() if line.startswith("│")]
    assert [c for c in cells if c] == [str(t.day) for t in bundled.talks]


def test_narrow_tables_drop_the_least_useful_columns(bundled):
    kept = [c.header for c in render.fit_columns(render.TALK_COLUMNS, bundled.talks, 40)]
    assert kept == ["Day", "Code", "Title"]
    kept = [c.header for c in render.fit_columns(render.TALK_COLUMNS, bundled.talks, 60)]
    assert kept == ["Day", "Code", "Title", "Speakers"]
    assert len(render.fit_columns(render.TALK_COLUMNS, bundled.talks, 120)) == 5


def test_urls_are_links_on_a_terminal_and_whole_when_piped(bundled, run):
    out = tty(120, color=True)
    render.emit(out, bundled.talks, render.TALK_COLUMNS, render.talk_json)
    shown = text_of(out)
    assert "\x1b]8;id=" in shown and "https://www.youtube.com/watch?v=4VfIINg9DYI\x1b\\" in shown
    assert "youtube.com/watch?v=4VfIINg9DYI" in shown
    piped = run("talks").stdout
    assert "https://www.youtube.com/watch?v=4VfIINg9DYI" in piped and "\x1b" not in piped


def test_safe_url():
    assert render.safe_url("https://example.com/a?b=c") == "https://example.com/a?b=c"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "https://x/\x1b]0;t\x07", "https://a b", None, ""):
        assert render.safe_url(bad) is None


# --- search hits -----------------------------------------------------------------------------------


def test_search_hits_on_a_terminal(run):
    r = run("search", "elasticache", "--limit", "3", env=COLOR)
    assert r.exit_code == 0
    out = r.stdout
    link = "file://" + quote(str(BUNDLED.resolve()))
    assert "\x1b]8;id=" in out and link + "\x1b\\" in out  # file:line is a hyperlink to the real file
    assert "reinvent-2015.md:290" in out
    assert "\x1b[1;31mElastiCache\x1b[0m" in out  # the matched word is highlighted
    plain_text = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", out)
    assert "reinvent-2015.md:290  talk 93  Day 2 - Thursday" in plain_text
    assert "Day 2 - Thursday › DAT407 - Amazon ElastiCache: Deep Dive" in plain_text
    warm = run("search", "elasticache", "--limit", "3", env=COLOR).stdout  # notes from the cache now
    assert link + "\x1b\\" in warm


def test_search_hits_piped_are_grep_like(run):
    out = run("search", "elasticache", "--limit", "2").stdout
    assert "\x1b" not in out
    assert out.splitlines()[0] == "reinvent-2015.md:290:DAT407 - Amazon ElastiCache: Deep Dive"  # file:line:text, as grep -n


def test_hit_path_is_shortened_to_fit(bundled):
    from reinvent_cli.index.search import search

    hits = search(bundled.search_index(), "riot redis", limit=3)
    for width in (40, 60, 80):
        out = tty(width)
        render.emit_hits(out, hits)
        lines = text_of(out).rstrip("\n").split("\n")
        assert max(len(line.rstrip()) for line in lines) <= width, text_of(out)
        assert "DAT407" in text_of(out)


def test_explain_is_readable(run):
    out = run("search", "elasticache", "redis", "--explain", "--limit", "1").stdout
    lines = out.splitlines()
    assert lines[1].strip().startswith("score 95 = 100 × coverage 1.00 × section weight 0.97 × density")
    assert re.match(r"\s+elasticache\s+in text 1\.00; rarity \(idf\) \d", lines[2])
    r = run("search", "elasticache", "--explain", "--limit", "1", "--json")
    assert {"terms", "coverage", "kind_weight"} <= set(r.json[0]["explain"])
    colored = run("search", "elasticache", "--explain", "--limit", "1", env=COLOR).stdout
    assert "score 93 = 100 × coverage" in colored


def test_min_score_and_count(run):
    every = run("search", "redis", "--limit", "0", "--json").json
    high = run("search", "redis", "--limit", "0", "--min-score", "90", "--json").json
    assert high and all(h["score"] >= 90 for h in high) and len(high) < len(every)
    assert run("search", "redis", "--count").stdout.strip() == str(len(every))  # not capped by --limit's default
    assert run("search", "redis", "--count", "--limit", "3").stdout.strip() == "3"
    assert run("search", "redis", "--count", "--min-score", "90").stdout.strip() == str(len(high))
    none = run("search", "photosynthesis", "--count")
    assert none.exit_code == 1 and none.stdout.strip() == "0" and none.stderr == ""
    assert run("search", "redis", "--min-score", "101").exit_code == 2


def test_weekday_filter_applies_before_the_limit(run):
    by_number = run("search", "redis", "--day", "2", "--json").json
    by_weekday = run("search", "redis", "--day", "thu", "--json").json
    assert len(by_weekday) == len(by_number) == 10


# --- queries that look like options or have hyphens ----------------------------------------------


def test_queries_with_hyphens(run):
    r = run("search", "--json", "--", "-R")
    assert r.exit_code == 0, r.output
    assert any("SEC314-R" in " ".join(h["path"]) + h["text"] for h in r.json)
    r = run("search", "near-line", "--json")
    assert r.exit_code == 0 and r.json[0]["text"].startswith("CMP406")
    assert run("talk", "sec314-r", "--json").json["code"] == "SEC314-R"
    assert run("talk", "--json", "--", "sec314-r").json["code"] == "SEC314-R"
    r = run("open", "sec314-r", "--print")
    assert r.exit_code == 0 and r.stdout.startswith("https://")


# --- outline and overview --------------------------------------------------------------------------


def test_outline_tree(run):
    r = run("outline", env={"COLUMNS": "200"})
    assert r.exit_code == 0
    out = r.stdout
    assert out.splitlines()[0].startswith("Notes: re:Invent 2015  reinvent-2015.md  9 talks · 389 bullets")
    assert "├── Day 2 - Thursday  4 talks · 168 bullets · 11 links · 10 announcements" in out
    assert "│   ├── DAT407 Amazon ElastiCache: Deep Dive  66 bullets · 1 link" in out
    assert "│   │   ├── ElastiCache with Memcached  13 bullets" in out
    assert "\x1b" not in out


def test_outline_json_depth_and_day(run):
    tree = run("outline", "--json").json
    doc = tree[0]
    assert (doc["kind"], doc["file"], doc["counts"]["bullets"]) == ("file", "reinvent-2015.md", 389)
    days = [c for c in doc["children"] if c["kind"] == "day"]
    assert [d["day"] for d in days] == [1, 2, 3]
    dat = next(t for t in days[1]["children"] if t.get("code") == "DAT407")
    assert dat["title"] == "Amazon ElastiCache: Deep Dive" and dat["line"] == 290
    assert [s["title"] for s in dat["children"]] == [
        "ElastiCache with Memcached", "ElastiCache with Redis", "Performance Tuning", "Use case by Riot Games"]
    assert dat["counts"] == {"bullets": 66, "links": 1, "announcements": 0}
    assert (doc["talks"], days[1]["talks"]) == (9, 4)
    shallow = run("outline", "--depth", "1", "--json").json[0]
    assert all(c["children"] == [] for c in shallow["children"])
    assert shallow["talks"] == 9 and "├── Day 2 - Thursday  4 talks" in run("outline", "--depth", "1").stdout
    day2 = run("outline", "--day", "thu", "--json").json[0]
    assert [c["title"] for c in day2["children"]] == ["Day 2 - Thursday"]
    assert day2["counts"]["announcements"] == 10
    missing = run("outline", "--day", "9", "--json")
    assert missing.exit_code == 1 and missing.json == []


def test_overview_bars(run, bundled):
    out = run().stdout
    lines = out.splitlines()
    day1 = next(line for line in lines if "Day 1 - Wednesday" in line)
    day2 = next(line for line in lines if "Day 2 - Thursday" in line)
    assert "2 talks" in day1 and "8 announcements" in day1
    assert day2.count("██████████") == 2  # day 2 has the most talks and announcements: full bars
    assert "█" in day1
    narrow = tty(60)
    render.emit_overview(narrow, bundled)
    assert all(len(line) <= 60 for line in text_of(narrow).splitlines())
    assert "10 announcements" in text_of(narrow)


def test_bar_scaling():
    assert render.bar(4, 4, 10) == "█" * 10
    assert render.bar(2, 4, 10) == "█" * 5 + " " * 5
    assert render.bar(1, 3, 4) == "█▍  "
    assert render.bar(0, 4, 10) == " " * 10 and render.bar(3, 0, 5) == " " * 5
    assert render.bar(1, 100, 5) == "▏    "  # something, however small, is visible
    assert render.bar(2, 4, 10, blocks=False) == "#####     "
    assert all(len(render.bar(v, 7, 6)) == 6 for v in range(8))


# --- open ------------------------------------------------------------------------------------------


def test_open_print(run):
    r = run("open", "DAT407", "--print")
    assert r.exit_code == 0 and r.stdout == "https://www.youtube.com/watch?v=4VfIINg9DYI\n"


def test_open_starts_the_browser(run, monkeypatch):
    import webbrowser

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    r = run("open", "elasticache deep dive")
    assert r.exit_code == 0, r.output
    assert opened == ["https://www.youtube.com/watch?v=4VfIINg9DYI"]
    assert "Opening https://www.youtube.com/watch?v=4VfIINg9DYI" in r.stderr and r.stdout == ""


def test_open_without_a_browser_prints_the_url(run, monkeypatch):
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: False)
    r = run("open", "DAT407")
    assert r.exit_code == 0
    assert r.stdout.strip() == "https://www.youtube.com/watch?v=4VfIINg9DYI"
    assert "no web browser" in r.stderr


def test_open_errors(run):
    r = run("open", "CMP301")
    assert r.exit_code == 1 and "CMP301 has no video" in r.stderr
    r = run("--notes", HOSTILE, "open", "EVL201")
    assert r.exit_code == 2 and "not an http(s) URL" in r.stderr
    r = run("open", "elasticache deep dove xyz")
    assert r.exit_code == 1 and "did you mean" in r.stderr


# --- hostile notes ---------------------------------------------------------------------------------

_SGR = r"\x1b\[[0-9;]*m"
_OUR_OSC8 = r"\x1b\]8;(?:id=\d+)?;(?:(?:https?|file)://[!-~]*?)?\x1b\\"


def only_our_escapes(s: str) -> str:
    """``s`` without the escapes reinvent itself writes (SGR styles, OSC 8 links to web pages and
    files); fails if any other escape or control character is left."""
    rest = re.sub(_OUR_OSC8, "", re.sub(_SGR, "", s))
    assert "\x1b" not in rest, repr(rest[max(0, rest.find("\x1b") - 40):rest.find("\x1b") + 40])
    bad = re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", rest)
    assert not bad, bad
    for note_payload in ("owned", "pwned-title", "evil.example/\x1b"):
        assert note_payload not in re.findall(_OUR_OSC8, s), note_payload
    return rest


HOSTILE_RUNS = [
    (["talks"], ["[bold red]Evil[/] talk [link=http://x]click[/link]", "Mallory [red]Root[/red]"]),
    (["talk", "EVL101"], ["[bold red]Evil[/] talk [link=http://x]click[/link]", "Payloads [/] and [bold]markup[/bold]"]),
    (["search", "zapper"], ["[bold red]", "[/] text"]),
    (["search", "zapper", "--format", "tsv"], ["[bold red]", "[/] text", "Payloads [/] and [bold]"]),
    (["search", "markup", "--explain"], ["[link=http://x]", "[/link]"]),
    (["announcements"], ["Zapper [bold]Service[/]"]),
    (["links"], ["http://x"]),
    (["speakers"], ["Mallory [red]Root[/red]"]),
    (["outline"], ["[bold red]Evil[/] talk", "Payloads [/] and [bold]markup[/bold]"]),
    ([], ["Hostile [bold red]Conf[/] 2024", "[bold red]Evil[/]"]),
    (["talks", "--format", "markdown"], ["[bold red]Evil[/]"]),
    (["talks", "--format", "csv"], ["[bold red]Evil[/]"]),
]


@pytest.mark.parametrize("mode", ["piped", "tty"])
@pytest.mark.parametrize("args,literals", HOSTILE_RUNS, ids=lambda a: " ".join(a) if isinstance(a, list) else "")
def test_hostile_notes_print_literally_and_safely(run, args, literals, mode):
    r = run("--notes", HOSTILE, *args, env=COLOR if mode == "tty" else None)
    assert r.exit_code == 0, r.output
    if mode == "tty" and "--format" not in args:
        assert "\x1b[" in r.stdout  # really styled output, not the piped fallback
    for stream in (r.stdout, r.stderr):
        shown = only_our_escapes(stream)
        assert "Clears your screen" not in stream or "\x1b[2J" not in stream
    shown = re.sub(r"\s*[│┃]\s*", " ", only_our_escapes(r.stdout))  # table cells may wrap: join them
    flat = re.sub(r"\s+", " ", shown)
    for lit in literals:
        assert lit in flat, (lit, flat[:2000])


def test_hostile_json_is_escaped_not_raw(run):
    r = run("--notes", HOSTILE, "talks", "--json")
    assert "\x1b" not in r.stdout and "\\u001b" in r.stdout
    assert r.json[0]["title"].startswith("[bold red]Evil[/]")


def test_hostile_text_in_errors(run):
    r = run("--notes", HOSTILE, "talk", "\x1b]0;owned\x07 nothing like this")
    assert r.exit_code == 1
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr


def test_clean_and_plain():
    assert render.clean("a\x1b[2Jb\x1b]0;t\x07c\x1b]8;;http://e\x1b\\d") == "abcd"
    assert render.clean("bell\x07") == "bell\ufffd"
    t = render.plain("[bold red]x[/]")
    assert t.plain == "[bold red]x[/]" and not t.spans


@pytest.fixture
def hostile_names(tmp_path):
    """Notes files whose names hold an escape sequence, a newline and a tab."""
    d = tmp_path / "names"
    d.mkdir()
    body = ("# Day 1\n\n## EVL202 - Zapper talk\n\nSpeaker: Eve\n\n* zapper one https://example.com/z\n\n"
            "Announce: Zapper Service\n")
    for name in ("a\x1b[2J\x1b]0;owned\x07.md", "b\nfake.md:1:bullet:injected.md", "c\td.md"):
        (d / name).write_text(body, encoding="utf-8")
    return d


@pytest.mark.parametrize("mode", ["piped", "tty"])
@pytest.mark.parametrize("args", [["search", "zapper"], ["talks"], ["talk", "EVL202", "--file", "c\td"], ["links"], ["announcements"],
                                  ["speakers"], ["outline"], [], ["talks", "--format", "markdown"],
                                  ["talks", "--format", "csv"]], ids=lambda a: " ".join(a) or "overview")
def test_hostile_file_names_print_safely(run, hostile_names, args, mode):
    r = run("--notes", hostile_names, *args, env=COLOR if mode == "tty" else None)
    assert r.exit_code == 0, r.output
    for stream in (r.stdout, r.stderr):
        only_our_escapes(stream)
    if mode == "piped" and args == ["search", "zapper"]:
        lines = r.stdout.rstrip("\n").split("\n")
        assert all(x.startswith(str(hostile_names)) for x in lines), lines  # a file name never starts a line
    if mode == "piped" and args == ["talks"]:
        assert len(r.stdout.rstrip("\n").split("\n")) == 3  # one line per talk


def test_the_same_talk_in_several_files(run, hostile_names):
    r = run("--notes", hostile_names, "talk", "EVL202")
    assert r.exit_code == 2
    hint = " ".join(r.stderr.split())
    assert "3 talks match" in hint and "--file or --conference" in hint
    assert hint.count(":3)") == 3  # each one named by file:line, the titles being the same
    r = run("--notes", hostile_names, "talk", "EVL202", "--file", "c\td", "--json")
    assert r.exit_code == 0 and r.json["file"].endswith("c\td.md")
    r = run("--notes", hostile_names, "open", "zapper", "--file", "nothing-like-it")
    assert r.exit_code == 1 and "no talk matches" in r.stderr
