"""AWS boundaries nest in their real order: account, region, VPC, availability zone, subnet.

A region inside a VPC or another region, a VPC inside an availability zone, a subnet or
another VPC, an availability zone inside a subnet, or a subnet outside any VPC describes a
network that cannot exist; the zones and public reachability archdoc derives from the
boundaries (placement) are then wrong too. Generic boundaries (`boundary`, `system`,
security groups, clusters) may appear anywhere. An account may sit inside a region, as some
diagrams draw it, and subnets or zones may be grouped in a subnet or zone of their kind (a
tier of per-zone subnets drawn as one subnet).

**Passing**

```yaml
groups:
  - id: region
    kind: aws.Region
    groups:
      - id: vpc
        kind: aws.VPC
        groups:
          - {id: az-a, kind: aws.AvailabilityZone, groups: [{id: private-a, kind: aws.PrivateSubnet}]}
elements: [{id: api, in: private-a}]
```

**Failing**

```yaml
groups:
  - id: private-a
    kind: aws.PrivateSubnet
    groups: [{id: vpc, kind: aws.VPC}]
elements: [{id: api, in: vpc}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD232"
NAME = "boundary-nesting"
SEVERITY = Severity.WARNING
PACK = "inspections"

SUBNETS = frozenset({"aws.PublicSubnet", "aws.PrivateSubnet"})
# Outermost first; a boundary must not sit inside one ranked below it (or its own rank, from region down).
RANK = {"aws.Organization": 0, "aws.OU": 1, "aws.Account": 2, "aws.Region": 3, "aws.VPC": 4,
        "aws.AvailabilityZone": 5, "aws.PublicSubnet": 6, "aws.PrivateSubnet": 6}
NESTS_IN_ITSELF = frozenset({"aws.OU", "aws.AvailabilityZone", "aws.PublicSubnet", "aws.PrivateSubnet"})


def _misplaced(kind: str, around: str) -> bool:
    if kind == "aws.Account" and around == "aws.Region":
        return False
    if kind == around:
        return kind not in NESTS_IN_ITSELF and RANK[kind] >= RANK["aws.Region"]
    return RANK[around] > RANK[kind]


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for group in graph.model.groups:
        if group.kind not in RANK:
            continue
        around = [graph.groups[outer] for outer in graph.group_chain(group.parent)]
        wrong = next((outer for outer in around if outer.kind in RANK and _misplaced(group.kind, outer.kind)), None)
        if wrong is not None:
            yield finding(graph, CODE, SEVERITY, group.spans.get("in", group.span),
                          f"{group.kind} '{group.id}' is inside {wrong.kind} '{wrong.id}'", group.id)
        elif group.kind in SUBNETS and not any(outer.kind == "aws.VPC" for outer in around):
            yield finding(graph, CODE, SEVERITY, group.span,
                          f"{group.kind} '{group.id}' is not inside an aws.VPC", group.id)
