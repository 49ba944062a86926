"""A Lambda function with a relation straight to an RDS or Aurora database, not through RDS Proxy.

Performance efficiency and reliability pillars: every concurrent Lambda execution opens its
own connections, and a burst exhausts the database's connection limit. An RDS Proxy is an
element tagged `rds-proxy` or `connection-pool`, or whose id or label says "proxy"; a
relation whose label or technology says "Data API" uses the Aurora Data API and needs no
proxy. No Security Hub or checkov control checks this; the AWS Lambda Developer Guide
(*Using AWS Lambda with Amazon RDS*) recommends RDS Proxy for production, as does the
Well-Architected Serverless Applications Lens.

**Passing**

```yaml
elements:
  - {id: fn, kind: aws.Lambda}
  - {id: proxy, kind: aws.RDS, label: RDS Proxy}
  - {id: db, kind: aws.RDS}
relations: [fn -> proxy, proxy -> db]
```

**Failing**

```yaml
elements:
  - {id: fn, kind: aws.Lambda}
  - {id: db, kind: aws.RDS}
relations: [fn -> db]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import relation_finding
from archdoc.lint.rules._wa import AURORA, LAMBDA, RDS, of_kind
from archdoc.model import Problem, Severity

CODE = "AD419"
NAME = "lambda-to-rds-without-proxy"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    databases = {element.id for element in of_kind(graph, RDS | AURORA)}
    for function in of_kind(graph, LAMBDA):
        for relation in graph.relations_from(function.id):
            if relation.target not in databases or relation.kind.value in ("deploy", "monitor"):
                continue
            if "data api" in f"{relation.label} {relation.technology}".lower():
                continue
            yield relation_finding(graph, CODE, SEVERITY, relation,
                                   f"Lambda '{function.id}' connects to '{relation.target}' directly; "
                                   "put RDS Proxy between them")
