"""The properties a model states that the code configures: multi_az, encrypted, public, zone(s), cidr.

`facts(resource, inventory, topology)` returns only what the code says literally (a value,
or the literal default of the parameter or variable it names); anything computed at deploy
time is left out rather than guessed. An availability zone picked by index
(`!Select [0, !GetAZs ""]`, `data.aws_availability_zones.x.names[0]`) is written `az-1`,
`az-2`, ... (index 0 is `az-1`): distinct indexes are distinct zones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from archdoc.iac.inventory import Inventory, Resource
from archdoc.iac.topology import Topology
from archdoc.model.types import PropertyValue

_VARIABLE = re.compile(r"^\$\{var\.([A-Za-z0-9_-]+)\}$")
_AZ_INDEX = re.compile(r"^\$\{.*availability_zones.*names\[(\d+)\]\}$")

# fact -> {type: (property paths, value when none is written)}
_MULTI_AZ = {
    "AWS::RDS::DBInstance": (("MultiAZ",), False), "aws_db_instance": (("multi_az",), False),
    "AWS::ElastiCache::ReplicationGroup": (("MultiAZEnabled",), False),
    "aws_elasticache_replication_group": (("multi_az_enabled",), False),
    "AWS::AmazonMQ::Broker": (("DeploymentMode",), None), "aws_mq_broker": (("deployment_mode",), None),
}
_ENCRYPTED = {
    "AWS::RDS::DBInstance": (("StorageEncrypted",), False), "aws_db_instance": (("storage_encrypted",), False),
    "AWS::RDS::DBCluster": (("StorageEncrypted",), False), "aws_rds_cluster": (("storage_encrypted",), False),
    "AWS::DynamoDB::Table": (("SSESpecification.SSEEnabled",), True),
    "aws_dynamodb_table": (("server_side_encryption.enabled",), True),
    "AWS::S3::Bucket": ((), True), "aws_s3_bucket": ((), True),  # S3 encrypts every new object since 2023
    "AWS::EFS::FileSystem": (("Encrypted",), False), "aws_efs_file_system": (("encrypted",), False),
    "AWS::EC2::Volume": (("Encrypted",), False), "aws_ebs_volume": (("encrypted",), False),
    "AWS::ElastiCache::ReplicationGroup": (("AtRestEncryptionEnabled",), False),
    "aws_elasticache_replication_group": (("at_rest_encryption_enabled",), False),
    "AWS::Redshift::Cluster": (("Encrypted",), False), "aws_redshift_cluster": (("encrypted",), False),
    "AWS::SQS::Queue": (("SqsManagedSseEnabled", "KmsMasterKeyId"), None),
    "aws_sqs_queue": (("sqs_managed_sse_enabled", "kms_master_key_id"), None),
    "AWS::SNS::Topic": (("KmsMasterKeyId",), None), "aws_sns_topic": (("kms_master_key_id",), None),
    "AWS::Kinesis::Stream": (("StreamEncryption",), None), "aws_kinesis_stream": (("encryption_type",), None),
}
_PUBLIC = {
    "AWS::RDS::DBInstance": (("PubliclyAccessible",), False), "aws_db_instance": (("publicly_accessible",), False),
    "AWS::EC2::Instance": (("NetworkInterfaces.AssociatePublicIpAddress",), None),
    "aws_instance": (("associate_public_ip_address",), None),
    "AWS::CloudFront::Distribution": ((), True), "aws_cloudfront_distribution": ((), True),
}


def facts(resource: Resource, inventory: Inventory, topology: Topology) -> dict[str, PropertyValue]:
    """The facts the code states for one resource (see the module docstring)."""
    defaults = inventory.defaults.get(resource.file, {})
    found: dict[str, PropertyValue] = {}
    for name, table in (("multi_az", _MULTI_AZ), ("encrypted", _ENCRYPTED), ("public", _PUBLIC)):
        entry = table.get(resource.type)
        if entry is not None:
            value = _flag(resource.properties, entry[0], defaults, entry[1])
            if value is not None:
                found[name] = value
    kind = resource.type
    if kind in ("AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer"):
        scheme = _literal(resource.properties.get("Scheme"), defaults)
        found["public"] = scheme in (None, "internet-facing")
    elif kind in ("aws_lb", "aws_alb", "aws_elb"):
        internal = _boolean(_literal(resource.properties.get("internal"), defaults))
        found["public"] = not internal if internal is not None else True
    elif kind in ("AWS::EC2::Subnet", "aws_subnet"):
        found["public"] = topology.is_public_subnet(resource.address)
        zone = zone_of(resource.properties.get("AvailabilityZone", resource.properties.get("availability_zone")),
                       defaults)
        if zone:
            found["zone"] = zone
    elif kind in ("AWS::RDS::DBInstance", "aws_db_instance"):
        zone = zone_of(resource.properties.get("AvailabilityZone", resource.properties.get("availability_zone")),
                       defaults)
        if zone:
            found["zone"] = zone
    if kind in ("AWS::EC2::VPC", "aws_vpc", "AWS::EC2::Subnet", "aws_subnet"):
        cidr = _literal(resource.properties.get("CidrBlock", resource.properties.get("cidr_block")), defaults)
        if isinstance(cidr, str) and "/" in cidr and "${" not in cidr:  # an expression (cidrsubnet) is no literal
            found["cidr"] = cidr
    if found.get("multi_az") == "MULTI_AZ" or found.get("multi_az") == "ACTIVE_STANDBY_MULTI_AZ":
        found["multi_az"] = True
    elif isinstance(found.get("multi_az"), str):
        found["multi_az"] = False
    zones = sorted({str(z) for z in (zone_of_subnet(s, inventory) for s in topology.subnets(resource.address)) if z})
    if zones:
        found["zones"] = tuple(zones)
        if len(zones) > 1 and "multi_az" not in found:
            found["multi_az"] = True
    return found


def zone_of_subnet(address: str, inventory: Inventory) -> str | None:
    subnet = inventory.get(address)
    if subnet is None:
        return None
    defaults = inventory.defaults.get(subnet.file, {})
    return zone_of(subnet.properties.get("AvailabilityZone", subnet.properties.get("availability_zone")), defaults)


def zone_of(value: Any, defaults: Mapping[str, Any]) -> str | None:
    """A zone as written, or `az-N` for the N-th zone picked by index."""
    literal = _literal(value, defaults)
    if isinstance(literal, str) and literal and "${" not in literal:
        return literal
    if isinstance(value, dict) and isinstance(value.get("Fn::Select"), list) and value["Fn::Select"]:
        index = value["Fn::Select"][0]
        if isinstance(index, int) or (isinstance(index, str) and index.isdigit()):
            return f"az-{int(index) + 1}"
    if isinstance(value, str):
        match = _AZ_INDEX.match(value)
        if match:
            return f"az-{int(match.group(1)) + 1}"
    return None


def _flag(properties: Mapping[str, Any], paths: tuple[str, ...], defaults: Mapping[str, Any],
          absent: bool | None) -> PropertyValue:
    for path in paths:
        value = _at(properties, path)
        if value is None:
            continue
        literal = _literal(value, defaults)
        if path.endswith(("KmsMasterKeyId", "kms_master_key_id", "StreamEncryption")):
            return True
        if path in ("DeploymentMode", "deployment_mode", "encryption_type"):
            return literal if isinstance(literal, str) else None  # type: ignore[return-value]
        return _boolean(literal)
    return absent


def _at(properties: Mapping[str, Any], path: str) -> Any:
    value: Any = properties
    for key in path.split("."):
        if isinstance(value, list):
            value = value[0] if value else None
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], Mapping):
        return None
    return value


def _literal(value: Any, defaults: Mapping[str, Any]) -> Any:
    """A literal value, or the literal default of the parameter (`!Ref P`) or variable (`var.p`) it names."""
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("Ref"), str):
        return defaults.get(value["Ref"])
    if isinstance(value, str):
        match = _VARIABLE.match(value)
        if match:
            return defaults.get(match.group(1))
    return value if isinstance(value, str | int | float | bool) else None


def _boolean(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None
