"""The one table of output formats: what `archdoc render`, the pipeline and the site can produce.

Each row names a format, whether its output is text or bytes, the file extension and the
function that draws one view or flow in it. A new exporter is one module and one row here.
Renderers are imported when a row draws, so reading the table costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from archdoc.graph import ModelGraph
from archdoc.model import Flow, Problem, View


@dataclass(frozen=True)
class Drawing:
    """One diagram: its text or bytes, the notes a reader should see (collapsed views, ...), and the files
    that go beside it (`files`: a path relative to the output's folder, and the bytes; the DOT's icons)."""

    content: bytes
    notes: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    files: tuple[tuple[str, bytes], ...] = ()


# draw(graph, view or flow, name): `name` is the output file's name without its extension, which the
# files a drawing carries are named after (`view.dot` and `view-icons/`).
Draw = Callable[[ModelGraph, "View | Flow", str], Drawing]


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


def _mermaid(graph: ModelGraph, target: View | Flow, _name: str) -> Drawing:
    from archdoc.render import mermaid

    if isinstance(target, Flow):
        return Drawing(mermaid.sequence(graph, target).encode())
    diagram = mermaid.view_diagram(graph, target)
    return Drawing(diagram.text.encode(), tuple(diagram.notes), tuple(diagram.problems))


def _markdown(graph: ModelGraph, target: View | Flow, _name: str) -> Drawing:
    from archdoc.render import mermaid

    return Drawing(mermaid.markdown_snippet(graph, target).encode())


def _image(fmt: str) -> Draw:
    def draw(graph: ModelGraph, target: View | Flow, _name: str) -> Drawing:
        from archdoc.model.scratch import scratch_folder  # tempfile and shutil: not at `archdoc lint` start-up
        from archdoc.render import images
        from archdoc.render.exports import target_slice

        prepared, problems = images.prepare_image_slice(target_slice(graph, target), span=target.span)
        with scratch_folder("archdoc-render-") as scratch:
            written = images.render_image(prepared, fmt, scratch / f"diagram.{fmt}")
            return Drawing(written.read_bytes(), tuple(prepared.notes), tuple(problems))
    return draw


def _dot(graph: ModelGraph, target: View | Flow, name: str) -> Drawing:
    """The DOT source with its icons in `<name>-icons/` beside it, named relatively: `dot -Tpng` there draws them."""
    from archdoc.render import images
    from archdoc.render.exports import target_slice

    prepared, problems = images.prepare_image_slice(target_slice(graph, target), span=target.span)
    folder = f"{name}-icons"
    source = images.exported_dot(prepared, folder)
    icons = tuple((f"{folder}/{staged}", Path(icon).read_bytes()) for staged, icon in source.icons.items())
    return Drawing(source.text.encode(), tuple(prepared.notes), tuple(problems), icons)


def _export(module: str, function: str) -> Draw:
    """A row drawn by `archdoc.render.exports.<module>.<function>(slice) -> str`, imported when it draws."""
    def draw(graph: ModelGraph, target: View | Flow, _name: str) -> Drawing:
        from importlib import import_module

        from archdoc.render.exports import target_slice

        view_slice = target_slice(graph, target)
        text = getattr(import_module(f"archdoc.render.exports.{module}"), function)(view_slice)
        return Drawing(text.encode(), view_slice.notes)
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
        OutputFormat("dot", "dot", False, "the Graphviz DOT source archdoc lays out, its icons in NAME-icons/ beside "
                     "it", _dot),
        OutputFormat("plantuml", "puml", False, "PlantUML deployment diagram (frames, a shape per kind)",
                     _export("plantuml", "plantuml")),
        OutputFormat("c4plantuml", "puml", False, "C4-PlantUML containers in boundaries (PlantUML's own C4 library)",
                     _export("plantuml", "c4_plantuml")),
        OutputFormat("d2", "d2", False, "D2 diagram (containers, shapes, arrow styles)", _export("d2", "d2")),
        OutputFormat("structurizr", "dsl", False, "Structurizr DSL workspace with a system landscape view",
                     _export("structurizr", "structurizr")),
        OutputFormat("drawio", "drawio", False, "diagrams.net (draw.io) file, laid out on a grid",
                     _export("drawio", "drawio")),
    )
}
