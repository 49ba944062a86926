"""The catalogue of kinds: every node class of the installed `diagrams` package, plus archdoc's own.

A kind is written as the class's module path below `diagrams.` (`aws.compute.Lambda`).
Its category is the module (compute, database, network, ...), which selectors and rules
use; its icon is the PNG the class draws with. Boundary kinds (account, region, VPC,
subnet, ...) are archdoc's own and are used by groups.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import os
import pkgutil
from dataclasses import dataclass
from functools import lru_cache

ARCHDOC_ELEMENT_KINDS: dict[str, str] = {
    "person": "A person or role using the system.",
    "system": "A software system, drawn as one box.",
    "external": "A system outside the boundary being modelled.",
    "container": "A deployable unit (service, app, database) of a system.",
    "component": "A part of a container.",
}

# Boundary kinds for groups: name -> (what it is, the diagrams class whose icon it shows).
BOUNDARY_KINDS: dict[str, tuple[str, str | None]] = {
    "boundary": ("A generic boundary.", None),
    "system": ("The boundary of a software system.", None),
    "aws.Cloud": ("The AWS cloud.", "aws.general.General"),
    "aws.Organization": ("An AWS Organization.", "aws.management.Organizations"),
    "aws.OU": ("An organizational unit.", "aws.management.OrganizationsOrganizationalUnit"),
    "aws.Account": ("An AWS account.", "aws.management.OrganizationsAccount"),
    "aws.Region": ("An AWS region.", None),
    "aws.AvailabilityZone": ("An availability zone.", None),
    "aws.VPC": ("A virtual private cloud.", "aws.network.VPC"),
    "aws.PublicSubnet": ("A public subnet (routes to an internet gateway).", "aws.network.PublicSubnet"),
    "aws.PrivateSubnet": ("A private subnet.", "aws.network.PrivateSubnet"),
    "aws.SecurityGroup": ("A security group.", None),
    "aws.AutoScalingGroup": ("An Auto Scaling group.", "aws.compute.EC2AutoScaling"),
    "k8s.Cluster": ("A Kubernetes cluster.", "k8s.infra.Master"),
    "k8s.Namespace": ("A Kubernetes namespace.", "k8s.group.Namespace"),
}

# Friendly aliases, documented in the user guide: alias -> full diagrams kind.
ALIASES: dict[str, str] = {
    "aws.ALB": "aws.network.ElbApplicationLoadBalancer",
    "aws.NLB": "aws.network.ElbNetworkLoadBalancer",
    "aws.ELB": "aws.network.ElasticLoadBalancing",
    "aws.CloudFront": "aws.network.CloudFront",
    "aws.Route53": "aws.network.Route53",
    "aws.APIGateway": "aws.network.APIGateway",
    "aws.IGW": "aws.network.InternetGateway",
    "aws.NATGateway": "aws.network.NATGateway",
    "aws.CloudMap": "aws.network.CloudMap",
    "aws.EC2": "aws.compute.EC2",
    "aws.Lambda": "aws.compute.Lambda",
    "aws.ECS": "aws.compute.ElasticContainerService",
    "aws.EKS": "aws.compute.ElasticKubernetesService",
    "aws.Fargate": "aws.compute.Fargate",
    "aws.ECR": "aws.compute.ElasticContainerServiceContainer",
    "aws.S3": "aws.storage.SimpleStorageServiceS3",
    "aws.EBS": "aws.storage.ElasticBlockStoreEBS",
    "aws.EFS": "aws.storage.ElasticFileSystemEFS",
    "aws.RDS": "aws.database.RDS",
    "aws.Aurora": "aws.database.Aurora",
    "aws.DynamoDB": "aws.database.Dynamodb",
    "aws.ElastiCache": "aws.database.ElastiCache",
    "aws.Redshift": "aws.analytics.Redshift",
    "aws.SQS": "aws.integration.SimpleQueueServiceSqs",
    "aws.SNS": "aws.integration.SimpleNotificationServiceSns",
    "aws.EventBridge": "aws.integration.Eventbridge",
    "aws.StepFunctions": "aws.integration.StepFunctions",
    "aws.Kinesis": "aws.analytics.KinesisDataStreams",
    "aws.Firehose": "aws.analytics.KinesisDataFirehose",
    "aws.Glue": "aws.analytics.Glue",
    "aws.Athena": "aws.analytics.Athena",
    "aws.QuickSight": "aws.analytics.Quicksight",
    "aws.WAF": "aws.security.WAF",
    "aws.Shield": "aws.security.Shield",
    "aws.IAM": "aws.security.IdentityAndAccessManagementIam",
    "aws.KMS": "aws.security.KeyManagementService",
    "aws.Cognito": "aws.security.Cognito",
    "aws.SecretsManager": "aws.security.SecretsManager",
    "aws.CloudWatch": "aws.management.Cloudwatch",
    "aws.CloudTrail": "aws.management.Cloudtrail",
    "aws.XRay": "aws.devtools.XRay",
    "aws.CodePipeline": "aws.devtools.Codepipeline",
    "aws.CodeBuild": "aws.devtools.Codebuild",
    "aws.CodeDeploy": "aws.devtools.Codedeploy",
    "aws.Users": "aws.general.Users",
}


@dataclass(frozen=True, slots=True)
class Kind:
    """A resolved kind: canonical name, provider, category and icon file (None when it has none)."""

    name: str
    provider: str
    category: str
    icon: str | None
    node_class: str | None  # dotted path of the diagrams class, e.g. diagrams.aws.compute.Lambda
    boundary: bool = False
    doc: str = ""


class KindCatalogue:
    """Lookup of element kinds and boundary (group) kinds, with suggestions for names that do not exist.

    A diagrams module is imported only when a model names a kind in it; the whole catalogue
    (some 2,600 classes) is built only to suggest names for a kind that does not exist.
    """

    def __init__(self) -> None:
        self._elements: dict[str, Kind] = {
            name: Kind(name, "archdoc", name, None, None, doc=doc) for name, doc in ARCHDOC_ELEMENT_KINDS.items()
        }
        self._modules = _diagrams_modules()
        self._loaded: set[tuple[str, str]] = set()
        self._complete = False
        self._boundaries: dict[str, Kind] = {}
        for name, (doc, icon_kind) in BOUNDARY_KINDS.items():
            icon_source = self.element_kind(icon_kind) if icon_kind else None
            provider = name.split(".", 1)[0] if "." in name else "archdoc"
            self._boundaries[name] = Kind(name, provider, "boundary", icon_source.icon if icon_source else None,
                                          None, boundary=True, doc=doc)

    def element_kind(self, name: str) -> Kind | None:
        name = ALIASES.get(name, name)
        found = self._elements.get(name)
        if found is None and name.count(".") == 2:
            provider, module, _ = name.split(".")
            if (provider, module) in self._modules and (provider, module) not in self._loaded:
                self._load(provider, module)
                found = self._elements.get(name)
        return found

    def group_kind(self, name: str) -> Kind | None:
        """Groups take a boundary kind, or any element kind (drawn with its icon)."""
        return self._boundaries.get(name) or self.element_kind(name)

    def suggest(self, name: str, *, boundary: bool = False, limit: int = 3) -> list[str]:
        """The closest kind names: same class name in another module first, then spelling."""
        pool = sorted(self._boundaries) if boundary else sorted({*self.names(), *ALIASES})
        lowered: dict[str, list[str]] = {}
        for candidate in pool:
            lowered.setdefault(candidate.lower(), []).append(candidate)
            lowered.setdefault(candidate.rsplit(".", 1)[-1].lower(), []).append(candidate)
        found: list[str] = []
        for candidate in lowered.get(name.lower(), []) + lowered.get(name.rsplit(".", 1)[-1].lower(), []):
            if candidate not in found:
                found.append(candidate)
        for candidate in difflib.get_close_matches(name, pool, n=limit, cutoff=0.6):
            if candidate not in found:
                found.append(candidate)
        return found[:limit]

    def names(self, *, boundary: bool = False) -> list[str]:
        if boundary:
            return sorted(self._boundaries)
        if not self._complete:
            for provider, module in sorted(self._modules - self._loaded):
                self._load(provider, module)
            self._complete = True
        return sorted(self._elements)

    def _load(self, provider: str, module: str) -> None:
        self._loaded.add((provider, module))
        for name, kind in _module_kinds(provider, module).items():
            self._elements.setdefault(name, kind)


@lru_cache(maxsize=1)
def catalogue() -> KindCatalogue:
    """The catalogue of the installed diagrams package, shared by the whole process."""
    return KindCatalogue()


def _diagrams_modules() -> set[tuple[str, str]]:
    """(provider, module) pairs of the installed diagrams package, listed without importing them."""
    table = _table()
    if table is not None:
        return {tuple(key.split(".")) for key in table[1]}  # type: ignore[misc]
    return _scanned_modules()


def _module_kinds(provider: str, module_name: str) -> dict[str, Kind]:
    table = _table()
    if table is None:
        return scanned_kinds(provider, module_name)
    resources, modules = table
    kinds: dict[str, Kind] = {}
    for entry in filter(None, modules[f"{provider}.{module_name}"].split(";")):
        written, _, node = entry.partition(">")
        attribute, _, icon_file = written.partition("=")
        icon = os.path.join(resources, icon_file if "/" in icon_file else f"{provider}/{module_name}/{icon_file}") \
            if icon_file else None
        node_class = node if "." in node else f"diagrams.{provider}.{module_name}.{node or attribute}"
        name = f"{provider}.{module_name}.{attribute}"
        kinds[name] = Kind(name, provider, module_name, icon if icon and os.path.isfile(icon) else None, node_class)
    return kinds


def scanned_kinds(provider: str, module_name: str) -> dict[str, Kind]:
    """The kinds of one diagrams module, read from its classes (imports the module)."""
    import diagrams

    resources = os.path.join(os.path.dirname(os.path.dirname(diagrams.__file__)), "resources")
    module = importlib.import_module(f"diagrams.{provider}.{module_name}")
    kinds: dict[str, Kind] = {}
    for attribute, value in sorted(vars(module).items()):
        if attribute.startswith("_") or not isinstance(value, type):
            continue
        icon_file = getattr(value, "_icon", None)
        if not issubclass(value, diagrams.Node) or not icon_file:
            continue
        icon_dir = getattr(value, "_icon_dir", None)
        icon = os.path.join(resources, os.path.relpath(icon_dir, "resources"), icon_file) if icon_dir else None
        name = f"{provider}.{module_name}.{attribute}"
        kinds[name] = Kind(name, provider, module_name, icon if icon and os.path.isfile(icon) else None,
                           f"{value.__module__}.{value.__qualname__}")
    return kinds


def kinds_table_text() -> str:
    """The text of `archdoc.load.kinds_table` for the installed diagrams package (imports all of it)."""
    from importlib.metadata import version

    import diagrams

    resources = os.path.join(os.path.dirname(os.path.dirname(diagrams.__file__)), "resources")
    lines = [f'"""{_TABLE_DOC}"""', "# ruff: noqa: E501", "", f"DIAGRAMS_VERSION = {version('diagrams')!r}",
             "MODULES: dict[str, str] = {"]
    for provider, module in sorted(_scanned_modules()):
        entries = []
        for name, kind in scanned_kinds(provider, module).items():
            attribute = name.rsplit(".", 1)[1]
            icon = os.path.relpath(kind.icon, resources) if kind.icon else ""
            icon = icon.removeprefix(f"{provider}/{module}/")
            node = kind.node_class or ""
            short = node.removeprefix(f"diagrams.{provider}.{module}.")
            node = node if "." in short else short
            entries.append(f"{attribute}={icon}" + ("" if node == attribute else f">{node}"))
        lines.append(f"    {provider + '.' + module!r}: {';'.join(entries)!r},")
    return "\n".join([*lines, "}", ""])


_TABLE_DOC = """The kinds of the diagrams package archdoc is tested with, read at start-up instead of diagrams itself.

