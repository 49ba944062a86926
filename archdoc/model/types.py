"""Frozen dataclasses for a loaded model; only the loader builds them.

Every object keeps the `SourceSpan` of the YAML node it came from so that any finding
about it can point back at the file, line and column the user wrote.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import cached_property

from archdoc.model.problems import Severity, SourceSpan

Scalar = str | int | float | bool | None
PropertyValue = Scalar | tuple[Scalar, ...]


class RelationKind(str, enum.Enum):
    """What an arrow means; renderers draw each kind distinctly."""

    SYNC = "sync"
    ASYNC = "async"
    DATA = "data"
    DEPLOY = "deploy"
    MONITOR = "monitor"


@dataclass(frozen=True, slots=True)
class Selector:
    """One selector term such as `tag:datastore` or `!layer:ops`, as written."""

    text: str
    prefix: str  # "*", "id", "tag", "layer", "in", "kind", "category", "prop"
    value: str
    negated: bool
    span: SourceSpan


@dataclass(frozen=True, slots=True)
class Layer:
    id: str
    title: str
    span: SourceSpan
    description: str = ""
    cross_cutting: bool = False


@dataclass(frozen=True, slots=True)
class Group:
    """A boundary drawn around elements (account, region, VPC, subnet, cluster, ...)."""

    id: str
    kind: str
    label: str
    span: SourceSpan
    parent: str | None = None
    description: str = ""
    tags: tuple[str, ...] = ()
    properties: dict[str, PropertyValue] = field(default_factory=dict)
    property_spans: dict[str, SourceSpan] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Element:
    id: str
    kind: str
    label: str
    span: SourceSpan
    description: str = ""
    layer: str | None = None
    group: str | None = None
    tags: tuple[str, ...] = ()
    technology: str = ""
    properties: dict[str, PropertyValue] = field(default_factory=dict)
    property_spans: dict[str, SourceSpan] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Relation:
    """An arrow between two elements; `index` is its position in the model (stable edge key)."""

    source: str
    target: str
    span: SourceSpan
    index: int
    label: str = ""
    kind: RelationKind = RelationKind.SYNC
    technology: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class View:
    id: str
    title: str
    span: SourceSpan
    include: tuple[Selector, ...] = ()
    exclude: tuple[Selector, ...] = ()
    focus: tuple[Selector, ...] = ()
    depth: int = 1
    direction: str = "LR"
    description: str = ""
    generated: bool = False


@dataclass(frozen=True, slots=True)
class Step:
    source: str
    target: str
    span: SourceSpan
    label: str = ""
    kind: RelationKind = RelationKind.SYNC


@dataclass(frozen=True, slots=True)
class Flow:
    id: str
    title: str
    span: SourceSpan
    steps: tuple[Step, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True)
class LayerAllow:
    source: str
    target: str
    reason: str
    span: SourceSpan


@dataclass(frozen=True, slots=True)
class Layering:
    mode: str = "downward"  # downward | adjacent | off
    allow: tuple[LayerAllow, ...] = ()
    span: SourceSpan | None = None


@dataclass(frozen=True, slots=True)
class Forbid:
    source: tuple[Selector, ...]
    target: tuple[Selector, ...]
    span: SourceSpan
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RequirePath:
    source: tuple[Selector, ...]
    target: tuple[Selector, ...]
    through: tuple[Selector, ...]
    span: SourceSpan
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Ignore:
    """A suppression: silences findings of `rule` about `element` or `relation` (or all of them)."""

    rule: str
    reason: str
    span: SourceSpan
    element: str | None = None
    relation: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Rules:
    layering: Layering = field(default_factory=Layering)
    forbid: tuple[Forbid, ...] = ()
    require_path_through: tuple[RequirePath, ...] = ()
    acyclic: bool = False
    severity: dict[str, Severity] = field(default_factory=dict)
    severity_spans: dict[str, SourceSpan] = field(default_factory=dict)
    ignore: tuple[Ignore, ...] = ()


@dataclass(frozen=True)
class Model:
    """One compiled model file with its included fragments merged in."""

    id: str
    path: str
    span: SourceSpan
    title: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    owner: str = ""
    links: dict[str, str] = field(default_factory=dict)
    includes: tuple[str, ...] = ()
    layers: tuple[Layer, ...] = ()
    groups: tuple[Group, ...] = ()
    elements: tuple[Element, ...] = ()
    relations: tuple[Relation, ...] = ()
    views: tuple[View, ...] = ()
    flows: tuple[Flow, ...] = ()
    rules: Rules = field(default_factory=Rules)

    @cached_property
    def elements_by_id(self) -> dict[str, Element]:
        return {element.id: element for element in self.elements}

    @cached_property
    def groups_by_id(self) -> dict[str, Group]:
        return {group.id: group for group in self.groups}

    def enclosing(self, group_id: str | None) -> list[Group]:
        """The group and the groups around it, innermost first (none for None)."""
        chain: list[Group] = []
        groups = self.groups_by_id
        while group_id is not None and group_id in groups and len(chain) <= len(groups):
            group = groups[group_id]
            chain.append(group)
            group_id = group.parent
        return chain

    @property
    def display_title(self) -> str:
        return self.title or self.id
