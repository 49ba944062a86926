"""A `zone` that contradicts the availability zone of the boundary around it.

An element or group inside an availability-zone group, or inside a subnet that names its
zone, runs in that zone. Saying `zone:` with another zone is a contradiction: one of the two
is wrong, and the zone-failure analysis cannot tell which. An availability-zone group
stands for the zone in its `zone` property, or the zone its label or id names
(`us-east-1a`).

**Passing**

```yaml
groups:
  - id: az-a
    kind: aws.AvailabilityZone
    label: us-east-1a
    groups:
      - {id: private-a, kind: aws.PrivateSubnet, properties: {zone: us-east-1a}}
elements:
  - {id: db, kind: aws.database.RDS, in: private-a, properties: {zone: us-east-1a}}
```

**Failing**

```yaml
groups:
  - id: az-a
    kind: aws.AvailabilityZone
    label: us-east-1a
    groups:
      - {id: private-a, kind: aws.PrivateSubnet, properties: {zone: us-east-1b}}
elements:
  - {id: db, kind: aws.database.RDS, in: private-a}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.graph.placement import zone_conflicts
from archdoc.lint.rules._common import finding
from archdoc.model import Element, Group, Problem, Severity

CODE = "AD213"
NAME = "zone-contradicts-boundary"
SEVERITY = Severity.ERROR


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    model = graph.model
    subjects: list[tuple[Group | Element, str | None]] = [*((group, group.parent) for group in model.groups),
                *((element, element.group) for element in model.elements)]
    for item, around in subjects:
        if not item.properties.get("zone"):
            continue  # only a stated zone can contradict a boundary: most subjects need no look at their groups
        subject = item.id
        for conflict in zone_conflicts(subject, item.properties, item.property_spans, item.span,
                                       graph.enclosing(around)):
            yield finding(graph, CODE, SEVERITY, conflict.span,
                          f"'{subject}' says zone {conflict.zone}, but it sits in '{conflict.boundary}', which is "
                          f"zone {conflict.boundary_zone}", subject)
