"""The catalogue of kinds: every node class of the installed `diagrams` package, plus archdoc's own.

A kind is written as the class's module path below `diagrams.` (`aws.compute.Lambda`).
Its category is the module (compute, database, network, ...), which selectors and rules
use; its icon is the PNG the class draws with. Boundary kinds (account, region, VPC,
subnet, ...) are archdoc's own and are used by groups.
"""

from __future__ import annotations

import difflib
import importlib
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
    """Lookup of element kinds and boundary (group) kinds, with suggestions for names that do not exist."""

    def __init__(self, elements: dict[str, Kind], boundaries: dict[str, Kind]) -> None:
        self._elements = elements
        self._boundaries = boundaries
        self._by_lower: dict[str, list[str]] = {}
        for name in [*elements, *boundaries, *ALIASES]:
            self._by_lower.setdefault(name.lower(), []).append(name)
            self._by_lower.setdefault(name.rsplit(".", 1)[-1].lower(), []).append(name)

    def element_kind(self, name: str) -> Kind | None:
        return self._elements.get(ALIASES.get(name, name))

    def group_kind(self, name: str) -> Kind | None:
        """Groups take a boundary kind, or any element kind (drawn with its icon)."""
        return self._boundaries.get(name) or self.element_kind(name)

    def suggest(self, name: str, *, boundary: bool = False, limit: int = 3) -> list[str]:
        """The closest kind names: same class name in another module first, then spelling."""
        pool = set(self._boundaries) if boundary else set(self._elements) | set(ALIASES)
        found: list[str] = []
        last = name.rsplit(".", 1)[-1].lower()
        for candidate in self._by_lower.get(name.lower(), []) + self._by_lower.get(last, []):
            if candidate in pool and candidate not in found:
                found.append(candidate)
        for candidate in difflib.get_close_matches(name, sorted(pool), n=limit, cutoff=0.6):
            if candidate not in found:
                found.append(candidate)
        return found[:limit]

    def names(self, *, boundary: bool = False) -> list[str]:
        return sorted(self._boundaries if boundary else self._elements)


@lru_cache(maxsize=1)
def catalogue() -> KindCatalogue:
    """The catalogue of the installed diagrams package (built once per process, ~0.1 s)."""
    elements: dict[str, Kind] = {
        name: Kind(name, "archdoc", name, None, None, doc=doc) for name, doc in ARCHDOC_ELEMENT_KINDS.items()
    }
    for name, kind in _diagrams_kinds().items():
        elements.setdefault(name, kind)
    boundaries: dict[str, Kind] = {}
    for name, (doc, icon_kind) in BOUNDARY_KINDS.items():
        icon = elements[icon_kind].icon if icon_kind in elements else None
        provider = name.split(".", 1)[0] if "." in name else "archdoc"
        boundaries[name] = Kind(name, provider, "boundary", icon, None, boundary=True, doc=doc)
    return KindCatalogue(elements, boundaries)


def _diagrams_kinds() -> dict[str, Kind]:
    import diagrams

    resources = os.path.join(os.path.dirname(os.path.dirname(diagrams.__file__)), "resources")
    kinds: dict[str, Kind] = {}
    for provider in sorted(m.name for m in pkgutil.iter_modules(diagrams.__path__) if m.ispkg):
        if provider in ("base", "custom"):
            continue
        package = importlib.import_module(f"diagrams.{provider}")
        for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            module = importlib.import_module(f"diagrams.{provider}.{module_info.name}")
            for attribute, value in sorted(vars(module).items()):
                if attribute.startswith("_") or not isinstance(value, type):
                    continue
                if not issubclass(value, diagrams.Node) or not getattr(value, "_icon", None):
                    continue
                icon_dir = getattr(value, "_icon_dir", None)
                icon = os.path.join(resources, os.path.relpath(icon_dir, "resources"), value._icon) if icon_dir else None
                name = f"{provider}.{module_info.name}.{attribute}"
                kinds[name] = Kind(
                    name,
                    provider,
                    module_info.name,
                    icon if icon and os.path.isfile(icon) else None,
                    f"{value.__module__}.{value.__qualname__}",
                )
    return kinds
