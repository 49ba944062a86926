"""Plain helpers the tests import: lint model text written to a temporary models folder."""

from __future__ import annotations

from pathlib import Path


def lint_files(root: Path, files: dict[str, str]) -> list:
    """Write model files below root/models and lint that folder; returns every problem, sorted."""
    from archdoc.pipeline import load_and_lint

    models = root / "models"
    for name, text in files.items():
        path = models / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _result, report = load_and_lint([models])
    return report.problems


def codes_at(problems: list) -> list[tuple[str, int, int]]:
    """The (code, line, column) of unsuppressed problems, the shape rule tests compare."""
    return [(p.code, p.span.line, p.span.column) for p in problems if p.suppressed is None]
