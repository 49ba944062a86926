"""Exports for other tools (PlantUML, C4-PlantUML, D2, Structurizr DSL, draw.io), each drawn from the view slice.

Every exporter is one module with one pure function from a `ViewSlice` to text, registered
as a row of `archdoc.render.formats.FORMATS`. They share what this module holds: the slice of
a view or flow, generated ids (`n1`, `g1`: a user's id never becomes syntax), the text of an
arrow, and the shape family of a box. Each module escapes model text for its own format; the
same slice always gives byte-identical text.
"""

from __future__ import annotations

from dataclasses import dataclass

from archdoc.graph import ModelGraph
from archdoc.model import Flow, View
from archdoc.model.visible import visible
from archdoc.render.mermaid.styles import family
from archdoc.render.views import Box, Edge, ViewSlice, slice_flow, slice_view

__all__ = ["Names", "box_family", "edge_text", "plain", "target_slice"]

LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"


def target_slice(graph: ModelGraph, target: View | Flow) -> ViewSlice:
    """What a view or flow shows: the same slice every renderer draws (a flow's steps as numbered arrows)."""
    return slice_flow(graph, target) if isinstance(target, Flow) else slice_view(graph, target)


def edge_text(edge: Edge) -> str:
    """What an arrow says: its label (or how many relations it stands for), numbered on a flow."""
    text = edge.label or (f"{edge.count} relations" if edge.count > 1 else "")
    if edge.number is not None:
        return f"{edge.number}. {text}".rstrip()
    return text


def box_family(box: Box) -> str:
    """The box's shape family (person, database, queue, ...), as archdoc's Mermaid draws it."""
    return family(box.category, box.kind)


def plain(text: str) -> str:
    """Model text with controls and bidi overrides shown (`␛`, `⟨U+202E⟩`), line breaks as `\\n`, tabs as spaces."""
    shown = visible(text.replace("\t", " "), keep=LINE_BREAKS)
    return "\n".join(shown.splitlines()) if shown else ""


@dataclass(frozen=True)
class Names:
    """Generated ids for a slice's boxes (`n1`, ...) and groups (`g1`, ...), in slice order."""

    boxes: dict[str, str]
    groups: dict[str, str]

    @classmethod
    def of(cls, view_slice: ViewSlice) -> Names:
        return cls({box.id: f"n{number}" for number, box in enumerate(view_slice.boxes, start=1)},
                   {group.id: f"g{number}" for number, group in enumerate(view_slice.groups, start=1)})


def nested(view_slice: ViewSlice) -> list[tuple[str, object, int]]:
    """The slice as a flat walk of ("open", group, depth), ("box", box, depth) and ("close", group, depth)
    steps: each group's boxes, then its inner groups. Iterative, so no group chain exhausts the stack."""
    known = {group.id for group in view_slice.groups}
    groups_in: dict[str | None, list] = {}
    for group in view_slice.groups:
        groups_in.setdefault(group.parent if group.parent in known else None, []).append(group)
    boxes_in: dict[str | None, list[Box]] = {}
    for box in view_slice.boxes:
        boxes_in.setdefault(box.parent if box.parent in known else None, []).append(box)
    steps: list[tuple[str, object, int]] = []
    stack: list[tuple[str, object, int]] = [("inside", None, 0)]
    while stack:
        action, subject, depth = stack.pop()
        if action != "inside":
            steps.append((action, subject, depth))
            continue
        group_id = getattr(subject, "id", None)
        steps += [("box", box, depth) for box in boxes_in.get(group_id, [])]
        for group in reversed(groups_in.get(group_id, [])):
            stack += [("close", group, depth), ("inside", group, depth + 1), ("open", group, depth)]
    return steps
