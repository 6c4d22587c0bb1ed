"""How a user says their notes are laid out: a file's front matter ``reinvent:`` or a folder's ``.reinvent.toml``."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

CONFIG_NAME = ".reinvent.toml"


@dataclass(frozen=True)
class Layout:
    """``talks``: "###" (the talks' heading level), "bold" (bold lead lines) or "list" (list items);
    ``days``: "##" (the days' heading level); ``source``: where it was said."""

    talks: str | None = None
    days: str | None = None
    source: str = ""

    def talk_level(self) -> int | None:
        return _hashes(self.talks)

    def day_level(self) -> int | None:
        return _hashes(self.days)

    def describe(self) -> str:
        said = ", ".join(f"{k}: {v}" for k, v in (("talks", self.talks), ("days", self.days)) if v)
        return f"{said} (from {self.source})" if self.source else said


def _hashes(value: str | None) -> int | None:
    v = (value or "").strip()
    return len(v) if v and set(v) == {"#"} and len(v) <= 6 else None


def _valid(value: Any, words: tuple[str, ...]) -> str | None:
    if not isinstance(value, str):
        return None
    v = value.strip().lower()
    return v if _hashes(v) is not None or v in words else None


def layout_from(values: Any, source: str) -> Layout | None:
    """A Layout from a mapping ({"talks": "###", "days": "##"}); None when it says nothing usable."""
    if not isinstance(values, dict):
        return None
    talks = _valid(values.get("talks"), ("bold", "list"))
    days = _valid(values.get("days"), ())
    return Layout(talks, days, source) if talks or days else None


def layout_in_front_matter(meta: dict[str, Any]) -> Layout | None:
    """``reinvent: {talks: "###", days: "##"}`` in a file's front matter."""
    return layout_from(meta.get("reinvent"), "front matter")


@lru_cache(maxsize=256)
def _config_in(folder: str) -> tuple[str, int] | None:
    """(path, mtime_ns) of the nearest .reinvent.toml in ``folder`` or its parents; None."""
    here = folder
    for _ in range(64):
        candidate = os.path.join(here, CONFIG_NAME)
        try:
            st = os.stat(candidate)
        except OSError:
            st = None
        if st is not None:
            return candidate, st.st_mtime_ns
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent
    return None


def layout_stamp(path: str | Path) -> int:
    """What the cache must add to a file's mtime: the mtime of the .reinvent.toml that applies to it
    (a changed config re-reads its files), 0 without one."""
    found = _config_in(os.path.dirname(os.path.abspath(path)))
    return found[1] if found else 0


def find_layout(path: str | Path) -> Layout | None:
    """The layout the nearest .reinvent.toml (the file's folder or a parent) says; None. A config that is
    not valid TOML says nothing."""
    found = _config_in(os.path.dirname(os.path.abspath(path)))
    if found is None:
        return None
    return _read_config(*found)


@lru_cache(maxsize=64)
def _read_config(config: str, mtime_ns: int) -> Layout | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with open(config, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, ValueError):
        return None
    table = data.get("layout", data)
    return layout_from(table, config)
