"""`reinvent mcp`: the real server, started as a user's MCP client starts it (a subprocess on stdio), driven
by the SDK's own client. One server per notes set, shared by the module's tests; answers asserted exactly
and against the command line's --json."""

import json
import os
import subprocess
import sys
import time

import pytest

from conftest import BUNDLED, ROOT

pytest.importorskip("mcp.server.mcpserver", reason="the MCP SDK 2 (reinvent-cli[mcp]) is not installed")

from anyio.from_thread import start_blocking_portal  # noqa: E402 - after the skip: anyio comes with the SDK
from mcp import Client, StdioServerParameters  # noqa: E402
from mcp.client.stdio import stdio_client  # noqa: E402

TOOLS = {"search", "talks", "talk", "announcements", "speakers", "links", "outline", "watchlist", "overview"}


class Server:
    """`reinvent mcp ARGS` on stdio, with a client connected; ``call`` returns (is_error, structured, text)."""

    def __init__(self, args, cache_dir, log_path):
        self._portal_cm = start_blocking_portal()
        self.portal = self._portal_cm.__enter__()
        self.log = open(log_path, "w+", encoding="utf-8")
        params = StdioServerParameters(command=sys.executable, args=["-m", "reinvent_cli", "mcp", *map(str, args)],
                                       env={"REINVENT_CACHE_DIR": str(cache_dir)}, cwd=str(ROOT))
        self._client_cm = self.portal.wrap_async_context_manager(
            Client(stdio_client(params, errlog=self.log), read_timeout_seconds=120))
        self.client = self._client_cm.__enter__()

    def call(self, tool, **arguments):
        r = self.portal.call(lambda: self.client.call_tool(tool, arguments))
        text = "\n".join(c.text for c in r.content if c.type == "text")
        return bool(r.is_error), r.structured_content, text

    def ok(self, tool, **arguments):
        is_error, data, text = self.call(tool, **arguments)
        assert not is_error, text
        return data

    def tools(self):
        return self.portal.call(self.client.list_tools).tools

    def close(self):
        try:
            self._client_cm.__exit__(None, None, None)
        finally:
            self._portal_cm.__exit__(None, None, None)
            self.log.close()


@pytest.fixture(scope="module")
def bundled_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mcp-bundled")
    server = Server(["--notes", BUNDLED], tmp / "cache", tmp / "server.log")
    yield server
    server.close()


def _talk_file(code, title, extra=""):
    return f"# Day 1\n\n## {code} - {title}\n\nSpeakers: Ann Example (ACME)\n\n* a bullet about {title.lower()}\n{extra}"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    notes = tmp_path_factory.mktemp("mcp-notes")
    (notes / "a.md").write_text(_talk_file("AAA101", "Caching at scale"), encoding="utf-8")
    (notes / "sub").mkdir()
    (notes / "sub" / "b.md").write_text(_talk_file("BBB202", "Queues in practice"), encoding="utf-8")
    (notes / "shopping.md").write_text("Groceries:\n\n- milk\n- eggs\n", encoding="utf-8")  # no talk
    (notes / "misc").mkdir()
    for n in range(8):  # enough files for the first load to index in worker processes, beside the server
        (notes / "misc" / f"n{n}.md").write_text(f"Errands {n}:\n\n- call back\n", encoding="utf-8")
    return notes


@pytest.fixture(scope="module")
def folder_server(tmp_path_factory, folder):
    tmp = tmp_path_factory.mktemp("mcp-folder")
    server = Server(["--notes", folder], tmp / "cache", tmp / "server.log")
    yield server
    server.close()


def _cli_json(run, *args):
    r = run(*args, "--json", "--notes", BUNDLED)
    assert r.exit_code == 0, r.output
    return r.json


# --- the tools and their schemas ------------------------------------------------------------------


def test_lists_every_tool_with_a_description_and_typed_input(bundled_server):
    tools = {t.name: t for t in bundled_server.tools()}
    assert set(tools) == TOOLS
    for t in tools.values():
        assert t.description and len(t.description) > 40, t.name
        assert t.input_schema["type"] == "object"
        assert t.annotations.read_only_hint is True
    search = tools["search"].input_schema
    assert search["required"] == ["query"]
    assert {"query", "kind", "day", "limit", "context"} <= set(search["properties"])
    assert search["properties"]["limit"]["minimum"] == 0
    assert tools["talk"].input_schema["required"] == ["query"]
    assert {"day", "track", "words"} <= set(tools["talks"].input_schema["properties"])
    assert {"words", "domain"} <= set(tools["links"].input_schema["properties"])


# --- answers on the bundled notes -----------------------------------------------------------------


