"""What fails when a region fails: the ways from the internet to a datastore that run in one region only.

Reliability pillar (REL13: plan for disaster recovery). The same analysis as AD426, with a
region as the failure domain: an element fails with a region when it and all its copies
(`replica_of`) run in that region (its `region`, or the region group around it). Most
models run in one region, so this is an info finding, one per region, at the region's
group (or the first element that fails): it says what a disaster-recovery plan has to
bring back. Elements whose region is not known (CloudFront, Route 53, IAM) are never taken
to fail. Controls: AWS Well-Architected REL13-BP02 (use defined recovery strategies to meet
the recovery objectives); AWS Resilience Hub (Region disruption). AD425 compares a
single-region datastore's `rto`/`rpo` with a regional outage.

**Passing**

```yaml
elements:
  - {id: users, kind: person}
  - {id: db, kind: aws.DynamoDB, properties: {region: us-east-1}}
  - {id: db-west, kind: aws.DynamoDB, properties: {region: us-west-2, replica_of: db}}
relations: [users -> db]
```

**Failing**

```yaml
groups:
  - {id: us-east-1, kind: aws.Region}
elements:
  - {id: users, kind: person}
  - {id: api, kind: aws.Lambda, in: us-east-1}
  - {id: db, kind: aws.DynamoDB, in: us-east-1}
relations: [users -> api, api -> db]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.graph.placement import group_region
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._failures import REGION, analyse
from archdoc.lint.rules.failure_domains import stopped_text
from archdoc.model import Problem, Severity

CODE = "AD427"
NAME = "region-single-point-of-failure"
SEVERITY = Severity.INFO


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    domains = analyse(graph)
    for outage in domains.outages:
        if outage.domain != REGION or not outage.failed:
            continue
        group = next((group for group in graph.model.groups if group_region(group) == outage.name), None)
        subject = group.id if group is not None else outage.failed[0]
        span = group.span if group is not None else graph.elements[subject].span
        failed = ", ".join(outage.failed)
        yield finding(graph, CODE, SEVERITY, span,
                      f"if region {outage.name} fails, {stopped_text(outage)}: {failed} "
                      f"{'has' if len(outage.failed) == 1 else 'have'} no copy in another region", subject)
