"""Where resources sit: the VPC or subnets a resource is placed in, from the properties that say so.

Placement is read from `VpcId`, `SubnetId(s)`, `Subnets`, `VPCZoneIdentifier`,
`NetworkConfiguration`, `VpcConfig` and `DBSubnetGroupName` (and Terraform's `vpc_id`,
`subnet_id(s)`, `subnets`, `vpc_zone_identifier`, `network_configuration`, `vpc_config`,
`db_subnet_group_name`), through plumbing such as a DB subnet group to the subnets it lists.
A subnet is public when it maps public IPs on launch or its route table routes to an
internet gateway.
"""

from __future__ import annotations

from collections.abc import Mapping
from fnmatch import fnmatchcase

from archdoc.iac.inventory import Inventory, Reference
from archdoc.iac.mapping import GROUP, PLUMBING, type_info

PLACEMENT_PATHS = (
    "VpcId", "SubnetId", "SubnetIds", "Subnets", "VPCZoneIdentifier", "NetworkConfiguration.*Subnets",
    "VpcConfig.SubnetIds", "DBSubnetGroupName", "CacheSubnetGroupName", "SubnetGroupName", "VpcConfiguration.*",
    "vpc_id", "subnet_id", "subnet_ids", "subnets", "vpc_zone_identifier", "network_configuration.subnets",
    "vpc_config.subnet_ids", "db_subnet_group_name", "subnet_group_name",
)
_ROUTE_PATHS = ("GatewayId", "gateway_id", "route.gateway_id")
_INTERNET_GATEWAYS = ("AWS::EC2::InternetGateway", "aws_internet_gateway")
_MAX_HOPS = 4


def is_placement(reference: Reference) -> bool:
    return any(reference.path == p or fnmatchcase(reference.path, p) for p in PLACEMENT_PATHS)


class Topology:
    """Placement of every resource of an inventory, computed once."""

    def __init__(self, inventory: Inventory) -> None:
        self.inventory = inventory
        self._from: dict[str, list[Reference]] = {}
        for reference in inventory.references:
            self._from.setdefault(reference.source, []).append(reference)
        self._placed: dict[str, tuple[str, ...]] = {}
        self._public = self._public_subnets()

    def placed_in(self, address: str) -> tuple[str, ...]:
        """The groups (VPCs, subnets) a resource names as its place, directly or through plumbing."""
        found = self._placed.get(address)
        if found is None:
            found = tuple(sorted(self._walk(address)))
            self._placed[address] = found
        return found

    def parent(self, address: str) -> str | None:
        """The one group to draw a resource in: its subnet, or the VPC holding all its subnets."""
        groups = [g for g in self.placed_in(address) if g != address]
        if not groups:
            return None
        subnets = [g for g in groups if self._is_subnet(g)]
        if len(subnets) == 1:
            return subnets[0]
        if subnets:
            holders = {self.parent(subnet) for subnet in subnets}
            return holders.pop() if len(holders) == 1 else None
        vpcs = sorted(g for g in groups if not self._is_subnet(g))
        return vpcs[0] if len(vpcs) == 1 else None

    def subnets(self, address: str) -> list[str]:
        return [g for g in self.placed_in(address) if self._is_subnet(g)]

    def is_public_subnet(self, address: str) -> bool:
        return address in self._public

    def _is_subnet(self, address: str) -> bool:
        resource = self.inventory.get(address)
        return resource is not None and resource.type in ("AWS::EC2::Subnet", "aws_subnet")

    def _walk(self, address: str) -> set[str]:
        found: set[str] = set()
        pending = [(address, 0)]
        seen = {address}
        while pending:
            current, hops = pending.pop()
            for reference in self._from.get(current, []):
                if not is_placement(reference) or reference.target in seen:
                    continue
                target = self.inventory.get(reference.target)
                if target is None:
                    continue
                seen.add(reference.target)
                role = type_info(target.type).role
                if role == GROUP:
                    found.add(reference.target)
                elif role == PLUMBING and hops < _MAX_HOPS:
                    pending.append((reference.target, hops + 1))
        return found

    def _public_subnets(self) -> set[str]:
        """Subnets routed to an internet gateway (through an association and a route table) or mapping public IPs."""
        inventory = self.inventory
        to_internet: set[str] = set()  # route tables with a route to an internet gateway
        for reference in inventory.references:
            target = inventory.get(reference.target)
            if target is None or target.type not in _INTERNET_GATEWAYS or reference.path not in _ROUTE_PATHS:
                continue
            source = inventory.get(reference.source)
            if source is None:
                continue
            if source.type in ("AWS::EC2::RouteTable", "aws_route_table"):
                to_internet.add(source.address)
            for table in self._targets(source.address, ("RouteTableId", "route_table_id")):
                to_internet.add(table)
        public: set[str] = set()
        for resource in inventory.resources:
            if resource.type in ("AWS::EC2::Subnet", "aws_subnet") and _flag(
                    resource.properties, ("MapPublicIpOnLaunch", "map_public_ip_on_launch")):
                public.add(resource.address)
            if resource.type in ("AWS::EC2::SubnetRouteTableAssociation", "aws_route_table_association"):
                tables = self._targets(resource.address, ("RouteTableId", "route_table_id"))
                if any(table in to_internet for table in tables):
                    public.update(self._targets(resource.address, ("SubnetId", "subnet_id")))
        return public

    def _targets(self, address: str, paths: tuple[str, ...]) -> list[str]:
        return [r.target for r in self._from.get(address, []) if r.path in paths]


def _flag(properties: Mapping[str, object], keys: tuple[str, ...]) -> bool:
    for key in keys:
        value = properties.get(key)
        if value is True or (isinstance(value, str) and value.lower() == "true"):
            return True
    return False
