#!/usr/bin/env python3
"""Scores `reinvent` on the seventh blind set (eval/blind7): real notes files nobody writing recognition rules has
opened. Prints only aggregate figures, so running it does not reveal the files:

  1. the final line of ../shared/eval/structure.py on this gold (talks P/R/F1, speakers, days, announcements, false
     talks at not-talk lines, false speakers named in gold), over all files;
  2. for the near-miss files (manifest kind 'nearmiss': READMEs of notes repositories and other notes that are
     not talk notes): talks and speakers `reinvent` lists for them, per
     100 files.

usage: python3 eval/blind7/score.py [--files] [REINVENT COMMAND...]   (default command: reinvent)
  --files  also print structure.py's per-file rows (this shows file names and counts: for the gold's owner, not for
           whoever writes recognition rules).
Exit status: that of structure.py (0 when its goals are met).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # eval/blind_score.py, what the blind sets' scorers share

from blind_score import run_main, score  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    return score(HERE, "blind7", sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    run_main(HERE, "blind7")
