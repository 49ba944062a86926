"""An ElastiCache cluster that cannot fail over: `automatic_failover: false`, or `replicas` under 2.

Reliability pillar (REL10: use fault isolation; a primary node lost with nothing promoted
loses the cache's writes). Controls: AWS Security Hub ElastiCache.3 (ElastiCache
replication groups should have automatic failover enabled), AWS Config rule
`elasticache-repl-grp-auto-failover-enabled`. The rule reads only what the model states: a
cluster that says nothing about failover or nodes is not reported.

**Passing**

```yaml
elements:
  - {id: cache, kind: aws.ElastiCache, properties: {automatic_failover: true, replicas: 2}}
```

**Failing**

```yaml
elements:
  - {id: cache, kind: aws.ElastiCache, properties: {automatic_failover: false}}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._wa import ELASTICACHE, of_kind
from archdoc.model import Problem, Severity

CODE = "AD424"
NAME = "elasticache-without-failover"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for element in of_kind(graph, ELASTICACHE):
        properties, spans = element.properties, element.property_spans
        replicas = properties.get("replicas")
        if properties.get("automatic_failover") is False:
            yield finding(graph, CODE, SEVERITY, spans.get("automatic_failover", element.span),
                          f"ElastiCache '{element.id}' does not fail over (automatic_failover: false)", element.id)
        elif isinstance(replicas, int) and not isinstance(replicas, bool) and replicas < 2:
            yield finding(graph, CODE, SEVERITY, spans.get("replicas", element.span),
                          f"ElastiCache '{element.id}' runs {replicas} node{'' if replicas == 1 else 's'}; "
                          "automatic failover needs a replica", element.id)
