"""Helpers the importer tests share: import sources, write the model, read it back and lint it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from archdoc.importers import reader
from archdoc.importers.base import ImportResult
from archdoc.importers.write import write_model
from archdoc.lint import LintReport, lint_result
from archdoc.load import LoadResult, load_paths
from archdoc.model import Model

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Imported:
    result: ImportResult
    text: str
    path: Path
    loaded: LoadResult
    report: LintReport

    @property
    def model(self) -> Model:
        [model] = self.loaded.models
        return model

    def codes(self) -> list[str]:
        return [problem.code for problem in self.result.problems]

    def invalid(self) -> list[str]:
        """Findings of the written model in the bands that mean it is unreadable or invalid (AD0xx, AD1xx)."""
        return [str(p) for p in self.report.problems if p.code[:3] in ("AD0", "AD1") and p.is_error]


def import_model(format_name: str, sources: list[Path], tmp_path: Path, model_id: str | None = None) -> Imported:
    """Import, write the model to tmp_path/models/<id>.yaml, and load and lint what was written."""
    result = reader(format_name)(sources, model_id)
    text = write_model(result.draft, ["a test import"])
    path = tmp_path / "models" / f"{result.draft.id or 'imported'}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    loaded = load_paths([path])
    return Imported(result, text, path, loaded, lint_result(loaded))
