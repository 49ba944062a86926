"""The model format as declared fields: a field's type chooses how the reader reads it and what
`archdoc schema` prints for it.

One declaration serves both, so the JSON Schema editors use cannot drift from what
`archdoc lint` accepts (`archdoc.load.jsonschema` turns it into a JSON Schema). Rules add
their own options to `rules:` (see `with_rule_options`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]*$"
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
RULE_CODE_PATTERN = r"^AD[0-9]{3}$"
ARROW_PATTERN = r"^\s*[A-Za-z][A-Za-z0-9_-]*\s*(->|\.\.>)\s*[A-Za-z][A-Za-z0-9_-]*\s*$"
SHORT_RELATION_PATTERN = r"^\s*[A-Za-z][A-Za-z0-9_-]*\s*(->|\.\.>)\s*[A-Za-z][A-Za-z0-9_-]*\s*(:.*)?$"
RELATION_KINDS = ("sync", "async", "data", "deploy", "monitor")
SEVERITIES = ("error", "warning", "info", "off")


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its value type, whether it is required and what it means.

    Types: text (free text taken as written, `label: 1.10` is "1.10"), string (a strict
    string: `kind: yes` is an error), id, slug, version, bool, int, strings, selector, links,
    properties, severities, enum (with `choices`), object / objects (with `spec`),
    relations, steps. `what` names the value in messages ("a layer id").
    """

    name: str
    type: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    spec: Spec | None = None
    minimum: int | None = None
    what: str = ""


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
    _f("id", "id", "Unique layer id.", required=True, what="a layer id"),
    _f("title", "text", "Heading shown in diagrams and docs; defaults to the id."),
    _f("description", "text", "Markdown shown on the model page."),
    _f("cross_cutting", "bool", "Any layer may call a cross-cutting layer (operations, security)."),
))

# Properties the rules and the site read have declared types; any other property is free-form.
# Types: number (>= 0), bool, text, strings (a list, or one string), count-or-text, duration-or-text.
PROPERTY_TYPES: dict[str, tuple[str, str]] = {
    "cost_monthly": ("number", "Monthly cost in USD; rolled up by group and layer on the model page."),
    "multi_az": ("bool", "Runs in more than one availability zone."),
    "encrypted": ("bool", "Data at rest is encrypted."),
    "public": ("bool", "Reachable from the internet."),
    "zone": ("text", "The availability zone it runs in (us-east-1a)."),
    "zones": ("strings", "The availability zones it runs in."),
    "region": ("text", "The region it runs in (us-east-1)."),
    "cidr": ("text", "On groups: the network (10.0.0.0/16); checked by AD207-AD209."),
    "replicas": ("count-or-text", "How many copies run: a whole number, or text such as 'one per zone'."),
    "rto": ("duration-or-text", "Recovery time objective: a duration (15m, 4h, 1d) or text (Near zero)."),
    "rpo": ("duration-or-text", "Recovery point objective: a duration (15m, 4h, 1d) or text (Hours)."),
    # Read by the Well-Architected checks (AD404 onwards); documented in site_src/well-architected.md.
    "replica_of": ("text", "The element this one is a copy of (a standby or read replica): failure domains, AD426."),
    "backups": ("bool", "Automated backups or a backup plan are on (AD411)."),
    "backup_retention_days": ("number", "Days automated backups are kept; 0 means no backups (AD411)."),
    "point_in_time_recovery": ("bool", "DynamoDB point-in-time recovery is on (AD412)."),
    "deletion_protection": ("bool", "The resource cannot be deleted until protection is turned off (AD413)."),
    "versioning": ("bool", "S3 object versioning is on (AD429)."),
    "origin_access": ("bool", "S3 is read by CloudFront with origin access control (or identity) only (AD414)."),
    "waf": ("bool", "A WAF web ACL is attached (AD415)."),
    "https_only": ("bool", "Viewers and clients are served HTTPS only: HTTP is redirected or refused (AD416)."),
    "access_logs": ("bool", "Access logs are written (AD423)."),
    "dead_letter_queue": ("text", "Where failed messages or events go: an element id, a name or an ARN; "
                          "none or false: nowhere (AD417, AD418)."),
    "automatic_failover": ("bool", "ElastiCache promotes a replica when the primary fails (AD424)."),
    "ingress": ("strings", "Inbound rules as text, such as 'tcp 443 from 0.0.0.0/0' (AD422)."),
}
DURATION_PATTERN = r"^\s*[0-9]+(\.[0-9]+)?\s*(s|m|min|h|d|w)\s*$"

