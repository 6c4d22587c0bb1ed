"""Speakers in a talk's title and on the line after it (issue 9): speakers_in_title, speaker_line,
parse_speakers; and what is no speaker. Fixture: tests/fixtures/recognise/speakers/talk_styles.markdown."""

from __future__ import annotations

import json
import re
import time

import pytest

from conftest import FIXTURES, SHARED
from reinvent_cli.recognise.talk.speakers import parse_speakers, speaker_label, speaker_line, speakers_in_title

STYLES = FIXTURES / "recognise" / "speakers" / "talk_styles.markdown"


def _styles() -> dict[str, tuple[str, list[str]]]:
    """Each h2 of the fixture: (clean title, speaker names) from its title and the block after it."""
    out: dict[str, tuple[str, list[str]]] = {}
    parts = re.split(r"^## ", STYLES.read_text(encoding="utf-8"), flags=re.M)[1:]
    for part in parts:
        heading, _, body = part.partition("\n")
        flat = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
        title, named = speakers_in_title(flat)
        block = body.strip()
        found = speaker_line(block) if block else None
        out[heading] = (title, [s.name for s in (found or named)])
    return out


@pytest.mark.parametrize("heading, title, names", [
    ("Keynote - Jane Roe", "Keynote", ["Jane Roe"]),
    ("Rust for the Curious - [Bob Stone](https://example.org/bob)", "Rust for the Curious", ["Bob Stone"]),
    ('"Quiet Systems" by Karen M. Sandler', "Quiet Systems", ["Karen M. Sandler"]),
    ("Ana Lima - Scaling Teams (Acme)", "Scaling Teams", ["Ana Lima"]),
    ("An introduction to queues (Lucy Wyman, Puppet)", "An introduction to queues", ["Lucy Wyman"]),
    ("Highly Technical Talk with Hanselman and Toub", "Highly Technical Talk", ["Hanselman", "Toub"]),
    ("Ein Vortrag über Tests von Tim Berg", "Ein Vortrag über Tests", ["Tim Berg"]),
    ("Building apps with Azure Functions", "Building apps with Azure Functions", []),
    ("Keynote - Wednesday", "Keynote - Wednesday", []),
    ("How Music Works (AppSignal)", "How Music Works (AppSignal)", []),
    ("Data at Scale", "Data at Scale", ["Sam Ode"]),
    ("Secure Defaults", "Secure Defaults", ["Luis Quintanilla", "Stephen Toub"]),
    ("Fast Builds", "Fast Builds", ["David Whitney"]),
    ("Small Tools", "Small Tools", ["Rebecca Parsons"]),
    ("Monolith Grinding", "Monolith Grinding", ["Michael Nygard"]),
    ("Slow Queries", "Slow Queries", []),
    ("Bugs in Production", "Bugs in Production", []),
    ("Tests in Go", "Tests in Go", ["Nina Park"]),
    ("Kotlin Flows", "Kotlin Flows", ["Max Mustermann", "Erika Musterfrau"]),
    ("机器学习入门", "机器学习入门", ["张伟"]),
    ("Serverless at Scale", "Serverless at Scale", ["Nina Park"]),
])
def test_fixture_styles(heading, title, names):
    assert _styles()[heading] == (title, names)


def test_title_forms():
    assert speakers_in_title("Session - An introduction to blockchains (Lucy Wyman, Puppet)")[0] == \
        "An introduction to blockchains"
    assert [s.name for s in speakers_in_title("“Looks GREAT to me” von Adrienne Tacke")[1]] == ["Adrienne Tacke"]
    assert speakers_in_title("Tester at the table and the tester in my head, Adrian Dunston")[0] == \
        "Tester at the table and the tester in my head"
    t, s = speakers_in_title("Panel: Consensus - Elaine Shi & Emin Gun Sirer & Vlad Zamfir")
    assert [x.name for x in s] == ["Elaine Shi", "Emin Gun Sirer", "Vlad Zamfir"]
    t, s = speakers_in_title("Intro to Solidity (2017 edition) Hudson Jameson")
    assert (t, [x.name for x in s]) == ("Intro to Solidity (2017 edition)", ["Hudson Jameson"])
    t, s = speakers_in_title("Organizations - Anton Galenovich, Ph.D. & Sergei Lonshakov")
    assert [x.name for x in s] == ["Anton Galenovich", "Sergei Lonshakov"]
    assert speakers_in_title("Docker - Getting Started")[1] == []
    assert speakers_in_title("KeyNote (Wed Morning)")[1] == []
    assert speakers_in_title("Zero To Hero - Develop Your First App With Local LLMs On Windows")[1] == []


