"""Every step of a flow follows a relation of the model (or answers one, as a reply).

A step `a -> b` matches a relation from `a` to `b`; a step `b -> a` where only `a -> b`
exists is a reply along that relation (drawn as a dashed return arrow). A step with
neither is usually a relation missing from the model.

**Passing**

```yaml
elements: [{id: users, kind: person}, {id: api}]
relations: [users -> api]
flows:
  - id: call
    steps: [users -> api: GET /orders, api -> users: 200 OK]
```

**Failing**

```yaml
elements: [{id: users, kind: person}, {id: api}, {id: db}]
relations: [users -> api]
flows:
  - id: call
    steps: [users -> api, api -> db]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD205"
NAME = "flow-step-without-relation"
SEVERITY = Severity.ERROR


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for flow in graph.model.flows:
        for number, step in enumerate(flow.steps, start=1):
            if graph.connected(step.source, step.target):
                continue
            yield finding(graph, CODE, SEVERITY, step.span,
                          f"flow '{flow.id}' step {number}: no relation {step.source} -> {step.target} in the model",
                          step.source)
