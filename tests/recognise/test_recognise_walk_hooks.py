"""The announcement pass hooked into the walk's traversal (recognise/launch/launch_find.py, ``hooked``) finds what the
pass after the walk (``find_announcements``, a second traversal of the tokens) finds: the same announcements
and entries, in the same order, on every notes file of the repository (and ../shared when it is beside the
clone), on files that need the pass after the walk (a legend, launch headings over sub-headings, a keynote
recap) and on nested lists, quotes and launches with no name of their own."""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path
from typing import Any

import pytest

from reinvent_cli.read.source import Source
from reinvent_cli.recognise import parse_source
from reinvent_cli.recognise.launch import launch_find

# (the package's name "walk" is the function it imports from the module of that name)
walk_module = importlib.import_module("reinvent_cli.recognise.walker.walk")

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FOLDERS = [ROOT / "tests" / "fixtures", ROOT / "data", ROOT / "eval", SHARED / "devnotes", SHARED / "notes"]

# What each kind of file exercises; each parsed both ways below.
_CASES = {
    "nested": """# Summit 2024

## Day 1

### Keynote

Announcing Acme Queue, a queue.
It holds messages.

- Some talk notes
  - Announcing Acme Stream: streams
  > Announced: Acme Vault
  > - nested in a quote
- Today we launched Acme Ledger

What's new:

1. Acme Tiny VMs
   - small
2. Acme Big VMs

### What's new

- Acme Lens
- finally out of beta

> ## Launches
> - Acme Quote
""",
    "legend": """# DevConf

## Launches

- ✨ = new service
- ✨ Acme Queue — a queue
- Acme Tiny VMs ✨
""",
    "heads": """# Cloud Summit 2024

## What's new

### Acme Lens

text

### Acme Go (By Jane Roe)

text
""",
    "recap": """# Acme Keynote recap

## Compute

### Acme Fargate

### Acme Lambda Layers
""",
    "unnamed": """# Summit 2023

## Day 1

### Talk: Storage deep dive

Speaker: Jane Roe

Announcing — !!

#### Details

Announced:
- (new)
""",
}


def _after_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse with the pass after the walk instead of the hooked one."""
    package = importlib.import_module("reinvent_cli.recognise")
    hooked_walk = walk_module.walk

    def walk_then_find(src: Any, tokens: Any, plan: Any, title: str | None = None, launches: bool = False) -> Any:
        doc, st = hooked_walk(src, tokens, plan, title, launches=False)
        if launches:
            launch_find.find_announcements(tokens, doc, plan.decision is not None and plan.decision.recap)
        return doc, st

    monkeypatch.setattr(package, "walk", walk_then_find)


def _files() -> list[Path]:
    out: list[Path] = []
    for folder in FOLDERS:
        if folder.is_dir():
            out += sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".markdown") and p.is_file())
    return out


def _read(text: str, name: str) -> Any:
    doc = parse_source(Source(path=name, text=text, body=text))
    return [dataclasses.asdict(a) for a in doc.announcements], [dataclasses.asdict(e) for e in doc.entries]


def _read_file(path: Path) -> Any:
    from reinvent_cli.notes.load import parse_file

    doc = parse_file(path, str(path))
    return [dataclasses.asdict(a) for a in doc.announcements], [dataclasses.asdict(e) for e in doc.entries]


@pytest.mark.parametrize("name", sorted(_CASES))
def test_hooked_pass_finds_what_the_pass_after_the_walk_finds(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    hooked = _read(_CASES[name], f"{name}.md")
    assert hooked[0], "each case names launches"
    _after_walk(monkeypatch)
    assert _read(_CASES[name], f"{name}.md") == hooked


def test_hooked_pass_on_every_notes_file(monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files()
    hooked = {p: _read_file(p) for p in files}
    assert sum(len(x[0]) for x in hooked.values()) > 100  # (the files name launches: the test compares some)
    _after_walk(monkeypatch)
    differ = [str(p) for p in files if _read_file(p) != hooked[p]]
    assert not differ


def test_most_files_need_no_pass_after_the_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pass after the walk runs only where a legend, launch headings or a recap need it."""
    finders: list[str] = []
    init = launch_find.LaunchFinder.__init__

    def counted_init(self: Any, doc: Any, tokens: Any = None, recap: bool = False) -> None:
        if tokens is not None:
            finders.append(doc.file)
        init(self, doc, tokens, recap)

    monkeypatch.setattr(launch_find.LaunchFinder, "__init__", counted_init)
    for name, text in _CASES.items():
        _read(text, f"{name}.md")
    assert sorted(finders) == ["heads.md", "legend.md", "recap.md"]
