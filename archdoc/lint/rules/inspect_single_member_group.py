"""A group holds more than one element (completeness pack, off by default).

A boundary around one box adds a frame and a level of nesting without grouping anything;
often its other elements were placed in the wrong group. Groups that hold other groups are
not inspected. Per-zone subnets holding one replica each are common in AWS diagrams, which
is why the check is off by default: turn it on with `rules.packs: {completeness: on}`.

**Passing**

```yaml
groups: [{id: private, kind: aws.PrivateSubnet}]
elements: [{id: api, in: private}, {id: worker, in: private}]
rules:
  packs: {completeness: on}
```

**Failing**

```yaml
groups: [{id: private, kind: aws.PrivateSubnet}]
elements: [{id: api, in: private}, {id: worker}]
rules:
  packs: {completeness: on}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD236"
NAME = "group-with-one-element"
SEVERITY = Severity.INFO
PACK = "completeness"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for group in graph.model.groups:
        members = graph.members.get(group.id, frozenset())
        if len(members) == 1 and not graph.child_groups(group.id):
            [only] = members
            yield finding(graph, CODE, SEVERITY, group.span, f"group '{group.id}' holds only '{only}'", group.id)
