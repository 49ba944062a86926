"""One problem type for everything archdoc reports: syntax errors, schema errors and rule findings."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace

from archdoc.model.frozen import slot_init
from archdoc.model.visible import one_line


class Severity(str, enum.Enum):
    """How much a problem matters; `off` silences a rule entirely."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OFF = "off"


@slot_init
@dataclass(frozen=True, slots=True, order=True)
class SourceSpan:
    """Where in which file a thing was written (1-based line and column)."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@slot_init
@dataclass(frozen=True, slots=True)
class Problem:
    """A finding: what is wrong (code, message), how much it matters, and where it was written.

    `model` and `element` name what the finding is about (element or group id) so that
    suppressions and pages can refer to it; `suppressed` holds the reason when a
    `rules.ignore` entry silenced it.
    """

    code: str
    severity: Severity
    message: str
    span: SourceSpan | None = None
    model: str | None = None
    element: str | None = None
    relation: tuple[str, str] | None = None
    suppressed: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        span = self.span
        if span is None:
            return ("", 0, 0, self.code, self.message)
        return (span.path, span.line, span.column, self.code, self.message)

    def with_severity(self, severity: Severity) -> Problem:
        return replace(self, severity=severity)

    def suppressed_by(self, reason: str) -> Problem:
        return replace(self, suppressed=reason)

    def for_model(self, model_id: str) -> Problem:
        return self if self.model == model_id else replace(self, model=model_id)

    def __str__(self) -> str:
        """The finding as every text report shows it: `path:line:column: severity CODE message`, on one line.

        Line breaks and control characters in the path or the message (model text) are shown as
        escapes (`\\n`, `\\x1b`), so no model can print a line that looks like another finding.
        """
        where = str(self.span) if self.span else "archdoc"
        return one_line(f"{where}: {self.severity.value} {self.code} {self.message}")

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR and self.suppressed is None


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reading order: by file, line, column, then code."""
    return sorted(problems, key=Problem.sort_key)
