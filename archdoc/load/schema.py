"""The model format as declared fields: the loader checks against it, `archdoc schema` prints it.

One declaration serves both, so the JSON Schema editors use can never drift from what
`archdoc lint` accepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]*$"
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
RULE_CODE_PATTERN = r"^AD[0-9]{3}$"
SHORT_RELATION_PATTERN = r"^\s*[A-Za-z][A-Za-z0-9_-]*\s*(->|\.\.>)\s*[A-Za-z][A-Za-z0-9_-]*\s*(:.*)?$"
RELATION_KINDS = ("sync", "async", "data", "deploy", "monitor")
SEVERITIES = ("error", "warning", "info", "off")


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its value type, whether it is required and what it means.

    Types: string, text (Markdown), id, slug, version, bool, int, strings, selector,
    links, properties, severities, enum (with `choices`), object / objects (with `spec`),
    relations, steps.
    """

    name: str
    type: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    spec: Spec | None = None
    minimum: int | None = None


@dataclass(frozen=True)
class Spec:
    """A mapping the format defines (element, group, view, ...)."""

    name: str
    doc: str
    fields: tuple[Field, ...]
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _f(name: str, type_: str, doc: str, **options: Any) -> Field:
    return Field(name, type_, doc, **options)


LAYER = Spec("layer", "A horizontal slice of the architecture; layers are listed top (callers) first.", (
    _f("id", "id", "Unique layer id.", required=True),
    _f("title", "string", "Heading shown in diagrams and docs; defaults to the id."),
    _f("description", "text", "Markdown shown on the model page."),
    _f("cross_cutting", "bool", "Any layer may call a cross-cutting layer (operations, security)."),
))

GROUP_FIELDS: list[Field] = [
    _f("id", "id", "Unique id (shared namespace with elements).", required=True),
    _f("kind", "string", "Boundary kind: aws.Account, aws.Region, aws.AvailabilityZone, aws.VPC, aws.PublicSubnet, "
       "aws.PrivateSubnet, aws.SecurityGroup, k8s.Cluster, boundary, ...; defaults to boundary."),
    _f("label", "string", "Shown on the boundary; defaults to the id."),
    _f("description", "text", "Markdown shown in the docs."),
    _f("in", "id", "Parent group (instead of nesting under its `groups`)."),
    _f("tags", "strings", "Free tags, usable in selectors."),
    _f("properties", "properties", "Free-form scalars; rules read cidr, public, zone, zones."),
    _f("links", "links", "Named URLs."),
]
GROUP = Spec("group", "A boundary drawn around elements: account, region, VPC, subnet, zone, cluster.", ())
# Groups nest: the `groups` field refers to the spec itself.
object.__setattr__(GROUP, "fields", tuple(GROUP_FIELDS) + (_f("groups", "objects", "Nested groups.", spec=GROUP),))
GROUP.__post_init__()

ELEMENT = Spec("element", "A box of the architecture: a service, store, queue, person or external system.", (
    _f("id", "id", "Unique id: a letter, then letters, digits, `_` or `-`.", required=True),
    _f("kind", "string", "A diagrams node class below `diagrams.` (aws.compute.Lambda), an alias (aws.ALB) or "
       "one of archdoc's kinds (person, system, external, container, component); defaults to component."),
    _f("label", "string", "Shown in diagrams; defaults to the id."),
    _f("description", "text", "Markdown shown in the docs."),
    _f("layer", "id", "The layer this element belongs to."),
    _f("in", "id", "The group (boundary) this element sits in."),
    _f("tags", "strings", "Free tags, usable in selectors (tag:datastore)."),
    _f("technology", "string", "Technology shown under the label."),
    _f("properties", "properties", "Free-form scalars; rules read public, zone, zones, multi_az, encrypted, "
       "replicas, cost_monthly, rto, rpo."),
    _f("links", "links", "Named URLs."),
))

