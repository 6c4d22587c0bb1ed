"""The recognition rules' regular expressions, compiled on first use.

Compiling the ~100 module-level patterns of recognise/ took ~25 ms of every parser import: in the
child that parses an edited file, on the way to the answer. A file needs about two thirds of them; the
rest (other languages' words, rare layouts) are never compiled. A pattern's first call compiles it and
binds its methods to the compiled ones, so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer")


class _OnFirstUse:
    """A pattern not compiled yet; its methods compile it, then are replaced by the compiled ones."""

    def __init__(self, regex: str, flags: int) -> None:
        self.pattern = regex
        self.flags = flags

    def _compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self.flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def match(self, *args: Any) -> Any:
        return self._compiled().match(*args)

    def search(self, *args: Any) -> Any:
        return self._compiled().search(*args)

    def fullmatch(self, *args: Any) -> Any:
        return self._compiled().fullmatch(*args)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().split(*args, **kwargs)

    def findall(self, *args: Any) -> Any:
        return self._compiled().findall(*args)

    def finditer(self, *args: Any) -> Any:
        return self._compiled().finditer(*args)


def pattern(regex: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(regex, flags)``, done when the pattern is first used (only its match, search,
    fullmatch, sub, subn, split, findall and finditer; ``.pattern`` and ``.flags`` are there too)."""
    return cast("re.Pattern[str]", _OnFirstUse(regex, flags))
