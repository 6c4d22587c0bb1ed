"""The ``reinvent`` program: a plain command line runs directly (cli.commandline), any other through
Typer; an interrupt is exit 130, a closed pipe a quiet exit, and long output goes to the pager."""

from __future__ import annotations

import codecs
import gc
import sys

# The cyclic garbage collector's first generation is collected after this many new objects instead of
# 700: a warm answer creates ~10^5 objects (mostly the modules it imports, which live until exit), and
# collecting them every 700 cost ~3% of its time. Cycles are still collected, later.
GC_THRESHOLD = 100_000


def run(argv: list[str]) -> int | str | None:
    """Run one command line; its exit code (SystemExit's code: an int, a message or None)."""
    from reinvent_cli.cli import early, session

    code: int | str | None
    if any(a.startswith(("--show-completion", "--install-completion")) for a in argv):
        from reinvent_cli.cli.complete import completion_for_shell

        code = completion_for_shell(argv)  # `--show-completion zsh`: Typer's takes no shell
        if code is not None:
            return code
    try:
        try:
            early.start(argv, _imports)  # the notes first: an edited file is parsed while Typer is imported
            from reinvent_cli.cli import commandline

            code = commandline.run(argv)
            if code is None:
                from reinvent_cli.cli.typer_app import app

                app(args=argv, prog_name="reinvent")
        except SystemExit as exc:
            code = exc.code
        finally:
            early.discard()
        session.finish()
        return code
    except KeyboardInterrupt:
        return session.interrupted()
    except BrokenPipeError:  # `reinvent talks | head -1`: the reader has gone, as with grep
        return session.closed_pipe()


def _imports() -> None:
    """What a command line needs besides the notes: Typer and the commands, Rich's console and table."""
    from reinvent_cli.cli import commandline, typer_app  # noqa: F401
    from reinvent_cli.render import listing, terminal  # noqa: F401


def _tolerant_streams() -> None:
    """On an output that cannot encode Unicode (LC_ALL=C, PYTHONIOENCODING=latin-1), a character it lacks
    is printed as '?' (Typer's help and messages too), never a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        name = getattr(stream, "encoding", None) or "utf-8"
        try:
            utf = codecs.lookup(name).name.startswith("utf")
        except LookupError:
            utf = False
        if not utf and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def main() -> None:
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    _tolerant_streams()
    code = run(sys.argv[1:])
    sys.stdout.flush()
    # What is alive now lives until exit: frozen, it is not scanned by the full collection the interpreter
    # runs as it exits (~10 ms of a warm answer: every object of the imported modules). Refcounts still
    # free it all, and atexit handlers still run; only unreachable cycles left at exit are not collected.
    gc.freeze()
    sys.exit(code)
