"""Groups sharing an enclosing network (or both at the top) have networks that do not overlap.

Two subnets of one VPC may sit in different availability-zone groups; they are still
siblings for this rule, because they share the VPC's network.

**Passing**

```yaml
groups:
  - id: vpc
    properties: {cidr: 10.0.0.0/16}
    groups:
      - {id: a, properties: {cidr: 10.0.1.0/24}}
      - {id: b, properties: {cidr: 10.0.2.0/24}}
elements: [{id: x, in: a}, {id: y, in: b}]
```

**Failing**

```yaml
groups:
  - id: vpc
    properties: {cidr: 10.0.0.0/16}
    groups:
      - {id: a, properties: {cidr: 10.0.0.0/23}}
      - {id: b, properties: {cidr: 10.0.1.0/24}}
elements: [{id: x, in: a}, {id: y, in: b}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._cidr import Network, network_parent, networks
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD209"
NAME = "cidr-overlap"
SEVERITY = Severity.ERROR


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    known = networks(graph)
    siblings: dict[str | None, list[tuple[Network, str]]] = {}
    for group_id, network in known.items():
        siblings.setdefault(network_parent(graph, group_id, known), []).append((network, group_id))
    for members in siblings.values():
        # Sorted by start address, an overlap shows as a start before the widest end so far.
        members.sort(key=lambda item: (item[0].version, int(item[0].network_address), -item[0].prefixlen, item[1]))
        widest: tuple[Network, str] | None = None
        for network, group_id in members:
            if widest is not None and widest[0].version == network.version and (
                    int(network.network_address) <= int(widest[0].broadcast_address)):
                group = graph.groups[group_id]
                yield finding(graph, CODE, SEVERITY, group.property_spans.get("cidr", group.span),
                              f"group '{group_id}': {network} overlaps {widest[0]} of group '{widest[1]}'", group_id)
            if widest is None or widest[0].version != network.version or (
                    int(network.broadcast_address) > int(widest[0].broadcast_address)):
                widest = (network, group_id)
