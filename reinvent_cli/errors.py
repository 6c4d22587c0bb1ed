"""One error hierarchy; the CLI turns each into a message and an exit code in one place."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOTHING_FOUND = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class ReinventError(Exception):
    """Base of every error reinvent reports to the user."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(ReinventError):
    """A notes path that is missing, unreadable or not a notes file."""


class UsageError(ReinventError):
    """A bad option value or query."""


class NothingFound(ReinventError):
    """The query ran and found nothing (exit 1, like grep)."""

    exit_code = EXIT_NOTHING_FOUND
