"""The pipeline the commands call: load -> graph -> lint (-> render -> site)."""

from __future__ import annotations

from pathlib import Path

from archdoc.lint import LintReport, lint_result
from archdoc.load import LoadResult, load_paths

DEFAULT_MODELS = Path("models")


def load_and_lint(paths: list[Path]) -> tuple[LoadResult, LintReport]:
    """Load every model the paths name and lint them: the whole of `archdoc lint`."""
    result = load_paths(paths or [DEFAULT_MODELS], default_root=DEFAULT_MODELS)
    return result, lint_result(result)
