"""Where an element runs, from what it states and from the boundaries around it.

Boundaries mean something: an element inside a public subnet (by kind, or a group that
says `public: true`) is public; its zones come from its own `zone`/`zones` and from the
availability-zone groups and subnets around it; its region from the nearest region group.
What the element states itself wins over what its boundaries imply; nothing stated and
nothing implied is unknown (None), never false.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from archdoc.model import Element, Group, SourceSpan

PUBLIC_KINDS = frozenset({"aws.PublicSubnet"})
PRIVATE_KINDS = frozenset({"aws.PrivateSubnet"})
ZONE_KINDS = frozenset({"aws.AvailabilityZone"})
REGION_KINDS = frozenset({"aws.Region"})
_ZONE_NAME = re.compile(r"^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$")  # us-east-1a, eu-central-1b
_REGION_NAME = re.compile(r"^[a-z]{2}(-[a-z]+)+-[0-9]$")


@dataclass(frozen=True)
class Placement:
    """What is known of where one element runs."""

    zones: frozenset[str] = frozenset()
    zone_from: str | None = None  # the group the zones come from; None: stated by the element
    region: str | None = None
    public: bool | None = None
    public_from: str | None = None  # the group that makes it public or private; None: stated
    multi_az: bool | None = None  # stated, or derived from two or more known zones

    @property
    def single_zone(self) -> bool:
        return self.multi_az is False or (self.multi_az is None and len(self.zones) == 1)


@dataclass(frozen=True)
class ZoneConflict:
    """A `zone` that contradicts the availability zone of a boundary around it."""

    subject: str  # element or group id
    zone: str
    span: SourceSpan
    boundary: str
    boundary_zone: str


def group_zones(group: Group) -> frozenset[str]:
    """The zones a group stands for: its `zone`/`zones`, or an availability-zone group's own name."""
    stated = _stated_zones(group.properties)
    if stated:
        return stated
    if group.kind in ZONE_KINDS:
        for name in (group.label, group.id):
            if _ZONE_NAME.match(name.strip()):
                return frozenset({name.strip()})
        return frozenset({group.id})  # an unnamed zone is still one zone
    return frozenset()


def group_region(group: Group) -> str | None:
    stated = group.properties.get("region")
    if isinstance(stated, str) and stated:
        return stated
    if group.kind in REGION_KINDS:
        for name in (group.label, group.id):
            if _REGION_NAME.match(name.strip()):
                return name.strip()
        return group.id
    return None


def group_public(group: Group) -> bool | None:
    stated = group.properties.get("public")
    if isinstance(stated, bool):
        return stated
    if group.kind in PUBLIC_KINDS:
        return True
    if group.kind in PRIVATE_KINDS:
        return False
    return None


def place(element: Element, enclosing: Sequence[Group]) -> Placement:
    """The placement of an element inside `enclosing` (its groups, innermost first)."""
    return place_within(element, boundary_placement(enclosing))


def boundary_placement(enclosing: Sequence[Group]) -> Placement:
    """The placement of an element that states nothing, inside `enclosing` (its groups, innermost first).

    It depends on the groups alone, so a graph works it out once per group for all the elements in it.
    """
    zones: frozenset[str] = frozenset()
    zone_from = None
    for group in enclosing:
        found = group_zones(group)
        if found:
            zones, zone_from = found, group.id
            break
    region = next((r for r in map(group_region, enclosing) if r is not None), None)
    public, public_from = _public(None, enclosing)
    return Placement(zones, zone_from, region, public, public_from, True if len(zones) >= 2 else None)


def place_within(element: Element, around: Placement) -> Placement:
    """The placement of an element whose boundaries imply `around`: what the element states wins."""
    properties = element.properties
    if not properties:
        return around
    zones, zone_from = _stated_zones(properties), None
    if not zones:
        zones, zone_from = around.zones, around.zone_from
    stated_region = properties.get("region")
    region = stated_region if isinstance(stated_region, str) else around.region
    stated_public = properties.get("public")
    public, public_from = (stated_public, None) if isinstance(stated_public, bool) else (around.public,
                                                                                           around.public_from)
    stated_multi = properties.get("multi_az")
    multi_az = stated_multi if isinstance(stated_multi, bool) else (True if len(zones) >= 2 else None)
    return Placement(zones, zone_from, region, public, public_from, multi_az)


def zone_conflicts(subject: str, properties: Mapping[str, object], spans: Mapping[str, SourceSpan],
                   span: SourceSpan, enclosing: Sequence[Group]) -> list[ZoneConflict]:
    """The `zone` of an element or group against the nearest boundary around it that names a zone."""
    zone = properties.get("zone")
    if not isinstance(zone, str) or not zone:
        return []
    for group in enclosing:
        found = group_zones(group)
        if found:
            if zone not in found:
                return [ZoneConflict(subject, zone, spans.get("zone", span), group.id, ", ".join(sorted(found)))]
            return []
    return []


def _stated_zones(properties: Mapping[str, object]) -> frozenset[str]:
    zones = properties.get("zones")
    if isinstance(zones, tuple) and zones:
        return frozenset(str(zone) for zone in zones)
    zone = properties.get("zone")
    if isinstance(zone, str) and zone:
        return frozenset({zone})
    return frozenset()


def _public(stated: object, enclosing: Sequence[Group]) -> tuple[bool | None, str | None]:
    if isinstance(stated, bool):
        return stated, None
    for group in enclosing:
        verdict = group_public(group)
        if verdict is not None:
            return verdict, group.id
    return None, None
