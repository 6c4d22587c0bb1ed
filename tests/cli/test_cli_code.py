"""The presentation layer stays small: modules under 500 lines, functions under 60, a docstring saying
each module's job (the layers themselves are import-linter's contract, run by .ci/run)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PKG = ROOT / "reinvent_cli"
MINE = sorted([*(PKG / "cli").glob("*.py"), *(PKG / "render").glob("*.py"), PKG / "notes" / "query.py",
               PKG / "notes" / "outline.py", PKG / "errors.py", PKG / "__main__.py"])


@pytest.mark.parametrize("path", MINE, ids=lambda p: p.relative_to(PKG).as_posix())
def test_small_pieces(path: Path):
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= 500
    tree = ast.parse(text)
    assert ast.get_docstring(tree), "a module opens with a line saying its job"
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= 60, f"{node.name} is {length} lines"
