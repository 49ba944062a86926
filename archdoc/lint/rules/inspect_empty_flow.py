"""Every flow has at least one step.

A flow without steps draws an empty sequence diagram; its steps were never written or were
lost in a merge.

**Passing**

```yaml
elements: [{id: users, kind: person}, {id: api}]
relations: [users -> api]
flows: [{id: call, steps: [users -> api]}]
```

**Failing**

```yaml
elements: [{id: users, kind: person}, {id: api}]
relations: [users -> api]
flows: [{id: call, steps: []}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD218"
NAME = "empty-flow"
SEVERITY = Severity.WARNING
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for flow in graph.model.flows:
        if not flow.steps:
            yield finding(graph, CODE, SEVERITY, flow.span, f"flow '{flow.id}' has no steps")
