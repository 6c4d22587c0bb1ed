"""How a user says their notes are laid out: a file's front matter ``reinvent:`` or a folder's ``.reinvent.toml``."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

CONFIG_NAME = ".reinvent.toml"


# What ``talks`` may say besides a heading level: bold lead lines, list items, the whole file is one talk, no
# talk notes at all, or decide (the default).
TALK_VALUES = ("bold", "list", "one", "none", "auto")


@dataclass(frozen=True)
class Layout:
    """``talks``: "###" (the talks' heading level), "bold" (bold lead lines), "list" (list items), "one" (the
    file is one talk), "none" (no talk notes) or "auto"; ``days``: "##" (the days' heading level);
    ``source``: where it was said; ``warnings``: what it said that means nothing (naming the file and key)."""

    talks: str | None = None
    days: str | None = None
    source: str = ""
    warnings: tuple[str, ...] = ()

    def says_talks(self) -> bool | None:
        """Whether the user says the file is talk notes (True), is not (False), or leaves it to reinvent."""
        if self.talks is None or self.talks == "auto":
            return None if not self.days else True
        return self.talks != "none"

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


def layout_from(values: Any, source: str, where: str = "") -> Layout | None:
    """A Layout from a mapping ({"talks": "###", "days": "##"}); None when it says nothing. What it says that
    means nothing (an unknown key, a value that is no layout) is a warning naming ``where`` (the file) and
    the key, and is ignored."""
    if values is None:
        return None
    name = where or source
    if not isinstance(values, dict):
        return Layout(None, None, source, (f"{name}: reinvent: {values!r} is not a table of talks/days; ignored",))
    warnings: list[str] = []
    for key in values:
        if key not in ("talks", "days"):
            warnings.append(f"{name}: reinvent.{key}: unknown key (reinvent knows talks and days); ignored")
    talks = _valid(values.get("talks"), TALK_VALUES)
    if talks is None and "talks" in values:
        warnings.append(f"{name}: reinvent.talks = {values['talks']!r} is not a layout (use ###, bold, list, one, "
                        "none or auto); ignored")
    days = _valid(values.get("days"), ())
    if days is None and "days" in values:
        warnings.append(f"{name}: reinvent.days = {values['days']!r} is not a heading level (use ## or ###); ignored")
    if not (talks or days or warnings):
        return None
    return Layout(talks, days, source, tuple(warnings))


def layout_in_front_matter(meta: dict[str, Any], where: str = "") -> Layout | None:
    """``reinvent: {talks: "###", days: "##"}`` in a file's front matter (``where``: the file, for warnings)."""
    return layout_from(meta.get("reinvent"), "front matter", f"{where}: front matter" if where else "front matter")


@lru_cache(maxsize=256)
def config_in(folder: str) -> tuple[str, int] | None:
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
    found = config_in(os.path.dirname(os.path.abspath(path)))
    return found[1] if found else 0


def find_layout(path: str | Path) -> Layout | None:
    """The layout the nearest .reinvent.toml (the file's folder or a parent) says; None. A config that is
    not valid TOML says nothing."""
    found = config_in(os.path.dirname(os.path.abspath(path)))
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
    except OSError as exc:
        return Layout(None, None, config, (f"{config}: cannot be read ({exc.strerror or exc}); ignored",))
    except ValueError as exc:
        return Layout(None, None, config, (f"{config}: not valid TOML ({exc}); ignored",))
    table = data.get("layout", data)
    return layout_from(table, config)
