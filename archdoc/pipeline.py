"""The pipeline the commands call: load -> graph -> lint (-> render -> site)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from archdoc.graph import build_graph
from archdoc.lint import LintReport, lint_result
from archdoc.load import LoadResult, collector_paused, load_paths
from archdoc.model import Flow, Model, View
from archdoc.model.errors import ArchdocError, UsageError

if TYPE_CHECKING:
    from archdoc.render.formats import Drawing
    from archdoc.site.build import BuildSummary as SiteSummary

DEFAULT_MODELS = Path("models")


def load_and_lint(paths: list[Path], packs: Mapping[str, bool] | None = None) -> tuple[LoadResult, LintReport]:
    """Load every model the paths name and lint them: the whole of `archdoc lint`. `packs`: the project's rule
    packs turned on or off (`[tool.archdoc] packs`), before each model's own `rules.packs`."""
    with collector_paused():  # the models stay alive to the end: the collector's sweeps of them find nothing
        result = load_paths(paths or [DEFAULT_MODELS], default_root=DEFAULT_MODELS)
        return result, lint_result(result, packs)


RequestError = UsageError  # the command asked for something that does not exist or cannot be produced


def find_model(reference: str, models_dir: Path) -> tuple[LintReport, Model]:
    """A model named by its file path or by its id below the models folder; lint problems come along."""
    path = Path(reference)
    if path.suffix in (".yaml", ".yml") or path.is_file():
        result, report = load_and_lint([path])
        models = result.models
    else:
        result, report = load_and_lint([models_dir])
        models = [model for model in result.models if model.id == reference]
        if not models and not report.unreadable:
            known = ", ".join(sorted(model.id for model in result.models)) or "none"
            raise UsageError(f"no model '{reference}' in {models_dir} (models: {known})")
    if report.errors or not models:
        raise InvalidModel(report)
    return report, models[0]


class InvalidModel(ArchdocError):
    """The model has errors (reported like `archdoc lint` does) and cannot be rendered."""

    def __init__(self, report: LintReport) -> None:
        super().__init__("the model has errors")
        self.report = report
        self.exit_status = report.exit_status or 1


def render_diagram(model: Model, fmt: str, *, view_id: str | None = None, flow_id: str | None = None,
                   name: str = "diagram") -> Drawing:
    """One view (default: `overview`, else the first) or flow in one of the output formats.

    `name` is the output file's name without its extension: the files a drawing brings along
    (the DOT export's icons) are named after it, relative to the file's folder.
    """
    graph = build_graph(model)
    target: View | Flow
    if flow_id is not None:
        flows = {flow.id: flow for flow in model.flows}
        if flow_id not in flows:
            raise UsageError(f"model '{model.id}' has no flow '{flow_id}' (flows: {', '.join(flows) or 'none'})")
        target = flows[flow_id]
    else:
        views = {view.id: view for view in model.views}
        wanted = view_id or ("overview" if "overview" in views else model.views[0].id)
        if wanted not in views:
            raise UsageError(f"model '{model.id}' has no view '{wanted}' (views: {', '.join(views)})")
        target = views[wanted]
    from archdoc.render.formats import FORMATS

    output_format = FORMATS[fmt]
    # The renderers (and diagrams behind them) load only when something is drawn: `archdoc lint` never pays.
    from archdoc.render.images import ImageError

    try:
        return output_format.draw(graph, target, name)
    except ImageError as error:
        raise UsageError(str(error)) from None


def build_site(result: LoadResult, report: LintReport, models: Path, out: Path, strict: bool,
               progress: Callable[[str], None], diff_base: str | None = None, png: bool | None = None) -> SiteSummary:
    """Publish the linted models as a site in `out` (MkDocs and the renderers load here, on first use)."""
    from archdoc.site.build import BuildRequest
    from archdoc.site.build import build_site as build

    return build(result, report, BuildRequest(models, out, Path.cwd(), strict, diff_base, png), progress)
