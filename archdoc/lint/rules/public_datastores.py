"""Databases and datastores are not reachable from the internet: not in a public group, not `public`.

A datastore is an element of category `database` (its kind's module, such as
`aws.database.RDS`) or tagged `datastore`. It is public when it says `public: true`, or
when the nearest boundary around it that says either way is public: an `aws.PublicSubnet`,
or a group with `public: true` (`aws.PrivateSubnet` and `public: false` say private; the
element's own `public: false` wins over its boundary). Well-architected (security pillar):
keep data stores in private subnets. Controls: AWS Security Hub RDS.2 (RDS DB instances
should prohibit public access), Opensearch.2 (OpenSearch domains should be in a VPC),
S3.2 and S3.8 for buckets tagged `datastore`; checkov CKV_AWS_17 (RDS not publicly
accessible). Buckets that are not datastores are AD414.

**Passing**

```yaml
groups:
  - {id: public-a, kind: aws.PublicSubnet, properties: {public: true}}
  - {id: private-a, kind: aws.PrivateSubnet}
elements:
  - {id: alb, kind: aws.network.ElbApplicationLoadBalancer, in: public-a}
  - {id: db, kind: aws.database.RDS, in: private-a}
```

**Failing**

```yaml
groups:
  - {id: public-a, kind: aws.PublicSubnet}
elements:
  - {id: db, kind: aws.database.RDS, in: public-a}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._datastores import datastores
from archdoc.model import Problem, Severity

CODE = "AD401"
NAME = "public-datastore"
SEVERITY = Severity.ERROR


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for element in datastores(graph):
        placement = graph.placement(element.id)
        if placement.public is not True:
            continue
        if placement.public_from is None:
            yield finding(graph, CODE, SEVERITY, element.property_spans.get("public", element.span),
                          f"datastore '{element.id}' is marked public", element.id)
        else:
            yield finding(graph, CODE, SEVERITY, element.span,
                          f"datastore '{element.id}' sits in public group '{placement.public_from}'; "
                          "keep data stores in private subnets", element.id)