def test_search_elasticache_finds_dat407_first_as_the_cli_does(bundled_server, run):
    hits = bundled_server.ok("search", query="elasticache")["hits"]
    assert hits[0]["kind"] == "talk" and hits[0]["text"] == "DAT407 - Amazon ElastiCache: Deep Dive"
    assert (hits[0]["file"], hits[0]["line"], hits[0]["day"]) == ("reinvent-2015.md", 290, 2)
    assert hits == _cli_json(run, "search", "elasticache")
    _, _, text = bundled_server.call("search", query="elasticache")
    assert text.startswith("reinvent-2015.md:290 [talk, score ")


def test_search_options_are_the_cli_options(bundled_server, run):
    data = bundled_server.ok("search", query="redis failover", kind="bullet", limit=3, context=1)
    assert data["hits"] == _cli_json(run, "search", "redis", "failover", "--kind", "bullet", "--limit", "3", "-C", "1")
    assert all(h["kind"] == "bullet" and h["context"] for h in data["hits"])
    by_day = bundled_server.ok("search", query="lambda", day="thursday", limit=0)["hits"]
    assert by_day and {h["day"] for h in by_day} == {2}
    assert by_day == _cli_json(run, "search", "lambda", "--day", "thu", "--limit", "0")


def test_talks_of_day_2_are_the_four_talks(bundled_server, run):
    data = bundled_server.ok("talks", day=2)
    assert [(t["code"], t["title"]) for t in data["talks"]] == [
        (None, "Keynote"), ("DAT407", "Amazon ElastiCache: Deep Dive"),
        ("CMP406", "Amazon ECS at Coursera: Powering a general-purpose near-line execution microservice, while "
                   "defending against untrusted code"),
        ("CMP301", "AWS Lambda and the Serverless Cloud")]
    assert data["talks"] == _cli_json(run, "talks", "--day", "2") and data["total"] == 4
    assert bundled_server.ok("talks", day="thu") == data
    assert [t["code"] for t in bundled_server.ok("talks", track="cmp")["talks"]] == ["CMP406", "CMP301"]
    assert [t["code"] for t in bundled_server.ok("talks", words="coursera")["talks"]] == ["CMP406"]
    assert bundled_server.ok("talks", words="amazon")["talks"] == _cli_json(run, "talks", "amazon")


def test_talk_dat407_has_its_speakers_and_notes(bundled_server, run):
    data = bundled_server.ok("talk", query="dat407")
    assert data["speakers"] == [{"name": "Nate Wiger", "org": "AWS"}, {"name": "Tom Kerr", "org": "Riot"}]
    assert (data["code"], data["file"], data["line"], data["day"]) == ("DAT407", "reinvent-2015.md", 290, 2)
    assert "Memcached" in data["notes"]
    assert data == _cli_json(run, "talk", "DAT407")
    _, _, text = bundled_server.call("talk", query="elasticache deep dive")
    assert text.startswith("# DAT407 - Amazon ElastiCache: Deep Dive\n")
    assert "Speakers: Nate Wiger (AWS), Tom Kerr (Riot)" in text and "Source: reinvent-2015.md:290" in text


def test_a_talk_of_the_watch_list_says_it_was_not_attended(bundled_server):
    data = bundled_server.ok("talk", query="ARC340")
    assert data["attended"] is False and data["title"] == "Multi-tenant Application Deployment Models"


def test_the_snowball_launch(bundled_server, run):
    data = bundled_server.ok("announcements", words="snowball")
    assert data["announcements"] == [{
        "name": "Snowball",
        "url": "https://aws.amazon.com/blogs/aws/aws-importexport-snowball-transfer-1-petabyte-per-week-using-"
               "amazon-owned-storage-appliances/",
        "day": 1, "talk": "Keynote", "section": "Freedom to get data into or out of the cloud easily",
        "details": ["Shippable storage device", "Encrypted, tamper proof", "50 TB to start"],
        "file": "reinvent-2015.md", "line": 51}]
    assert bundled_server.ok("announcements")["announcements"] == _cli_json(run, "announcements")
    assert bundled_server.ok("announcements", day=1)["announcements"] == _cli_json(run, "announcements", "--day", "1")


