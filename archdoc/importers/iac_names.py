"""Ids, labels and technologies for imported resources, readable by a person and stable run to run.

Ids come from the logical id or the Terraform name (`OrdersDb` -> `orders-db`,
`module.vpc.aws_subnet.public["a"]` -> `vpc-public-a`); Terraform's placeholder names
(`this`, `main`, `default`) give way to the type (`aws_vpc.this` -> `vpc`). A second resource
that would get the same id gets its type added, then a number. Labels prefer the `Name` tag or
the resource's own name property when it is literal text.
"""

from __future__ import annotations

import re
from typing import Any

from archdoc.iac.inventory import Resource
from archdoc.iac.mapping import TypeInfo
from archdoc.iac.terraform import UNREAD_MODULE
from archdoc.model.types import PropertyValue

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_ID = re.compile(r"[^a-z0-9]+")
_PLACEHOLDERS = {"this", "main", "default", "primary", "example", "resource"}
_NAME_PROPERTIES = ("FunctionName", "TableName", "QueueName", "TopicName", "BucketName", "DBInstanceIdentifier",
                    "DBClusterIdentifier", "ClusterName", "ServiceName", "StateMachineName", "Name",
                    "function_name", "name", "bucket", "identifier", "cluster_identifier")
_INDEX = re.compile(r'\[("?)([^"\]]*)\1\]')
MAX_ID_LENGTH = 60


def slug(text: str) -> str:
    value = _NOT_ID.sub("-", _CAMEL.sub("-", text).lower()).strip("-")[:MAX_ID_LENGTH].strip("-")
    if not value:
        return "resource"
    return value if value[0].isalpha() else f"r-{value}"


class Naming:
    def __init__(self) -> None:
        self._taken: set[str] = set()

    def id_for(self, resource: Resource) -> str:
        base = slug(_words(resource))
        short = slug(_short_type(resource.type))
        for candidate in (base, f"{base}-{short}" if short not in base else base):
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate
        number = 2
        while f"{base}-{number}" in self._taken:
            number += 1
        self._taken.add(f"{base}-{number}")
        return f"{base}-{number}"

    def scope_id(self, scope: str) -> str:
        base = slug(scope.replace("module.", "") + "-stack" if "module." not in scope else
                    scope.replace("module.", "") + "-module")
        candidate, number = base, 2
        while candidate in self._taken:
            candidate, number = f"{base}-{number}", number + 1
        self._taken.add(candidate)
        return candidate

    def label(self, resource: Resource, info: TypeInfo, facts: dict[str, PropertyValue]) -> str:
        if resource.type == UNREAD_MODULE:
            return f"{resource.name.replace('_', ' ')} module"
        named = _literal_name(resource.properties)
        if named:
            return named
        words = _words(resource, spaced=True)
        if info.kind in ("aws.VPC",) and isinstance(facts.get("cidr"), str):
            return f"VPC {facts['cidr']}"
        if resource.type in ("AWS::EC2::Subnet", "aws_subnet"):
            noun = "public subnet" if facts.get("public") else "private subnet"
            cidr = f" {facts['cidr']}" if isinstance(facts.get("cidr"), str) else ""
            return f"{words}{cidr}" if "subnet" in words.lower() else f"{words} ({noun}{cidr})"
        return words

    def technology(self, resource: Resource) -> str:
        properties = resource.properties
        if resource.type == UNREAD_MODULE:  # where the module comes from: terraform-aws-modules/vpc/aws
            source = properties.get("source")
            return str(source) if isinstance(source, str) and "${" not in source else ""
        for keys in (("Runtime", "runtime"), ("Engine", "engine"), ("Image", "image")):
            for key in keys:
                value = properties.get(key)
                if isinstance(value, str) and value and "${" not in value:
                    version = properties.get("EngineVersion", properties.get("engine_version"))
                    if key.lower() == "engine" and isinstance(version, str | int | float) and \
                            "${" not in str(version):
                        return f"{value} {version}"
                    return value
        return ""


def _words(resource: Resource, spaced: bool = False) -> str:
    """The resource's own name in words: logical id split, Terraform module path, name and index."""
    address = resource.address
    if resource.type == UNREAD_MODULE:
        return " ".join(re.findall(r"module\.([^.\[]+)", address)).replace("_", " ")
    if "::" in resource.type:  # CloudFormation: Network.PublicSubnetA (labels leave the stack out)
        text = address.rsplit(".", 1)[-1] if spaced else address.replace(".", " ")
        return _CAMEL.sub(" ", text) if spaced else text
    module_path = re.findall(r"module\.([^.\[]+)", address)
    name = resource.name or address.rsplit(".", 1)[-1]
    index = _INDEX.findall(address.rsplit(".", 1)[-1])
    own = [name.split("[", 1)[0]]
    if own[0] in _PLACEHOLDERS:  # `module.cache.aws_x.this` is the cache; a root `aws_vpc.main` the vpc
        own = [] if module_path else [_short_type(resource.type).replace("_", " ")]
    parts = [*module_path, *own, *[value for _quote, value in index]]
    text = " ".join(parts).replace("_", " ")
    return text[0].upper() + text[1:] if spaced and text else text


def _short_type(resource_type: str) -> str:
    if "::" in resource_type:
        return resource_type.rsplit("::", 1)[-1]
    return resource_type.split("_", 1)[1] if "_" in resource_type else resource_type


def _literal_name(properties: Any) -> str | None:
    tags = properties.get("Tags", properties.get("tags"))
    if isinstance(tags, list):  # CloudFormation: [{Key: Name, Value: ...}]
        for tag in tags:
            if isinstance(tag, dict) and tag.get("Key") == "Name" and _plain(tag.get("Value")):
                return str(tag["Value"])
    elif isinstance(tags, dict) and _plain(tags.get("Name")):
        return str(tags["Name"])
    for key in _NAME_PROPERTIES:
        if _plain(properties.get(key)):
            return str(properties[key])
    return None


def _plain(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and "${" not in value and len(value) <= 80
