"""A datastore the model says runs in one availability zone: `multi_az: false`, or `zones` listing one.

Well-architected (reliability pillar): a database confined to one zone is lost with it.
The rule reads only what the model states; a datastore that says nothing about its zones
is not reported. Controls: AWS Security Hub RDS.5 (RDS DB instances should be configured
with multiple Availability Zones), RDS.15 (RDS DB clusters), checkov CKV_AWS_157 (RDS
Multi-AZ). Zones derived from the groups around an RDS instance are AD404's.

**Passing**

```yaml
elements:
  - {id: db, kind: aws.database.RDS, properties: {multi_az: true}}
  - {id: cache, kind: aws.database.ElastiCache, properties: {zones: [us-east-1a, us-east-1b]}}
```

**Failing**

```yaml
elements:
  - {id: db, kind: aws.database.RDS, properties: {multi_az: false}}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._datastores import datastores
from archdoc.model import Problem, Severity

CODE = "AD402"
NAME = "single-zone-datastore"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for element in datastores(graph):
        properties, spans = element.properties, element.property_spans
        zones = properties.get("zones")
        if properties.get("multi_az") is False:
            yield finding(graph, CODE, SEVERITY, spans.get("multi_az", element.span),
                          f"datastore '{element.id}' runs in one availability zone (multi_az: false)", element.id)
        elif isinstance(zones, tuple) and len(zones) == 1:
            yield finding(graph, CODE, SEVERITY, spans.get("zones", element.span),
                          f"datastore '{element.id}' lists one zone ({zones[0]}); a zone outage takes it down",
                          element.id)
