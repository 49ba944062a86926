"""The change as a picture: the changed elements and relations, one hop of context, and the boundaries around them.

Renderers (Mermaid in `mermaid.py`, Graphviz in `image.py`) draw a `ChangePicture`, so
both show the same boxes. An added element sits in its new group, a removed one inside its
old boundary (from the base version), a moved one in its new group, marked changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from archdoc.diff.compare import ModelDiff, changed_elements, keyed_relations
from archdoc.model import Group, Model, Relation

STATUSES = ("added", "changed", "removed", "context")
MAX_CONTEXT = 40  # context boxes beyond this many are left out: the change is the point


@dataclass(frozen=True, slots=True)
class PictureNode:
    id: str
    label: str
    status: str
    group: str | None


@dataclass(frozen=True, slots=True)
class PictureEdge:
    source: str
    target: str
    label: str
    status: str
    kind: str


@dataclass(frozen=True, slots=True)
class PictureGroup:
    id: str
    label: str
    parent: str | None
    status: str


@dataclass(frozen=True)
class ChangePicture:
    model_id: str
    nodes: tuple[PictureNode, ...]
    edges: tuple[PictureEdge, ...]
    groups: tuple[PictureGroup, ...]  # parents before children
    notes: tuple[str, ...] = ()


def change_picture(model: ModelDiff) -> ChangePicture:
    """What the diagram of a model's change shows (nothing for a model that did not change structurally)."""
    base, head = model.base, model.head
    if base is None or head is None:
        return ChangePicture(model.id, (), (), ())
    elements = model.items["elements"]
    status = {item: "added" for item in elements.added}
    status.update({item: "removed" for item in elements.removed})
    status.update({change.id: "changed" for change in elements.changed})
    status.update({move.id: "changed" for move in elements.moved})
    core = changed_elements(model.items, model.relations)

    edges: list[PictureEdge] = []
    changed_identities = {change.relation for change in model.relations.changed}
    head_relations = keyed_relations(head.relations)
    added_objects = {id(relation) for relation in model.relations.added}
    added = {identity for identity, relation in head_relations.items() if id(relation) in added_objects}
    for identity, relation in head_relations.items():
        if identity in added:
            edges.append(_edge(relation, "added"))
        elif identity in changed_identities:
            edges.append(_edge(relation, "changed"))
    edges += [_edge(relation, "removed") for relation in model.relations.removed]

    context: list[str] = []
    for relation in (*head.relations, *base.relations):
        for one, other in ((relation.source, relation.target), (relation.target, relation.source)):
            if one in status and other not in core and other not in context:
                context.append(other)
    notes: tuple[str, ...] = ()
    if len(context) > MAX_CONTEXT:
        notes = (f"{len(context) - MAX_CONTEXT} neighbouring elements are left out of the picture.",)
        context = context[:MAX_CONTEXT]
    shown = [*sorted(core), *context]
    seen = set(shown)
    for identity, relation in head_relations.items():
        touches_change = relation.source in status or relation.target in status
        if touches_change and relation.source in seen and relation.target in seen \
                and identity not in added and identity not in changed_identities:
            edges.append(_edge(relation, "context"))

    nodes = [_node(element_id, status.get(element_id, "context"), base, head) for element_id in shown]
    return ChangePicture(model.id, tuple(nodes), tuple(edges), _groups(model, nodes), notes)


def _edge(relation: Relation, status: str) -> PictureEdge:
    return PictureEdge(relation.source, relation.target, relation.label, status, relation.kind.value)


def _node(element_id: str, status: str, base: Model, head: Model) -> PictureNode:
    source = base if status == "removed" else head
    element = source.elements_by_id.get(element_id) or base.elements_by_id.get(element_id)
    if element is None:  # a relation to an element neither version has (an invalid model)
        return PictureNode(element_id, element_id, status, None)
    return PictureNode(element_id, element.label or element_id, status, element.group)


def _groups(model: ModelDiff, nodes: list[PictureNode]) -> tuple[PictureGroup, ...]:
    """Every boundary around a shown box, outermost first, from the version the box is drawn from."""
    assert model.base is not None and model.head is not None
    changes = model.items["groups"]
    status = {group_id: "added" for group_id in changes.added}
    status.update({group_id: "removed" for group_id in changes.removed})
    status.update({change.id: "changed" for change in changes.changed})
    status.update({move.id: "changed" for move in changes.moved})
    found: dict[str, Group] = {}
    for node in nodes:
        source = model.base if node.status == "removed" else model.head
        for group in source.enclosing(node.group):
            found.setdefault(group.id, group)
    ordered: list[PictureGroup] = []
    placed: set[str] = set()
    pending = sorted(found)
    while pending:  # parents first; iterative (group chains can be long)
        progressed = []
        for group_id in pending:
            parent = found[group_id].parent
            if parent is None or parent in placed or parent not in found:
                group = found[group_id]
                ordered.append(PictureGroup(group_id, group.label or group_id,
                                            parent if parent in found else None, status.get(group_id, "context")))
                placed.add(group_id)
                progressed.append(group_id)
        if not progressed:
            break
        pending = [group_id for group_id in pending if group_id not in placed]
    return tuple(ordered)
