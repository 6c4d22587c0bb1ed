"""`reinvent browse --web`: textual-serve serves the app on localhost; a websocket client (what the
page's script does) gets the app's screen, types a query and sees its talk. With Chromium installed,
the page itself is loaded headless too."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest

from conftest import ROOT

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = dict(os.environ, REINVENT_CACHE_DIR=str(tmp_path / "cache"), BROWSER="true")  # no browser opened
    proc = subprocess.Popen([sys.executable, "-m", "reinvent_cli", "browse", "--web", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("localhost", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield f"localhost:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


async def _drive(host: str) -> str:
    seen = b""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://{host}/") as page:
            assert page.status == 200
            assert "/static/js/textual.js" in await page.text()
        async with session.ws_connect(f"http://{host}/ws?width=100&height=30") as ws:
            typed = False
            deadline = time.monotonic() + 40
            while time.monotonic() < deadline:
                try:
                    msg = await asyncio.wait_for(ws.receive(), timeout=1)
                except asyncio.TimeoutError:
                    continue
                if msg.type == aiohttp.WSMsgType.BINARY:
                    seen += msg.data
                elif msg.type == aiohttp.WSMsgType.TEXT:
                    seen += msg.data.encode()
                elif msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break
                if not typed and b"outline" in seen:
                    await ws.send_json(["stdin", "elastcache"])
                    typed, seen = True, b""
                if typed and b"hits" in seen and b"reinvent-2015.md:290" in seen:
                    break
    return seen.decode("utf-8", "replace")


def test_web_serves_the_app(server):
    screen = asyncio.run(_drive(server))  # what the app drew after the query was typed
    assert "12 hits" in screen and "reinvent-2015.md:290" in screen and "DAT407" in screen


@pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")), reason="no Chromium")
def test_web_page_in_headless_chromium(server, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    shot = tmp_path / "page.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                    "--window-size=1200,800", "--virtual-time-budget=8000", f"http://{server}/"],
                   capture_output=True, timeout=90)
    assert shot.exists() and shot.stat().st_size > 10_000
