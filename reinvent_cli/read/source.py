"""Reading a notes file: bytes to LF text, front matter split off before markdown parsing."""

from __future__ import annotations

import datetime as _dt
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from reinvent_cli.errors import InputError

# Front matter as read: (its raw YAML, the metadata it gave, the warning it gave or None).
Front = tuple[str, dict[str, Any], "str | None"]

_FM_OPEN = "---"
_FM_CLOSE = ("---", "...")
_TOML_FENCE = "+++"


# An HTML character reference: "&iacute;", "&#233;", "&#xE9;".
ENTITY = r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"


def unescape_entities(text: str) -> str:
    """The HTML character references in ``text`` as the characters they name ("Mart&iacute;n" -> "Martín");
    nothing else changes (notes are text, not HTML)."""
    import html

    return re.sub(ENTITY, lambda m: html.unescape(m.group(0)), text)


@dataclass
class Source:
    """A decoded notes file. ``body`` has front matter lines blanked, so lines keep their numbers."""

    path: str
    text: str  # LF-normalised full text
    body: str
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    front: Front | None = None  # the front matter as read: the cache keeps it to skip YAML next time

    @cached_property
    def lines(self) -> list[str]:
        """The text's lines (split once: the reading pass and the walk both read them)."""
        return self.text.split("\n")


# Byte order marks, longest first (UTF-32 LE's starts with UTF-16 LE's): the encoding they say a file is in.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"),
         (b"\xfe\xff", "utf-16-be"), (b"\xef\xbb\xbf", "utf-8"))


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Bytes to text: the encoding a byte order mark says (UTF-8, UTF-16 or UTF-32, LE or BE; the BOM
    dropped); else UTF-8; not UTF-8 read as cp1252/latin-1 with a warning.

    Binary data (NUL bytes; NUL characters in text a BOM said is UTF-16/32) raises InputError: it is not a
    notes file.
    """
    warnings: list[str] = []
    bom = next(((mark, enc) for mark, enc in _BOMS if data.startswith(mark)), None)
    if bom is not None and bom[1] != "utf-8":
        text = _decode_wide(data[len(bom[0]):], bom[1], path, warnings)
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{path}: not a text file (binary data)")
        if bom is not None:
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


def _decode_wide(data: bytes, encoding: str, path: str, warnings: list[str]) -> str:
    """Text of a file whose BOM says UTF-16/32: what does not decode becomes U+FFFD, with a warning."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        warnings.append(f"{path}: not valid {encoding.upper()} (its byte order mark says it is); "
                        "what does not decode is shown as U+FFFD")
    if "\x00" in text[:8192]:
        raise InputError(f"{path}: not a text file (binary data)")
    return text


def read_source(path: Path | str, known_front: Front | None = None) -> Source:
    """``known_front``: this file's front matter as last read; reused, without YAML, if it is unchanged."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return source_from_bytes(data, name, known_front)


def source_from_bytes(data: bytes, name: str, known_front: Front | None = None) -> Source:
    text, warnings = decode(data, name)
    found = find_front_matter(text)
    if found is None:
        return Source(path=name, text=text, body=text, warnings=warnings)
    raw, body = found
    if known_front is not None and known_front[0] == raw:
        meta, fm_warning = dict(known_front[1]), known_front[2]
    else:
        meta, fm_warning = load_front_matter(raw)
    if fm_warning:
        warnings.append(f"{name}: {fm_warning}")
    return Source(path=name, text=text, body=body, meta=meta, warnings=warnings, front=(raw, meta, fm_warning))


def find_front_matter(text: str) -> tuple[str, str] | None:
    """(the front matter's raw YAML, the body with its lines blanked), or None when there is none. Hugo's TOML
    front matter between "+++" lines comes back with its "+++" line first (load_front_matter reads it as TOML)."""
    toml = text.startswith(_TOML_FENCE + "\n")
    if not toml and not text.startswith(_FM_OPEN + "\n") and text.rstrip("\n") != _FM_OPEN:
        return None
    lines = text.split("\n")
    closing = (_TOML_FENCE,) if toml else _FM_CLOSE
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in closing), None)
    if close is None:
        return None  # no closing line: it is a thematic break, not front matter
    return "\n".join(lines[0 if toml else 1:close]), "\n" * (close + 1) + "\n".join(lines[close + 1 :])


def load_front_matter(raw: str) -> tuple[dict[str, Any], str | None]:
    """(metadata, warning or None) of front matter, read with a real YAML parser (or TOML's, after "+++")."""
    if raw.startswith(_TOML_FENCE + "\n"):
        return _load_toml(raw[len(_TOML_FENCE) + 1:])
    try:
        import yaml

        loaded = yaml.safe_load(raw) if raw.strip() else {}
    except Exception as exc:  # noqa: BLE001 - yaml.YAMLError and anything a hostile document provokes
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        lenient = _key_lines(raw) if "mapping values are not allowed" in first else None
        if lenient:
            return _clean_meta(lenient), None
        return {}, f"front matter is not valid YAML ({first}); ignored"
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        return {}, "front matter is not a mapping; ignored"
    return _clean_meta(loaded), None


_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]{0,40}):(?:\s+(.*))?$")


def _key_lines(raw: str) -> dict[str, Any] | None:
    """'title: Google IO 2021: Keynote' -- a colon in an unquoted value, which YAML refuses and the blog engines that
    wrote it accept: every line one "key: value" (a value's own colons kept, its quotes dropped; a key's indented or
    "- item" lines after it are its list), or None when a line is anything else."""
    out: dict[str, Any] = {}
    key = None
    for line in raw.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _KEY_LINE.match(line)
        if m:
            key, value = m.group(1), (m.group(2) or "").strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            out[key] = value
        elif key is not None and line[:1].isspace() and line.strip().startswith("- ") and out.get(key) in ("", None):
            continue  # (a list under a key: not read leniently, but no reason to give up)
        else:
            return None
    return out or None


def _load_toml(raw: str) -> tuple[dict[str, Any], str | None]:
    try:
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        loaded = tomllib.loads(raw)
    except Exception as exc:  # noqa: BLE001 - tomllib.TOMLDecodeError and anything a hostile document provokes
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return {}, f"front matter is not valid TOML ({first}); ignored"
    return _clean_meta(loaded), None


def _clean_meta(meta: dict[Any, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in meta.items():
        key = str(key).lower()
        if key in ("title", "conference", "event", "speaker", "speakers", "video", "slides", "code"):
            out[key] = None if value is None else _scalar(value)
        elif key == "date":
            out[key] = _date(value)
        elif key == "reinvent" and isinstance(value, dict):  # how the file is laid out (read.overrides)
            out[key] = {str(k).lower(): str(v) for k, v in value.items() if isinstance(v, (str, int))}
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
