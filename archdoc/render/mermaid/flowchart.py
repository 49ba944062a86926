"""A view or a flow as a Mermaid flowchart, always within what Mermaid can draw.

How the text is built:

- Ids are generated: boxes `n1`, `n2`, ... in slice order, groups `g1`, ... (nested
  `subgraph`s). User ids such as `end`, `graph`, `o`, `x` or `__proto__` break Mermaid or
  pollute its objects, so they never reach the text; every label is quoted and escaped.
- Layers: a box with a layer is filled with its layer's colour and shows the layer's id on a
  second line (`«data»`), so the diagram reads without a legend and each tier stands out.
- Shapes, classes and arrows by category and relation kind: see `styles`.
- A flow's steps are numbered arrows (`"1. label"`); a reply, going back along a relation,
  is dashed. What Markdown would read in a label (`1. label`, `- item`, `__init__`) is coded,
  for Mermaid 11.3.
- Limits (see `limits`): the whole view is tried first, then collapsed at each group level
  from the deepest (most detail) up, each with labels cut to 120, then 40, then 12
  characters; the first that fits is drawn. If none does, only the first boxes are. Each
  step says so in the notes and in an AD301 problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from archdoc.graph import ModelGraph
from archdoc.lint.registry import VIEW_TOO_LARGE_FOR_MERMAID
from archdoc.model import Flow, Problem, Severity, SourceSpan, View
from archdoc.render.mermaid import styles
from archdoc.render.mermaid.escape import LINE_BREAK, escape_label, shorten
from archdoc.render.mermaid.limits import (
    MAX_EDGES,
    MAX_LABEL,
    MAX_NODES,
    MAX_TEXT,
    SHORT_LABELS,
    fits,
)
from archdoc.render.views import Box, Edge, ViewSlice, collapsed_versions, slice_flow, slice_view

DIRECTIONS = ("LR", "TB")
INDENT = "  "
# Markdown in a flowchart label, for Mermaid 11.3, once escape_label has coded `#`, `>`, `|`, backticks and
# HTML: emphasis and strike-through marks anywhere; at the start, indentation, a list item (`-`, `+`, `1.`,
# `1)`) or a rule or setext line (`-`, `=`).
_EMPHASIS = {ord(mark): f"#{ord(mark)};" for mark in "*_~"}
_BLOCK_START = re.compile(r"[ \-+=]|[0-9]+[.)]")


@dataclass(frozen=True)
class MermaidDiagram:
    """Mermaid text and what it shows: the slice actually drawn (maybe collapsed) and notes for the reader."""

    text: str
    slice: ViewSlice
    notes: tuple[str, ...]
    node_count: int
    edge_count: int
    problems: tuple[Problem, ...] = ()


def view_diagram(graph: ModelGraph, view: View) -> MermaidDiagram:
    """A view as a flowchart; problems point at the view in the YAML."""
    return flowchart(slice_view(graph, view), span=view.span)


def flow_diagram(graph: ModelGraph, flow: Flow) -> MermaidDiagram:
    """A flow as a flowchart of numbered arrows; problems point at the flow in the YAML."""
    return flowchart(slice_flow(graph, flow), span=flow.span)


def flowchart(view_slice: ViewSlice, span: SourceSpan | None = None) -> MermaidDiagram:
    """The slice as a Mermaid flowchart, collapsed, shortened or cut as needed to stay within the limits."""
    drawable = _drawable(view_slice)
    drawn, label_limit = _fit(drawable)
    notes = drawn.notes
    if label_limit < MAX_LABEL:
        cut = f"Labels are cut to {label_limit} characters to keep the text under Mermaid's limit of {MAX_TEXT:,}"
        notes += (f"{cut} characters.",)
    problems: tuple[Problem, ...] = ()
    if len(notes) > len(drawable.notes):
        message = (f"'{view_slice.id}' is over Mermaid's limits ({MAX_NODES} boxes, {MAX_EDGES} arrows, "
                   f"{MAX_TEXT:,} characters of text). {' '.join(notes[len(drawable.notes):])}")
        problems = (Problem(VIEW_TOO_LARGE_FOR_MERMAID, Severity.WARNING, message, span, view_slice.model_id),)
    return MermaidDiagram(_flowchart_text(drawn, label_limit), drawn, notes, len(drawn.boxes), len(drawn.edges),
                          problems)


def edge_label(edge: Edge) -> str:
    """What an arrow says: its label, or how many relations a merged arrow stands for."""
    return edge.label or (f"{edge.count} relations" if edge.count > 1 else "")


def _drawable(view_slice: ViewSlice) -> ViewSlice:
    """The slice without arrows to boxes it does not show (Mermaid would invent a node named by the user)."""
    shown = {box.id for box in view_slice.boxes}
    edges = tuple(edge for edge in view_slice.edges if edge.source in shown and edge.target in shown)
    if len(edges) == len(view_slice.edges):
        return view_slice
    dropped = len(view_slice.edges) - len(edges)
    which = "1 arrow is left out: it names" if dropped == 1 else f"{dropped} arrows are left out: they name"
    note = f"{which} a box the diagram does not show."
    return replace(view_slice, edges=edges, notes=view_slice.notes + (note,))


def _fit(view_slice: ViewSlice) -> tuple[ViewSlice, int]:
    """The slice to draw and its label length: the whole view if it fits, else collapsed, else its first boxes."""
    candidate = view_slice
    for candidate in _candidates(view_slice):
        if len(candidate.boxes) > MAX_NODES or len(candidate.edges) > MAX_EDGES:
            continue
        for label_limit in (MAX_LABEL, *SHORT_LABELS):
            if fits(_flowchart_text(candidate, label_limit), len(candidate.boxes), len(candidate.edges)):
                return candidate, label_limit
    return _first_boxes(candidate)  # the last candidate: the most collapsed


def _candidates(view_slice: ViewSlice) -> Iterator[ViewSlice]:
    """The whole slice, then collapsed at each group level from the deepest (it keeps the most detail) up."""
    yield view_slice
    yield from collapsed_versions(view_slice, "Mermaid")


def _first_boxes(view_slice: ViewSlice) -> tuple[ViewSlice, int]:
    """As many of the first boxes (and the arrows between them) as fit, when collapsing is not enough."""
    box_limit = MAX_NODES
    while True:
        boxes = view_slice.boxes[:box_limit]
        kept = {box.id for box in boxes}
        edges = tuple(edge for edge in view_slice.edges if edge.source in kept and edge.target in kept)[:MAX_EDGES]
        cut = replace(view_slice, boxes=boxes, edges=edges,
                      notes=view_slice.notes + (_first_boxes_note(view_slice, len(boxes), len(edges)),))
        for label_limit in (MAX_LABEL, *SHORT_LABELS):
            if fits(_flowchart_text(cut, label_limit), len(boxes), len(edges)):
                return cut, label_limit
        box_limit //= 2  # reaches 0 boxes, which always fits


def _first_boxes_note(view_slice: ViewSlice, boxes: int, edges: int) -> str:
    parts = []
    if boxes < len(view_slice.boxes):
        parts.append(f"the first {boxes:,} of {len(view_slice.boxes):,} boxes")
    if edges < len(view_slice.edges):
        parts.append(f"{edges:,} of {len(view_slice.edges):,} arrows")
    return f"Only {' and '.join(parts)} are drawn; split the view with selectors to see the rest."


def _flowchart_text(view_slice: ViewSlice, label_limit: int) -> str:
    node_ids = {box.id: f"n{number}" for number, box in enumerate(view_slice.boxes, start=1)}
    layers = {layer: position for position, layer in enumerate(view_slice.layers, start=1)}
    lines = [f"flowchart {view_slice.direction if view_slice.direction in DIRECTIONS else DIRECTIONS[0]}"]
    lines += _members(view_slice, node_ids, layers, label_limit)
    lines += [_edge_line(edge, node_ids, label_limit) for edge in view_slice.edges]
    lines += _class_lines(view_slice, node_ids, layers)
    lines += _link_style_lines(view_slice)
    return "\n".join(lines) + "\n"


def _members(view_slice: ViewSlice, node_ids: dict[str, str], layers: dict[str, int], label_limit: int) -> list[str]:
    """Subgraphs and node lines, nested; iterative, so a deep group tree cannot exhaust the stack."""
    group_ids = {group.id: f"g{number}" for number, group in enumerate(view_slice.groups, start=1)}
    groups_in: dict[str | None, list[str]] = {}
    for group in view_slice.groups:
        groups_in.setdefault(group.parent if group.parent in group_ids else None, []).append(group.id)
    boxes_in: dict[str | None, list[Box]] = {}
    for box in view_slice.boxes:
        boxes_in.setdefault(box.parent if box.parent in group_ids else None, []).append(box)
    labels = {group.id: group.label for group in view_slice.groups}

    lines: list[str] = []
    # (group, depth, entering): entering writes the subgraph line, leaving writes its `end`
    stack: list[tuple[str | None, int, bool]] = [(None, 0, True)]
    while stack:
        group_id, depth, entering = stack.pop()
        indent = INDENT * depth
        if not entering:
            lines.append(f"{indent}end")
            continue
        if group_id is not None:
            lines.append(f'{indent}subgraph {group_ids[group_id]}["{_label(labels[group_id], label_limit)}"]')
            stack.append((group_id, depth, False))
        inner = depth + 1
        lines += [_node_line(box, node_ids[box.id], layers, INDENT * inner, label_limit)
                  for box in boxes_in.get(group_id, [])]
        stack += [(child, inner, True) for child in reversed(groups_in.get(group_id, []))]
    return lines


def _node_line(box: Box, node_id: str, layers: dict[str, int], indent: str, label_limit: int) -> str:
    opening, closing = styles.SHAPES[styles.family(box.category, box.kind)]
    label = _label(box.label, label_limit)
    if box.layer in layers:
        label += f"{LINE_BREAK}«{escape_label(box.layer)}»"
    return f'{indent}{node_id}{opening}"{label}"{closing}'


def _edge_line(edge: Edge, node_ids: dict[str, str], label_limit: int) -> str:
    arrow = styles.ARROWS[edge.kind]
    text = edge_label(edge)
    if edge.number is not None:
        text = f"{edge.number}. {text}".rstrip()
    source, target = node_ids[edge.source], node_ids[edge.target]
    if not text.strip():  # a label of spaces only makes Mermaid place it at NaN (a console error)
        return f"{INDENT}{source} {arrow} {target}"
    return f'{INDENT}{source} {arrow}|"{_label(text, label_limit)}"| {target}'


def _label(text: str, label_limit: int) -> str:
    # Mermaid refuses an empty string; a space draws the empty label
    return _inline(escape_label(shorten(text, label_limit))) or " "


def _inline(label: str) -> str:
    """The escaped label with what Markdown could read coded: emphasis marks, and a first character that starts a block.

    Mermaid 11.3 (GitLab's, for a while) reads every flowchart label as Markdown: it draws
    "Unsupported markdown: list" for `1. step` or `- item` and drops the marks of `__init__`
    or `*args`. A coded character is plain text to it, and draws the same in every version.
    """
    label = label.translate(_EMPHASIS)
    block = _BLOCK_START.match(label)
    if block is None:
        return label
    marker = block.end() - 1  # the `.` of `1.`, the `-` of `- item`, the first space of an indent
    return f"{label[:marker]}#{ord(label[marker])};{label[marker + 1:]}"


def _class_lines(view_slice: ViewSlice, node_ids: dict[str, str], layers: dict[str, int]) -> list[str]:
    """classDefs for the families and layers shown, then one `class` line per class."""
    family_members: dict[str, list[str]] = {}
    layer_members: dict[int, list[str]] = {}
    for box in view_slice.boxes:
        node_id = node_ids[box.id]
        family_members.setdefault(styles.family(box.category, box.kind), []).append(node_id)
        if box.layer in layers:
            layer_members.setdefault(layers[box.layer], []).append(node_id)
    classes = [(styles.family_class(name), style, family_members[name])
               for name, style in styles.FAMILY_STYLES.items() if name in family_members]
    classes += [(styles.layer_class(position), styles.layer_style(position), layer_members[position])
                for position in sorted(layer_members)]
    return ([f"{INDENT}classDef {name} {style}" for name, style, _ in classes]
            + [f"{INDENT}class {','.join(ids)} {name}" for name, _, ids in classes])


def _link_style_lines(view_slice: ViewSlice) -> list[str]:
    lines = []
    for kind, style in styles.ARROW_STYLES.items():
        indexes = [str(index) for index, edge in enumerate(view_slice.edges) if edge.kind is kind]
        if indexes:
            lines.append(f"{INDENT}linkStyle {','.join(indexes)} {style}")
    return lines