RELATION = Spec("relation", "An arrow from one element to another (long form).", (
    _f("from", "id", "Source element id.", required=True),
    _f("to", "id", "Target element id.", required=True),
    _f("label", "string", "Edge label."),
    _f("kind", "enum", "What the arrow means.", choices=RELATION_KINDS),
    _f("technology", "string", "Protocol or technology."),
    _f("description", "text", "Markdown shown in the docs."),
    _f("tags", "strings", "Free tags."),
))

STEP = Spec("step", "One step of a flow (long form).", (
    _f("from", "id", "Element sending.", required=True),
    _f("to", "id", "Element receiving.", required=True),
    _f("label", "string", "What happens in this step."),
    _f("kind", "enum", "sync or async.", choices=RELATION_KINDS),
))

VIEW = Spec("view", "A diagram cut from the model with selectors.", (
    _f("id", "id", "Unique view id.", required=True),
    _f("title", "string", "Heading; defaults to the id."),
    _f("description", "text", "Markdown shown above the diagram."),
    _f("include", "selector", "Elements shown (default: everything, unless `focus` is set)."),
    _f("exclude", "selector", "Elements hidden."),
    _f("focus", "selector", "Show these elements and their neighbours up to `depth` hops."),
    _f("depth", "int", "Hops around `focus` (default 1).", minimum=0),
    _f("direction", "enum", "Layout direction.", choices=("LR", "TB")),
))

FLOW = Spec("flow", "An ordered interaction, drawn as a sequence diagram and as numbered arrows.", (
    _f("id", "id", "Unique flow id.", required=True),
    _f("title", "string", "Heading; defaults to the id."),
    _f("description", "text", "Markdown shown above the diagram."),
    _f("steps", "steps", "Steps in order; short forms `a -> b: label` or long form mappings.", required=True),
))

ALLOW = Spec("layering exception", "A named exception to the layering rule.", (
    _f("from", "id", "Calling layer.", required=True),
    _f("to", "id", "Called layer.", required=True),
    _f("reason", "string", "Why the exception is fine.", required=True),
))

LAYERING = Spec("layering", "How relations may cross layers.", (
    _f("mode", "enum", "downward: to the same or any lower layer; adjacent: no skipping a layer; off.",
       choices=("downward", "adjacent", "off")),
    _f("allow", "objects", "Named exceptions.", spec=ALLOW),
))

FORBID = Spec("forbid", "No relation may go from any of `from` to any of `to`.", (
    _f("from", "selector", "Sources.", required=True),
    _f("to", "selector", "Targets.", required=True),
    _f("reason", "string", "Why; shown with the finding."),
))

REQUIRE_PATH = Spec("require_path_through", "Every path from `from` to `to` passes an element of `through`.", (
    _f("from", "selector", "Where paths start.", required=True),
    _f("to", "selector", "Where paths end.", required=True),
    _f("through", "selector", "What every path must pass.", required=True),
    _f("reason", "string", "Why; shown with the finding."),
))

IGNORE = Spec("ignore", "Suppress findings of one rule; the reason is required.", (
    _f("rule", "string", "The rule code (AD203).", required=True),
    _f("element", "id", "Only findings about this element or group."),
    _f("relation", "string", "Only findings about this relation, written `a -> b`."),
    _f("reason", "string", "Why the finding is accepted.", required=True),
))

RULES = Spec("rules", "Lint configuration for this model.", (
    _f("layering", "object", "The layering rule.", spec=LAYERING),
    _f("forbid", "objects", "Forbidden relations.", spec=FORBID),
    _f("require_path_through", "objects", "Required waypoints.", spec=REQUIRE_PATH),
    _f("acyclic", "bool", "Report dependency cycles."),
    _f("severity", "severities", "Raise or lower a rule's severity: {AD204: error}."),
    _f("ignore", "objects", "Suppressions, each with a reason.", spec=IGNORE),
))

