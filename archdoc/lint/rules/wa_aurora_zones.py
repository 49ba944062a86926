"""An Aurora cluster whose instances all run in one availability zone.

Reliability pillar (REL10: deploy the workload to multiple locations). The cluster's
instances are the element and the elements that say `replica_of: <its id>` (reader
instances); their zones come from their own `zone`/`zones` or the availability-zone groups
and subnets around them. A cluster that says `multi_az: true`, or whose zones are not
known, is not reported. Controls: AWS Security Hub RDS.15 (RDS DB clusters should be
configured for multiple Availability Zones).

**Passing**

```yaml
elements:
  - {id: writer, kind: aws.Aurora, properties: {zone: us-east-1a}}
  - {id: reader, kind: aws.Aurora, properties: {zone: us-east-1b, replica_of: writer}}
```

**Failing**

```yaml
elements:
  - {id: writer, kind: aws.Aurora, properties: {zone: us-east-1a}}
  - {id: reader, kind: aws.Aurora, properties: {zone: us-east-1a, replica_of: writer}}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._wa import AURORA, copies, copy_zones, of_kind
from archdoc.model import Problem, Severity

CODE = "AD405"
NAME = "aurora-in-one-zone"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for element in of_kind(graph, AURORA):
        if "replica_of" in element.properties or element.properties.get("multi_az") is False:
            continue  # a reader is checked with its writer; multi_az: false is AD402
        zones, multi_az = copy_zones(graph, element.id)
        if multi_az or len(zones) != 1:
            continue
        instances = len(copies(graph, element.id))
        yield finding(graph, CODE, SEVERITY, element.span,
                      f"Aurora cluster '{element.id}' has {instances} instance{'' if instances == 1 else 's'}, "
                      f"all in {next(iter(zones))}; add a reader in another zone", element.id)
