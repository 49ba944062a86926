"""What fails when a zone fails: an element on every way from the internet to a datastore, with no copy in another zone.

Reliability pillar (REL10: use fault isolation to protect the workload). For every path
from an internet entry point (an element tagged `internet`, of kind `person` or `external`,
a client or device kind, or an element placed in public) to a stateful element (a
datastore, S3 bucket or EFS file system), the rule takes each availability zone the model
names and removes what runs only there: an element fails with a zone when it and all its
copies run in that zone alone and none says `multi_az: true`. A copy is an element that says
`replica_of: <id>` (a standby, a read replica, the task in the other zone); `multi_az: true`
or `zones` listing two or more keeps an element alive on its own. When no way is left from
an entry point to a datastore, the finding names the zone, the element that fails with it,
the paths that stop and the flows that use the element: "if us-east-1a fails, orders-db has
no copy in another zone: users -> orders-db stops". An element that says `replicas: 1` is a
single point of failure by itself and is reported the same way. Elements whose zone is not
known are never taken to fail; the model page's "Failure domains" table shows every zone
and region with what stops. A region's failure is AD427. Controls: AWS Well-Architected
REL10-BP01 (deploy the workload to multiple locations), REL10-BP03 (use bulkhead
architectures); AWS Resilience Hub (AZ disruption).

**Passing**

```yaml
elements:
  - {id: users, kind: person}
  - {id: api, kind: aws.Fargate, properties: {zones: [us-east-1a, us-east-1b]}}
  - {id: orders-db, kind: aws.RDS, properties: {zone: us-east-1a}}
  - {id: orders-db-standby, kind: aws.RDS, properties: {zone: us-east-1b, replica_of: orders-db}}
relations: [users -> api, api -> orders-db]
```

**Failing**

```yaml
elements:
  - {id: users, kind: person}
  - {id: api, kind: aws.Fargate, properties: {zones: [us-east-1a, us-east-1b]}}
  - {id: orders-db, kind: aws.RDS, properties: {zone: us-east-1a}}
relations: [users -> api, api -> orders-db]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._failures import ELEMENT, ZONE, Outage, analyse
from archdoc.model import Problem, Severity

CODE = "AD426"
NAME = "single-point-of-failure"
SEVERITY = Severity.WARNING
SHOWN = 3  # stopped paths named in one finding


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    domains = analyse(graph)
    for outage in domains.outages:
        if outage.domain not in (ZONE, ELEMENT):
            continue
        for element in outage.failed:
            if outage.domain == ZONE:
                lead = f"if zone {outage.name} fails, '{element}' has no copy in another zone"
            else:
                lead = f"if '{element}' fails, nothing takes over (replicas: 1)"
            yield finding(graph, CODE, SEVERITY, graph.elements[element].span,
                          f"{lead}: {stopped_text(outage, element)}", element)


def stopped_text(outage: Outage, element: str | None = None) -> str:
    """"users -> orders-db stops (flow checkout)": the paths through the element that stop, and its flows."""
    pairs = outage.stopped if element is None else outage.through.get(element, ())
    shown = [f"{entry} -> {target}" for entry, target in pairs[:SHOWN]]
    more = f" and {len(pairs) - SHOWN} more" if len(pairs) > SHOWN else ""
    verb = "stops" if len(pairs) == 1 else "stop"
    flows = f" (flow{'s' if len(outage.flows) > 1 else ''} {', '.join(outage.flows)})" if outage.flows else ""
    return f"{', '.join(shown)}{more} {verb}{flows}"
