"""A group's network lies inside the network of the nearest enclosing group that has one.

**Passing**

```yaml
groups:
  - id: vpc
    properties: {cidr: 10.0.0.0/16}
    groups: [{id: subnet, properties: {cidr: 10.0.1.0/24}}]
elements: [{id: a, in: subnet}]
```

**Failing**

```yaml
groups:
  - id: vpc
    properties: {cidr: 10.0.0.0/16}
    groups: [{id: subnet, properties: {cidr: 10.1.1.0/24}}]
elements: [{id: a, in: subnet}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._cidr import network_parent, networks
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD208"
NAME = "cidr-outside-parent"
SEVERITY = Severity.ERROR


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    known = networks(graph)
    for group_id, network in known.items():
        parent = network_parent(graph, group_id, known)
        if parent is None:
            continue
        outer = known[parent]
        if network.version != outer.version or not network.subnet_of(outer):  # type: ignore[arg-type]
            group = graph.groups[group_id]
            yield finding(graph, CODE, SEVERITY, group.property_spans.get("cidr", group.span),
                          f"group '{group_id}': {network} is not inside {outer} of enclosing group '{parent}'",
                          group_id)
