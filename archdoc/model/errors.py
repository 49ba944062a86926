"""The mistakes archdoc reports to its user, as one small exception tree.

A user's mistake (a file that cannot be read, a model with errors, a wrong option or
output path) is an `ArchdocError`: the command line prints its message as one line and
exits with its status. Anything else that escapes is a bug and says "internal error".
"""

from __future__ import annotations


class ArchdocError(Exception):
    """A problem of the input or the request, not of archdoc; `exit_status` is what the command returns."""

    exit_status = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ReadError(ArchdocError):
    """A source cannot be read at all (encoding, size, syntax, ...); line and column are 1-based."""

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.line = line
        self.column = column


class UsageError(ArchdocError):
    """The command asked for something that does not exist or cannot be produced (exit status 2)."""


class OutputError(ArchdocError):
    """An output path cannot be written (a folder, a device, a read-only place, ...)."""
