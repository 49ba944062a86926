"""A load balancer the model places in a single availability zone.

Reliability pillar (REL10: deploy the workload to multiple locations; a load balancer's
nodes live in the subnets it is given). Its zones come from its own `zone`/`zones` or from
the availability-zone groups and subnets around it; `multi_az: false` says one zone too. A
load balancer whose zones are not known is not reported. Controls: AWS Security Hub ELB.13
(Application, Network and Gateway Load Balancers should span multiple Availability Zones),
ELB.10 (Classic Load Balancer should span multiple Availability Zones).

**Passing**

```yaml
elements:
  - {id: alb, kind: aws.ALB, properties: {zones: [us-east-1a, us-east-1b]}}
```

**Failing**

```yaml
groups:
  - {id: public-a, kind: aws.PublicSubnet, properties: {zone: us-east-1a}}
elements:
  - {id: alb, kind: aws.ALB, in: public-a}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._wa import LOAD_BALANCERS, of_kind
from archdoc.model import Problem, Severity

CODE = "AD420"
NAME = "load-balancer-in-one-zone"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for balancer in of_kind(graph, LOAD_BALANCERS):
        placement = graph.placement(balancer.id)
        if not placement.single_zone:
            continue
        where = f"only in {next(iter(placement.zones))}" if placement.zones else "in one zone (multi_az: false)"
        source = f" (from group '{placement.zone_from}')" if placement.zone_from else ""
        yield finding(graph, CODE, SEVERITY, balancer.span,
                      f"load balancer '{balancer.id}' runs {where}{source}; give it subnets in two or more zones",
                      balancer.id)
