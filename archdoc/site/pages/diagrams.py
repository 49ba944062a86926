"""The diagram sections of a model page: every view and flow as Mermaid and as an image, in tabs."""

from __future__ import annotations

from dataclasses import dataclass, field

from archdoc.graph import ModelGraph
from archdoc.model import Flow, Problem, SourceSpan, Step, View
from archdoc.render.images import prepare_image_slice
from archdoc.render.mermaid import MermaidDiagram, flowchart, sequence
from archdoc.render.views import ViewSlice, slice_flow, slice_view
from archdoc.site.pages.text import (
    element_link,
    escape_inline,
    fence,
    indent,
    join_blocks,
    safe_markdown,
    safe_name,
    table,
)

IMAGE_FORMATS = ("svg", "png")


@dataclass(frozen=True)
class ImageRequest:
    """One image the site needs: where it goes (docs-relative POSIX path), what it draws, in which format."""

    path: str
    slice: ViewSlice
    fmt: str


@dataclass
class Diagrams:
    """The Markdown of a model's views and flows, the images they show and what drawing them reported."""

    views: list[str] = field(default_factory=list)
    flows: list[str] = field(default_factory=list)
    images: list[ImageRequest] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def model_folder(model_id: str) -> str:
    """The docs folder beside the model's page (models/<id>.md) that holds its images."""
    return f"models/{safe_name(model_id)}"


def view_image(model_id: str, view_id: str) -> str:
    """The docs-relative path of a view's SVG; the gallery shows the overview's as a thumbnail."""
    return f"{model_folder(model_id)}/{safe_name(view_id)}.svg"


def flow_image(model_id: str, flow_id: str) -> str:
    """Flows get their own folder: a view and a flow may share an id."""
    return f"{model_folder(model_id)}/flows/{safe_name(flow_id)}.svg"


def draw_model(graph: ModelGraph) -> Diagrams:
    """Every view and flow of the model: its section Markdown, the images it shows, the problems met."""
    diagrams = Diagrams()
    for view in graph.model.views:
        diagrams.views.append(_view_section(graph, view, diagrams))
    for flow in graph.model.flows:
        diagrams.flows.append(_flow_section(graph, flow, diagrams))
    return diagrams


def _view_section(graph: ModelGraph, view: View, diagrams: Diagrams) -> str:
    full = slice_view(graph, view)
    mermaid = flowchart(full, span=view.span)
    diagrams.problems.extend(mermaid.problems)
    tabs = _tabs([
        ("Mermaid", _mermaid_tab(mermaid)),
        ("Image", _image_tab(full, view.title, view_image(graph.model.id, view.id), view.span, diagrams)),
    ])
    shown = [element_link(graph.elements, box.id) for box in full.boxes]
    members = f"**Shows {len(shown)} element{'' if len(shown) == 1 else 's'}:** " + ", ".join(shown)
    return join_blocks([f"### {escape_inline(view.title)} {{#view-{view.id}}}", safe_markdown(view.description),
                        tabs, members if shown else "**Shows no elements.**"])


def _flow_section(graph: ModelGraph, flow: Flow, diagrams: Diagrams) -> str:
    full = slice_flow(graph, flow)
    numbered = flowchart(full, span=flow.span)
    diagrams.problems.extend(numbered.problems)
    tabs = _tabs([
        ("Sequence", fence("mermaid", sequence(graph, flow))),
        ("Numbered steps", _mermaid_tab(numbered)),
        ("Image", _image_tab(full, flow.title, flow_image(graph.model.id, flow.id), flow.span, diagrams)),
    ])
    return join_blocks([f"### {escape_inline(flow.title)} {{#flow-{flow.id}}}", safe_markdown(flow.description),
                        tabs, _steps_table(graph, flow)])


def _tabs(tabs: list[tuple[str, str]]) -> str:
    """pymdownx.tabbed content tabs; the titles are archdoc's own words."""
    return join_blocks([f'=== "{title}"\n\n{indent(body)}' for title, body in tabs])


def _mermaid_tab(diagram: MermaidDiagram) -> str:
    return join_blocks([fence("mermaid", diagram.text), _notes(diagram.notes)])


def _image_tab(full: ViewSlice, title: str, svg_path: str, span: SourceSpan, diagrams: Diagrams) -> str:
    """Ask for the slice as SVG and PNG (collapsed when too large for Graphviz) and show the SVG."""
    drawn, problems = prepare_image_slice(full, span=span)
    diagrams.problems.extend(problems)
    stem = svg_path.removesuffix(".svg")
    diagrams.images.extend(ImageRequest(f"{stem}.{fmt}", drawn, fmt) for fmt in IMAGE_FORMATS)
    relative = stem.removeprefix("models/")  # image links are relative to the page, models/<id>.md
    return join_blocks([f"![{escape_inline(title)}]({relative}.svg){{ loading=lazy }}",
                        f"Download: [SVG]({relative}.svg) · [PNG]({relative}.png)", _notes(drawn.notes)])


def _notes(notes: tuple[str, ...]) -> str:
    """What a drawing leaves out (a collapsed view, cut labels), said under the diagram."""
    if not notes:
        return ""
    return '!!! note "Drawn simplified"\n\n' + "\n".join(f"    - {escape_inline(note)}" for note in notes)


def _steps_table(graph: ModelGraph, flow: Flow) -> str:
    if not flow.steps:
        return "This flow has no steps."
    rows = [(str(number), element_link(graph.elements, step.source), element_link(graph.elements, step.target),
             escape_inline(step.label), _step_kind(graph, step))
            for number, step in enumerate(flow.steps, start=1)]
    return table(("#", "From", "To", "Step", "Kind"), rows)


def _step_kind(graph: ModelGraph, step: Step) -> str:
    if graph.is_reply(step):
        return "reply"
    if graph.relations_between(step.source, step.target):
        return step.kind.value
    return f"{step.kind.value} (no such relation)"
