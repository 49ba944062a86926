"""What a diagram shows: a view or flow cut from the graph into boxes, visible groups and edges.

Every renderer (Mermaid, diagrams images, the site) draws a `ViewSlice`, so they all
agree on what a view contains. Relations between hidden elements disappear; groups
with no visible member disappear. A slice too large to lay out can be collapsed: each
outermost group becomes one box standing for its elements.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from archdoc.graph import ModelGraph
from archdoc.graph.views import view_elements
from archdoc.model import Element, Flow, Group, Relation, RelationKind, View


@dataclass(frozen=True, slots=True)
class Box:
    """A node of a diagram: an element, or a collapsed group standing for `count` elements."""

    id: str
    label: str
    kind: str
    category: str
    parent: str | None  # the visible group it sits in
    element: Element | None = None
    group: Group | None = None
    count: int = 1
    layer: str | None = None


@dataclass(frozen=True, slots=True)
class Edge:
    """An arrow between two boxes; `number` is the step number on a flow's diagram."""

    source: str
    target: str
    label: str
    kind: RelationKind
    relation: Relation | None = None
    number: int | None = None
    reply: bool = False  # a flow step answering along a relation drawn the other way
    count: int = 1  # relations it stands for, when groups are collapsed


@dataclass(frozen=True)
class ViewSlice:
    """The boxes, groups (parents before children) and edges of one diagram."""

    model_id: str
    id: str
    title: str
    direction: str
    boxes: tuple[Box, ...]
    groups: tuple[Group, ...]
    edges: tuple[Edge, ...]
    notes: tuple[str, ...] = ()
    collapsed: bool = False
    layers: tuple[str, ...] = field(default=())  # the model's layer ids, in order: a layer's style is its place

    @property
    def group_depth(self) -> int:
        """How many levels the slice's groups nest (0 without groups)."""
        level: dict[str, int] = {}
        for group in self.groups:  # parents first
            level[group.id] = level[group.parent] + 1 if group.parent in level else 0
        return max(level.values(), default=-1) + 1

    def children(self, parent: str | None) -> list[Group]:
        return [group for group in self.groups if group.parent == parent]

    def boxes_in(self, parent: str | None) -> list[Box]:
        return [box for box in self.boxes if box.parent == parent]


def slice_view(graph: ModelGraph, view: View) -> ViewSlice:
    """The slice a view selects, in model order."""
    shown = view_elements(graph, view)
    elements = [element for element in graph.model.elements if element.id in shown]
    relations = [r for r in graph.model.relations if r.source in shown and r.target in shown]
    edges = tuple(Edge(r.source, r.target, r.label, r.kind, r) for r in relations)
    return _slice(graph, view.id, view.title, view.direction, elements, edges)


def slice_flow(graph: ModelGraph, flow: Flow, direction: str = "LR") -> ViewSlice:
    """A flow's elements with its steps as numbered arrows."""
    involved = {step.source for step in flow.steps} | {step.target for step in flow.steps}
    elements = [element for element in graph.model.elements if element.id in involved]
    edges = []
    for number, step in enumerate(flow.steps, start=1):
        reply = graph.is_reply(step)
        edges.append(Edge(step.source, step.target, step.label, RelationKind.ASYNC if reply else step.kind,
                          number=number, reply=reply))
    return _slice(graph, flow.id, flow.title, direction, elements, tuple(edges))


def _slice(graph: ModelGraph, slice_id: str, title: str, direction: str, elements: list[Element],
           edges: tuple[Edge, ...]) -> ViewSlice:
    visible_groups: set[str] = set()
    for element in elements:
        visible_groups.update(graph.group_chain(element.group))
    groups = _parents_first([group for group in graph.model.groups if group.id in visible_groups])
    boxes = tuple(
        Box(element.id, element.label, element.kind, graph.category(element.id), element.group, element=element,
            layer=element.layer)
        for element in elements
    )
    layers = tuple(layer.id for layer in graph.model.layers)
    return ViewSlice(graph.model.id, slice_id, title, direction, boxes, tuple(groups), edges, layers=layers)