Generated by `archdoc.load.kinds.kinds_table_text()`; tests/load/test_kinds_table.py fails when it
differs from the installed diagrams (`ARCHDOC_UPDATE_GOLDEN=1` rewrites it). Used only when the
installed diagrams has this version; otherwise the catalogue reads the classes themselves.
Each module: `Class=icon` entries joined by `;`, the icon below `resources/<provider>/<module>/`
(a path with `/`: below `resources/`), `>Target` when the kind is another name of class Target.
"""


def _scanned_modules() -> set[tuple[str, str]]:
    import diagrams

    pairs: set[tuple[str, str]] = set()
    root = os.path.dirname(diagrams.__file__)
    for provider in pkgutil.iter_modules([root]):
        if not provider.ispkg or provider.name in ("base", "custom"):
            continue
        for module in pkgutil.iter_modules([os.path.join(root, provider.name)]):
            pairs.add((provider.name, module.name))
    return pairs


@lru_cache(maxsize=1)
def _table() -> tuple[str, dict[str, str]] | None:
    """(the diagrams resources folder, the committed table) when the installed diagrams is the one the table
    was made from (its dist-info folder is there), else None: the catalogue then imports diagrams."""
    spec = importlib.util.find_spec("diagrams")
    if spec is None or spec.origin is None:
        return None
    from archdoc.load import kinds_table

    site = os.path.dirname(os.path.dirname(spec.origin))
    if not os.path.isdir(os.path.join(site, f"diagrams-{kinds_table.DIAGRAMS_VERSION}.dist-info")):
        return None
    return os.path.join(site, "resources"), kinds_table.MODULES