def test_title_slash_speaker():
    t, s = speakers_in_title("Caching without tears / Maria Lopez and Ken Ito")
    assert (t, [x.name for x in s]) == ("Caching without tears", ["Maria Lopez", "Ken Ito"])
    assert speakers_in_title("Input / Output in practice")[1] == []
    assert speakers_in_title("CI/CD for small teams")[1] == []


def test_names_first_then_title():
    t, s = speakers_in_title("Ana Ruiz, Li Wei | Archive search")
    assert (t, [x.name for x in s]) == ("Archive search", ["Ana Ruiz", "Li Wei"])
    t, s = speakers_in_title("Sharding, Caching, Queues - Jane Doe")
    assert (t, [x.name for x in s]) == ("Sharding, Caching, Queues", ["Jane Doe"])


def test_speaker_lines():
    assert [(s.name, s.org) for s in speaker_line("Presenter: Sayed Hashimi, MSFT") or []] == \
        [("Sayed Hashimi", "MSFT")]
    assert [s.name for s in speaker_line("Presenters: Ann Lee, Bob Roe.") or []] == ["Ann Lee", "Bob Roe"]
    assert [s.name for s in speaker_line("by [Jo Bloggs](https://x.example)") or []] == ["Jo Bloggs"]
    assert [s.name for s in speaker_line("Intervenant : Jean Dupont") or []] == ["Jean Dupont"]
    assert [s.name for s in speaker_line("Primary Speaker: Scott Guthrie") or []] == ["Scott Guthrie"]
    assert [s.name for s in speaker_line("登壇者: 高橋 美咲, 山本 大輔") or []] == ["高橋 美咲", "山本 大輔"]
    assert [s.name for s in speaker_line("Con Jorge Rincón, Sofía Delgado y Raúl Peña") or []] == \
        ["Jorge Rincón", "Sofía Delgado", "Raúl Peña"]
    assert [s.name for s in speaker_line("- moderated by Harriet Cole") or []] == ["Harriet Cole"]
    assert [s.name for s in speaker_line("**Ponente:** Dra. Elena Castillo") or []] == ["Elena Castillo"]
    assert speaker_line("With this tool we can deploy") is None and speaker_line("机器学习 入门") is None
    assert speakers_in_title("端侧推理优化 —— 刘思远")[0] == "端侧推理优化"
    assert speaker_line("Speakers:") is None and speaker_label("**Speakers**:")
    for line in ("Stream : https://www.youtube.com/watch?v=x", "**Video**: http://x.example/v",
                 "He is the Python Web3.py guy", "Wednesday Nov 28th @ Venetian", "Toyota Research Institute",
                 "#### Key Takeaways", "### Dashboard Considerations", "Mist Browser!"):
        assert speaker_line(line) is None, line


def test_parse_speakers_lists():
    def pairs(text: str) -> list[tuple[str, str | None]]:
        return [(s.name, s.org) for s in parse_speakers(text)]
    assert pairs("Nate Wiger (AWS), Tom Kerr (Riot)") == [("Nate Wiger", "AWS"), ("Tom Kerr", "Riot")]
    assert pairs("Michael Hausenblas, AWS") == [("Michael Hausenblas", "AWS")]
    assert pairs("Jane Doe, Principal Engineer, Google Cloud") == [("Jane Doe", "Google Cloud")]
    assert pairs('Scott Hanselman, VP Developer Community, MSFT, "Programmer"') == [("Scott Hanselman", "MSFT")]
    assert pairs("Kayla Cinnamon, Sr. Product Manager, Dev Home and PowerToys") == \
        [("Kayla Cinnamon", "Dev Home and PowerToys")]
    assert pairs("Philippe Charrière et Pierre-Antoine Grégoire") == \
        [("Philippe Charrière", None), ("Pierre-Antoine Grégoire", None)]


