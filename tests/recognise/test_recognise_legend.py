"""An emoji legend under a launch heading defines the mark; it is no launch, and the mark is no word of a name."""

from __future__ import annotations

from reinvent_cli.read.source import Source
from reinvent_cli.recognise import parse_source

_NOTES = """# DevConf

## Launches

- ✨ = new service
- ✨ Acme Queue — a queue
- Acme Tiny VMs ✨
"""


def test_legend_line_is_no_launch_and_marks_leave_names():
    doc = parse_source(Source(path="legend.md", text=_NOTES, body=_NOTES))
    assert [(a.name, a.line) for a in doc.announcements] == [("Acme Queue", 6), ("Acme Tiny VMs", 7)]