def _parents_first(groups: list[Group]) -> list[Group]:
    """Groups ordered so that every parent comes before its children (model order otherwise)."""
    by_parent: dict[str | None, list[Group]] = {}
    ids = {group.id for group in groups}
    for group in groups:
        by_parent.setdefault(group.parent if group.parent in ids else None, []).append(group)
    ordered: list[Group] = []
    stack = list(reversed(by_parent.get(None, [])))
    while stack:
        group = stack.pop()
        ordered.append(group)
        stack.extend(reversed(by_parent.get(group.id, [])))
    return ordered


def collapsed_versions(view_slice: ViewSlice, medium: str) -> Iterator[ViewSlice]:
    """The slice collapsed at each group level, deepest first (it keeps the most detail), with a note
    saying why; renderers draw the first that fits their `medium` (Mermaid, one image)."""
    size = f"{len(view_slice.boxes):,} elements and {len(view_slice.edges):,} arrows"
    for depth in reversed(range(view_slice.group_depth)):
        which = "outermost group" if depth == 0 else f"group {depth} {'level' if depth == 1 else 'levels'} down"
        yield collapse(view_slice, f"With {size} this diagram is too large for {medium}: each {which} is drawn "
                                   "as one box.", depth)


def collapse(view_slice: ViewSlice, reason: str, depth: int = 0) -> ViewSlice:
    """Each group `depth` levels down (0: the outermost) drawn as one box standing for everything inside it.

    Groups above that level stay as boundaries around the boxes; edges are rewired to the
    boxes and merged (counts kept). A deeper level keeps more of the picture.
    """
    level: dict[str, int] = {}
    for group in view_slice.groups:  # parents first, so every parent already has its level
        level[group.id] = level[group.parent] + 1 if group.parent in level else 0
    folded = [group for group in view_slice.groups if level[group.id] == depth]
    if not folded:
        return view_slice
    owner: dict[str, str] = {}
    inside: dict[str, str] = {group.id: group.id for group in folded}
    for group in view_slice.groups:
        if level[group.id] > depth and group.parent is not None:
            inside[group.id] = inside[group.parent]
    counts: dict[str, int] = {}
    boxes: list[Box] = []
    for box in view_slice.boxes:
        folded_into = inside.get(box.parent) if box.parent else None
        if folded_into is None:
            boxes.append(box)
            continue
        owner[box.id] = folded_into
        counts[folded_into] = counts.get(folded_into, 0) + box.count
    for group in folded:
        count = counts.get(group.id, 0)
        parent = group.parent if group.parent in level else None
        boxes.append(Box(group.id, f"{group.label} ({count} elements)", group.kind, "boundary", parent, group=group,
                         count=count))
    merged: dict[tuple[str, str, RelationKind], Edge] = {}
    for edge in view_slice.edges:
        source, target = owner.get(edge.source, edge.source), owner.get(edge.target, edge.target)
        if source == target and (edge.source != source or edge.target != target):
            continue  # traffic inside one collapsed group
        key = (source, target, edge.kind)
        if key in merged:
            previous = merged[key]
            merged[key] = Edge(source, target, "", edge.kind, count=previous.count + edge.count)
        else:
            moved = source != edge.source or target != edge.target
            merged[key] = Edge(source, target, "" if moved else edge.label, edge.kind,
                               None if moved else edge.relation, edge.number, edge.reply, edge.count)
    kept = tuple(group for group in view_slice.groups if level[group.id] < depth)
    return ViewSlice(view_slice.model_id, view_slice.id, view_slice.title, view_slice.direction, tuple(boxes), kept,
                     tuple(merged.values()), view_slice.notes + (reason,), True, view_slice.layers)
