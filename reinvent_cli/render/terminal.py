"""The terminal: note text made safe to print, where output goes (colours, pager), messages to stderr."""

from __future__ import annotations

import codecs
import io
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rich.console import Console
from rich.text import Text

SEP = " › "
MATCH_STYLE = "bold red"  # matched words in search hits, like grep --color
COLOR_MODES = ("auto", "always", "never")
DEFAULT_PAGER = "less -FRX"

# ANSI CSI / OSC / other escape sequences (compiled when a text has one: compiling it takes longer
# than a warm answer's own work), then any remaining C0/C1 control character.
_ESCAPES = r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(?:\x1b\\)?|\x1b.?"
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _strip_escapes(s: str) -> str:
    return re.sub(_ESCAPES, "", s)  # re caches the compiled pattern


def clean(text: Any) -> str:
    """Note text made safe for a terminal: escapes removed, control characters shown as U+FFFD."""
    if text is None:
        return ""
    s = str(text)
    if "\x1b" in s:
        s = _strip_escapes(s)
    s = s.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return _CONTROLS.sub("\ufffd", s) if _CONTROLS.search(s) else s


def clean_line(line: str) -> str:
    """One line of a note's markdown made safe: escapes removed, tabs as spaces, controls as U+FFFD."""
    if "\x1b" in line:
        line = _strip_escapes(line)
    line = line.replace("\t", "    ")
    return _CONTROLS.sub("\ufffd", line) if _CONTROLS.search(line) else line


def plain(text: Any, style: str | None = None) -> Text:
    """Rich Text holding note text literally (never parsed as markup)."""
    return Text(clean(text), style=style or "")


# What the renderers draw outside ASCII, and what takes its place on an output whose encoding lacks it
# (LC_ALL=C, PYTHONIOENCODING=latin-1): as rg and git do, the answer degrades, it never fails. Rich draws
# its boxes in ASCII there by itself; any other character the encoding lacks is printed as '?'.
_FALLBACKS = {
    "\u203a": ">", "\u00b7": "-", "\u2026": "...", "\u00d7": "x", "\u2014": "-", "\u2013": "-", "\u2022": "*",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2588": "#", "\u2589": "#", "\u258a": "#",
    "\u258b": "#", "\u258c": "#", "\u258d": "#", "\u258e": "#", "\u258f": "#", "\u2501": "-", "\u2500": "-",
    "\u2502": "|", "\u2514": "`", "\u251c": "|", "\ufffd": "?", "\u00a0": " ",
}
# Wide enough that no line of piped output is ever wrapped (outline, inspect, the overview: grep reads them).
PIPED_WIDTH = 1_000_000


def is_utf(stream: Any) -> bool:
    """Whether a stream encodes all of Unicode (no encoding named: it takes str, as a StringIO does)."""
    name = getattr(stream, "encoding", None)
    if not name:
        return True
    try:
        return codecs.lookup(name).name.startswith("utf")
    except LookupError:
        return False


class Narrow:
    """A text stream of an encoding that is not UTF: the renderers' symbols written in ASCII (where the
    encoding lacks them), any other character it lacks as '?'; never a UnicodeEncodeError."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.encoding: str = stream.encoding
        self.table = str.maketrans({ch: alt for ch, alt in _FALLBACKS.items() if not _encodes(ch, self.encoding)})

    def write(self, s: str) -> int:
        text = s.translate(self.table).encode(self.encoding, "replace").decode(self.encoding)
        self.stream.write(text)
        return len(s)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno: the stream's own
        return getattr(self.stream, name)


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def writable(stream: Any) -> Any:
    """``stream`` itself if it encodes all of Unicode, else a Narrow over it."""
    return stream if is_utf(stream) else Narrow(stream)


class _Console(Console):
    """Rich's console, but a reader that has gone (``reinvent outline | head -1``) is not an error: Rich
    exits 1 there; the program (cli.main) makes it a quiet exit 0, as grep and git do."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