_COLLECTIONS: tuple[Field, ...] = (
    _f("include", "strings", "Fragments merged into this model, relative to this file; fragment names start with `_`."),
    _f("layers", "objects", "Ordered layers, top first.", spec=LAYER),
    _f("groups", "objects", "Nested boundaries.", spec=GROUP),
    _f("elements", "objects", "The boxes.", spec=ELEMENT),
    _f("relations", "relations", "The arrows: long form, `a -> b: label` or `a ..> b: label`."),
    _f("views", "objects", "Diagrams cut from the model.", spec=VIEW),
    _f("flows", "objects", "Ordered interactions.", spec=FLOW),
)

MODEL = Spec("model", "An archdoc model file.", (
    _f("archdoc", "version", "Format version; absent means 1."),
    _f("id", "slug", "Model id; defaults to the file stem."),
    _f("title", "string", "Title shown in the gallery."),
    _f("description", "text", "Markdown shown on the model's page."),
    _f("tags", "strings", "Free tags."),
    _f("owner", "string", "Who owns this architecture."),
    _f("links", "links", "Named URLs."),
    *_COLLECTIONS[:3],
    Field("elements", "objects", "The boxes.", required=True, spec=ELEMENT),
    *_COLLECTIONS[4:],
    _f("rules", "object", "Lint configuration.", spec=RULES),
))

FRAGMENT = Spec("fragment", "A fragment (file or folder name starting with `_`), merged into models by `include`.",
                _COLLECTIONS)


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the model format, for yaml-language-server and editors."""
    definitions: dict[str, Any] = {}
    root = _object_schema(MODEL, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://archdoc.dev/schema/model-1.json",
        "title": "archdoc model",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _ref(spec: Spec, definitions: dict[str, Any]) -> dict[str, Any]:
    name = spec.name.replace(" ", "_")
    if name not in definitions:
        definitions[name] = {}  # placeholder first: groups refer to themselves
        definitions[name] = _object_schema(spec, definitions)
    return {"$ref": f"#/$defs/{name}"}


def _object_schema(spec: Spec, definitions: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": spec.doc,
        "properties": {f.name: {"description": f.doc, **_value_schema(f, definitions)} for f in spec.fields},
        "required": [f.name for f in spec.fields if f.required],
        "additionalProperties": False,
    }


def _value_schema(f: Field, definitions: dict[str, Any]) -> dict[str, Any]:
    scalar = {"type": ["string", "number", "boolean", "null"]}
    simple: dict[str, dict[str, Any]] = {
        "string": {"type": "string"},
        "text": {"type": "string"},
        "id": {"type": "string", "pattern": ID_PATTERN},
        "slug": {"type": "string", "pattern": SLUG_PATTERN},
        "version": {"const": 1},
        "bool": {"type": "boolean"},
        "strings": {"type": "array", "items": {"type": "string"}},
        "selector": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "links": {"type": "object", "additionalProperties": {"type": "string"}},
        "properties": {"type": "object", "additionalProperties": {
            "oneOf": [scalar, {"type": "array", "items": scalar}]}},
        "severities": {"type": "object", "propertyNames": {"pattern": RULE_CODE_PATTERN},
                       "additionalProperties": {"enum": list(SEVERITIES)}},
    }
    if f.type in simple:
        return simple[f.type]
    if f.type == "int":
        return {"type": "integer", **({"minimum": f.minimum} if f.minimum is not None else {})}
    if f.type == "enum":
        return {"enum": list(f.choices)}
    if f.type == "object" and f.spec:
        return _ref(f.spec, definitions)
    if f.type == "objects" and f.spec:
        return {"type": "array", "items": _ref(f.spec, definitions)}
    if f.type in ("relations", "steps"):
        long_form = _ref(RELATION if f.type == "relations" else STEP, definitions)
        short = {"type": "string", "pattern": SHORT_RELATION_PATTERN}
        one_entry = {"type": "object", "minProperties": 1, "maxProperties": 1,
                     "patternProperties": {SHORT_RELATION_PATTERN: {"type": ["string", "null"]}},
                     "additionalProperties": False}
        return {"type": "array", "items": {"oneOf": [short, one_entry, long_form]}}
    raise ValueError(f"no schema for field type {f.type}")
