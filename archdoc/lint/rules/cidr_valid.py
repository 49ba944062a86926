"""A group's `cidr` property is a valid network address such as 10.0.1.0/24.

**Passing**

```yaml
groups: [{id: vpc, kind: aws.VPC, properties: {cidr: 10.0.0.0/16}}]
elements: [{id: a, in: vpc}]
```

**Failing**

```yaml
groups: [{id: subnet, kind: aws.PrivateSubnet, properties: {cidr: 10.0.300.0/24}}]
elements: [{id: a, in: subnet}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._cidr import parse
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity
from archdoc.model.visible import yaml_words

CODE = "AD207"
NAME = "invalid-cidr"
SEVERITY = Severity.ERROR


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for group in graph.model.groups:
        if "cidr" not in group.properties:
            continue
        network = parse(group.properties["cidr"])
        if isinstance(network, str):
            written = yaml_words(group.properties["cidr"])
            yield finding(graph, CODE, SEVERITY, group.property_spans.get("cidr", group.span),
                          f"group '{group.id}': cidr {written} is not a valid network: {network}", group.id)
