"""The diagram sections of a model page: every view and flow as Mermaid and as an image, in tabs."""

from __future__ import annotations

from dataclasses import dataclass, field

from archdoc.graph import ModelGraph
from archdoc.model import Element, Flow, Group, Problem, SourceSpan, Step, View
from archdoc.render.images import prepare_image_slice
from archdoc.render.mermaid import MermaidDiagram, flowchart, sequence
from archdoc.render.views import ViewSlice, slice_flow, slice_view
from archdoc.site.pages.legend import legend
from archdoc.site.pages.navigation import SiteIndex, breadcrumbs, model_links
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
WIDE_BOXES = 8  # a left-to-right view with more boxes than this uses the page's full width


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


def draw_model(graph: ModelGraph, index: SiteIndex | None = None) -> Diagrams:
    """Every view and flow of the model: its section Markdown, the images it shows, the problems met."""
    diagrams = Diagrams()
    index = index if index is not None else SiteIndex()
    for view in graph.model.views:
        diagrams.views.append(_view_section(graph, view, diagrams, index))
    for flow in graph.model.flows:
        diagrams.flows.append(_flow_section(graph, flow, diagrams, index))
    return diagrams


def _view_section(graph: ModelGraph, view: View, diagrams: Diagrams, index: SiteIndex) -> str:
    full = slice_view(graph, view)
    mermaid = flowchart(full, span=view.span)
    diagrams.problems.extend(mermaid.problems)
    image, drawn = _image_tab(full, view.title, view_image(graph.model.id, view.id), view.span, diagrams)
    tabs = _tabs([("Mermaid", _mermaid_tab(mermaid)), ("Image", image)])
    boxes = _box_links(graph, index, full, mermaid.slice, drawn)
    has_detail = any(index.detail(graph.model.id, item) not in (None, (graph.model.id, view.id))
                     for item in [*(box.element or box.group for box in full.boxes), *full.groups] if item)
    return join_blocks([f"### {escape_inline(view.title)} {{#view-{view.id}}}",
                        breadcrumbs(index, graph.model, view.id), safe_markdown(view.description),
                        tabs, legend(mermaid.slice, detail=has_detail), boxes])


def _box_links(graph: ModelGraph, index: SiteIndex, full: ViewSlice, mermaid: ViewSlice, image: ViewSlice) -> str:
    """Each box and boundary the drawings show, linked: the list readers (and the diagrams' click) follow.

    A link carries the ids the drawings give the box (`data-archdoc-node`: Mermaid's n1, g1;
    `data-archdoc-box`: the DOT node, an element id or cluster_<group id>), ids archdoc made or
    checked; the page's script makes the box in the drawing follow the link. Elements of the
    view that neither drawing shows (a view drawn collapsed) are counted, not listed.
    """
    model_id = graph.model.id
    links_from = model_links(index, model_id)
    nodes = {box.id: f"n{number}" for number, box in enumerate(mermaid.boxes, start=1)}
    nodes.update((group.id, f"g{number}") for number, group in enumerate(mermaid.groups, start=1))
    in_image = {box.id: box.id for box in image.boxes}
    in_image.update((group.id, f"cluster_{group.id}") for group in image.groups)
    items: list[tuple[Element | Group, str]] = []
    seen: set[str] = set()
    for box in (*mermaid.boxes, *image.boxes):
        item = box.element or box.group
        if item is not None and item.id not in seen:
            seen.add(item.id)
            items.append((item, "el" if box.element is not None else "grp"))
    for group in (*mermaid.groups, *image.groups):
        if group.id not in seen:
            seen.add(group.id)
            items.append((group, "grp"))
    undrawn = sum(1 for box in full.boxes if box.element is not None and box.id not in seen)
    links: dict[str, list[str]] = {"el": [], "grp": []}
    for item, prefix in items:
        detail = index.detail(model_id, item)
        detail = None if detail == (model_id, full.id) else detail  # in its own detail view: its entry
        target = index.href(model_id, detail) if detail else links_from.entry(item.id)
        attributes = [f'data-archdoc-{name}="{value}"' for name, value in
                      (("node", nodes.get(item.id)), ("box", in_image.get(item.id))) if value]
        if detail:
            attributes.append('data-archdoc-detail="1"')
        label = escape_inline(item.label) + (" ▸" if detail else "")
        links[prefix].append(f"[{label}]({target}){{ {' '.join(attributes)} }}")
    wide = " .archdoc-wide" if full.direction != "TB" and len(full.boxes) > WIDE_BOXES else ""
    count = len(links["el"])
    total = count + undrawn
    more = f" and {undrawn} more, not drawn one by one (all are listed under [Elements](#elements))" if undrawn else ""
    shows = (f"**Shows {total} element{'' if total == 1 else 's'}:** " + ", ".join(links["el"]) + more
             if total else "**Shows no elements.**") + f"\n{{: .archdoc-boxes{wide} }}"
    inside = "**Boundaries:** " + ", ".join(links["grp"]) + "\n{: .archdoc-boxes }" if links["grp"] else ""
    return join_blocks([shows, inside])


