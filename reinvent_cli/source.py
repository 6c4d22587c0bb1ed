"""Reading a notes file: bytes to LF text, front matter split off before markdown parsing."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

_FM_OPEN = "---"
_FM_CLOSE = ("---", "...")


@dataclass
class Source:
    """A decoded notes file. ``body`` has front matter lines blanked, so lines keep their numbers."""

    path: str
    text: str  # LF-normalised full text
    body: str
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (BOM dropped); not UTF-8 read as cp1252/latin-1 with a warning.

    Binary data (NUL bytes) raises InputError: it is not a notes file.
    """
    warnings: list[str] = []
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: not a text file (binary data)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        warnings.append(f"{path}: not UTF-8, read as Windows-1252/Latin-1")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings


def read_source(path: Path | str) -> Source:
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return source_from_bytes(data, name)


def source_from_bytes(data: bytes, name: str) -> Source:
    text, warnings = decode(data, name)
    meta, body, fm_warning = split_front_matter(text)
    if fm_warning:
        warnings.append(f"{name}: {fm_warning}")
    return Source(path=name, text=text, body=body, meta=meta, warnings=warnings)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    """(metadata, body with the front matter lines blanked, warning or None)."""
    if not text.startswith(_FM_OPEN + "\n") and text.rstrip("\n") != _FM_OPEN:
        return {}, text, None
    lines = text.split("\n")
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _FM_CLOSE), None)
    if close is None:
        return {}, text, None  # no closing line: it is a thematic break, not front matter
    raw = "\n".join(lines[1:close])
    body = "\n" * (close + 1) + "\n".join(lines[close + 1 :])
    try:
        import yaml

        loaded = yaml.safe_load(raw) if raw.strip() else {}
    except Exception as exc:  # yaml.YAMLError and anything a hostile document provokes
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return {}, body, f"front matter is not valid YAML ({first}); ignored"
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        return {}, body, "front matter is not a mapping; ignored"
    return _clean_meta(loaded), body, None


def _clean_meta(meta: dict[Any, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in meta.items():
        key = str(key).lower()
        if key in ("title", "conference", "event", "speaker", "speakers", "video", "slides", "code"):
            out[key] = None if value is None else _scalar(value)
        elif key == "date":
            out[key] = _date(value)
        elif key in ("tags", "categories"):
            if isinstance(value, str):
                value = re.split(r"[,\s]+", value)
            out[key] = [_scalar(v) for v in value if v is not None] if isinstance(value, list) else []
    return out


def _scalar(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_scalar(v) for v in value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return _date(value) or ""
    return str(value)


def _date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour or value.minute) else value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)