GROWTH = {
    "dashes": lambda n: "Title" + " - A" * n,
    "by words": lambda n: "Title" + " by A" * n,
    "with words": lambda n: "Title" + " with A and" * n,
    "ampersands": lambda n: "Title " + "A B & " * n,
    "brackets": lambda n: "[" * n + "](" * n,
    "parentheses": lambda n: "Title (" + "A, (" * n + ")" * n,
    "label": lambda n: "Speaker: " + "Ann Lee, " * n,
}


def _best(fn, text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("name", list(GROWTH))
@pytest.mark.parametrize("fn", [speakers_in_title, speaker_line])
def test_speaker_rules_grow_linearly(name, fn):
    gen, n = GROWTH[name], 500
    t_small = max(_best(fn, gen(n)), 0.005)
    t_big = _best(fn, gen(4 * n))
    assert t_big < 10 * t_small, f"{name}: 4x input took {t_big / t_small:.1f}x the time"


DEVNOTES = SHARED / "devnotes"


@pytest.mark.skipif(not (DEVNOTES / "gold.json").exists(), reason="no ../shared/devnotes")
def test_devnotes_speakers_of_gold_talks():
    """speakers_in_title on each gold talk's line and speaker_line on the blocks after it, against the gold
    speakers: F1 >= 0.90 and no not_speakers string (talks whose speakers are only in prose are misses)."""
    gold = json.loads((DEVNOTES / "gold.json").read_text())
    tp = fp = fn = bad = 0
    for f in gold["files"]:
        lines = (DEVNOTES / f["file"]).read_text(encoding="utf-8", errors="replace").split("\n")
        for t in f["talks"]:
            names = _direct(lines, t["line"], {x["line"] for x in f["talks"]})
            gs = [g.casefold() for g in t.get("speakers") or []]
            hit = [g for g in gs if any(g in n or n in g for n in names)]
            tp += len(hit)
            fn += len(gs) - len(hit)
            fp += sum(1 for n in names if not any(g in n or n in g for g in gs))
            bad += sum(1 for n in names for x in f.get("not_speakers", []) if len(x) >= 4 and
                       (x.casefold() in n or n in x.casefold()))
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    assert 2 * p * r / (p + r) >= 0.90 and bad == 0, (p, r, bad)


_LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")


def _direct(lines: list[str], line: int, talk_lines: set[int]) -> list[str]:
    raw = lines[line - 1]
    if re.match(r"^\w+\s*:", raw):  # a front matter title: its speaker key
        found = next((speaker_line(x) for x in lines[:15] if speaker_line(x)), None)
        return [s.name.casefold() for s in found or []]
    head = [raw] + [x for x in lines[line:line + 3] if x.startswith("  ") and x.strip()]
    text = _LINK.sub(r"\1", " ".join(" ".join(head).split()))
    text = re.sub(r"^#+\s*|^(?:[-*+]|\d+[.)])\s+|:[a-z_]+:\s*|\*\*|__", "", text)
    text = re.sub(r"(?<!\w)[*_]|[*_](?!\w)", "", text).strip()
    text = re.sub(r"^\d{1,2}:\d\d\s*(?:[ap]m)?\s*-\s*\d{1,2}:\d\d\s*(?:[ap]m)?\s*-?\s*|^[A-Z]{2,6}\d{3}\s*-\s*", "",
                  text, flags=re.I)
    names = [s.name for s in speakers_in_title(text)[1]]
    level = len(raw) - len(raw.lstrip("#")) if raw.startswith("#") else 9
    blocks: list[list[str]] = [[]]
    for n in range(line + len(head) - 1, min(len(lines), line + 30)):
        x = lines[n]
        if n + 1 in talk_lines or x.startswith("#") and len(x) - len(x.lstrip("#")) <= level:
            break
        if not x.strip() or x.lstrip().startswith("#"):
            blocks.append([x] if x.strip() else [])
            continue
        blocks[-1].append(x)
    blocks = [b for b in blocks if b][:3]
    for i, b in enumerate(blocks):
        text = "\n".join(b)
        if speaker_label(text) and i + 1 < len(blocks):
            text += "\n" + "\n".join(blocks[i + 1])
        found = speaker_line(text)
        if found:
            names += [s.name for s in found]
            break
    return [n.casefold() for n in names]
