"""An RDS DB instance that does not run in two availability zones: no Multi-AZ standby in another zone.

Reliability pillar (REL10: deploy the workload to multiple locations). An instance is
Multi-AZ when it says `multi_az: true`, or when it and its replicas (elements that say
`replica_of: <its id>`) run in two or more zones, from their own `zone`/`zones` or the
availability-zone groups and subnets around them. One known zone is a warning; an instance
whose zones are not known is not reported (`multi_az: false` is AD402). Aurora clusters are
AD405. Controls: AWS Security Hub RDS.5 (RDS DB instances should be configured
with multiple Availability Zones), checkov CKV_AWS_157, AWS Control Tower CT.RDS.PR.1.

**Passing**

```yaml
groups:
  - {id: az-a, kind: aws.AvailabilityZone, label: us-east-1a}
  - {id: az-b, kind: aws.AvailabilityZone, label: us-east-1b}
elements:
  - {id: db, kind: aws.RDS, in: az-a}
  - {id: db-standby, kind: aws.RDS, in: az-b, properties: {replica_of: db}}
```

**Failing**

```yaml
groups:
  - {id: az-a, kind: aws.AvailabilityZone, label: us-east-1a}
elements:
  - {id: db, kind: aws.RDS, in: az-a}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._wa import RDS, copy_zones, of_kind
from archdoc.model import Problem, Severity

CODE = "AD404"
NAME = "rds-not-multi-az"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for element in of_kind(graph, RDS):
        if "replica_of" in element.properties or element.properties.get("multi_az") is False:
            continue  # a replica is checked with its primary; multi_az: false is AD402
        zones, multi_az = copy_zones(graph, element.id)
        if multi_az or len(zones) >= 2:
            continue
        if zones:
            yield finding(graph, CODE, SEVERITY, element.span,
                          f"RDS instance '{element.id}' runs only in {next(iter(zones))}, with no standby in "
                          "another zone", element.id)
