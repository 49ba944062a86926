"""archdoc's Python API: load, lint, render, diff, import and build, for scripts and other tools.

Everything here is a thin, stable front to the pipeline the command line runs, with the
same results: a `LoadResult` of frozen models, a `LintReport` of `Problem`s sorted by
place, a `Drawing` of bytes. Nothing prints; a mistake of the input or the request is an
`ArchdocError` (or a problem in the report), never a traceback of archdoc's internals.

    >>> from archdoc import api
    >>> result = api.load("models/shop.yaml")
    >>> [model.id for model in result.models]
    ['shop']

Nothing imports this module on the command line's way (`archdoc lint` does not pay for it),
and it imports the renderers, MkDocs and the importers only when a function needs them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from archdoc.lint import LintReport, lint_result
from archdoc.load import LoadResult, load_paths
from archdoc.model import Element, Flow, Group, Model, Problem, Relation, Severity, SourceSpan, View
from archdoc.model.errors import ArchdocError, UsageError
from archdoc.render.formats import FORMATS, Drawing

if TYPE_CHECKING:
    from archdoc.diff import Diff
    from archdoc.load.draft import DraftModel
    from archdoc.site.build import BuildSummary

__all__ = [
    "FORMATS", "ArchdocError", "Drawing", "Element", "Flow", "Group", "LintReport", "LoadResult", "Model",
    "Problem", "Relation", "Severity", "SourceSpan", "View", "build_site", "diff", "import_model", "lint", "load",
    "render",
]

PathLike = str | Path
DEFAULT_MODELS = Path("models")


def load(*paths: PathLike) -> LoadResult:
    """The models in the given files or folders (default `models/`), and every problem met reading them."""
    return load_paths([Path(path) for path in paths] or [DEFAULT_MODELS], default_root=DEFAULT_MODELS)


def lint(source: LoadResult | PathLike | Iterable[PathLike] = "models") -> LintReport:
    """Lint loaded models, or the models in a path or paths: what `archdoc lint` reports, as values."""
    if isinstance(source, LoadResult):
        return lint_result(source)
    paths = [source] if isinstance(source, str | Path) else list(source)
    return lint_result(load(*paths))


def render(model: Model, fmt: str = "mermaid", *, view: str | None = None, flow: str | None = None) -> Drawing:
    """One view (default `overview`, else the first) or flow of a model in one of `FORMATS`.

    `Drawing.content` is bytes (decode text formats as UTF-8); `notes` say what a drawing
    left out. UsageError for an unknown format, view or flow, or a missing Graphviz.
    """
    from archdoc import pipeline

    if fmt not in FORMATS:
        raise UsageError(f"no output format '{fmt}' (formats: {', '.join(FORMATS)})")
    return pipeline.render_diagram(model, fmt, view_id=view, flow_id=flow)


def diff(base: LoadResult | PathLike, head: LoadResult | PathLike, *, models: PathLike = "models") -> Diff:
    """What a change does to the models: each side loaded models, a path, or a git revision (read at `models`)."""
    from archdoc.diff import SourceError, diff_models, read_version

    def side(spec: LoadResult | PathLike) -> tuple[list[Model], list[Problem]]:
        if isinstance(spec, LoadResult):
            return list(spec.models), lint_result(spec).problems
        try:
            version = read_version(str(spec), Path(models))
        except SourceError as error:
            raise UsageError(str(error)) from None
        return list(version.models), version.problems

    (base_models, base_findings), (head_models, head_findings) = side(base), side(head)
    return diff_models(base_models, head_models, base_findings, head_findings)


def import_model(fmt: str, *sources: PathLike, model_id: str | None = None) -> tuple[DraftModel, list[Problem]]:
    """A draft model from CloudFormation, Terraform, Backstage, Mermaid or Structurizr sources, and the problems met.

    `write_model(draft)` (archdoc.importers.write) gives its YAML, as `archdoc import` writes it.
    """
    from archdoc.importers import FORMATS as IMPORT_FORMATS
    from archdoc.importers import FormatUnavailable, reader

    if fmt not in IMPORT_FORMATS:
        raise UsageError(f"no import format '{fmt}' (formats: {', '.join(IMPORT_FORMATS)})")
    try:
        result = reader(fmt)([Path(source) for source in sources], model_id)
    except FormatUnavailable as error:
        raise UsageError(str(error)) from None
    return result.draft, list(result.problems)


def build_site(models: PathLike = "models", out: PathLike = "site", *, strict: bool = False,
               project: PathLike = ".") -> BuildSummary:
    """Lint, then publish the site as `archdoc build` does; ArchdocError (with `exit_status`) when it is not built."""
    from archdoc.site.build import BuildRequest
    from archdoc.site.build import build_site as build

    result = load(models)
    report = lint_result(result)
    if report.exit_status:
        errors = "\n".join(str(problem) for problem in report.problems if problem.is_error)
        error = ArchdocError(f"the models have errors:\n{errors}")
        error.exit_status = report.exit_status
        raise error
    return build(result, report, BuildRequest(Path(models), Path(out), Path(project), strict), lambda message: None)
