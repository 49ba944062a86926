"""Frozen dataclasses for a loaded model; only the loader builds them.

Every object keeps the `SourceSpan` of the YAML node it came from so that any finding
about it can point back at the file, line and column the user wrote.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from archdoc.model.frozen import EMPTY, FrozenMap, slot_init
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


@slot_init
@dataclass(frozen=True, slots=True)
class Selector:
    """One selector term such as `tag:datastore` or `!layer:ops`, as written."""

    text: str
    prefix: str  # "*", "id", "tag", "layer", "in", "kind", "category", "prop"
    value: str
    negated: bool
    span: SourceSpan


@slot_init
@dataclass(frozen=True, slots=True)
class Layer:
    id: str
    title: str
    span: SourceSpan
    description: str = ""
    cross_cutting: bool = False

    def __hash__(self) -> int:
        """Equal layers have equal ids; rules key caches by a model's layers once per relation."""
        return hash(self.id)


@slot_init
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
    properties: FrozenMap[str, PropertyValue] = EMPTY
    property_spans: FrozenMap[str, SourceSpan] = EMPTY
    links: FrozenMap[str, str] = EMPTY
    iac: tuple[str, ...] = ()  # the infrastructure resources it stands for (logical ids, Terraform addresses)
    owner: str = ""
    view: str | None = None  # its detail view: a view id of the model, or model-id/view-id of another
    docs: tuple[tuple[str, SourceSpan], ...] = ()  # Markdown files attached, as written, with where
    spans: FrozenMap[str, SourceSpan] = EMPTY  # where single fields were written: kind, layer, in, view


@slot_init
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
    properties: FrozenMap[str, PropertyValue] = EMPTY
    property_spans: FrozenMap[str, SourceSpan] = EMPTY
    links: FrozenMap[str, str] = EMPTY
    iac: tuple[str, ...] = ()  # the infrastructure resources it stands for (logical ids, Terraform addresses)
    owner: str = ""
    view: str | None = None  # its detail view: a view id of the model, or model-id/view-id of another
    docs: tuple[tuple[str, SourceSpan], ...] = ()  # Markdown files attached, as written, with where
    spans: FrozenMap[str, SourceSpan] = EMPTY  # where single fields were written: kind, layer, in, view


@slot_init
@dataclass(frozen=True, slots=True)
class Relation:
    """An arrow between two elements; `index` is its position in the model (stable edge key).

    `occurrence` counts the relations between the same two elements in file order (0 for the
    first), so `identity` names a relation across versions of a model: re-ordering the file,
    relabelling or changing the kind of an arrow keeps its identity.
    """

    source: str
    target: str
    span: SourceSpan
    index: int
    label: str = ""
    kind: RelationKind = RelationKind.SYNC
    technology: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    occurrence: int = 0

    @property
    def identity(self) -> tuple[str, str, int]:
        return (self.source, self.target, self.occurrence)


@slot_init
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


@slot_init
@dataclass(frozen=True, slots=True)
class Step:
    source: str
    target: str
    span: SourceSpan
    label: str = ""
    kind: RelationKind = RelationKind.SYNC


@slot_init
@dataclass(frozen=True, slots=True)
class Flow:
    id: str
    title: str
    span: SourceSpan
    steps: tuple[Step, ...] = ()
    description: str = ""


@slot_init
@dataclass(frozen=True, slots=True)
class Ignore:
    """A suppression: silences findings of `rule` about `element` or `relation` (or all of them)."""

    rule: str
    reason: str
    span: SourceSpan
    element: str | None = None
    relation: tuple[str, str] | None = None


@slot_init
@dataclass(frozen=True, slots=True)
class RuleOption:
    """One `rules:` entry that a rule declares (layering, forbid, ...), kept as written.

    `value` is the reader's located value (for YAML, the located node); the rule that owns the
    option reads it against its option spec when linting, so the model's core stays
    independent of which rules are installed.
    """

    name: str
    path: str
    value: Any = field(compare=False, hash=False)
    span: SourceSpan | None = None


@slot_init
@dataclass(frozen=True, slots=True)
class Rules:
    severity: FrozenMap[str, Severity] = EMPTY
    severity_spans: FrozenMap[str, SourceSpan] = EMPTY
    ignore: tuple[Ignore, ...] = ()
    options: FrozenMap[str, RuleOption] = EMPTY
    span: SourceSpan | None = None


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
    links: FrozenMap[str, str] = EMPTY
    iac: tuple[tuple[str, SourceSpan], ...] = ()  # infrastructure code paths as written, with where
    docs: tuple[tuple[str, SourceSpan], ...] = ()  # Markdown files published with the model, as written
    includes: tuple[str, ...] = ()
    layers: tuple[Layer, ...] = ()
    groups: tuple[Group, ...] = ()
    elements: tuple[Element, ...] = ()
    relations: tuple[Relation, ...] = ()
    views: tuple[View, ...] = ()
    flows: tuple[Flow, ...] = ()
    rules: Rules = field(default_factory=Rules)

    @cached_property
    def elements_by_id(self) -> FrozenMap[str, Element]:
        return FrozenMap((element.id, element) for element in self.elements)

    @cached_property
    def groups_by_id(self) -> FrozenMap[str, Group]:
        return FrozenMap((group.id, group) for group in self.groups)

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
