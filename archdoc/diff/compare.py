"""What changed between two versions of a set of models: matched by id, compared field by field.

Elements, groups, layers, views and flows are matched by id; relations by their stable
identity `(source, target, occurrence)`, so re-ordering a file changes nothing while a new
label or kind is a change. A change of an element's group (or a group's parent) is a move.
Findings are matched by `finding_identity`, which leaves positions out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from archdoc.diff.identity import FindingIdentity, identities
from archdoc.model import Element, Flow, Group, Layer, Model, Problem, Relation, View

KINDS = ("elements", "groups", "layers", "views", "flows")


@dataclass(frozen=True, slots=True)
class FieldChange:
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class Changed:
    """One item (or relation, by its identity) whose fields differ; `changes` sorted by field."""

    id: str
    changes: Mapping[str, FieldChange]
    relation: tuple[str, str, int] | None = None


@dataclass(frozen=True, slots=True)
class Move:
    """An element moved to another group (or a group to another parent); None is the model's top level."""

    id: str
    source: str | None
    target: str | None


@dataclass(frozen=True)
class ItemChanges:
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[Changed, ...] = ()
    moved: tuple[Move, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.moved)


@dataclass(frozen=True)
class RelationChanges:
    added: tuple[Relation, ...] = ()
    removed: tuple[Relation, ...] = ()
    changed: tuple[Changed, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class FindingChanges:
    introduced: tuple[Problem, ...] = ()
    fixed: tuple[Problem, ...] = ()
    persisting: int = 0

    def __bool__(self) -> bool:
        return bool(self.introduced or self.fixed)


@dataclass(frozen=True)
class ModelDiff:
    """One model's change; `base`/`head` are None for a model added or removed."""

    id: str
    base: Model | None
    head: Model | None
    items: Mapping[str, ItemChanges] = field(default_factory=dict)
    relations: RelationChanges = RelationChanges()
    views_touched: tuple[str, ...] = ()
    findings: FindingChanges = FindingChanges()

    @property
    def status(self) -> str:
        if self.base is None:
            return "added"
        if self.head is None:
            return "removed"
        changed = any(self.items.values()) or self.relations or self.findings
        return "changed" if changed else "unchanged"


@dataclass(frozen=True)
class Diff:
    models: tuple[ModelDiff, ...]

    @property
    def changed(self) -> tuple[ModelDiff, ...]:
        return tuple(model for model in self.models if model.status != "unchanged")

    def introduced_errors(self) -> list[Problem]:
        return [p for model in self.models for p in model.findings.introduced if p.is_error]


def diff_models(base: Sequence[Model], head: Sequence[Model],
                base_findings: Iterable[Problem] = (), head_findings: Iterable[Problem] = ()) -> Diff:
    """Every model of either version, by id, with what changed in it."""
    base_by_id = {model.id: model for model in base}
    head_by_id = {model.id: model for model in head}
    base_problems = _by_model(base_findings, base)
    head_problems = _by_model(head_findings, head)
    models = []
    for model_id in sorted(base_by_id.keys() | head_by_id.keys()):
        before, after = base_by_id.get(model_id), head_by_id.get(model_id)
        findings = _findings(base_problems.get(model_id, []), head_problems.get(model_id, []), before, after)
        if before is None or after is None:
            models.append(ModelDiff(model_id, before, after, findings=findings))
            continue
        items = {kind: _items(kind, getattr(before, kind), getattr(after, kind)) for kind in KINDS}
        relations = _relations(before.relations, after.relations)
        models.append(ModelDiff(model_id, before, after, items, relations,
                                _views_touched(before, after, items, relations), findings))
    return Diff(tuple(models))


# --- fields -------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    """A value as JSON shows it: tuples as lists, enums as their values."""
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return getattr(value, "value", value)


def _mapping_fields(prefix: str, values: Mapping[str, Any]) -> dict[str, Any]:
    return {f"{prefix}.{key}": _plain(value) for key, value in values.items()}


def _common(item: Element | Group) -> dict[str, Any]:
    return {"label": item.label, "kind": item.kind, "description": item.description,
            "tags": sorted(item.tags), **_mapping_fields("properties", item.properties),
            **_mapping_fields("links", item.links)}


def _selectors(selectors: Iterable[Any]) -> list[str]:
    return [selector.text for selector in selectors]


FIELDS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "elements": lambda e: {**_common(e), "technology": e.technology, "layer": e.layer},
    "groups": _common,
    "layers": lambda layer: {"title": layer.title, "description": layer.description,
                             "cross_cutting": layer.cross_cutting},
    "views": lambda v: {"title": v.title, "description": v.description, "include": _selectors(v.include),
                        "exclude": _selectors(v.exclude), "focus": _selectors(v.focus), "depth": v.depth,
                        "direction": v.direction},
    "flows": lambda f: {"title": f.title, "description": f.description,
                        "steps": [_step(step) for step in f.steps]},
}


