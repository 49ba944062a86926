"""The compute behind a load balancer runs in one availability zone: the balancer has nowhere else to send requests.

Reliability pillar (REL10: deploy the workload to multiple locations). A load balancer's
targets are the compute elements (category `compute`, such as ECS tasks, EC2 instances,
Auto Scaling groups) its relations reach, directly or through network and security
elements between them (security groups, NACLs). Their zones, and those of their replicas
(`replica_of`), come from their own `zone`/`zones` or the groups around them. Targets that
together run in one known zone are reported; targets whose zones are not known are not.
Controls: AWS Security Hub AutoScaling.2 (Amazon EC2 Auto Scaling group should cover
multiple Availability Zones), Lambda.5 (VPC Lambda functions should operate in more than one
Availability Zone).

**Passing**

```yaml
elements:
  - {id: alb, kind: aws.ALB}
  - {id: task-a, kind: aws.Fargate, properties: {zone: us-east-1a}}
  - {id: task-b, kind: aws.Fargate, properties: {zone: us-east-1b}}
relations: [alb -> task-a, alb -> task-b]
```

**Failing**

```yaml
elements:
  - {id: alb, kind: aws.ALB}
  - {id: sg, kind: aws.network.Nacl}
  - {id: task-a, kind: aws.Fargate, properties: {zone: us-east-1a}}
relations: [alb -> sg, sg -> task-a]
```
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._internet import request_successors
from archdoc.lint.rules._wa import LOAD_BALANCERS, copy_zones, of_kind
from archdoc.model import Problem, Severity

CODE = "AD421"
NAME = "targets-in-one-zone"
SEVERITY = Severity.WARNING
PASS_THROUGH = frozenset({"network", "security"})  # categories between a balancer and its targets


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    balancers = [element.id for element in of_kind(graph, LOAD_BALANCERS)]
    every_balancer = frozenset(balancers)  # once: a set per balancer made the rule quadratic
    for balancer_id in balancers:
        balancer = graph.elements[balancer_id]
        targets = targets_of(graph, balancer_id, every_balancer)
        zones: set[str] = set()
        for target in targets:
            target_zones, multi_az = copy_zones(graph, target)
            if multi_az or not target_zones:
                zones = set()
                break  # one target spread or of unknown place: nothing to say
            zones |= target_zones
        if len(zones) == 1:
            yield finding(graph, CODE, SEVERITY, balancer.span,
                          f"every target of load balancer '{balancer.id}' ({', '.join(targets)}) runs in "
                          f"{next(iter(zones))}; spread them over two or more zones", balancer.id)


def targets_of(graph: ModelGraph, balancer: str, balancers: frozenset[str]) -> list[str]:
    """The first compute elements on each way out of the balancer, through network and security elements."""
    targets: list[str] = []
    seen = {balancer}
    queue = deque([balancer])
    while queue:
        node = queue.popleft()
        for successor in request_successors(graph, node):
            if successor in seen:
                continue
            seen.add(successor)
            category = graph.category(successor)
            if category == "compute":
                targets.append(successor)
            elif category in PASS_THROUGH and successor not in balancers:
                queue.append(successor)
    return targets
