"""The records commands list (talks, announcements, links, watch-list entries, speakers): their table
columns, and their JSON objects (notes.json_records, re-exported here for the commands)."""

from __future__ import annotations

# the JSON of each record, defined in notes.records; the commands take them from here
from reinvent_cli.model import Talk
from reinvent_cli.notes.json_records import announcement_json as announcement_json
from reinvent_cli.notes.json_records import link_json as link_json
from reinvent_cli.notes.json_records import speaker_json as speaker_json
from reinvent_cli.notes.json_records import talk_json as talk_json
from reinvent_cli.notes.json_records import watch_json as watch_json
from reinvent_cli.render.listing import Column
from reinvent_cli.render.terminal import SEP


def speakers_text(t: Talk) -> str:
    return t.speakers_label


TALK_COLUMNS = [
    Column("Day", lambda t: t.day, no_wrap=True, min_width=3),
    Column("Code", lambda t: t.code or "", style="bold cyan", no_wrap=True, min_width=6),
    Column("Title", lambda t: t.title, ratio=3, need=16),
    Column("Speakers", speakers_text, ratio=2, need=12, drop=2),
    Column("Video", lambda t: t.video or "", style="blue", no_wrap=True, drop=3, link=lambda t: t.video),
]


ANNOUNCEMENT_COLUMNS = [
    Column("Name", lambda a: a.name, style="bold", ratio=2, need=12),
    Column("Day", lambda a: a.day, no_wrap=True, min_width=3),
    Column("Talk / Section", lambda a: SEP.join(x for x in (a.talk, a.section) if x), ratio=2, need=14, drop=2,
           key="where"),
    Column("Link", lambda a: a.url or "", style="blue", ratio=2, need=20, drop=3, link=lambda a: a.url, key="url"),
    Column("Details", lambda a: a.details, ratio=3, need=14, drop=1),
]


LINK_COLUMNS = [
    Column("Text", lambda lk: lk.text, ratio=2, need=10, drop=1),
    Column("URL", lambda lk: lk.url, style="blue", ratio=3, need=20, link=lambda lk: lk.url),
    Column("Talk", lambda lk: lk.talk or "", ratio=2, need=12, drop=3),
    Column("Where", lambda lk: SEP.join(lk.path), ratio=2, need=14, drop=5),
    Column("Line", lambda lk: f"{lk.file}:{lk.line}", no_wrap=True, drop=2, table_only=True),
]


WATCH_COLUMNS = [
    Column("Code", lambda w: w.code or "", style="bold cyan", no_wrap=True, min_width=6),
    Column("Title", lambda w: w.title, ratio=3, need=16),
    Column("Video", lambda w: w.video or "", style="blue", no_wrap=True, drop=1, link=lambda w: w.video),
]


SPEAKER_COLUMNS = [
    Column("Name", lambda s: s.name, style="bold", need=14),
    Column("Org", lambda s: s.org or "", need=8, drop=1),
    Column("Talks", lambda s: s.talks, ratio=3, need=16),
]

