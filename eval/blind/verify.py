#!/usr/bin/env python3
"""Checks a gold file in the schema of ../shared/devnotes/gold.json (default: eval/blind/gold.json beside this
script): well-formed records, every annotated file present (bytes and CR LF as recorded), every line number in
range and pointing at a line that holds the annotated title / name / day heading (normalised), no duplicates.

usage: python3 eval/blind/verify.py [GOLD.json]     exit 0 when clean, 1 with one message a problem.
Also checks each kept file against manifest.tsv (source, licence, character count) when one sits beside the gold.
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMS = {"heading", "list item", "bold line", "plain line", "table row"}
FILE_KEYS = {"file", "source", "licence", "language", "bytes", "crlf", "days", "talks", "announcements", "not_talks",
             "not_speakers", "queries", "doubts"}
TALK_KEYS = {"title", "line", "day", "code", "speakers", "video", "form"}
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def norm(text: str) -> str:
    """Casefolded, NFKC, markdown/punctuation turned to spaces, runs of spaces collapsed."""
    text = unicodedata.normalize("NFKC", html.unescape(text)).casefold()
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def holds(window: str, name: str) -> bool:
    """Whether the normalised window holds the normalised name: as a whole, or most of its words (prefixes count,
    'supported' holds 'support'); for CJK text, most of its character pairs."""
    w, n = norm(window), norm(name)
    if not n:  # a name of punctuation only (an empty '##' heading): the raw text must be there
        return bool(name.strip()) and name.strip() in window
    if n in w or n.replace(" ", "") in w.replace(" ", ""):
        return True
    if CJK.search(n):
        compact_n, compact_w = n.replace(" ", ""), w.replace(" ", "")
        pairs = {compact_n[i:i + 2] for i in range(len(compact_n) - 1)} or {compact_n}
        return sum(p in compact_w for p in pairs) / len(pairs) >= 0.6
    words = [x for x in n.split() if len(x) > 1] or n.split()
    have = w.split()
    found = sum(any(h.startswith(x[:max(4, len(x) - 3)]) for h in have) for x in words)
    return found / len(words) >= 0.6


def check(gold_path: Path) -> list[str]:
    errors: list[str] = []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    base = gold_path.parent
    if set(gold) != {"about", "files"} or not isinstance(gold["about"], str) or not isinstance(gold["files"], list):
        return [f"{gold_path}: top level must be {{'about': str, 'files': list}}"]
    manifest = {}
    if (base / "manifest.tsv").is_file():
        manifest = {r[0]: r for r in csv.reader((base / "manifest.tsv").open(encoding="utf-8"), delimiter="\t") if r}
    seen_files: set[str] = set()
    for rec in gold["files"]:
        name = rec.get("file", "?")

        def err(msg: str, name: str = name) -> None:
            errors.append(f"{name}: {msg}")

        if set(rec) != FILE_KEYS:
            err(f"keys {sorted(set(rec) ^ FILE_KEYS)} differ from the schema")
            continue
        if name in seen_files:
            err("listed twice")
        seen_files.add(name)
        path = base / name
        if not path.is_file():
            err("file is missing")
            continue
        raw = path.read_bytes()
        if rec["bytes"] != len(raw):
            err(f"bytes {rec['bytes']} recorded, {len(raw)} on disk")
        if rec["crlf"] != (b"\r\n" in raw):
            err("crlf flag does not match the file")
        if manifest:
            row = manifest.get(name)
            if row is None:
                err("not in manifest.tsv")
            else:
                if rec["source"] != f"{row[1]}:{row[2]}@{row[3]}" or rec["licence"] != row[5]:
                    err("source/licence differ from manifest.tsv")
                if len(raw.decode("utf-8")) != int(row[4]):
                    err(f"{len(raw.decode('utf-8'))} characters, manifest.tsv says {row[4]}")
        lines = raw.decode("utf-8").replace("\r\n", "\n").split("\n")

        def at(line: object, before: int = 0, after: int = 0, lines: list[str] = lines) -> str | None:
            if not isinstance(line, int) or isinstance(line, bool) or not 1 <= line <= len(lines):
                return None
            return "\n".join(lines[max(0, line - 1 - before):line + after])

        day_numbers: set[int] = set()
        day_keys: set[tuple[int, int]] = set()
        for d in rec["days"]:
            if not {"day", "heading", "line"} <= set(d) <= {"day", "heading", "line", "label_day"} \
                    or not isinstance(d["day"], int):
                err(f"malformed day {d}")
                continue
            day_numbers.add(d["day"])
            if (d["day"], d["line"]) in day_keys:
                err(f"day {d['day']} at line {d['line']} listed twice")
            day_keys.add((d["day"], d["line"]))
            text = at(d["line"])
            if text is None or not holds(text, d["heading"]):
                err(f"day {d['day']} heading {d['heading']!r} not at line {d['line']}")
        talk_lines: set[int] = set()
        for t in rec["talks"]:
            if set(t) != TALK_KEYS:
                err(f"malformed talk {t}")
                continue
            if not isinstance(t["title"], str) or not t["title"].strip():
                err(f"talk at line {t['line']} has no title")
            if t["form"] not in FORMS:
                err(f"talk {t['title']!r}: form {t['form']!r} not in {sorted(FORMS)}")
            if not isinstance(t["speakers"], list) or not all(isinstance(s, str) and s.strip() for s in t["speakers"]):
                err(f"talk {t['title']!r}: speakers must be a list of names")
            elif len(set(t["speakers"])) != len(t["speakers"]):
                err(f"talk {t['title']!r}: a speaker is listed twice")
            if t["day"] is not None and t["day"] not in day_numbers:
                err(f"talk {t['title']!r}: day {t['day']} is not one of the file's days {sorted(day_numbers)}")
            for key in ("code", "video"):
                if t[key] is not None and not (isinstance(t[key], str) and t[key].strip()):
                    err(f"talk {t['title']!r}: {key} must be null or a non-empty string")
            if t["line"] in talk_lines and t["form"] != "table row":  # a schedule row may hold one talk a track
                err(f"two talks at line {t['line']}")
            talk_lines.add(t["line"])
            text = at(t["line"], before=2)
            if text is None:
                err(f"talk {t['title']!r}: line {t['line']} out of range")
            elif not holds(text, t["title"]) and not (t["speakers"] and holds(at(t["line"]) or "", t["speakers"][0])):
                err(f"talk {t['title']!r} not at line {t['line']} (nor its first speaker)")
        seen_ann: set[tuple[str, int]] = set()
        for a in rec["announcements"]:
            if set(a) != {"name", "line", "url"}:
                err(f"malformed announcement {a}")
                continue
            key = (a["name"], a["line"])
            if key in seen_ann:
                err(f"announcement {a['name']!r} at line {a['line']} listed twice")
            seen_ann.add(key)
            text = at(a["line"], before=1, after=1)
            if text is None or not holds(text, a["name"]):
                err(f"announcement {a['name']!r} not at line {a['line']}")
        not_lines: set[int] = set()
        for n in rec["not_talks"]:
            if set(n) != {"text", "line"}:
                err(f"malformed not_talk {n}")
                continue
            text = at(n["line"])
            if text is None or not holds(text, n["text"]):
                err(f"not_talk {n['text']!r} is not line {n['line']}")
            if n["line"] in not_lines:
                err(f"not_talk line {n['line']} listed twice")
            not_lines.add(n["line"])
        if talk_lines & not_lines:
            err(f"lines {sorted(talk_lines & not_lines)} are both talks and not_talks")
        if not all(isinstance(s, str) and s.strip() for s in rec["not_speakers"]):
            err("not_speakers must be names")
        gold_speakers = {s.casefold() for t in rec["talks"] if isinstance(t.get("speakers"), list)
                         for s in t["speakers"]}
        for s in rec["not_speakers"]:
            if isinstance(s, str) and s.casefold() in gold_speakers:
                err(f"{s!r} is both a speaker and a not_speaker")
        if len(set(rec["not_speakers"])) != len(rec["not_speakers"]):
            err("a not_speaker is listed twice")
        for q in rec["queries"]:
            if set(q) != {"q", "lines"} or not q["lines"] or any(at(x) is None for x in q["lines"]):
                err(f"malformed query {q}")
        if not isinstance(rec["doubts"], list) or not all(isinstance(d, str) for d in rec["doubts"]):
            err("doubts must be a list of strings")
    return errors


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    gold_path = Path(argv[0]) if argv else HERE / "gold.json"
    errors = check(gold_path)
    for e in errors:
        print(e)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    files = gold["files"]
    print(f"{gold_path}: {len(files)} files, {sum(len(f['talks']) for f in files)} talks, "
          f"{sum(len(f['announcements']) for f in files)} announcements, {sum(len(f['days']) for f in files)} days: "
          f"{'OK' if not errors else f'{len(errors)} problems'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
