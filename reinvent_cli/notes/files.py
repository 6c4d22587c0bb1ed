"""Which files are the notes: the paths given (``--notes``, ``REINVENT_NOTES``, else the bundled notes),
folders searched for notes files as ripgrep would."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from reinvent_cli.errors import InputError

BUNDLED_NAME = "reinvent-2015.md"
NOTES_SUFFIXES = (".md", ".markdown")


def bundled_notes() -> Path:
    here = Path(__file__).resolve().parent.parent  # the package folder
    for candidate in (here / "data" / BUNDLED_NAME, here.parent / "data" / BUNDLED_NAME):
        if candidate.is_file():
            return candidate
    raise InputError(f"the bundled notes ({BUNDLED_NAME}) are missing from this installation")


def notes_paths(given: Iterable[str] | None) -> list[str]:
    """Paths from ``--notes`` (repeatable) or ``REINVENT_NOTES`` (``:``-separated); else the bundled file."""
    paths = [p for p in (given or []) if p]
    if not paths:
        env = os.environ.get("REINVENT_NOTES", "")
        paths = [p for p in env.split(os.pathsep) if p]
    return paths or [str(bundled_notes())]


def expand_paths(paths: list[str]) -> tuple[list[str | Path], set[str]]:
    """Files to read: given files as they are, folders searched recursively for notes files.

    Returns (files, the names of files given explicitly). A file found in a folder is named as
    ``Path(folder, name)`` would name it, and they come in Path order, but as plain strings (a
    thousand Path objects cost more than the rest of a warm search's file listing).
    """
    files: list[str | Path] = []
    explicit: set[str] = set()
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            top = str(p)
            found: list[str] = []
            _walk(top, "" if top == "." else top if top.endswith(os.sep) else top + os.sep, found, raw)
            found.sort(key=lambda f: f.split(os.sep))  # = sorted(map(Path, found)): Paths compare by parts
            files.extend(found)
        elif p.exists():
            files.append(p)
            explicit.add(str(p))
        else:
            raise InputError(f"{raw}: no such file or folder")
    return files, explicit  # a file reached twice is read once: the loader keys files by device and inode


SKIPPED_FOLDERS = frozenset({"node_modules"})


def _walk(folder: str, prefix: str, found: list[str], raw: str | None) -> None:
    """Notes files under ``folder``, as os.walk finds them (symlinked folders not entered, an unreadable
    sub-folder skipped, hidden files and folders and node_modules left out, as ripgrep does);
    ``raw``: the folder as given, whose being unreadable is an error."""
    here: list[str] = []
    subdirs: list[str] = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                name = entry.name
                if name.startswith(".") or name in SKIPPED_FOLDERS:
                    continue  # .git, .obsidian, .trash, a hidden note; node_modules' READMEs are not notes
                if is_dir:
                    try:
                        link = entry.is_symlink()
                    except OSError:
                        link = False
                    if not link:
                        subdirs.append(name)
                elif os.path.splitext(name)[1].lower() in NOTES_SUFFIXES:
                    try:
                        if entry.is_file():
                            here.append(prefix + name)
                    except OSError:
                        pass
    except OSError as exc:
        if raw is not None and exc.filename == folder:
            raise InputError(f"{raw}: cannot read folder ({exc.strerror or exc})") from None
        return
    found.extend(here)
    for name in subdirs:
        _walk(prefix + name, prefix + name + os.sep, found, None)


def notes_files(given: Iterable[str] | None = None) -> tuple[list[str | Path], set[str]]:
    """The files to read for these paths (see notes_paths, expand_paths); none is an InputError."""
    paths = notes_paths(given)
    files, explicit = expand_paths(paths)
    if not files:
        raise InputError(f"no notes files (*.md, *.markdown) in {', '.join(paths)}")
    return files, explicit
