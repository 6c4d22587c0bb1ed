"""`reinvent browse` driven by Textual's own test driver (App.run_test and a Pilot), headless."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys

import pytest

from conftest import BUNDLED, FIXTURES, ROOT

pytest.importorskip("textual")

from textual.widgets import OptionList  # noqa: E402

from reinvent_cli.browse import data, finish  # noqa: E402
from reinvent_cli.browse.app import BrowseApp  # noqa: E402
from reinvent_cli.browse.views import Help, Outline, Picker, PreviewPane  # noqa: E402


@pytest.fixture(scope="module")
def _shared_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("browse-cache")


@pytest.fixture(autouse=True)
def _warm(_shared_cache, monkeypatch):
    """One cache for this module's tests: the notes are indexed once, as a user's are."""
    monkeypatch.setenv("REINVENT_CACHE_DIR", str(_shared_cache))


def make_app(query: str = "", paths=None) -> BrowseApp:
    paths = [str(p) for p in (paths or [BUNDLED])]
    return BrowseApp(data.load(paths), paths, query=query)


def drive(app: BrowseApp, script, size=(120, 40)):
    """Run ``script(pilot)`` against the app; returns what the app returned on exit."""

    async def main():
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await script(pilot)
        return app.return_value

    return asyncio.run(main())


async def settle(pilot) -> None:
    """Let the debounce timer fire and the workers (outline, preview) finish."""
    await pilot.pause(0.15)
    for worker in list(pilot.app.workers):
        with contextlib.suppress(Exception):  # a preview superseded by a newer selection is cancelled
            await worker.wait()
    await pilot.pause()


async def type_query(pilot, text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


def preview_text(app: BrowseApp) -> str:
    """The notes the preview shows, as drawn on the screen."""
    drawn = app.query_one("#preview-body").content
    return "\n".join("".join(seg.text for seg in line) for line in drawn.lines)


def test_typing_lists_ranked_hits_and_a_typo_finds_its_talk():
    async def script(pilot):
        await type_query(pilot, "elastcache")
        app = pilot.app
        assert app.list_name() == "results"
        first = app.results[0]
        assert (first.kind, first.file, first.line) == ("talk", "reinvent-2015.md", 290)
        assert "DAT407" in first.text
        ol = app.query_one("#results", OptionList)
        assert ol.option_count == len(app.results) > 3
        label = ol.get_option_at_index(0).prompt
        assert "reinvent-2015.md:290" in label.plain and "Day 2 - Thursday" in label.plain
        assert any("red" in str(s.style) for s in label.spans)  # the matched word is highlighted
        pane = app.query_one(PreviewPane)
        assert pane.current.code == "DAT407"
        assert "Memcached" in preview_text(app)

    drive(make_app(), script)


def test_day_filter_with_a_number_key():
    async def script(pilot):
        await type_query(pilot, "keynote")
        app = pilot.app
        assert {r.day for r in app.results} >= {1, 2}
        await pilot.press("down", "1")
        await settle(pilot)
        assert app.results and {r.day for r in app.results} == {1}
        await pilot.press("0")
        await settle(pilot)
        assert {r.day for r in app.results} >= {1, 2}
        await pilot.press("7")  # no day 7: said, filter unchanged
        await settle(pilot)
        assert app.day is None

    drive(make_app(), script)


def test_kind_and_day_pickers():
    async def script(pilot):
        await type_query(pilot, "elasticache")
        app = pilot.app
        await pilot.press("down", "k")
        assert isinstance(app.screen, Picker)
        app.screen.dismiss("section")
        await settle(pilot)
        assert app.kind == "section" and {r.kind for r in app.results} == {"section"}
        await pilot.press("d")
        assert isinstance(app.screen, Picker)
        app.screen.dismiss(3)
        await settle(pilot)
        assert app.day == 3

    drive(make_app(), script)


def test_enter_opens_the_talk_full_width_and_escape_comes_back():
    async def script(pilot):
        await type_query(pilot, "redis failover")
        app = pilot.app
        await pilot.press("down", "enter")
        await settle(pilot)
        body = app.query_one("#body")
        assert body.has_class("-full")
        assert app.query_one(PreviewPane).current.code == "DAT407"
        pane = app.query_one(PreviewPane)
        y0, y1 = pane.marked  # the hit's rows are marked, and in view
        assert y1 > y0 > 0
        scroll = app.query_one("#preview-scroll")
        assert scroll.scroll_y <= y0 < scroll.scroll_y + scroll.size.height
        await pilot.press("escape")
        assert not body.has_class("-full")
        assert app.is_running

    drive(make_app(), script)


def test_empty_query_shows_the_outline():
    async def script(pilot):
        app = pilot.app
        assert app.list_name() == "outline"
        tree = app.query_one(Outline)
        labels = [n.label.plain for n in tree.root.children]
        assert labels[1:4] == ["Day 1 - Wednesday  5 bullets  8 launches"[:0] or labels[1]] + labels[2:4]
        days = [n for n in tree.root.children if n.data.kind == "day"]
        assert [n.data.day for n in days] == [1, 2, 3] and all(n.is_expanded for n in days)
        talks = [c.data.code for c in days[1].children]
        assert "DAT407" in talks
        await pilot.press("down", "2")
        await settle(pilot)
        assert [n.data.day for n in tree.root.children] == [2]

    drive(make_app(), script)


def test_quit_returns_the_selected_place(capsys):
    async def script(pilot):
        await type_query(pilot, "elastcache")
        await pilot.press("escape")  # from the search box

    chosen = drive(make_app(), script)
    assert chosen == f"{BUNDLED}:290"
    assert finish(chosen, print_selected=False) == 0
    assert capsys.readouterr().out == ""
    assert finish(chosen, print_selected=True) == 0
    assert capsys.readouterr().out == f"{BUNDLED}:290\n"
    assert finish(None, print_selected=True) == 1


def test_q_quits_from_the_list():
    async def script(pilot):
        await type_query(pilot, "lambda")
        await pilot.press("down", "down", "q")

    chosen = drive(make_app(), script)
    assert chosen and chosen.startswith(str(BUNDLED) + ":")


def test_copy_video_edit_and_help(monkeypatch):
    opened, edited = [], []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url))
    monkeypatch.setattr(subprocess, "call", lambda args: edited.append(args) or 0)
    monkeypatch.setenv("EDITOR", "myeditor --flag")

    async def script(pilot):
        app = pilot.app
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        await type_query(pilot, "elastcache")
        await pilot.press("down", "y", "o", "e")
        await settle(pilot)
        assert app.clipboard == f"{BUNDLED}:290"
        await pilot.press("question_mark")
        assert isinstance(app.screen, Help)
        await pilot.press("escape")
        assert not isinstance(app.screen, Help)

    drive(make_app(), script)
    assert opened == ["https://www.youtube.com/watch?v=4VfIINg9DYI"]
    assert edited == [["myeditor", "--flag", "+290", str(BUNDLED)]]


def test_announcements_and_watch_list_views():
    async def script(pilot):
        app = pilot.app
        await pilot.press("down", "a")
        await settle(pilot)
        assert app.list_name() == "announcements"
        assert app.rows["announcements"][0].title == "QuickSight"
        assert app.query_one(PreviewPane).current.title == "Keynote"
        await pilot.press("w")
        await settle(pilot)
        assert app.list_name() == "watchlist" and len(app.rows["watchlist"]) == 30
        await pilot.press("slash")
        assert app.focused.id == "query"

    drive(make_app(), script)


def test_small_terminal_hides_the_preview():
    async def script(pilot):
        await type_query(pilot, "elastcache")
        app = pilot.app
        assert app.screen.has_class("-narrow")
        assert not app.query_one(PreviewPane).display or app.query_one(PreviewPane).region.width == 0
        assert app.query_one("#results").region.width >= 58
        await pilot.press("down", "enter")  # the talk full-width is still there
        await settle(pilot)
        assert app.query_one(PreviewPane).region.width >= 58

    drive(make_app(), script, size=(60, 20))


def test_no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app("elastcache")

    async def script(pilot):
        assert pilot.app.no_color

    drive(app, script)


def test_markup_and_escapes_in_notes_are_text():
    async def script(pilot):
        app = pilot.app
        await type_query(pilot, "zapper")
        shot = app.export_screenshot()
        assert "\x1b" not in preview_text(app)
        plain = "\n".join(l.plain for l in [app.query_one("#results", OptionList).get_option_at_index(n).prompt
                                            for n in range(len(app.results))])
        assert "[bold red]zapper[/]" in plain or "[bold]Service[/]" in plain
        assert "\x1b" not in plain and "\x07" not in plain
        assert "pwned" not in app.query_one(PreviewPane).current.title or "\x1b" not in shot

    drive(make_app(paths=[FIXTURES / "hostile" / "hostile.md"]), script)


def test_search_never_imports_textual(tmp_path):
    env = {"REINVENT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "reinvent_cli", "search", "elasticache"],
                         capture_output=True, text=True, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "DAT407" in out.stdout
    imported = [line.rsplit("|", 1)[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time")]
    assert "rich" in imported or "typer" in imported or imported
    assert not [m for m in imported if m.startswith("textual")]


def test_ctrl_c_is_an_interrupt():
    app = make_app("lambda")

    async def script(pilot):
        await pilot.press("ctrl+c")

    assert drive(app, script) is None
    assert app.return_code == 130


def test_notes_without_talks(tmp_path):
    notes = tmp_path / "plain.md"
    notes.write_text("# Ideas\n\n* nothing [bold]here[/] but bullets\n* and more\n", encoding="utf-8")

    async def script(pilot):
        app = pilot.app
        assert app.list_name() == "outline"
        await type_query(pilot, "bullets")
        assert app.results and app.results[0].line == 3
        assert app.query_one(PreviewPane).current.code is None
        assert "[bold]here[/]" in preview_text(app)
        await pilot.press("down", "enter", "escape", "escape")

    assert drive(make_app(paths=[notes]), script) == f"{notes}:3"


def test_interactive_flag_runs_browse(monkeypatch, run):
    """`reinvent -i` is `reinvent browse` (issue 12), through Typer."""
    import reinvent_cli.browse as browse_pkg

    seen = {}

    def fake_run(paths, **kw):
        seen.update(kw, paths=paths)
        return 0

    monkeypatch.setattr(browse_pkg, "run", fake_run)
    r = run("-i")
    assert r.exit_code == 0 and seen["query"] == "" and seen["print_selected"] is False


def _long_talk(tmp_path):
    """A talk whose notes have lines written one under the other, a word longer than the preview, and
    enough bullets that the preview needs a scrollbar."""
    notes = tmp_path / "conf.md"
    bullets = "\n".join(f"* point {n} about caching" for n in range(60))
    notes.write_text("# Conf 2024\n\n## Day 1\n\n### ABC101 - Long words in caching\n\n"
                     "first line of notes\nsecond line right under it\n\n"
                     + "AmazonWebServices" * 12 + " end\n\n" + bullets + "\n", encoding="utf-8")
    return notes


def test_esc_says_quit_in_the_footer_and_back_from_a_full_width_talk():
    """Issue 16: the footer said `esc Back` where Esc quits."""
    async def script(pilot):
        app = pilot.app
        assert app.screen.active_bindings["escape"].binding.description == "Quit"
        await type_query(pilot, "redis failover")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.query_one("#body").has_class("-full")
        assert app.screen.active_bindings["escape"].binding.description == "Back"
        await pilot.press("escape")
        assert app.is_running and app.screen.active_bindings["escape"].binding.description == "Quit"
        await pilot.press("escape")
        assert not app.is_running

    drive(make_app(), script)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_preview_keeps_the_lines_and_every_character(tmp_path, size):
    """Issue 16: the preview joined the notes' lines (`talk` keeps them), and a wrapped line lost its last
    character under the scrollbar ("AmazonWebSe / vices")."""
    notes = _long_talk(tmp_path)

    async def script(pilot):
        app = pilot.app
        await type_query(pilot, "ABC101")
        pane = app.query_one(PreviewPane)
        assert pane.current is not None and pane.current.code == "ABC101"
        text = preview_text(app)
        rows = [r.strip() for r in text.split("\n")]
        assert "first line of notes" in rows and "second line right under it" in rows
        width = app.query_one("#preview-body").content_region.width
        from rich.cells import cell_len

        assert max(cell_len(r.rstrip()) for r in text.split("\n")) <= width
        assert ("AmazonWebServices" * 12) in "".join(r for r in rows if "Amazon" in r or "end" in r).replace(" ", "")

    drive(make_app(paths=[notes]), script, size=size)
