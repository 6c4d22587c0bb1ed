#!/usr/bin/env python
"""Fuzz the parse layer: arbitrary bytes -> source_from_bytes -> parse_source.

Fails on any exception other than InputError (RecursionError included), and on any single input
that takes longer than ``--slow`` seconds (a hang or a quadratic blow-up).

    python fuzz/fuzz_parse.py --seconds 600            # atheris (libFuzzer) if installed
    python fuzz/fuzz_parse.py --seconds 600 --hypothesis  # or Hypothesis, no atheris needed
    python fuzz/fuzz_parse.py --seconds 600 -- -max_len=65536   # extra args go to libFuzzer

Crashing inputs are written to fuzz/crashes/ (atheris: libFuzzer's crash-* files in the cwd).
Seeds: tests/fixtures/**/*.md and data/*.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reinvent_cli.errors import InputError  # noqa: E402
from reinvent_cli.recognise import parse_source  # noqa: E402
from reinvent_cli.read.source import source_from_bytes  # noqa: E402

SLOW_SECONDS = 5.0
NO_NUL = False  # --no-nul: NUL bytes to spaces, so that mutations are not spent on binary rejects


class TooSlow(Exception):
    pass


def check(data: bytes) -> None:
    """The property: parse or InputError; nothing else, and not slowly."""
    start = time.perf_counter()
    try:
        doc = parse_source(source_from_bytes(data, "fuzz.md"))
    except InputError:
        return
    elapsed = time.perf_counter() - start
    if elapsed > SLOW_SECONDS:
        raise TooSlow(f"{len(data)} bytes took {elapsed:.1f}s")
    nlines = data.count(b"\n") + data.count(b"\r") + 2
    for e in doc.entries:
        assert 1 <= e.line <= nlines, (e.kind, e.line, nlines)
    for lk in doc.links:
        assert 1 <= lk.line <= nlines, (lk.url, lk.line, nlines)


def seeds() -> list[bytes]:
    out = []
    for base in (ROOT / "tests" / "fixtures", ROOT / "data"):
        out += [p.read_bytes() for p in sorted(base.rglob("*.md"))]
    out += [
        b"", b"---\ntitle: x\n", b"\xef\xbb\xbf# Day 1\r\n\r\n## DAT401 - Talk\r\n* [a](http://b)\r\n",
        b"> " * 50 + b"x\n", b"- " * 50 + b"x\n", b"[" * 200, b"caf\xe9\n# h\n",
        b"# Day 1 - Wednesday\n\n## ARC201 - Title (Jane Doe)\n\nSpeaker: Jane Doe\n\n* Announced [X](https://x.y)\n",
    ]
    return out


def _save(data: bytes, exc: BaseException) -> Path:
    d = ROOT / "fuzz" / "crashes"
    d.mkdir(exist_ok=True)
    p = d / f"crash-{type(exc).__name__}-{abs(hash(data)) % 10**10}.md"
    p.write_bytes(data)
    return p


def run_atheris(seconds: int, extra: list[str]) -> None:
    import atheris

    corpus = ROOT / "fuzz" / "corpus"
    corpus.mkdir(exist_ok=True)
    for i, s in enumerate(seeds()):
        (corpus / f"seed-{i}.md").write_bytes(s)

    def one(data: bytes) -> None:
        if NO_NUL:
            data = data.replace(b"\x00", b" ")
        try:
            check(data)
        except BaseException as exc:
            print(f"\nFAILED on {_save(data, exc)}", file=sys.stderr)
            raise

    args = [sys.argv[0], f"-max_total_time={seconds}", "-timeout=30", "-rss_limit_mb=4096",
            "-max_len=32768", f"-dict={ROOT / 'fuzz' / 'markdown.dict'}", *extra, str(corpus)]
    import mistune  # noqa: F401  (loaded so that it is instrumented too)
    import reinvent_cli.read.mdast  # noqa: F401

    atheris.instrument_all()  # coverage feedback for every loaded module: ours and mistune's
    atheris.Setup(args, one)
    atheris.Fuzz()


def run_hypothesis(seconds: int) -> None:
    from hypothesis import HealthCheck, given, settings, strategies as st

    # Bytes, and markdown-ish text built from the characters that matter to the parsers.
    alphabet = st.sampled_from(list("#>-*+_`[]()<>!\\&:|=~ \t\n\r1.)") + ["http://a.b/", "www.x.y", "  ", "    ", "---\n", "```\n", "\ufeff", "é"])
    md = st.lists(alphabet, max_size=400).map("".join).map(lambda s: s.encode("utf-8"))
    data_st = st.one_of(st.binary(max_size=2000), md, st.sampled_from(seeds()))
    deadline = time.monotonic() + seconds
    count = 0

    @settings(max_examples=10**9, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data_st)
    def prop(data: bytes) -> None:
        nonlocal count
        count += 1
        if time.monotonic() > deadline:
            raise _Done
        try:
            check(data)
        except BaseException as exc:
            print(f"FAILED on {_save(data, exc)}: {type(exc).__name__}: {exc}", file=sys.stderr)
            raise

    class _Done(Exception):
        pass

    try:
        prop()
    except _Done:
        pass
    except Exception as exc:  # noqa: BLE001 - newer Hypothesis reports the time-up _Done as a flaky failure
        if "_Done" not in repr(exc) + repr(getattr(exc, "exceptions", "")):
            raise
    print(f"hypothesis fuzz: {count} inputs in {seconds}s, no failure")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--hypothesis", action="store_true", help="use Hypothesis even if atheris is installed")
    ap.add_argument("--slow", type=float, default=SLOW_SECONDS, help="seconds one input may take")
    ap.add_argument("--no-nul", action="store_true", help="turn NUL bytes into spaces (atheris)")
    ap.add_argument("extra", nargs="*", help="arguments passed on to libFuzzer")
    ns = ap.parse_args()
    globals()["SLOW_SECONDS"] = ns.slow
    globals()["NO_NUL"] = ns.no_nul
    sys.setrecursionlimit(1000)  # the default: a RecursionError must show here as it would in the CLI
    if not ns.hypothesis:
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("atheris not installed: using Hypothesis", file=sys.stderr)
        else:
            run_atheris(ns.seconds, ns.extra)
            return
    run_hypothesis(ns.seconds)


if __name__ == "__main__":
    main()
