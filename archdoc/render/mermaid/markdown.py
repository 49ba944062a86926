"""`archdoc render --format md`: a view or flow as a fenced Mermaid block with tables of what it shows.

Table cells carry user text, so every character Markdown (or a Python-Markdown extension
such as emoji, magiclink, critic or arithmatex) could read as syntax is written as an HTML
character reference: a label shows literally, cannot split a table row, open a link or an
image (a request leaving the site), or add HTML. So are invisible characters (controls,
bidi overrides), which could make the Markdown source read otherwise than it renders.
Line breaks become spaces.
"""

from __future__ import annotations

import re
import unicodedata

from archdoc.graph import ModelGraph
from archdoc.model import Flow, View
from archdoc.render.mermaid.flowchart import edge_label, view_diagram
from archdoc.render.mermaid.sequence import participants, sequence
from archdoc.render.views import Box

_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKDOWN_SYNTAX = "\\`*_[]{}|!~^=:$@#+"
_LINE_BREAK = re.compile(r"\r\n|[\n\r\t\x0b\x0c\x85\u2028\u2029]")
_CANDIDATES = re.compile(r"\r\n|[^A-Za-z0-9 ,.;'\"()/?%-]")


def markdown_snippet(graph: ModelGraph, view_or_flow: View | Flow) -> str:
    """A fenced `mermaid` block (a flowchart for a view, a sequence diagram for a flow) and its tables."""
    if isinstance(view_or_flow, Flow):
        return _flow_snippet(graph, view_or_flow)
    return _view_snippet(graph, view_or_flow)


def escape_cell(text: str) -> str:
    """User text as the content of a Markdown table cell that shows literally, on one line."""
    return _CANDIDATES.sub(_cell_character, text)


def _cell_character(match: re.Match[str]) -> str:
    character = match.group()
    if _LINE_BREAK.fullmatch(character):
        return " "
    if character in _NAMED:
        return _NAMED[character]
    if character in _MARKDOWN_SYNTAX or unicodedata.category(character)[0] in "CZ":
        return f"&#{ord(character)};"
    return character


def _view_snippet(graph: ModelGraph, view: View) -> str:
    diagram = view_diagram(graph, view)
    boxes = {box.id: box for box in diagram.slice.boxes}
    parts = [_fence(diagram.text)]
    parts += [f"> {escape_cell(note)}" for note in diagram.notes]
    parts += _table(("Element", "Kind", "Layer", "Description"),
                    [(box.label, box.kind, _layer_title(graph, box.layer), _first_line(_description(box)))
                     for box in diagram.slice.boxes])
    parts += _table(("From", "To", "Label", "Kind"),
                    [(boxes[edge.source].label, boxes[edge.target].label, edge_label(edge), edge.kind.value)
                     for edge in diagram.slice.edges])
    return "\n\n".join(parts) + "\n"


def _flow_snippet(graph: ModelGraph, flow: Flow) -> str:
    parts = [_fence(sequence(graph, flow))]
    elements = [graph.elements[element_id] for element_id in participants(flow)]
    parts += _table(("Element", "Kind", "Layer", "Description"), [
        (element.label, element.kind, _layer_title(graph, element.layer), _first_line(element.description))
        for element in elements
    ])
    labels = {element.id: element.label for element in elements}
    parts += _table(("Step", "From", "To", "Label", "Kind"), [
        (str(number), labels[step.source], labels[step.target], step.label,
         "reply" if graph.is_reply(step) else step.kind.value)
        for number, step in enumerate(flow.steps, start=1)
    ])
    return "\n\n".join(parts) + "\n"


def _fence(text: str) -> str:
    # Mermaid text from archdoc never holds a backtick (escape_label codes it), so it cannot close the fence.
    return f"```mermaid\n{text}```"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    """A Markdown table of escaped cells, or nothing when there are no rows."""
    if not rows:
        return []
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(escape_cell(cell) for cell in row) + " |" for row in rows]
    return ["\n".join(lines)]


def _layer_title(graph: ModelGraph, layer_id: str | None) -> str:
    layer = graph.layers.get(layer_id) if layer_id else None
    return layer.title if layer is not None else layer_id or ""


def _description(box: Box) -> str:
    if box.element is not None:
        return box.element.description
    return box.group.description if box.group is not None else ""


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")
