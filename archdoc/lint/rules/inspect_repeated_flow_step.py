"""A flow does not repeat the step just before it (same elements, same label).

Two identical steps in a row are usually a line pasted twice; a real retry reads better with
its own label (`retry after 1 s`).

**Passing**

```yaml
elements: [{id: api}, {id: db}]
relations: [api -> db]
flows:
  - id: save
    steps: [api -> db: INSERT order, api -> db: INSERT line items]
```

**Failing**

```yaml
elements: [{id: api}, {id: db}]
relations: [api -> db]
flows:
  - id: save
    steps: [api -> db: INSERT order, api -> db: INSERT order]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD220"
NAME = "repeated-flow-step"
SEVERITY = Severity.WARNING
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for flow in graph.model.flows:
        for number, (before, step) in enumerate(zip(flow.steps, flow.steps[1:], strict=False), start=2):
            if (before.source, before.target, before.kind, before.label.strip()) == \
                    (step.source, step.target, step.kind, step.label.strip()):
                yield finding(graph, CODE, SEVERITY, step.span,
                              f"flow '{flow.id}' step {number} repeats step {number - 1} "
                              f"({step.source} -> {step.target})", step.source)
