"""Connections that resource types stand for: security-group ingress, event sources, subscriptions, ...

A reference says that one resource's code names another. Some types and properties mean
more: an `AWS::Lambda::EventSourceMapping` connects the queue its `EventSourceArn` names to
the function its `FunctionName` names; a function's environment variable that names a table
means the function uses the table. `LINKS` lists them for both CloudFormation and Terraform;
`connect` derives one `Reference` per connection, with the `via` naming it, from the written
references (the properties are matched by their path, `*` matching any part).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from archdoc.iac.inventory import Inventory, Reference

SELF = "self"


@dataclass(frozen=True, slots=True)
class Link:
    """Resources of `types` connect what `source` names to what `target` names (`self`: the resource)."""

    types: tuple[str, ...]
    via: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    when: tuple[str, str] | None = None  # (property, value) the resource must have


def _link(types: str, via: str, source: str, target: str, when: tuple[str, str] | None = None) -> Link:
    return Link(tuple(types.split()), via, tuple(source.split()), tuple(target.split()), when)


LINKS: tuple[Link, ...] = (
    # Event sources: what triggers a function (source) -> the function (target).
    _link("AWS::Lambda::EventSourceMapping", "event-source", "EventSourceArn", "FunctionName"),
    _link("aws_lambda_event_source_mapping", "event-source", "event_source_arn", "function_name"),
    _link("AWS::Serverless::Function", "event-source", "Events.*", SELF),
    _link("AWS::Lambda::Permission", "event-source", "SourceArn", "FunctionName"),
    _link("aws_lambda_permission", "event-source", "source_arn", "function_name"),
    # Subscriptions and rule targets: the publisher -> the subscriber.
    _link("AWS::SNS::Subscription", "subscription", "TopicArn", "Endpoint"),
    _link("aws_sns_topic_subscription", "subscription", "topic_arn", "endpoint"),
    _link("AWS::SNS::Topic", "subscription", SELF, "Subscription.Endpoint"),
    _link("AWS::Events::Rule", "subscription", SELF, "Targets.Arn"),
    _link("aws_cloudwatch_event_target", "subscription", "rule", "arn"),
    # S3 notifications: the bucket -> the function, queue or topic told.
    _link("AWS::S3::Bucket", "notification", SELF, "NotificationConfiguration.*"),
    _link("aws_s3_bucket_notification", "notification", "bucket",
          "lambda_function.lambda_function_arn queue.queue_arn topic.topic_arn"),
    # Security-group ingress: the group allowed in (the client) -> the group it may reach.
    _link("AWS::EC2::SecurityGroupIngress", "ingress", "SourceSecurityGroupId SourceSecurityGroupName", "GroupId"),
    _link("AWS::EC2::SecurityGroup", "ingress", "SecurityGroupIngress.SourceSecurityGroupId", SELF),
    _link("aws_security_group_rule", "ingress", "source_security_group_id", "security_group_id",
          ("type", "ingress")),
    _link("aws_vpc_security_group_ingress_rule", "ingress", "referenced_security_group_id", "security_group_id"),
    _link("aws_security_group", "ingress", "ingress.security_groups", SELF),
    # IAM policies: the principal (role, function) -> the resource it may use.
    _link("AWS::IAM::Role", "policy", SELF, "Policies.PolicyDocument.Statement.Resource"),
    _link("AWS::IAM::Policy AWS::IAM::ManagedPolicy", "policy", "Roles", "PolicyDocument.Statement.Resource"),
    _link("AWS::Serverless::Function AWS::Serverless::StateMachine", "policy", SELF, "Policies Policies.*"),
    _link("aws_iam_role_policy", "policy", "role", "policy"),
    _link("aws_iam_policy", "policy", SELF, "policy"),
    # Environment variables: the function or task -> what a variable names.
    _link("AWS::Lambda::Function AWS::Serverless::Function", "environment", SELF, "Environment.Variables.*"),
    _link("AWS::ECS::TaskDefinition", "environment", SELF,
          "ContainerDefinitions.Environment.Value ContainerDefinitions.Secrets.ValueFrom"),
    _link("aws_lambda_function", "environment", SELF, "environment.variables.*"),
)

_BY_TYPE: dict[str, list[Link]] = {}
for _entry in LINKS:
    for _type in _entry.types:
        _BY_TYPE.setdefault(_type, []).append(_entry)


def links_for(resource_type: str) -> list[Link]:
    return _BY_TYPE.get(resource_type, [])


def connect(inventory: Inventory) -> list[Reference]:
    """The connections the resources' types stand for, derived from their written references."""
    from_source: dict[str, list[Reference]] = {}
    for reference in inventory.references:
        from_source.setdefault(reference.source, []).append(reference)
    derived: list[Reference] = []
    for resource in inventory.resources:
        links = links_for(resource.type)
        if not links:
            continue
        written = from_source.get(resource.address, [])
        for link in links:
            if link.when is not None and _text(resource.properties, link.when[0]) != link.when[1]:
                continue
            sources = _ends(link.source, resource.address, written)
            targets = _ends(link.target, resource.address, written)
            for source, source_reference in sources:
                for target, target_reference in targets:
                    if source == target:
                        continue
                    written_at = target_reference or source_reference
                    span = written_at.span if written_at is not None else resource.span
                    path = written_at.path if written_at is not None else ""
                    derived.append(Reference(source, target, link.via, span, path))
    return derived


def admitted_paths(resource_type: str) -> tuple[str, ...]:
    """Property paths naming what a resource admits or grants rather than serves: an ingress rule's
    source group, a policy's resources (the importer does not fold the resource into those)."""
    found: list[str] = []
    for link in links_for(resource_type):
        if link.via == "ingress" and link.source != (SELF,):
            found += link.source
        elif link.via == "policy" and link.target != (SELF,):
            found += link.target
    return tuple(found)


def path_matches(path: str, patterns: tuple[str, ...]) -> bool:
    return any(path == p or fnmatchcase(path, p) or path.startswith(p + ".") for p in patterns)


def _ends(patterns: tuple[str, ...], address: str, written: list[Reference]) -> list[tuple[str, Reference | None]]:
    if patterns == (SELF,):
        return [(address, None)]
    found: dict[str, Reference] = {}
    for reference in written:
        if reference.via in ("DependsOn", "depends_on"):
            continue
        if path_matches(reference.path, patterns):
            found.setdefault(reference.target, reference)
    return sorted(found.items())


def _text(properties: Mapping[str, Any], key: str) -> str | None:
    value = properties.get(key)
    return value if isinstance(value, str) else None
