"""Files to Documents: read, parse, and report files that cannot be read."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .model import Document


def parse_file(path: Path, name: str) -> Document:
    from .parse import parse_source
    from .source import read_source

    src = read_source(path)
    src.path = name
    doc = parse_source(src)
    doc.path = str(path)
    return doc


def load_documents(files: list[Path], explicit: set[str], *, use_cache: bool = True,
                   progress=None) -> tuple[list[Document], list[str]]:
    """Parse every file. A bad file named on the command line is an error; in a folder it is skipped."""
    from .index import display_name

    docs: list[Document] = []
    warnings: list[str] = []
    skipped: list[str] = []
    for f in files:
        name = display_name(f, str(f))
        try:
            doc = parse_file(f, name)
        except InputError as exc:
            if str(f) in explicit:
                raise
            skipped.append(exc.message)
            continue
        docs.append(doc)
        warnings.extend(doc.warnings)
    if skipped:
        warnings.append(f"skipped {len(skipped)} unreadable file(s): " + "; ".join(skipped[:3])
                        + (" ..." if len(skipped) > 3 else ""))
    return docs, warnings
