"""Writing an imported draft as a model file and linting it, as `archdoc import` then `archdoc lint` would."""

from __future__ import annotations

from pathlib import Path

from archdoc.importers.base import ImportResult
from archdoc.importers.write import write_model
from archdoc.lint import lint_result
from archdoc.load import load_paths
from archdoc.model import Problem


def lint_import(result: ImportResult, root: Path) -> tuple[str, list[Problem]]:
    """The model text and every lint problem of the imported model."""
    text = write_model(result.draft)
    models = root / "models"
    models.mkdir(parents=True, exist_ok=True)
    path = models / "imported.yaml"
    path.write_text(text, encoding="utf-8")
    return text, list(lint_result(load_paths([path])).problems)
