"""A property or kind the model states that the infrastructure code contradicts.

For the resources an element or group names, the code's literal configuration is compared
with what the model says (values computed at deploy time are not guessed; a parameter's or
variable's literal default counts):

- `multi_az`: `MultiAZ` / `multi_az` (RDS), `MultiAZEnabled` (ElastiCache), an MQ broker's
  deployment mode, or subnets in more than one zone;
- `encrypted`: `StorageEncrypted`, `Encrypted`, SSE settings, a KMS key on a queue, topic or stream;
- `public`: `PubliclyAccessible`, a load balancer's scheme, a public IP, a subnet that maps
  public IPs or routes to an internet gateway;
- `zones` and `zone`: the availability zones of its subnets (zones picked by index,
  `!Select [0, !GetAZs ""]`, are compared by their number), and `cidr`: a VPC's or subnet's block;
- the kind: an element's kind must fit the resource's type (the same `diagrams` service, such
  as `aws.database` for an RDS instance; `component`, `container`, `system` and
  `aws.general.General` fit anything), a group claiming a VPC must be an `aws.VPC` and one
  claiming a subnet an `aws.PublicSubnet` or `aws.PrivateSubnet` matching the subnet.

The finding is at the property (or the kind) and names the resource's place in the code.

**Passing**

```yaml
iac: [../infra/app.yaml]
elements:
  - {id: db, kind: aws.database.RDS, iac: Db, properties: {multi_az: true, encrypted: true, public: false}}
```

```yaml title="infra/app.yaml"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      MultiAZ: true
      StorageEncrypted: true
      MasterUsername: app
      ManageMasterUserPassword: true
```

**Failing**

```yaml
iac: [../infra/app.yaml]
elements:
  - {id: db, kind: aws.database.RDS, iac: Db, properties: {multi_az: true, encrypted: true}}
```

```yaml title="infra/app.yaml"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      MultiAZ: false
      MasterUsername: app
      ManageMasterUserPassword: true
```
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from archdoc.graph import ModelGraph
from archdoc.iac.mapping import GENERIC_KIND, GROUP, UNMAPPED, type_info
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._iac import at, conformance
from archdoc.model import Group, Problem, Severity
from archdoc.model.types import PropertyValue

if TYPE_CHECKING:  # the IaC readers load only for a model that names its code
    from archdoc.iac.conformance import Conformance, Entry
    from archdoc.iac.inventory import Resource

CODE = "AD505"
NAME = "iac-contradiction"
SEVERITY = Severity.ERROR

PROPERTIES = ("multi_az", "encrypted", "public", "zones", "zone", "cidr")
FITS_ANYTHING = ("component", "container", "system", GENERIC_KIND, "boundary")
_SUBNET_TYPES = ("AWS::EC2::Subnet", "aws_subnet")
_VPC_TYPES = ("AWS::EC2::VPC", "aws_vpc")


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    found = conformance(options)
    if found is None:
        return
    for entry in (*graph.model.groups, *graph.model.elements):
        resources = found.resources(entry)
        if not resources:
            continue
        for name in PROPERTIES:
            if name in entry.properties:
                problem = _property(graph, found, entry, resources, name)
                if problem is not None:
                    yield problem
        problem = _kind(graph, found, entry, resources)
        if problem is not None:
            yield problem


def _property(graph: ModelGraph, found: Conformance, entry: Entry, resources: list[Resource],
              name: str) -> Problem | None:
    stated = entry.properties[name]
    configured = [(resource, found.facts(resource)[name]) for resource in resources if name in found.facts(resource)]
    if not configured or any(_agrees(name, stated, value) for _resource, value in configured):
        return None
    resource, value = configured[0]
    return finding(graph, CODE, SEVERITY, entry.property_spans.get(name, entry.span),
                   f"'{entry.id}' says {name}: {_shown(stated)}, but the infrastructure code configures "
                   f"{_shown(value)} for {resource.address} ({resource.type}, {at(resource.span)})", entry.id)


def _agrees(name: str, stated: PropertyValue, configured: PropertyValue) -> bool:
    if name == "zones":
        stated_zones = {str(z) for z in stated} if isinstance(stated, tuple) else {str(stated)}
        configured_zones = {str(z) for z in configured} if isinstance(configured, tuple) else {str(configured)}
        if any(_by_index(zone) for zone in configured_zones):
            return len(stated_zones) == len(configured_zones)
        return stated_zones == configured_zones
    if name == "zone":
        return _by_index(str(configured)) or str(stated) == str(configured)
    if name == "cidr":
        return _network(stated) == _network(configured)
    return stated == configured


def _kind(graph: ModelGraph, found: Conformance, entry: Entry, resources: list[Resource]) -> Problem | None:
    if isinstance(entry, Group):
        return _group_kind(graph, found, entry, resources)
    if entry.kind in FITS_ANYTHING:
        return None
    typed = [(resource, type_info(resource.type)) for resource in resources]
    typed = [(resource, info) for resource, info in typed if info.kind is not None or info.role == GROUP]
    if not typed:
        return None  # only plumbing: it has no kind of its own
    service = entry.kind.rsplit(".", 1)[0]
    for _resource, info in typed:
        if info is UNMAPPED or info.kind == entry.kind:
            return None
        expected = "aws.network" if info.role == GROUP else (info.kind or "").rsplit(".", 1)[0]
        if service == expected:
            return None
    resource, info = typed[0]
    return finding(graph, CODE, SEVERITY, entry.spans.get("kind", entry.span),
                   f"'{entry.id}' has kind {entry.kind}, but {resource.address} is a {info.noun} ({resource.type}, "
                   f"{at(resource.span)}), drawn as {info.kind or 'a boundary'}", entry.id)


def _group_kind(graph: ModelGraph, found: Conformance, group: Group, resources: list[Resource]) -> Problem | None:
    if group.kind in FITS_ANYTHING:
        return None
    for resource in resources:
        if resource.type in _VPC_TYPES:
            expected = "aws.VPC"
        elif resource.type in _SUBNET_TYPES:
            public = found.facts(resource).get("public")
            expected = "aws.PublicSubnet" if public else "aws.PrivateSubnet"
        else:
            continue
        if group.kind != expected:
            why = "" if resource.type in _VPC_TYPES else (
                " (it maps public IPs or routes to an internet gateway)" if expected == "aws.PublicSubnet"
                else " (no public IPs, no route to an internet gateway)")
            return finding(graph, CODE, SEVERITY, group.spans.get("kind", group.span),
                           f"group '{group.id}' has kind {group.kind}, but {resource.address} ({resource.type}, "
                           f"{at(resource.span)}) is an {expected}{why}", group.id)
    return None


def _by_index(zone: str) -> bool:
    return zone.startswith("az-") and zone[3:].isdigit()


def _network(value: PropertyValue) -> object:
    try:
        return ipaddress.ip_network(str(value), strict=False)
    except ValueError:
        return str(value).strip()


def _shown(value: PropertyValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(str(item) for item in value) + "]"
    return str(value)
