"""What infrastructure code declares, read as data: resources, the references between them, problems.

An `Inventory` is the common ground of the CloudFormation and Terraform readers, the
importers that turn it into a draft model, and the conformance check that compares it with
a model. Everything in it is located (`SourceSpan` into the template, `.tf` or JSON file).

Addresses:

- CloudFormation: the resource's logical id (`OrdersDb`). A resource of a nested stack
  (an `AWS::CloudFormation::Stack` or `AWS::Serverless::Application` whose template was
  given) is prefixed with the logical id of the stack resource and a dot, at every level:
  `Network.Vpc`, `Network.Subnets.PublicA`.
- Terraform: the address Terraform itself prints: `aws_db_instance.orders`,
  `module.vpc.aws_subnet.public["a"]`, `aws_instance.web[0]`, `data.aws_ami.base`.

A `Reference` says that the code of `source` points at `target`. `via` tells how: the
intrinsic or expression that wrote it (`Ref`, `GetAtt`, `Sub`, `DependsOn`, `ImportValue`,
`expression`, `depends_on`, `state`), or the connection a resource type stands for
(`ingress`, `event-source`, `subscription`, `notification`, `policy`, `environment`).
`path` is the property it was written under, keys joined by dots without list indexes
(`Environment.Variables.TABLE`, `VpcId`, `ingress.security_groups`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from archdoc.model import Problem, SourceSpan

# Ways a reference is written in the code (see the module docstring).
WRITTEN_VIAS = ("Ref", "GetAtt", "Sub", "DependsOn", "ImportValue", "expression", "depends_on", "state")
# Connections that a resource type or a property stands for.
CONNECTION_VIAS = ("ingress", "event-source", "subscription", "notification", "policy", "environment")

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Resource:
    """One resource: its address, type (`AWS::RDS::DBInstance`, `aws_db_instance`) and properties as data.

    `properties` is the resource's configuration as plain data (mappings, lists, scalars);
    CloudFormation intrinsics stay in their long form (`{"Ref": "Vpc"}`, `{"Fn::GetAtt":
    ["Db", "Arn"]}`), Terraform expressions stay as their `${...}` text. Read it, never change it.
    `mode` is `data` for a Terraform data source, `managed` otherwise.
    """

    address: str
    type: str
    properties: Mapping[str, Any]
    span: SourceSpan
    file: str
    mode: str = "managed"
    name: str = ""  # the logical id or Terraform name without module prefix and index

    @property
    def is_data_source(self) -> bool:
        return self.mode == "data"


@dataclass(frozen=True, slots=True, order=True)
class Reference:
    """The code of `source` points at `target` (both addresses)."""

    source: str
    target: str
    via: str
    span: SourceSpan
    path: str = ""


@dataclass(frozen=True)
class Inventory:
    """The resources and references of a set of IaC files, with every problem met while reading them.

    `defaults` holds, per file, the default of each template parameter or Terraform variable
    that has a literal one: facts fall back to it where a property only names the parameter.
    """

    resources: tuple[Resource, ...] = ()
    references: tuple[Reference, ...] = ()
    problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = ()
    defaults: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: _EMPTY)

    def __post_init__(self) -> None:
        index = {resource.address: resource for resource in self.resources}
        object.__setattr__(self, "_by_address", MappingProxyType(index))

    @property
    def by_address(self) -> Mapping[str, Resource]:
        return self._by_address  # type: ignore[attr-defined,no-any-return]

    def get(self, address: str) -> Resource | None:
        return self.by_address.get(address)

    def references_from(self, address: str) -> list[Reference]:
        return [reference for reference in self.references if reference.source == address]

    @property
    def unreadable(self) -> bool:
        """Some input could not be read at all (an AD0xx problem): exit status 2."""
        return any(problem.code.startswith("AD0") for problem in self.problems)


def frozen(value: Any) -> Mapping[str, Any]:
    """A read-only view of a mapping of properties (the data below it is shared, not copied)."""
    return MappingProxyType(value) if isinstance(value, dict) else _EMPTY