def test_speakers_links_watchlist_outline_as_the_cli(bundled_server, run):
    assert bundled_server.ok("speakers")["speakers"] == _cli_json(run, "speakers")
    assert bundled_server.ok("speakers", words="aws")["speakers"] == _cli_json(run, "speakers", "aws")
    riot = bundled_server.ok("speakers", words="riot")["speakers"]
    assert [(s["name"], s["talks"]) for s in riot] == [("Tom Kerr", ["DAT407 - Amazon ElastiCache: Deep Dive"])]
    assert bundled_server.ok("links", domain="github.com")["links"] == _cli_json(run, "links", "--domain", "github.com")
    assert bundled_server.ok("links", words="lambda")["links"] == _cli_json(run, "links", "lambda")
    assert bundled_server.ok("watchlist")["watchlist"] == _cli_json(run, "watchlist")
    assert bundled_server.ok("outline", day=2, depth=2)["outline"] == _cli_json(run, "outline", "--day", "2", "--depth", "2")


def test_overview_says_what_is_loaded(bundled_server):
    data = bundled_server.ok("overview")
    assert data["totals"] == {"files": 1, "talks": 9, "announcements": 18, "links": 63, "watchlist": 30, "speakers": 11}
    (f,) = data["files"]
    assert f["file"] == "reinvent-2015.md"
    assert [(d["day"], d["weekday"], d["counts"]["talks"]) for d in f["days"]] == [
        (1, "Wednesday", 2), (2, "Thursday", 4), (3, "Friday", 3)]
    assert (f["title"], f["date"], data["warnings"]) == ("Notes: re:Invent 2015", "2015-10-06 17:00", [])
    _, _, text = bundled_server.call("overview")
    assert text.splitlines()[:3] == [
        "1 files, 9 talks, 18 announcements, 63 links, 30 watchlist, 11 speakers",
        "reinvent-2015.md: Notes: re:Invent 2015 (2015-10-06 17:00): 9 talks, 18 announcements, 63 links, "
        "30 watchlist, 11 speakers",
        "  day 1: Day 1 - Wednesday (2 talks, line 16)"]


# --- bad requests: tool errors, and the server goes on ---------------------------------------------


@pytest.mark.parametrize(("tool", "arguments", "message"), [
    ("talks", {"day": 99}, "no talks on day 99; the notes have days 1-3 (wednesday, thursday, friday)"),
    ("search", {"query": "lambda", "day": 99}, "no notes on day 99; the notes have days 1-3"),
    ("announcements", {"day": "saturday"}, "no announcements on saturday; the notes have days 1-3"),
    ("talk", {"query": "DAT409"}, "no talk DAT409; did you mean DAT401 or DAT407?"),
    ("search", {"query": "   "}, "give words to search for"),
    ("talks", {"day": "someday"}, "--day 'someday': give a day number"),
    ("talk", {"query": "amazon"}, "3 talks match 'amazon'\nwhich one: DAT407 - Amazon ElastiCache: Deep Dive (day 2);"),
    ("talk", {"query": "zzzz"}, "no talk matches 'zzzz'\ncall the talks tool to list them"),
    ("search", {"query": "x", "limit": -1}, "limit"),  # refused by the input schema
])
def test_bad_input_is_a_tool_error_and_the_server_still_answers(bundled_server, tool, arguments, message):
    is_error, data, text = bundled_server.call(tool, **arguments)
    assert is_error and message in text, text
    assert "Traceback" not in text
    assert bundled_server.ok("talk", query="DAT407")["code"] == "DAT407"


def test_nothing_found_is_an_empty_answer_not_an_error(bundled_server):
    is_error, data, text = bundled_server.call("search", query="zzqxv")
    assert not is_error and data == {"hits": []} and text == "nothing relevant for 'zzqxv'"
    assert bundled_server.call("talks", track="ZZZ")[1:] == ({"talks": [], "total": 0}, "no talks found")


def test_long_answers_are_cut_at_the_limit_and_say_how_many_there_are(bundled_server, run):
    data = bundled_server.ok("talks", limit=2)
    assert [t["code"] for t in data["talks"]] == [None, "DVO317"] and data["total"] == 9  # the keynote first
    _, _, text = bundled_server.call("talks", limit=2)
    assert text.splitlines()[-1] == "... and 7 more talks (2 of 9 shown): narrow the question or raise limit"
    assert bundled_server.ok("links", limit=0)["links"] == _cli_json(run, "links")  # 0: all
    assert bundled_server.ok("outline", limit=1)["total"] == 1


def test_logs_go_to_stderr(bundled_server):
    bundled_server.ok("overview")
    bundled_server.log.flush()
    bundled_server.log.seek(0)
    assert "reinvent mcp: notes loaded: 1 file(s), 9 talk(s)" in bundled_server.log.read()


# --- a notes folder, kept fresh -------------------------------------------------------------------


def _rewrite(path, text):
    before = os.stat(path).st_mtime_ns if path.exists() else time.time_ns()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))  # a new mtime even on a coarse-clock file system


