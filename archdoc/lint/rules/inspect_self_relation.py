"""No element has a relation to itself.

An arrow from a box back to the same box (a retry, a recursive call, a scheduled job)
draws as a loop that says little and is often a typo of the other end. Describe the
behaviour in the element's description, or name the part it really calls.

**Passing**

```yaml
elements: [{id: worker}, {id: queue, kind: aws.SQS}]
relations: [worker -> queue: re-enqueue on failure]
```

**Failing**

```yaml
elements: [{id: worker}]
relations: [worker -> worker: retry]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import relation_finding
from archdoc.model import Problem, Severity

CODE = "AD217"
NAME = "self-relation"
SEVERITY = Severity.WARNING
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for relation in graph.model.relations:
        if relation.source == relation.target:
            yield relation_finding(graph, CODE, SEVERITY, relation,
                                   f"relation {relation.source} -> {relation.target} goes from an element to itself")
