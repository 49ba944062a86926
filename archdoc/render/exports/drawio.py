"""A view or flow as a diagrams.net (draw.io) file: groups as containers, a shape per family, laid out on a grid.

diagrams.net does not lay a file out when it opens it, so every cell gets a place: each
group holds its boxes and inner groups in rows (about as many columns as rows), sized from
the inside out; arrows are left to its orthogonal router. Cells are `html=0`, so a label is
plain text whatever it holds, and ElementTree writes every attribute as XML (quotes, `<`,
`&` and line breaks as references); characters XML 1.0 forbids are dropped. Cell ids are
generated (`n1`, `g1`, `e1`); the same slice always gives byte-identical XML.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

from archdoc.model import RelationKind
from archdoc.render.exports import Names, box_family, edge_text, plain
from archdoc.render.views import ViewSlice

BOX_WIDTH, BOX_HEIGHT = 160, 80
GAP = 40  # between cells in a group
PADDING = 20  # inside a group's border
HEADER = 30  # a group's label above its contents

SHAPES: dict[str, str] = {
    "person": "shape=umlActor;verticalLabelPosition=bottom;verticalAlign=top;",
    "database": "shape=cylinder3;boundedLbl=1;size=12;",
    "storage": "shape=cylinder3;boundedLbl=1;size=6;fillColor=#e8f5e9;",
    "queue": "shape=parallelogram;perimeter=parallelogramPerimeter;",
    "network": "shape=cloud;",
    "security": "shape=hexagon;perimeter=hexagonPerimeter2;",
    "external": "rounded=0;dashed=1;",
    "collapsed": "shape=process;",
    "compute": "rounded=1;",
    "other": "rounded=0;",
}
ARROWS: dict[RelationKind, str] = {
    RelationKind.SYNC: "endArrow=classic;",
    RelationKind.ASYNC: "endArrow=open;dashed=1;",
    RelationKind.DATA: "endArrow=block;strokeWidth=3;",
    RelationKind.DEPLOY: "endArrow=oval;strokeColor=#6a1b9a;",
    RelationKind.MONITOR: "endArrow=oval;dashed=1;strokeColor=#757575;",
}
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def drawio(view_slice: ViewSlice) -> str:
    """The slice as an `mxfile` with one page."""
    names = Names.of(view_slice)
    places = _layout(view_slice, names)
    document = ET.Element("mxfile", host="archdoc", type="device")
    page = ET.SubElement(document, "diagram", id="view", name=_text(view_slice.title or view_slice.id))
    graph = ET.SubElement(page, "mxGraphModel", grid="1", gridSize="10", guides="1", page="0", math="0",
                          shadow="0")
    root = ET.SubElement(graph, "root")
    ET.SubElement(root, "mxCell", id="0")
    ET.SubElement(root, "mxCell", id="1", parent="0")
    known = {group.id for group in view_slice.groups}
    for group in view_slice.groups:  # parents first, as diagrams.net needs
        parent = names.groups[group.parent] if group.parent in known else "1"
        _cell(root, names.groups[group.id], _text(group.label), "swimlane;html=0;startSize=30;dashed=1;"
              "rounded=0;fillColor=none;container=1;collapsible=0;", parent, places[names.groups[group.id]])
    for box in view_slice.boxes:
        parent = names.groups[box.parent] if box.parent in known else "1"
        _cell(root, names.boxes[box.id], _text(box.label), f"{SHAPES[box_family(box)]}html=0;whiteSpace=wrap;",
              parent, places[names.boxes[box.id]])
    for number, edge in enumerate(view_slice.edges, start=1):
        cell = ET.SubElement(root, "mxCell", id=f"e{number}", value=_text(edge_text(edge)),
                             style=f"{ARROWS[edge.kind]}html=0;edgeStyle=orthogonalEdgeStyle;rounded=0;",
                             edge="1", parent="1", source=names.boxes[edge.source], target=names.boxes[edge.target])
        ET.SubElement(cell, "mxGeometry", relative="1", **{"as": "geometry"})
    ET.indent(document, space="  ")
    return ET.tostring(document, encoding="unicode") + "\n"


def _text(text: str) -> str:
    return _NOT_XML.sub("", plain(text))


def _cell(root: ET.Element, cell_id: str, value: str, style: str, parent: str,
          place: tuple[int, int, int, int]) -> None:
    cell = ET.SubElement(root, "mxCell", id=cell_id, value=value, style=style, vertex="1", parent=parent)
    x, y, width, height = place
    ET.SubElement(cell, "mxGeometry", x=str(x), y=str(y), width=str(width), height=str(height),
                  **{"as": "geometry"})


def _layout(view_slice: ViewSlice, names: Names) -> dict[str, tuple[int, int, int, int]]:
    """Each cell's (x, y, width, height), relative to its group: children in rows, groups sized around them."""
    known = {group.id for group in view_slice.groups}
    children: dict[str | None, list[str]] = {}
    for group in view_slice.groups:
        children.setdefault(group.parent if group.parent in known else None, []).append(names.groups[group.id])
    for box in view_slice.boxes:
        children.setdefault(box.parent if box.parent in known else None, []).append(names.boxes[box.id])
    sizes: dict[str, tuple[int, int]] = {names.boxes[box.id]: (BOX_WIDTH, BOX_HEIGHT) for box in view_slice.boxes}
    offsets: dict[str, tuple[int, int]] = {}
    # Inner groups first (the reverse of parents-first), so each group's children are sized before it.
    for container in [*reversed([group.id for group in view_slice.groups]), None]:
        members = children.get(container, [])
        columns = max(1, math.ceil(math.sqrt(len(members))))
        rows = [members[start:start + columns] for start in range(0, len(members), columns)]
        top = HEADER + PADDING if container is not None else 0
        left = PADDING if container is not None else 0
        y, width = top, left
        for row in rows:
            x, height = left, 0
            for member in row:
                offsets[member] = (x, y)
                x += sizes[member][0] + GAP
                height = max(height, sizes[member][1])
            width = max(width, x - GAP)
            y += height + GAP
        if container is not None:
            inner_width = max(width + PADDING, BOX_WIDTH + 2 * PADDING)
            sizes[names.groups[container]] = (inner_width, max(y - GAP + PADDING, HEADER + BOX_HEIGHT))
    return {name: (*offsets[name], *sizes[name]) for name in sizes}
