"""A view or flow as D2 (d2lang.com): nested containers for groups, a shape per family, an arrow style per kind.

Ids are generated (`n1`, `g1`), and a box inside groups is named by its path (`g1.g2.n3`),
so no model id becomes D2 syntax. Every model text is a double-quoted D2 string written by
`escape`: D2 reads `\\` escapes (`\\t`, `\\n`) and `${...}` substitutions in those, so
backslashes, quotes and dollars are escaped and line breaks become `\\n`.
"""

from __future__ import annotations

from archdoc.model import RelationKind
from archdoc.render.exports import Names, box_family, edge_text, nested, plain
from archdoc.render.views import Box, ViewSlice

SHAPES: dict[str, str] = {
    "person": "person", "database": "cylinder", "storage": "stored_data", "queue": "queue", "network": "cloud",
    "security": "hexagon", "external": "rectangle", "collapsed": "package", "compute": "rectangle",
    "other": "rectangle",
}
# kind -> the D2 styles of its arrow (sync is D2's plain arrow)
ARROW_STYLES: dict[RelationKind, tuple[str, ...]] = {
    RelationKind.SYNC: (),
    RelationKind.ASYNC: ("style.stroke-dash: 4",),
    RelationKind.DATA: ("style.stroke-width: 4",),
    RelationKind.DEPLOY: ('style.stroke: "#6a1b9a"', "target-arrowhead.shape: circle"),
    RelationKind.MONITOR: ("style.stroke-dash: 4", 'style.stroke: "#757575"', "target-arrowhead.shape: circle"),
}
DIRECTIONS = {"LR": "right", "TB": "down", "RL": "left", "BT": "up"}
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("$"): "\\$", ord("\n"): "\\n"}


def escape(text: str) -> str:
    """Model text as the inside of a D2 double-quoted string that shows it literally."""
    return plain(text).translate(_ESCAPES)


def d2(view_slice: ViewSlice) -> str:
    """The slice as a D2 diagram: a title, groups as containers, boxes with their kind below the label, arrows."""
    names = Names.of(view_slice)
    paths = box_paths(view_slice, names)
    lines = [f"direction: {DIRECTIONS.get(view_slice.direction, 'right')}",
             f'title: "{escape(view_slice.title or view_slice.id)}" {{shape: text; near: top-center; '
             "style.font-size: 20; style.bold: true}"]
    if view_slice.notes:
        lines.append(f'notes: "{escape(chr(10).join(view_slice.notes))}" {{shape: text; near: bottom-center}}')
    for action, subject, depth in nested(view_slice):
        indent = "  " * depth
        if action == "open":
            lines.append(f'{indent}{names.groups[subject.id]}: "{escape(subject.label)}" {{')
            lines.append(f'{indent}  style.stroke-dash: 2')
        elif action == "close":
            lines.append(f"{indent}}}")
        else:
            assert isinstance(subject, Box)
            lines.append(f"{indent}{names.boxes[subject.id]}: {_box(subject)}")
    for edge in view_slice.edges:
        text = edge_text(edge)
        styles = ARROW_STYLES[edge.kind]
        label = f': "{escape(text)}"' if text or styles else ""  # styles follow a label, empty or not
        body = f" {{{'; '.join(styles)}}}" if styles else ""
        lines.append(f"{paths[edge.source]} -> {paths[edge.target]}{label}{body}")
    return "\n".join(lines) + "\n"


def _box(box: Box) -> str:
    family = box_family(box)
    label = escape(box.label)
    attributes = [f"shape: {SHAPES[family]}"]
    if family == "external":
        attributes.append("style.stroke-dash: 4")
    # The kind (and layer) as D2's tooltip, which the SVG shows on hover.
    detail = box.kind + (f" · {box.layer}" if box.layer else "")
    attributes.append(f'tooltip: "{escape(detail)}"')
    return f'"{label}" {{{"; ".join(attributes)}}}'


def box_paths(view_slice: ViewSlice, names: Names) -> dict[str, str]:
    """Each box's D2 path: its groups' ids, outermost first, then its own (`g1.g2.n3`)."""
    parents = {group.id: group.parent for group in view_slice.groups}
    paths: dict[str, str] = {}
    for box in view_slice.boxes:
        chain = [names.boxes[box.id]]
        group_id = box.parent if box.parent in parents else None
        while group_id is not None:
            chain.append(names.groups[group_id])
            group_id = parents[group_id] if parents[group_id] in parents else None
        paths[box.id] = ".".join(reversed(chain))
    return paths