IAC_REFS = "The infrastructure resources it stands for: CloudFormation logical ids or Terraform addresses."
VIEW_REF = ("Its detail view: a view id of this model or `model-id/view-id` of another; clicking its box in a "
            "diagram goes there.")
DOCS = "Markdown files published with the model (ADRs, runbooks), relative to this file and inside the project folder."

GROUP_FIELDS: list[Field] = [
    _f("id", "id", "Unique id (shared namespace with elements).", required=True, what="a group id"),
    _f("kind", "kind", "Boundary kind: aws.Account, aws.Region, aws.AvailabilityZone, aws.VPC, aws.PublicSubnet, "
       "aws.PrivateSubnet, aws.SecurityGroup, k8s.Cluster, boundary, ...; defaults to boundary.", what="a kind"),
    _f("label", "text", "Shown on the boundary; defaults to the id."),
    _f("description", "text", "Markdown shown in the docs."),
    _f("in", "id", "Parent group (instead of nesting under its `groups`).", what="a group id"),
    _f("tags", "strings", "Free tags, usable in selectors.", what="tags"),
    _f("properties", "properties", "Free-form scalars; rules read cidr, public, zone, zones."),
    _f("links", "links", "Named URLs."),
    _f("iac", "strings", IAC_REFS, what="resource ids"),
    _f("owner", "text", "Who owns what is inside this boundary."),
    _f("view", "string", VIEW_REF, what="a view reference"),
    _f("docs", "strings", DOCS, what="paths"),
]
GROUP = Spec("group", "A boundary drawn around elements: account, region, VPC, subnet, zone, cluster.", ())
# Groups nest: the `groups` field refers to the spec itself.
object.__setattr__(GROUP, "fields", tuple(GROUP_FIELDS) + (
    _f("groups", "objects", "Nested groups.", spec=GROUP, what="groups"),))
GROUP.__post_init__()

ELEMENT = Spec("element", "A box of the architecture: a service, store, queue, person or external system.", (
    _f("id", "id", "Unique id: a letter, then letters, digits, `_` or `-`.", required=True, what="an element id"),
    _f("kind", "kind", "A diagrams node class below `diagrams.` (aws.compute.Lambda), an alias (aws.ALB) or "
       "one of archdoc's kinds (person, system, external, container, component); defaults to component.",
       what="a kind"),
    _f("label", "text", "Shown in diagrams; defaults to the id."),
    _f("description", "text", "Markdown shown in the docs."),
    _f("layer", "id", "The layer this element belongs to.", what="a layer id"),
    _f("in", "id", "The group (boundary) this element sits in.", what="a group id"),
    _f("tags", "strings", "Free tags, usable in selectors (tag:datastore).", what="tags"),
    _f("technology", "text", "Technology shown under the label."),
    _f("properties", "properties", "Free-form scalars; rules read public, zone, zones, multi_az, encrypted, "
       "replicas, cost_monthly, rto, rpo."),
    _f("links", "links", "Named URLs."),
    _f("iac", "strings", IAC_REFS, what="resource ids"),
    _f("owner", "text", "Who owns this element."),
    _f("view", "string", VIEW_REF, what="a view reference"),
    _f("docs", "strings", DOCS, what="paths"),
))

RELATION = Spec("relation", "An arrow from one element to another (long form).", (
    _f("from", "id", "Source element id.", required=True, what="an element id"),
    _f("to", "id", "Target element id.", required=True, what="an element id"),
    _f("label", "text", "Edge label."),
    _f("kind", "enum", "What the arrow means.", choices=RELATION_KINDS, what="relation kind"),
    _f("technology", "text", "Protocol or technology."),
    _f("description", "text", "Markdown shown in the docs."),
    _f("tags", "strings", "Free tags.", what="tags"),
))

STEP = Spec("step", "One step of a flow (long form).", (
    _f("from", "id", "Element sending.", required=True, what="an element id"),
    _f("to", "id", "Element receiving.", required=True, what="an element id"),
    _f("label", "text", "What happens in this step."),
    _f("kind", "enum", "sync or async.", choices=RELATION_KINDS, what="step kind"),
))

