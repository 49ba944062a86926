"""A flow step is drawn like the relation it follows: `->` for sync, `..>` for async (completeness pack).

Sequence diagrams draw sync and async messages differently; a step written `api -> jobs`
along the async relation `api ..> jobs` shows a call waiting for an answer that never comes.
Replies are not inspected. Off by default: turn it on with `rules.packs: {completeness: on}`.

**Passing**

```yaml
elements: [{id: api}, {id: jobs, kind: aws.SQS}]
relations: [api ..> jobs]
flows: [{id: submit, steps: [api ..> jobs: enqueue]}]
rules:
  packs: {completeness: on}
```

**Failing**

```yaml
elements: [{id: api}, {id: jobs, kind: aws.SQS}]
relations: [api ..> jobs]
flows: [{id: submit, steps: [api -> jobs: enqueue]}]
rules:
  packs: {completeness: on}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, RelationKind, Severity

CODE = "AD237"
NAME = "flow-step-kind-differs"
SEVERITY = Severity.INFO
PACK = "completeness"

ARROWS = {RelationKind.SYNC: "->", RelationKind.ASYNC: "..>"}


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for flow in graph.model.flows:
        for number, step in enumerate(flow.steps, start=1):
            relations = graph.relations_between(step.source, step.target)
            kinds = {relation.kind for relation in relations}
            if not relations or step.kind in kinds or not kinds & set(ARROWS):
                continue  # no relation (AD205), a match, or only data/deploy/monitor relations
            written = ARROWS.get(step.kind, "->")
            wanted = " or ".join(sorted(ARROWS[kind] for kind in kinds if kind in ARROWS))
            yield finding(graph, CODE, SEVERITY, step.span,
                          f"flow '{flow.id}' step {number} is written {step.source} {written} {step.target}, "
                          f"its relation {wanted}", step.source)