def _step(step: Any) -> str:
    label = f": {step.label}" if step.label else ""
    return f"{step.source} -> {step.target}{label} ({_plain(step.kind)})"


_PARENT: dict[str, Callable[[Any], str | None]] = {"elements": lambda e: e.group, "groups": lambda g: g.parent}


def field_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, FieldChange]:
    """Fields whose values differ, sorted by name; a field absent on one side is None there."""
    return {name: FieldChange(before.get(name), after.get(name))
            for name in sorted(before.keys() | after.keys()) if before.get(name) != after.get(name)}


def _items(kind: str, before: Sequence[Element | Group | Layer | View | Flow],
           after: Sequence[Element | Group | Layer | View | Flow]) -> ItemChanges:
    old = {item.id: item for item in before}
    new = {item.id: item for item in after}
    fields = FIELDS[kind]
    parent = _PARENT.get(kind)
    changed, moved = [], []
    for item_id in sorted(old.keys() & new.keys()):
        changes = field_changes(fields(old[item_id]), fields(new[item_id]))
        if changes:
            changed.append(Changed(item_id, changes))
        if parent is not None and parent(old[item_id]) != parent(new[item_id]):
            moved.append(Move(item_id, parent(old[item_id]), parent(new[item_id])))
    return ItemChanges(tuple(sorted(new.keys() - old.keys())), tuple(sorted(old.keys() - new.keys())),
                       tuple(changed), tuple(moved))


def _relation_fields(relation: Relation) -> dict[str, Any]:
    return {"kind": _plain(relation.kind), "label": relation.label, "technology": relation.technology,
            "description": relation.description, "tags": sorted(relation.tags)}


def keyed_relations(relations: Iterable[Relation]) -> dict[tuple[str, str, int], Relation]:
    """Relations by their stable identity `(source, target, occurrence)` (`Relation.identity`)."""
    return {relation.identity: relation for relation in relations}


def _relations(before: Sequence[Relation], after: Sequence[Relation]) -> RelationChanges:
    old = keyed_relations(before)
    new = keyed_relations(after)
    changed = []
    for identity in sorted(old.keys() & new.keys()):
        changes = field_changes(_relation_fields(old[identity]), _relation_fields(new[identity]))
        if changes:
            source, target, occurrence = identity
            changed.append(Changed(f"{source} -> {target}", changes, identity))
    return RelationChanges(tuple(new[key] for key in sorted(new.keys() - old.keys())),
                           tuple(old[key] for key in sorted(old.keys() - new.keys())), tuple(changed))


# --- views touched and findings ---------------------------------------------------------------

def changed_elements(items: Mapping[str, ItemChanges], relations: RelationChanges) -> set[str]:
    """Every element added, removed, changed or moved, and both ends of every relation that changed."""
    elements = items["elements"]
    found = {*elements.added, *elements.removed, *(c.id for c in elements.changed), *(m.id for m in elements.moved)}
    for relation in (*relations.added, *relations.removed):
        found.update((relation.source, relation.target))
    for change in relations.changed:
        assert change.relation is not None
        found.update(change.relation[:2])
    return found


def _views_touched(before: Model, after: Model, items: Mapping[str, ItemChanges],
                   relations: RelationChanges) -> tuple[str, ...]:
    from archdoc.graph import build_graph
    from archdoc.graph.views import view_elements

    touched = {*items["views"].added, *items["views"].removed, *(c.id for c in items["views"].changed)}
    elements = changed_elements(items, relations)
    if elements:
        for model in (before, after):
            graph = build_graph(model)
            touched.update(view.id for view in model.views if view_elements(graph, view) & elements)
    return tuple(sorted(touched))


def _by_model(problems: Iterable[Problem], models: Sequence[Model]) -> dict[str, list[Problem]]:
    paths = {model.path: model.id for model in models}
    grouped: dict[str, list[Problem]] = {}
    for problem in problems:
        model_id = problem.model or (paths.get(problem.span.path) if problem.span else None)
        if model_id is not None:
            grouped.setdefault(model_id, []).append(problem)
    return grouped


def _findings(base: list[Problem], head: list[Problem], before: Model | None, after: Model | None) -> FindingChanges:
    old = identities(base, [before] if before else [])
    new = identities(head, [after] if after else [])
    remaining: Counter[FindingIdentity] = Counter(identity for identity, _ in old)
    introduced = []
    for identity, problem in new:
        if remaining[identity] > 0:
            remaining[identity] -= 1
        else:
            introduced.append(problem)
    still: Counter[FindingIdentity] = Counter(identity for identity, _ in new)
    fixed = []
    for identity, problem in old:
        if still[identity] > 0:
            still[identity] -= 1
        else:
            fixed.append(problem)
    return FindingChanges(tuple(introduced), tuple(fixed), len(new) - len(introduced))
