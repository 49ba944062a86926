"""A flow step does not answer along an async relation: an async message gets no reply.

A step `b -> a` where the model has only `a ..> b` is drawn as a reply to the async
message, but fire-and-forget has nobody waiting for an answer. When `b` does send something
back (a callback, a result event), that is a relation of its own: add `b -> a` or `b ..> a`.

**Passing**

```yaml
elements: [{id: api}, {id: jobs, kind: aws.SQS}]
relations: [api ..> jobs: enqueue, jobs ..> api: job done]
flows:
  - id: submit
    steps: [api ..> jobs: enqueue, jobs ..> api: job done]
```

**Failing**

```yaml
elements: [{id: api}, {id: jobs, kind: aws.SQS}]
relations: [api ..> jobs: enqueue]
flows:
  - id: submit
    steps: [api ..> jobs: enqueue, jobs -> api: accepted]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, RelationKind, Severity

CODE = "AD219"
NAME = "reply-against-async"
SEVERITY = Severity.WARNING
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for flow in graph.model.flows:
        for number, step in enumerate(flow.steps, start=1):
            if not graph.is_reply(step):
                continue
            forward = graph.relations_between(step.target, step.source)
            if all(relation.kind is RelationKind.ASYNC for relation in forward):
                yield finding(graph, CODE, SEVERITY, step.span,
                              f"flow '{flow.id}' step {number}: {step.source} -> {step.target} answers along "
                              f"{step.target} ..> {step.source}, which is async; add the way back as a relation",
                              step.source)