def test_a_folder_and_its_changes_are_seen_by_the_next_call(folder_server, folder):
    def codes():
        return [t["code"] for t in folder_server.ok("talks")["talks"]]

    assert codes() == ["AAA101", "BBB202"]
    assert [s["name"] for s in folder_server.ok("speakers")["speakers"]] == ["Ann Example"]
    hits = folder_server.ok("search", query="queues")["hits"]
    assert hits[0]["file"].endswith(os.path.join("sub", "b.md")) and hits[0]["line"] == 3

    _rewrite(folder / "a.md", _talk_file("AAA101", "Caching at scale", "* brandnewword on redis\n"))
    hit = folder_server.ok("search", query="brandnewword")["hits"][0]
    assert hit["file"].endswith("a.md") and hit["line"] == 8
    assert "brandnewword" in folder_server.ok("talk", query="AAA101")["notes"]

    _rewrite(folder / "c.md", _talk_file("CCC303", "Streams"))  # added
    assert codes() == ["AAA101", "CCC303", "BBB202"]  # in path order: c.md before sub/b.md
    (folder / "sub" / "b.md").unlink()  # removed
    assert codes() == ["AAA101", "CCC303"]
    is_error, _, text = folder_server.call("talk", query="BBB202")
    assert is_error and text.startswith("no talk BBB202")
    assert folder_server.ok("overview")["totals"]["files"] == 11  # a.md, c.md, shopping.md, misc/*.md
    tree = folder_server.ok("outline", file="c.md")
    assert tree["total"] == 1 and [(t["title"], t["children"][0]["title"]) for t in tree["outline"]] == [
        (str(folder / "c.md"), "Day 1")]
    assert folder_server.ok("outline", day=1, limit=1)["total"] == 2  # a.md and c.md have a day 1


def test_only_the_protocol_on_stdout(tmp_path):
    """Raw JSON-RPC over the pipes: every line on stdout is a JSON-RPC message; logs are on stderr. The
    notes named by REINVENT_NOTES."""
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "talks", "arguments": {"day": 2}}},
        {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "talk", "arguments": {"query": "X1"}}},
    ]
    notes = tmp_path / "env-notes.md"
    notes.write_text("# Day 2\n\n## ENV101 - From the environment\n\n* a bullet\n", encoding="utf-8")
    env = {**os.environ, "REINVENT_CACHE_DIR": str(tmp_path / "cache"), "REINVENT_NOTES": str(notes)}
    p = subprocess.Popen([sys.executable, "-m", "reinvent_cli", "mcp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env, cwd=ROOT, text=True)
    replies = {}
    try:
        for m in messages:
            p.stdin.write(json.dumps(m) + "\n")
            p.stdin.flush()
            if "id" in m:
                line = p.stdout.readline()
                reply = json.loads(line)  # nothing else on stdout: the next line is the reply
                assert reply["jsonrpc"] == "2.0" and reply["id"] == m["id"], line
                replies[m["id"]] = reply
        p.stdin.close()
        rest, err = p.stdout.read(), p.stderr.read()
        assert p.wait(timeout=30) == 0
    finally:
        if p.poll() is None:
            p.kill()
    assert rest == ""
    assert [t["code"] for t in replies[2]["result"]["structuredContent"]["talks"]] == ["ENV101"]
    assert replies[3]["result"]["isError"] is True
    assert "reinvent mcp: notes loaded" in err


def test_an_unexpected_failure_is_a_tool_error_and_the_next_call_is_answered(monkeypatch):
    """In process, with the SDK's in-memory client: a bug in a tool is an isError result naming the
    exception (its traceback goes to the log), never a dead server."""
    import anyio

    from reinvent_cli.mcp_server import answers
    from reinvent_cli.mcp_server.server import build
    from reinvent_cli.notes.live import LiveNotes

    monkeypatch.setattr(answers, "watchlist", lambda notes, limit: 1 / 0)

    async def calls():
        async with Client(build(LiveNotes([str(BUNDLED)]))) as client:
            return await client.call_tool("watchlist", {}), await client.call_tool("talk", {"query": "DAT407"})

    broken, fine = anyio.run(calls)
    assert broken.is_error and broken.content[0].text.startswith("internal error (ZeroDivisionError: division by zero)")
    assert not fine.is_error and fine.structured_content["code"] == "DAT407"


def test_the_tools_take_the_kinds_search_knows():
    from typing import get_args

    from reinvent_cli.mcp_server.server import Kind
    from reinvent_cli.model import ENTRY_KINDS

    assert get_args(Kind) == ENTRY_KINDS
