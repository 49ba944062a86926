"""Draft models: what a reader makes of a source before anything is cross-checked.

A reader (the YAML reader, or an importer reading CloudFormation, Terraform, Backstage,
Mermaid or Structurizr) turns its source into these plain, located records: every entry
keeps the `SourceSpan` of where it was written in *its* file, and `spans` holds the place of
single fields (`kind`, `layer`, `in`, `properties.zone`, ...) where the reader knows it.
Nothing here checks references, ids or kinds: `archdoc.load.resolve` does that once, for
every source alike, and freezes the result into a `Model` with the same codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archdoc.model import RelationKind, RuleOption, Selector, Severity, SourceSpan
from archdoc.model.types import PropertyValue


@dataclass(slots=True)
class DraftLayer:
    id: str
    span: SourceSpan
    title: str | None = None
    description: str = ""
    cross_cutting: bool = False


@dataclass(slots=True)
class DraftGroup:
    id: str
    span: SourceSpan
    kind: str | None = None  # as written; resolve looks it up in the catalogue (None: boundary)
    label: str | None = None  # None: the id
    parent: str | None = None  # `in:` or the group it is nested under
    nested_in: str | None = None  # set when the group was written under its parent's `groups:`
    description: str = ""
    tags: list[str] = field(default_factory=list)
    properties: dict[str, PropertyValue] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    iac: list[str] = field(default_factory=list)
    owner: str = ""
    view: str | None = None  # its detail view: a view id of the model or model-id/view-id
    docs: list[tuple[str, SourceSpan]] = field(default_factory=list)  # Markdown paths as written, with where
    spans: dict[str, SourceSpan] = field(default_factory=dict)  # field -> where its value was written


@dataclass(slots=True)
class DraftElement:
    id: str
    span: SourceSpan
    kind: str | None = None  # as written; None: component
    label: str | None = None
    description: str = ""
    layer: str | None = None
    group: str | None = None
    tags: list[str] = field(default_factory=list)
    technology: str = ""
    properties: dict[str, PropertyValue] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    iac: list[str] = field(default_factory=list)
    owner: str = ""
    view: str | None = None  # its detail view: a view id of the model or model-id/view-id
    docs: list[tuple[str, SourceSpan]] = field(default_factory=list)  # Markdown paths as written, with where
    spans: dict[str, SourceSpan] = field(default_factory=dict)  # field -> where its value was written


@dataclass(slots=True)
class DraftRelation:
    source: str
    target: str
    span: SourceSpan
    label: str = ""
    kind: RelationKind = RelationKind.SYNC
    technology: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DraftView:
    id: str
    span: SourceSpan
    title: str | None = None
    include: list[Selector] = field(default_factory=list)
    exclude: list[Selector] = field(default_factory=list)
    focus: list[Selector] = field(default_factory=list)
    depth: int = 1
    direction: str = "LR"
    description: str = ""


@dataclass(slots=True)
class DraftStep:
    source: str
    target: str
    span: SourceSpan
    label: str = ""
    kind: RelationKind = RelationKind.SYNC


@dataclass(slots=True)
class DraftFlow:
    id: str
    span: SourceSpan
    title: str | None = None
    steps: list[DraftStep] = field(default_factory=list)
    description: str = ""


@dataclass(slots=True)
class DraftInclude:
    """An `include:` entry as written, resolved (and read) by the resolve step."""

    path: str
    span: SourceSpan


@dataclass(slots=True)
class DraftIgnore:
    rule: str
    reason: str
    span: SourceSpan
    element: str | None = None
    element_span: SourceSpan | None = None
    relation: tuple[str, str] | None = None


@dataclass(slots=True)
class DraftRules:
    """`rules:`: archdoc's own keys read, the rules' options kept as written for the rules to read."""

    span: SourceSpan | None = None
    severity: dict[str, tuple[Severity, SourceSpan]] = field(default_factory=dict)
    ignore: list[DraftIgnore] = field(default_factory=list)
    options: dict[str, RuleOption] = field(default_factory=dict)


@dataclass(slots=True)
class DraftDocument:
    """The entries of one source document (a model file or a fragment), in the order written."""

    path: str  # the path findings show
    span: SourceSpan
    includes: list[DraftInclude] = field(default_factory=list)
    layers: list[DraftLayer] = field(default_factory=list)
    groups: list[DraftGroup] = field(default_factory=list)
    elements: list[DraftElement] = field(default_factory=list)
    relations: list[DraftRelation] = field(default_factory=list)
    views: list[DraftView] = field(default_factory=list)
    flows: list[DraftFlow] = field(default_factory=list)


@dataclass(slots=True)
class DraftModel(DraftDocument):
    """A whole model as a reader made it: the document's entries plus the model's own fields."""

    id: str | None = None  # None: the file stem
    title: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)
    owner: str = ""
    links: dict[str, str] = field(default_factory=dict)
    iac: list[tuple[str, SourceSpan]] = field(default_factory=list)
    docs: list[tuple[str, SourceSpan]] = field(default_factory=list)
    rules: DraftRules = field(default_factory=DraftRules)
    spans: dict[str, SourceSpan] = field(default_factory=dict)  # field -> where its value was written
