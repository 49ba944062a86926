"""The one table of output formats: what `archdoc render`, the pipeline and the site can produce.

Each row names a format, whether its output is text or bytes, the file extension and the
function that draws one view or flow in it. A new exporter is one module and one row here.
Renderers are imported when a row draws, so reading the table costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archdoc.graph import ModelGraph
from archdoc.model import Flow, Problem, View
from archdoc.model.scratch import scratch_folder


@dataclass(frozen=True)
class Drawing:
    """One diagram: its text or bytes, and the notes a reader should see (collapsed views, ...)."""

    content: bytes
    notes: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


Draw = Callable[[ModelGraph, "View | Flow"], Drawing]


@dataclass(frozen=True)
class OutputFormat:
    name: str
    extension: str
    binary: bool
    summary: str
    draw: Draw
    needs_graphviz: bool = False

    @property
    def to_terminal(self) -> bool:
        """Whether the output may go to standard output (a PNG goes to a file)."""
        return not self.binary


def _mermaid(graph: ModelGraph, target: View | Flow) -> Drawing:
    from archdoc.render import mermaid

    if isinstance(target, Flow):
        return Drawing(mermaid.sequence(graph, target).encode())
    diagram = mermaid.view_diagram(graph, target)
    return Drawing(diagram.text.encode(), tuple(diagram.notes), tuple(diagram.problems))


def _markdown(graph: ModelGraph, target: View | Flow) -> Drawing:
    from archdoc.render import mermaid

    return Drawing(mermaid.markdown_snippet(graph, target).encode())


def _image(fmt: str) -> Draw:
    def draw(graph: ModelGraph, target: View | Flow) -> Drawing:
        from archdoc.render import images
        from archdoc.render.views import slice_flow, slice_view

        drawn = slice_flow(graph, target) if isinstance(target, Flow) else slice_view(graph, target)
        prepared, problems = images.prepare_image_slice(drawn, span=target.span)
        with scratch_folder("archdoc-render-") as scratch:
            written = images.render_image(prepared, fmt, scratch / f"diagram.{fmt}")
            return Drawing(written.read_bytes(), tuple(prepared.notes), tuple(problems))
    return draw


FORMATS: dict[str, OutputFormat] = {
    row.name: row for row in (
        OutputFormat("mermaid", "mmd", False, "Mermaid flowchart (views) or sequence diagram (flows)", _mermaid),
        OutputFormat("md", "md", False, "a Markdown snippet with the Mermaid fence and tables, for a review",
                     _markdown),
        OutputFormat("svg", "svg", False, "self-contained SVG image with provider icons (Graphviz)", _image("svg"),
                     needs_graphviz=True),
        OutputFormat("png", "png", True, "PNG image with provider icons (Graphviz)", _image("png"),
                     needs_graphviz=True),
        OutputFormat("dot", "dot", False, "the Graphviz DOT source archdoc lays out", _image("dot")),
    )
}
