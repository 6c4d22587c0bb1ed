"""What the annotation scripts of the gold sets share (eval/blind/annotate.py, eval/blind2/annotate.py,
tests/fixtures/holdout/annotate.py): locating an annotated line by its text, the record helpers, and building
gold.json from a folder's files and manifest.tsv (or one origin for files written for the set)."""

import csv
import json
import re

LI = "list item"
BL = "bold line"
PL = "plain line"
TR = "table row"


def manifest(here):
    """manifest.tsv's rows by file name (file, repository, path, commit, characters, licence[, kind])."""
    return {row[0]: row for row in csv.reader((here / "manifest.tsv").open(encoding="utf-8"), delimiter="\t") if row}


def lines_of(here, name):
    return (here / name).read_bytes().decode("utf-8").replace("\r\n", "\n").split("\n")


def find(lines, loc):
    """1-based line of the one line matching loc (substring, or 're:' regex); loc may be (loc, nth)."""
    nth = None
    if isinstance(loc, tuple):
        loc, nth = loc
    if loc.startswith("re:"):
        hits = [i + 1 for i, text in enumerate(lines) if re.search(loc[3:], text)]
    else:
        hits = [i + 1 for i, text in enumerate(lines) if loc in text]
    if nth is None:
        assert len(hits) == 1, (loc, hits)
        return hits[0]
    return hits[nth - 1]


def T(title, loc, speakers=(), day=None, code=None, video=None, form="heading"):
    return {"title": title, "loc": loc, "day": day, "code": code, "speakers": list(speakers), "video": video, "form": form}


def YT(vid):
    return f"https://www.youtube.com/watch?v={vid}"


def collector():
    """(FILES, add): the list of annotated files, and the function that appends one."""
    files = []

    def add(file, language, days, talks, announcements, not_talks, not_speakers, queries, doubts):
        files.append({"file": file, "language": language, "days": days, "talks": talks, "announcements": announcements,
                      "not_talks": not_talks, "not_speakers": not_speakers, "queries": queries, "doubts": doubts})

    return files, add


def build(here, about, files, complete=False, origin=None):
    """The gold of ``files`` (each line located by its text in the file beside ``here``). ``complete``: every
    manifest row is annotated, and a row of kind 'nearmiss' has no talk. ``origin``: (source, licence) of every
    file, for a set written for itself (no manifest.tsv)."""
    rows = manifest(here) if origin is None else {}
    out = []
    for spec in files:
        name = spec["file"]
        lines = lines_of(here, name)
        raw = (here / name).read_bytes()
        m = rows[name] if origin is None else None
        source, licence = origin if m is None else (f"{m[1]}:{m[2]}@{m[3]}", m[5])
        rec = {"file": name, "source": source, "licence": licence, "language": spec["language"],
               "bytes": len(raw), "crlf": b"\r\n" in raw}
        rec["days"] = [{"day": d, "heading": h, "line": find(lines, loc)} for d, h, loc in spec["days"]]
        rec["talks"] = [{"title": t["title"], "line": find(lines, t["loc"]), "day": t["day"], "code": t["code"],
                         "speakers": t["speakers"], "video": t["video"], "form": t["form"]} for t in spec["talks"]]
        rec["announcements"] = [{"name": n, "line": find(lines, loc), "url": None} for n, loc in spec["announcements"]]
        rec["not_talks"] = []
        for loc in spec["not_talks"]:
            ln = find(lines, loc)
            rec["not_talks"].append({"text": lines[ln - 1].strip(), "line": ln})
        rec["not_speakers"] = spec["not_speakers"]
        rec["queries"] = [{"q": q, "lines": sorted(find(lines, loc) for loc in locs)} for q, locs in spec["queries"]]
        rec["doubts"] = spec["doubts"]
        talk_lines = {t["line"] for t in rec["talks"]}
        assert not talk_lines & {n["line"] for n in rec["not_talks"]}, name
        if complete and m is not None and len(m) > 6 and m[6] == "nearmiss":
            assert not rec["talks"], name
        out.append(rec)
    if complete:
        assert {f["file"] for f in out} == set(rows), set(rows) ^ {f["file"] for f in out}
    return {"about": about, "files": out}


def write(here, gold):
    (here / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(gold["files"]), "files,", sum(len(f["talks"]) for f in gold["files"]), "talks,",
          sum(len(f["announcements"]) for f in gold["files"]), "announcements")


