"""notes.live: notes kept fresh for a long-running reader (the MCP server) -- loaded again only when a file
changed or another process wrote to the cache, never holding a cache snapshot between reads."""

import os

import pytest

from reinvent_cli.errors import InputError
from reinvent_cli.notes.search_hits import search_hits
from reinvent_cli.notes.load import load_notes
from reinvent_cli.notes.live import LiveNotes


def _write(path, code, extra=""):
    before = os.stat(path).st_mtime_ns if path.exists() else None
    path.write_text(f"# Day 1\n\n## {code} - Talk {code}\n\n* bullet {code.lower()}\n{extra}", encoding="utf-8")
    if before is not None:
        os.utime(path, ns=(before + 10**9, before + 10**9))  # a new mtime even on a coarse-clock file system


def _codes(live):
    with live.reading() as notes:
        return [t.code for t in notes.talks]


@pytest.fixture
def folder(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    _write(notes / "a.md", "AAA101")
    _write(notes / "b.md", "BBB202")
    return notes


@pytest.mark.parametrize("use_cache", [True, False])
def test_loaded_once_until_a_file_changes(folder, use_cache):
    live = LiveNotes([str(folder)], use_cache=use_cache)
    assert _codes(live) == ["AAA101", "BBB202"]
    assert _codes(live) == ["AAA101", "BBB202"] and live.loads == 1  # nothing changed: the same notes
    _write(folder / "a.md", "AAA101", "* brandnewword\n")
    with live.reading() as notes:
        assert [h.entry.file for h in search_hits(notes, "brandnewword")] == [str(folder / "a.md")]
    assert live.loads == 2
    _write(folder / "c.md", "CCC303")
    assert _codes(live) == ["AAA101", "BBB202", "CCC303"]
    (folder / "b.md").unlink()
    assert _codes(live) == ["AAA101", "CCC303"] and live.loads == 4
    live.close()


def test_no_snapshot_is_held_between_reads_and_another_writer_means_a_new_load(folder, tmp_path):
    live = LiveNotes([str(folder)])
    with live.reading() as notes:
        assert notes.cache is not None and notes.talks
    assert not notes.cache.con.in_transaction  # other processes can checkpoint the cache meanwhile
    other = tmp_path / "other.md"
    _write(other, "ZZZ999")
    load_notes([str(other)]).close()  # another command line writes to the same cache
    assert _codes(live) == ["AAA101", "BBB202"] and live.loads == 2
    assert _codes(live) == ["AAA101", "BBB202"] and live.loads == 2
    live.close()


def test_a_folder_gone_is_an_error_then_its_return_is_seen(folder):
    live = LiveNotes([str(folder)])
    assert _codes(live) == ["AAA101", "BBB202"]
    moved = folder.with_name("moved")
    folder.rename(moved)
    with pytest.raises(InputError, match="no such file or folder"):
        _codes(live)
    moved.rename(folder)
    assert _codes(live) == ["AAA101", "BBB202"]
    live.close()


def test_prime_loads_from_a_warm_cache_only(folder):
    for n in range(6):  # more files than a load beside other work takes on (load.BESIDE_MAX_FILES)
        _write(folder / f"x{n}.md", f"XXX10{n}")
    live = LiveNotes([str(folder)])
    assert live.prime() is False and live.loads == 0  # a cold index: left to the first read
    assert len(_codes(live)) == 8 and live.loads == 1
    live.close()
    again = LiveNotes([str(folder)])
    assert again.prime() is True and again.loads == 1  # from the cache, here and now
    assert len(_codes(again)) == 8 and again.loads == 1
    again.close()


def test_an_outline_of_some_files_reads_their_entries_alone_and_draws_them_the_same(folder):
    from reinvent_cli.notes.outline import outline

    _write(folder / "c.md", "CCC303", "\n### A section\n\n* more\n")
    whole = [t.to_json() for t in outline(load_notes([str(folder)], use_cache=False))]
    notes = load_notes([str(folder)])  # from the cache: entries read on demand
    some = notes.with_entries({str(folder / "c.md")})
    assert [d.file for d in some] == [str(folder / "c.md")]
    assert [d.entries == [] for d in notes.docs()] == [True, True, False]  # a.md and b.md not read
    assert [t.to_json() for t in outline(notes, documents=some)] == whole[2:]
    assert [t.to_json() for t in outline(notes, documents=notes.with_entries({d.file for d in notes.docs()}))] == whole
    notes.close()
