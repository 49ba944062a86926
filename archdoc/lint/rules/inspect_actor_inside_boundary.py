"""People and external systems stand outside the infrastructure boundaries.

A `person` or `external` element inside an account, region, VPC, subnet or cluster reads as
running there. Draw it outside, or in a generic `boundary` (customers, partners) of its own.

**Passing**

```yaml
groups: [{id: vpc, kind: aws.VPC}, {id: customers, kind: boundary}]
elements: [{id: users, kind: person, in: customers}, {id: api, in: vpc}]
relations: [users -> api]
```

**Failing**

```yaml
groups: [{id: vpc, kind: aws.VPC}]
elements: [{id: users, kind: person, in: vpc}, {id: api, in: vpc}]
relations: [users -> api]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD231"
NAME = "actor-inside-boundary"
SEVERITY = Severity.INFO
PACK = "inspections"

ACTOR_KINDS = frozenset({"person", "external"})
GENERIC_BOUNDARIES = frozenset({"boundary"})


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for element in graph.model.elements:
        if element.kind not in ACTOR_KINDS:
            continue
        for group_id in graph.enclosing_groups(element.id):
            group = graph.groups[group_id]
            if group.kind not in GENERIC_BOUNDARIES:
                yield finding(graph, CODE, SEVERITY, element.spans.get("in", element.span),
                              f"{element.kind} '{element.id}' is inside {group.kind} '{group.id}'", element.id)
                break
