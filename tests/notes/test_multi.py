"""Many notes files at once: folders, repeated --notes, REINVENT_NOTES, file:line, filters, bad files."""

import os

import pytest

from conftest import FIXTURES

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def _conf(title: str, code: str, topic: str) -> str:
    return (MINI.replace('title: "Mini Conf 2024"', f'title: "{title}"')
            .replace("ABC101 - Caching at Scale", f"{code} - {topic} at Scale"))


@pytest.fixture
def notes_dir(tmp_path):
    d = tmp_path / "notes"
    (d / "2023").mkdir(parents=True)
    (d / "kubecon.md").write_text(_conf("KubeCon 2024", "KUB201", "Clusters"), encoding="utf-8")
    (d / "pycon.markdown").write_text(_conf("PyCon 2024", "PY301", "Typing"), encoding="utf-8")
    (d / "2023" / "reinvent.md").write_text(_conf("re:Invent 2023", "DAT407", "Databases"), encoding="utf-8")
    (d / "README.txt").write_text("not notes", encoding="utf-8")
    return d


def test_folder_is_read_recursively(run, notes_dir):
    r = run("--notes", notes_dir, "talks", "--json")
    assert r.exit_code == 0, r.output
    codes = sorted(t["code"] for t in r.json if t["code"])
    assert codes == ["DAT407", "KUB201", "PY301"]
    assert {os.path.basename(t["file"]) for t in r.json} == {"kubecon.md", "pycon.markdown", "reinvent.md"}


def test_repeated_notes_and_env_list(run, notes_dir):
    a, b = notes_dir / "kubecon.md", notes_dir / "2023" / "reinvent.md"
    r = run("-n", a, "--notes", b, "talks", "--json")
    assert sorted(t["code"] for t in r.json if t["code"]) == ["DAT407", "KUB201"]
    r = run("talks", "--json", env={"REINVENT_NOTES": f"{a}{os.pathsep}{notes_dir / 'pycon.markdown'}"})
    assert r.exit_code == 0, r.output
    assert sorted(t["code"] for t in r.json if t["code"]) == ["KUB201", "PY301"]
    # the same file twice is read once
    r = run("-n", a, "-n", a, "-n", notes_dir, "talks", "--json")
    assert sorted(t["code"] for t in r.json if t["code"]) == ["DAT407", "KUB201", "PY301"]


def test_results_name_their_file_and_line(run, notes_dir):
    r = run("-n", notes_dir, "search", "leaderboards", "--json")
    assert r.exit_code == 0, r.output
    files = {os.path.basename(h["file"]) for h in r.json}
    assert files == {"kubecon.md", "pycon.markdown", "reinvent.md"}
    assert all(isinstance(h["line"], int) and h["line"] > 0 for h in r.json)
    plain = run("-n", notes_dir, "search", "leaderboards")
    lines = [x for x in plain.stdout.splitlines() if x.strip()]
    for name in ("kubecon.md", "pycon.markdown", "reinvent.md"):
        assert any(f"{name}:" in x for x in lines), lines


def test_conference_and_file_filters(run, notes_dir):
    r = run("-n", notes_dir, "talks", "--conference", "pycon", "--json")
    assert [t["code"] for t in r.json if t["code"]] == ["PY301"]
    r = run("-n", notes_dir, "talks", "--file", "2023", "--json")
    assert [t["code"] for t in r.json if t["code"]] == ["DAT407"]
    r = run("-n", notes_dir, "announcements", "--conference", "kubecon", "--json")
    assert r.exit_code == 0 and r.json and all("kubecon" in a["file"] for a in r.json)
    r = run("-n", notes_dir, "links", "--file", "pycon", "--json")
    assert r.exit_code == 0 and r.json and all("pycon" in lk["file"] for lk in r.json)
    r = run("-n", notes_dir, "search", "leaderboards", "--conference", "re:invent", "--json")
    assert r.exit_code == 0 and {os.path.basename(h["file"]) for h in r.json} == {"reinvent.md"}
    r = run("-n", notes_dir, "search", "leaderboards", "--file", "nomatch", "--json")
    assert r.exit_code == 1 and r.json == []


def test_bad_file_in_folder_is_skipped_with_one_line(run, notes_dir):
    (notes_dir / "broken.md").write_bytes(b"\x00\x01\x02\xff\xfe" * 200)
    (notes_dir / "broken2.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    for extra in ((), ("--no-cache",)):
        r = run(*extra, "-n", notes_dir, "talks", "--json")
        assert r.exit_code == 0, r.output
        assert sorted(t["code"] for t in r.json if t["code"]) == ["DAT407", "KUB201", "PY301"]
        warned = [x for x in r.stderr.splitlines() if "skipped" in x]
        assert len(warned) == 1 and "2 unreadable" in warned[0], r.stderr


def test_bad_file_named_explicitly_is_an_error(run, notes_dir):
    bad = notes_dir / "broken.md"
    bad.write_bytes(b"\x00\x01\x02\xff\xfe" * 200)
    for extra in ((), ("--no-cache",), ()):  # cold, uncached, warm
        r = run(*extra, "-n", bad, "-n", notes_dir / "kubecon.md", "talks")
        assert r.exit_code == 2, r.output


def test_empty_folder_is_an_input_error(run, tmp_path):
    (tmp_path / "empty").mkdir()
    r = run("-n", tmp_path / "empty", "talks")
    assert r.exit_code == 2
    assert "no notes files" in r.stderr


def test_listings_of_several_files_name_the_file(run):
    from conftest import FIXTURES

    rows = run("--notes", FIXTURES / "styles", "talks").stdout.splitlines()
    assert rows and all(r.split("\t")[-1].isdigit() for r in rows)  # piped: ... file, line
    assert any(r.split("\t")[-2].endswith("tag_de.md") for r in rows)
    one = run("talks").stdout.splitlines()
    assert one[0].split("\t")[-2:] == ["reinvent-2015.md", "18"]  # the same columns for one file
    table = run("--notes", FIXTURES / "styles", "talks", env={"FORCE_COLOR": "1", "COLUMNS": "160"}).stdout
    assert "tag_de.md:" in table  # a terminal table names the file only when there are several
    assert "reinvent-2015.md" not in run("talks", env={"FORCE_COLOR": "1", "COLUMNS": "160"}).stdout


def test_hidden_folders_and_node_modules_are_left_out(run, notes_dir):
    """As ripgrep does: .git, .obsidian, .trash, hidden files and node_modules' READMEs are not notes;
    a hidden file or folder named on the command line is read."""
    for sub in (".obsidian", ".trash", "node_modules/pkg", "blog/node_modules"):
        (notes_dir / sub).mkdir(parents=True)
        (notes_dir / sub / "README.md").write_text(_conf("Noise", "NOI101", "Noise"), encoding="utf-8")
    (notes_dir / ".draft.md").write_text(_conf("Draft", "DRF101", "Draft"), encoding="utf-8")
    r = run("--notes", notes_dir, "talks", "--json")
    assert sorted(t["code"] for t in r.json if t["code"]) == ["DAT407", "KUB201", "PY301"]
    r = run("--notes", notes_dir / ".draft.md", "--notes", notes_dir / ".trash", "talks", "--json")
    assert sorted(t["code"] for t in r.json if t["code"]) == ["DRF101", "NOI101"]
