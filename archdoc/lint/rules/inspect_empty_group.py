"""Every group holds at least one element, itself or in the groups inside it.

An empty boundary draws as an empty box: its elements were placed elsewhere (a typo in an
element's `in`), or it is left over. Only the outermost empty group is reported, naming the
empty groups inside it. Subnets, availability zones and security groups are not inspected:
AWS diagrams draw them empty where nothing of interest runs in them (one subnet per zone).

**Passing**

```yaml
groups: [{id: vpc, kind: aws.VPC, groups: [{id: private, kind: aws.PrivateSubnet}]}]
elements: [{id: api, in: private}]
```

**Failing**

```yaml
groups:
  - {id: vpc, kind: aws.VPC, groups: [{id: private, kind: aws.PrivateSubnet}]}
  - {id: partners, groups: [{id: resellers}]}
elements: [{id: api, in: private}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD215"
NAME = "empty-group"
SEVERITY = Severity.WARNING
PACK = "inspections"

NETWORK_BOUNDARIES = frozenset({"aws.PublicSubnet", "aws.PrivateSubnet", "aws.AvailabilityZone", "aws.SecurityGroup"})


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    # A group holds an element when an element is in it or in a group inside it: the groups around the groups
    # that elements name (a few), not every group's members (as many sets as groups, each filled per element).
    occupied: set[str] = set()
    for group_id in {element.group for element in graph.model.elements}:
        occupied.update(graph.group_chain(group_id))
    for group in graph.model.groups:
        if group.id in occupied or group.kind in NETWORK_BOUNDARIES:
            continue
        outer = graph.group_chain(group.parent)
        if any(parent not in occupied and graph.groups[parent].kind not in NETWORK_BOUNDARIES for parent in outer):
            continue  # inside an empty group that is reported instead
        inside = sum(1 for other in graph.model.groups if group.id in graph.group_chain(other.parent))
        yield finding(graph, CODE, SEVERITY, group.span, f"group '{group.id}' holds no element{_inside(inside)}",
                      group.id)


def _inside(count: int) -> str:
    if count == 0:
        return ""
    return " (nor does the group inside it)" if count == 1 else f" (nor do the {count} groups inside it)"
