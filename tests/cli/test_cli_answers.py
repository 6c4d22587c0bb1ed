"""Answers a user can trust (issue 11): session codes matched exactly, the watch list answered, --day
on talk and open, the days the notes have, links by site, edit at a line, --notes after the command."""

from __future__ import annotations

import os
import stat

import pytest

from conftest import FIXTURES


@pytest.mark.parametrize("code,title", [
    ("DAT401", "Amazon DynamoDB Deep Dive"), ("dat401", "Amazon DynamoDB Deep Dive"),
    ("CMP403", "AWS Lambda: Simplifying Big Data Workloads"), ("STG403", "Amazon EBS: Designing for Performance"),
    ("SEC304", "Architecting for HIPAA Compliance on AWS"), ("CMP302", "Amazon EC2 Container Service"),
    ("ARC340", "Multi-tenant Application Deployment Models"),
])
def test_a_code_of_the_watch_list_is_that_talk_not_attended(run, code, title):
    r = run("talk", code, "--json")
    assert r.exit_code == 0, r.output
    assert r.json["code"].upper() == code.upper() and r.json["title"].startswith(title)
    assert r.json["attended"] is False
    piped = run("talk", code).stdout
    assert piped.startswith(f"# {code.upper()} - {title}") and "not attended" in piped


@pytest.mark.parametrize("code,video", [("CMP403", "WWDHxy4zuqg"), ("STG403", "2wKgha8CZ_w"),
                                        ("ARC340", "DMP0leGZpo4"), ("CMP302", "eun8CqGqdk8")])
def test_open_prints_the_video_of_that_code(run, code, video):
    r = run("open", code, "--print")
    assert r.exit_code == 0 and r.stdout.strip().endswith(video)


def test_a_code_with_or_without_its_repeat_suffix(run):
    assert run("talk", "SEC314", "--json").json["code"] == "SEC314-R"
    assert run("talk", "sec314-r", "--json").json["code"] == "SEC314-R"


def test_a_code_nowhere_in_the_notes_is_exit_1_with_the_nearest(run):
    r = run("talk", "DAT409")
    assert r.exit_code == 1 and r.stdout == ""
    assert "no talk DAT409; did you mean " in r.stderr and "DAT407" in r.stderr
    assert run("open", "DAT409", "--print").exit_code == 1
    r = run("talk", "ZZZ999")
    assert r.exit_code == 1 and "did you mean" not in r.stderr


def test_the_day_2_keynote(run):
    assert run("talk", "keynote").exit_code == 2  # three keynotes: which one?
    for args in (["talk", "keynote", "--day", "2"], ["talk", "day 2 keynote"], ["talk", "keynote", "-d", "thu"]):
        r = run(*args, "--json")
        assert r.exit_code == 0, (args, r.output)
        assert r.json["title"] == "Keynote" and r.json["day"] == 2
    r = run("open", "keynote", "--day", "2", "--print")
    assert r.exit_code == 0 and r.stdout.strip().endswith("uiDwqgXj5Q8")
    assert "--day narrows it" in run("talk", "keynote").stderr


def test_talks_on_a_day_the_notes_do_not_have(run):
    r = run("talks", "--day", "7")
    assert r.exit_code == 1
    assert "no talks on day 7; the notes have days 1-3" in r.stderr
    assert run("talks", "--day", "7", "--json").json == []
    assert "no talks found" in run("talks", "--day", "2", "--track", "ZZZ").stderr  # the day exists


def test_links_by_site_name_and_their_talk(run):
    youtube = run("links", "--domain", "youtube", "--json").json
    assert youtube and all("youtube.com" in lk["url"] or "youtu.be" in lk["url"] for lk in youtube)
    assert len(youtube) == len(run("links", "--domain", "youtube.com", "--json").json)
    rows = run("links", "--domain", "youtube", "--format", "tsv").stdout.splitlines()
    assert rows[0].split("\t") == ["text", "url", "talk", "where", "file", "line"]
    assert any(r.split("\t")[2] == "Amazon ElastiCache: Deep Dive" for r in rows[1:])


def test_notes_after_the_command(run):
    mini = FIXTURES / "mini.md"
    r = run("talks", "--notes", str(mini), "--json")
    assert r.exit_code == 0 and [t["code"] for t in r.json] == ["ABC101", None]
    assert run("search", "caching", "-n", str(mini), "--json").json[0]["file"] == str(mini)


def _fake_editor(tmp_path):
    script = tmp_path / "editor"
    log = tmp_path / "editor.log"
    script.write_text(f'#!/bin/sh\necho "$@" > {log}\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, log


def test_edit_opens_the_editor_at_the_line(run, tmp_path):
    script, log = _fake_editor(tmp_path)
    assert run("edit", "DAT407", env={"EDITOR": str(script), "VISUAL": ""}).exit_code == 0
    line, path = log.read_text().split()
    assert line == "+290" and path.endswith("reinvent-2015.md") and os.path.isfile(path)
    assert run("edit", "reinvent-2015.md:388", env={"EDITOR": str(script), "VISUAL": ""}).exit_code == 0
    assert log.read_text().split()[0] == "+388"
    assert run("edit", "DAT409", env={"EDITOR": str(script)}).exit_code == 1


def test_edit_knows_how_editors_take_a_line():
    from reinvent_cli.cli.commands.edit_command import editor_arguments

    assert editor_arguments("vim", "a.md", 3) == ["+3", "a.md"]
    assert editor_arguments("code --wait", "a.md", 3) == ["--goto", "a.md:3"]
    assert editor_arguments("/usr/bin/hx", "a.md", 3) == ["a.md:3"]
