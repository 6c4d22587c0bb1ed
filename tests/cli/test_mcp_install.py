"""`reinvent mcp` is an optional extra: without the SDK (or with mcp 1) the command says how to install it,
exit 2; the other commands never import it. These run whether or not the SDK is installed."""

import os
import subprocess
import sys
from importlib import metadata

from conftest import ROOT


def test_without_the_sdk_it_says_how_to_install_it(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "mcp", None)  # as if not installed: find_spec gives None
    r = run("mcp")
    assert r.exit_code == 2
    assert r.stderr.startswith("reinvent: the MCP server needs the MCP Python SDK, which is not installed")
    assert 'install it: pip install "reinvent-cli[mcp]"' in r.stderr and "Traceback" not in r.output


def test_an_sdk_older_than_2_is_named(run, monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: object())
    monkeypatch.setattr(metadata, "version", lambda name: "1.26.0")
    r = run("mcp")
    assert r.exit_code == 2
    assert "needs the MCP Python SDK 2 or newer; mcp 1.26.0 is installed" in r.stderr


def test_the_cli_never_imports_the_sdk(tmp_path):
    env = {**os.environ, "REINVENT_CACHE_DIR": str(tmp_path / "cache")}
    code = ("import sys\nfrom reinvent_cli.cli.main import main\nsys.argv = ['reinvent', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('IMPORTED', sorted({m.split('.')[0] for m in sys.modules} & {'mcp', 'pydantic', 'anyio'}),"
            " file=sys.stderr)\n")
    for args in (["talks", "--day", "2"], ["search", "elasticache"], ["--help"]):
        p = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, cwd=ROOT)
        assert p.returncode == 0 and "IMPORTED []" in p.stderr, p.stderr