def _flow_section(graph: ModelGraph, flow: Flow, diagrams: Diagrams, index: SiteIndex) -> str:
    full = slice_flow(graph, flow)
    numbered = flowchart(full, span=flow.span)
    diagrams.problems.extend(numbered.problems)
    tabs = _tabs([
        ("Sequence", fence("mermaid", sequence(graph, flow))),
        ("Numbered steps", _mermaid_tab(numbered)),
        ("Image", _image_tab(full, flow.title, flow_image(graph.model.id, flow.id), flow.span, diagrams)[0]),
    ])
    return join_blocks([f"### {escape_inline(flow.title)} {{#flow-{flow.id}}}", safe_markdown(flow.description),
                        tabs, _steps_table(graph, flow, index)])


def _tabs(tabs: list[tuple[str, str]]) -> str:
    """pymdownx.tabbed content tabs; the titles are archdoc's own words."""
    return join_blocks([f'=== "{title}"\n\n{indent(body)}' for title, body in tabs])


def _mermaid_tab(diagram: MermaidDiagram) -> str:
    return join_blocks([fence("mermaid", diagram.text), _notes(diagram.notes)])


def _image_tab(full: ViewSlice, title: str, svg_path: str, span: SourceSpan,
               diagrams: Diagrams) -> tuple[str, ViewSlice]:
    """Ask for the slice as SVG and PNG (collapsed when too large for Graphviz), show the SVG; and the slice drawn."""
    drawn, problems = prepare_image_slice(full, span=span)
    diagrams.problems.extend(problems)
    stem = svg_path.removesuffix(".svg")
    diagrams.images.extend(ImageRequest(f"{stem}.{fmt}", drawn, fmt) for fmt in IMAGE_FORMATS)
    relative = stem.removeprefix("models/")  # image links are relative to the page, models/<id>.md
    return join_blocks([f"![{escape_inline(title)}]({relative}.svg){{ loading=lazy .archdoc-image }}",
                        f"Download: [SVG]({relative}.svg) · [PNG]({relative}.png)", _notes(drawn.notes)]), drawn


def _notes(notes: tuple[str, ...]) -> str:
    """What a drawing leaves out (a collapsed view, cut labels), said under the diagram."""
    if not notes:
        return ""
    return '!!! note "Drawn simplified"\n\n' + "\n".join(f"    - {escape_inline(note)}" for note in notes)


def _steps_table(graph: ModelGraph, flow: Flow, index: SiteIndex) -> str:
    if not flow.steps:
        return "This flow has no steps."
    href = model_links(index, graph.model.id).entry
    rows = [(str(number), element_link(graph.elements, step.source, href),
             element_link(graph.elements, step.target, href), escape_inline(step.label), _step_kind(graph, step))
            for number, step in enumerate(flow.steps, start=1)]
    return table(("#", "From", "To", "Step", "Kind"), rows)


def _step_kind(graph: ModelGraph, step: Step) -> str:
    if graph.is_reply(step):
        return "reply"
    if graph.relations_between(step.source, step.target):
        return step.kind.value
    return f"{step.kind.value} (no such relation)"
