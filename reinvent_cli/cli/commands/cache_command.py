"""``reinvent cache info`` and ``reinvent cache clear``: the on-disk index."""

from __future__ import annotations

import json
from typing import Any

import typer

from reinvent_cli.cli import session
from reinvent_cli.index import store


def info(as_json: bool) -> None:
    info: dict[str, Any] = store.info()
    out = session.current().output
    if as_json:
        out.write_raw(json.dumps(info, indent=2))
        return
    size = info["bytes"]
    lines = [f"location: {info['location']}" + ("" if info["exists"] else " (not created yet)"),
             f"files:    {info['files']}" + (f" ({info['unreadable']} unreadable)" if info.get("unreadable") else ""),
             f"entries:  {info['entries']}",
             f"size:     {size / 1e6:.1f} MB" if size >= 1e5 else f"size:     {size / 1e3:.1f} kB"]
    if info.get("status") and info["status"] != "ok":
        lines.append(f"status:   {info['status']}")
    out.write_raw("\n".join(lines))


def clear() -> None:
    path, existed = store.clear()
    typer.echo(f"removed {path}" if existed else f"no cache at {path}", err=True)
