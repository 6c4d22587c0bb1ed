"""SVG snapshots of `reinvent browse`'s main screens at 80x24 and 120x40 (pytest-textual-snapshot).

Update after a deliberate change with ``python -m pytest tests/browse/test_browse_snapshots.py --snapshot-update``
and look at the new SVGs (tests/browse/__snapshots__/test_browse_snapshots/) before committing them."""

from __future__ import annotations

import contextlib

import pytest

from conftest import BUNDLED

pytest.importorskip("textual")
pytest.importorskip("pytest_textual_snapshot")

from reinvent_cli.browse import data  # noqa: E402
from reinvent_cli.browse.app import BrowseApp  # noqa: E402

SIZES = [(80, 24), (120, 40)]


def make_app(query: str = "") -> BrowseApp:
    return BrowseApp(data.load([str(BUNDLED)]), [str(BUNDLED)], query=query)


async def settle(pilot, rounds: int = 4, most: int = 20) -> None:
    """Let the debounce timer fire, the search worker finish and its results be drawn: at least ``rounds``
    rounds, then until a round leaves the screen as it was (under load the timer may fire, or the results
    arrive or be drawn, only after a round's workers were waited for)."""
    last = None
    for n in range(most):
        await pilot.pause(0.15)
        for worker in list(pilot.app.workers):
            with contextlib.suppress(Exception):
                await worker.wait()
        await pilot.pause()
        screen = pilot.app.export_screenshot()
        if n + 1 >= rounds and screen == last:
            return
        last = screen


def keys(*pressed: str):
    async def run_before(pilot) -> None:
        pilot.app.query_one("#query").cursor_blink = False  # a blinking cursor would make the pictures flaky
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_results(snap_compare, size):
    assert snap_compare(make_app("elastcache"), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_outline(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=keys("down", "down"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_talk_full_width(snap_compare, size):
    assert snap_compare(make_app("redis failover"), terminal_size=size, run_before=keys("down", "enter"))


def test_announcements(snap_compare):
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=keys("down", "a"))


def test_small_terminal(snap_compare):
    assert snap_compare(make_app("elastcache"), terminal_size=(60, 20), run_before=keys())
