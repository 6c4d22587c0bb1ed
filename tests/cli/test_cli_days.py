"""One file per day: a file named by its date is that day, and ``--day 2024-03-21`` asks for it."""

from __future__ import annotations

import pytest

_DAY = "# KubeCon EU\n\n## {a}\n\nSpeaker: Jane Roe\n\n- etcd notes\n\n## {b}\n\nSpeaker: John Doe\n\n- more notes\n"


@pytest.fixture
def per_day(tmp_path):
    (tmp_path / "2024-03-21-kubecon.md").write_text(_DAY.format(a="Opening keynote", b="Scaling etcd"))
    (tmp_path / "2024-03-22-kubecon.md").write_text(_DAY.format(a="Closing keynote", b="GitOps at scale"))
    return tmp_path


def test_talks_of_a_date(run, per_day):
    r = run("--notes", per_day, "talks", "--day", "2024-03-22", "--json")
    assert r.exit_code == 0
    assert [t["title"] for t in r.json] == ["Closing keynote", "GitOps at scale"]


def test_search_and_outline_of_a_date(run, per_day):
    for date in ("2024-03-21", "2024-03-22"):
        r = run("--notes", per_day, "search", "keynote", "--day", date, "--json")
        assert r.exit_code == 0 and r.json and all(date in h["file"] for h in r.json)
    r = run("--notes", per_day, "outline", "--day", "2024-03-21", "--json")
    assert r.exit_code == 0 and [t["file"].endswith("2024-03-21-kubecon.md") for t in r.json] == [True]


def test_a_date_the_notes_lack_names_the_dates_they_have(run, per_day):
    r = run("--notes", per_day, "talks", "--day", "2024-03-25")
    assert r.exit_code == 1
    assert "2024-03-21, 2024-03-22" in r.stderr


def test_a_bad_day_says_what_is_accepted(run, per_day):
    r = run("--notes", per_day, "talks", "--day", "someday")
    assert r.exit_code == 2
    assert "2024-03-21" in r.stderr  # the message shows a date is accepted
