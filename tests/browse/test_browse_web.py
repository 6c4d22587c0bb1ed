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


async def _page_in_chromium(chromium: str, url: str, profile: str) -> str:
    """Load the page in headless Chromium (driven over its DevTools socket) and return the page body's
    classes once the app's first bytes are drawn ("-first-byte"), or after 30 s."""
    port = free_port()
    proc = subprocess.Popen([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                             f"--remote-debugging-port={port}", "--window-size=1200,800", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        async with aiohttp.ClientSession() as session:
            targets = None
            for _ in range(150):
                try:
                    async with session.get(f"http://127.0.0.1:{port}/json") as r:
                        targets = await r.json()
                        break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.2)
            page = next(t for t in targets if t["type"] == "page")
            async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                await ws.send_json({"id": 1, "method": "Page.navigate", "params": {"url": url}})
                classes = ""
                for n in range(2, 62):
                    await asyncio.sleep(0.5)
                    await ws.send_json({"id": n, "method": "Runtime.evaluate",
                                        "params": {"expression": "document.body.className"}})
                    while True:
                        reply = await ws.receive_json()
                        if reply.get("id") == n:
                            break
                    classes = reply.get("result", {}).get("result", {}).get("value", "") or ""
                    if "-first-byte" in classes:
                        break
                return classes
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")), reason="no Chromium")
def test_web_page_in_headless_chromium(server, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    classes = asyncio.run(_page_in_chromium(chromium, f"http://{server}/", str(tmp_path / "profile")))
    assert "-first-byte" in classes  # the page connected and the app drew its screen in it
