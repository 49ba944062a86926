"""The pipeline the commands call: load -> graph -> lint (-> render -> site)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from archdoc.graph import build_graph
from archdoc.lint import LintReport, lint_result
from archdoc.load import LoadResult, load_paths
from archdoc.model import Flow, Model, Problem, View

DEFAULT_MODELS = Path("models")


def load_and_lint(paths: list[Path]) -> tuple[LoadResult, LintReport]:
    """Load every model the paths name and lint them: the whole of `archdoc lint`."""
    result = load_paths(paths or [DEFAULT_MODELS], default_root=DEFAULT_MODELS)
    return result, lint_result(result)


class RequestError(Exception):
    """The command asked for something that does not exist or cannot be produced (exit status 2)."""


@dataclass(frozen=True)
class Rendered:
    """One diagram: its text or bytes, and the notes a reader should see (collapsed views, ...)."""

    content: bytes
    notes: tuple[str, ...]
    problems: tuple[Problem, ...]


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
            raise RequestError(f"no model '{reference}' in {models_dir} (models: {known})")
    if report.errors or not models:
        raise InvalidModel(report)
    return report, models[0]


class InvalidModel(Exception):
    """The model has errors (reported like `archdoc lint` does) and cannot be rendered."""

    def __init__(self, report: LintReport) -> None:
        super().__init__("the model has errors")
        self.report = report


def render_diagram(model: Model, fmt: str, *, view_id: str | None = None, flow_id: str | None = None,
                   output: Path | None = None) -> Rendered:
    """One view (default: `overview`, else the first) or flow as Mermaid, Markdown, SVG, PNG or DOT."""
    # The renderers (and diagrams behind them) load only when something is drawn: `archdoc lint` never pays.
    from archdoc.render import images, mermaid
    from archdoc.render.views import slice_flow, slice_view

    graph = build_graph(model)
    target: View | Flow
    if flow_id is not None:
        flows = {flow.id: flow for flow in model.flows}
        if flow_id not in flows:
            raise RequestError(f"model '{model.id}' has no flow '{flow_id}' (flows: {', '.join(flows) or 'none'})")
        target = flows[flow_id]
    else:
        views = {view.id: view for view in model.views}
        wanted = view_id or ("overview" if "overview" in views else model.views[0].id)
        if wanted not in views:
            raise RequestError(f"model '{model.id}' has no view '{wanted}' (views: {', '.join(views)})")
        target = views[wanted]

    if fmt == "md":
        return Rendered(mermaid.markdown_snippet(graph, target).encode(), (), ())
    if fmt == "mermaid":
        if isinstance(target, Flow):
            return Rendered(mermaid.sequence(graph, target).encode(), (), ())
        diagram = mermaid.view_diagram(graph, target)
        return Rendered(diagram.text.encode(), diagram.notes, tuple(diagram.problems))

    drawn = slice_flow(graph, target) if isinstance(target, Flow) else slice_view(graph, target)
    prepared, problems = images.prepare_image_slice(drawn, span=target.span)
    if output is None and fmt == "png":
        raise RequestError("a PNG goes to a file: add -o FILE")
    try:
        if output is not None:
            images.render_image(prepared, fmt, output)
            return Rendered(b"", prepared.notes, tuple(problems))
        with tempfile.TemporaryDirectory(prefix="archdoc-render-") as scratch:
            written = images.render_image(prepared, fmt, Path(scratch) / f"diagram.{fmt}")
            return Rendered(written.read_bytes(), prepared.notes, tuple(problems))
    except images.ImageError as error:
        raise RequestError(str(error)) from None
