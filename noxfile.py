"""Every Python the package claims (requires-python >= 3.10): the test suite on each, in its own venv.

    nox                      # every version below; a version this machine lacks is an error, not a skip
    nox -s tests-3.10        # one version
    nox -s tests-3.12 -- -k search   # pytest arguments after --

.ci/run runs the README's test command on its own Python and then `nox -s others`, the suite on the claimed
versions other than its own. Where pyenv holds the versions, .ci/run sets PYENV_VERSION so that its shims
answer `python3.10` ... `python3.13`.
"""

from __future__ import annotations

import sys

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
# The Textual UI tests (screens, SVG snapshots) take a fifth of the suite's time and exercise no
# version-dependent code of ours that the rest of the suite does not; the blind set's figures run the same
# scoring as on the main version: both run on the main version only.
UI_ONLY = [
    "--ignore=tests/browse/test_browse.py", "--ignore=tests/browse/test_browse_snapshots.py",
    "--deselect=tests/recognise/test_blind_gold.py::test_blind_structure_figures",
    "--deselect=tests/recognise/test_blind_gold.py::test_blind_other_figures",
]

nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The whole suite (pytest arguments after `--`)."""
    session.install(".[test]")
    session.run("python", "-m", "pytest", "-q", *session.posargs)


@nox.session(python=False)
def others(session: nox.Session) -> None:
    """The suite, UI tests aside, on every claimed version but the one running nox (CI has run it there)."""
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    for version in PYTHONS:
        if version != here:
            session.notify(f"tests-{version}", [*UI_ONLY, *session.posargs])