class _Buffer(io.StringIO):
    """What waits for the pager, drawn for the terminal's encoding (Rich reads ``encoding``)."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


class Output:
    """Where and how to print: set once from the global options. ``pager``: the command long output
    goes through (the console then writes into a buffer that ``finish`` shows)."""

    def __init__(self, console: Console, err: Console, fmt: str = "table", pager: str | None = None) -> None:
        self.console = console
        self.err = err
        self.fmt = fmt
        self.pager = pager

    @property
    def is_terminal(self) -> bool:
        return self.console.is_terminal

    def print(self, *objects: Any, **kw: Any) -> None:
        self.console.print(*objects, **kw)

    def write_raw(self, s: str) -> None:
        """Machine formats go to stdout as they are, no wrapping, no styling."""
        out = self.console.file
        out.write(s if s.endswith("\n") else s + "\n")
        if self.pager is None:
            out.flush()

    def finish(self) -> None:
        """Show what was buffered for the pager: through it when it is longer than the screen."""
        command, buf = self.pager, self.console.file
        if command is None:
            return
        text = buf.getvalue() if isinstance(buf, io.StringIO) else ""
        stdout = writable(sys.stdout)
        self.pager, self.console.file = None, stdout
        if text.count("\n") >= shutil.get_terminal_size().lines:
            from reinvent_cli.render.pager import page  # only long output on a terminal starts a pager

            page(text, command, stdout)
        else:
            stdout.write(text)
            stdout.flush()


def pager_command() -> str | None:
    """The pager as git finds it: REINVENT_PAGER, then PAGER, then ``less -FRX``; '' or 'cat': none."""
    for var in ("REINVENT_PAGER", "PAGER"):
        value = os.environ.get(var)
        if value is not None:
            return value.strip() if value.strip() not in ("", "cat") else None
    return DEFAULT_PAGER


def make_output(color: str = "auto", fmt: str = "table", paged: bool = False) -> Output:
    """The Output for ``--color`` (auto: NO_COLOR, TERM=dumb and FORCE_COLOR decide) and ``--no-pager``.
    Piped output is never wrapped; an output that cannot encode Unicode gets ASCII (see Narrow)."""
    env = os.environ
    color_off = color == "never" or (color == "auto" and (bool(env.get("NO_COLOR")) or env.get("TERM") == "dumb"))
    forced = color == "always" or (color == "auto" and bool(env.get("FORCE_COLOR")) and not color_off)
    kw: dict[str, Any] = {"highlight": False, "emoji": False, "markup": False}
    if color_off:
        kw["color_system"] = None
    stdout = writable(sys.stdout)
    console = _Console(**kw, file=stdout, force_terminal=True if forced else None)
    if not console.is_terminal:
        console.width = PIPED_WIDTH
    err = _Console(stderr=True, file=writable(sys.stderr), **kw)
    command = pager_command() if paged else None
    if command and console.is_terminal and sys.stdout.isatty():
        width, height = console.width, console.height
        kw["color_system"] = console.color_system  # the one Rich chose for the terminal (None: no colours)
        console = _Console(**kw, file=_Buffer(console.encoding), force_terminal=True, width=width, height=height)
        return Output(console, err, fmt, pager=command)
    return Output(console, err, fmt)


def counted(n: int, word: str) -> str:
    """``1 talk``, ``2 talks``, ``0 talks``."""
    return f"{n} {word if n == 1 else word + 's'}"


def warn(out: Output, message: str) -> None:
    out.err.print(Text("reinvent: ", style="bold yellow") + plain(message), soft_wrap=True)


def error(out: Output, message: str, hint: str | None = None) -> None:
    out.err.print(Text("reinvent: ", style="bold red") + plain(message), soft_wrap=True)
    if hint:
        out.err.print(Text("  ") + plain(hint, "dim"), soft_wrap=True)


def safe_url(url: Any) -> str | None:
    """A web URL fit for a terminal hyperlink, or None (no escapes, spaces or other schemes)."""
    if not url:
        return None
    u = str(url)
    return u if re.fullmatch(r"https?://[!-~]+", u) else None


_YOUTUBE = re.compile(r"^(?:m\.)?youtube\.com/watch\?(?:[^#]*&)?v=([\w-]{6,})(?:[&#].*)?$")


def short_url(url: str) -> str:
    """A URL as shown in a terminal table: no scheme, no ``www.``, a YouTube video as ``youtu.be/ID``
    (the hyperlink keeps it whole)."""
    bare = re.sub(r"^https?://(www\.)?", "", url)
    m = _YOUTUBE.match(bare)
    return f"youtu.be/{m.group(1)}" if m else bare


def file_url(path: Any) -> str | None:
    """file:// URL of a notes file (absolute, percent-encoded), for OSC 8 hyperlinks."""
    if not path:
        return None
    try:
        return "file://" + quote(str(Path(path).resolve()))
    except (OSError, ValueError):
        return None