VIEW = Spec("view", "A diagram cut from the model with selectors.", (
    _f("id", "id", "Unique view id.", required=True, what="a view id"),
    _f("title", "text", "Heading; defaults to the id."),
    _f("description", "text", "Markdown shown above the diagram."),
    _f("include", "selector", "Elements shown (default: everything, unless `focus` is set)."),
    _f("exclude", "selector", "Elements hidden."),
    _f("focus", "selector", "Show these elements and their neighbours up to `depth` hops."),
    _f("depth", "int", "Hops around `focus` (default 1).", minimum=0),
    _f("direction", "enum", "Layout direction.", choices=("LR", "TB"), what="direction"),
))

FLOW = Spec("flow", "An ordered interaction, drawn as a sequence diagram and as numbered arrows.", (
    _f("id", "id", "Unique flow id.", required=True, what="a flow id"),
    _f("title", "text", "Heading; defaults to the id."),
    _f("description", "text", "Markdown shown above the diagram."),
    _f("steps", "steps", "Steps in order; short forms `a -> b: label` or long form mappings.", required=True,
       what="steps"),
))

IGNORE = Spec("ignore", "Suppress findings of one rule; the reason is required.", (
    _f("rule", "string", "The rule code (AD203).", required=True, what="a rule code"),
    _f("element", "id", "Only findings about this element or group.", what="an element or group id"),
    _f("relation", "arrow", "Only findings about this relation, written `a -> b`.",
       what="a relation such as 'a -> b'"),
    _f("reason", "reason", "Why the finding is accepted.", required=True),
))

# `rules:` holds these keys of archdoc's own, then the options the installed rules declare.
RULES = Spec("rules", "Lint configuration for this model.", (
    _f("severity", "severities", "Raise or lower a rule's severity: {AD204: error}."),
    _f("ignore", "objects", "Suppressions, each with a reason.", spec=IGNORE, what="suppressions"),
))

_COLLECTIONS: tuple[Field, ...] = (
    _f("include", "strings", "Fragments merged into this model, relative to this file; fragment names start with `_`.",
       what="paths"),
    _f("layers", "objects", "Ordered layers, top first.", spec=LAYER, what="layers"),
    _f("groups", "objects", "Nested boundaries.", spec=GROUP, what="groups"),
    _f("elements", "objects", "The boxes.", spec=ELEMENT, what="elements"),
    _f("relations", "relations", "The arrows: long form, `a -> b: label` or `a ..> b: label`.", what="relations"),
    _f("views", "objects", "Diagrams cut from the model.", spec=VIEW, what="views"),
    _f("flows", "objects", "Ordered interactions.", spec=FLOW, what="flows"),
)

MODEL = Spec("model", "An archdoc model file.", (
    _f("archdoc", "version", "Format version; absent means 1."),
    _f("id", "slug", "Model id; defaults to the file stem.", what="a model id"),
    _f("title", "text", "Title shown in the gallery."),
    _f("description", "text", "Markdown shown on the model's page."),
    _f("tags", "strings", "Free tags."),
    _f("owner", "text", "Who owns this architecture."),
    _f("links", "links", "Named URLs."),
    _f("iac", "strings", "Infrastructure code this model describes (CloudFormation/SAM templates, Terraform "
       "folders, plan or state JSON), relative to this file and inside the project folder.", what="paths"),
    _f("docs", "strings", DOCS, what="paths"),
    *_COLLECTIONS[:3],
    replace(_COLLECTIONS[3], required=True),
    *_COLLECTIONS[4:],
    _f("rules", "object", "Lint configuration.", spec=RULES),
))

FRAGMENT = Spec("fragment", "A fragment (file or folder name starting with `_`), merged into models by `include`.",
                _COLLECTIONS)


def with_rule_options(options: tuple[Field, ...]) -> tuple[Spec, Spec]:
    """The model spec with `rules:` accepting the options the installed rules declare (model, rules)."""
    rules = Spec(RULES.name, RULES.doc, options + RULES.fields)
    fields = tuple(replace(f, spec=rules) if f.name == "rules" else f for f in MODEL.fields)
    return Spec(MODEL.name, MODEL.doc, fields), rules
