"""A resource of an architecturally significant type is in the infrastructure code, but not in the model.

Every resource that the importer would draw as an element or a group (a function, queue,
table, load balancer, VPC, subnet, ... and any type archdoc does not know) must be named in
the `iac:` of an element or group. Plumbing is exempt: roles, policies, security groups and
their rules, route tables, listeners, target groups, subnet groups, permissions, event
source mappings and subscriptions fold into the element they serve (see "Infrastructure code
conformance"), and so are Terraform data sources and nested stacks themselves. The finding is
at the `iac:` entry that holds the resource and names the resource's place in the code.

**Passing**

```yaml
iac: [../infra/app.yaml]
elements:
  - {id: orders, kind: aws.integration.SimpleQueueServiceSqsQueue, iac: Orders}
```

```yaml title="infra/app.yaml"
Resources:
  Orders:
    Type: AWS::SQS::Queue
  OrdersPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Orders]
      PolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: sns.amazonaws.com}, Action: "sqs:SendMessage", Resource: "*"}]
```

**Failing**

```yaml
iac: [../infra/app.yaml]
elements:
  - {id: orders, kind: aws.integration.SimpleQueueServiceSqsQueue, iac: Orders}
```

```yaml title="infra/app.yaml"
Resources:
  Orders:
    Type: AWS::SQS::Queue
  OrdersDeadLetters:
    Type: AWS::SQS::Queue
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.iac.mapping import is_significant, type_info
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._iac import at, conformance
from archdoc.model import Problem, Severity

CODE = "AD502"
NAME = "iac-resource-unclaimed"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    found = conformance(options)
    if found is None:
        return
    for resource in found.inventory.resources:
        if resource.is_data_source or resource.address in found.claimer or not is_significant(resource.type):
            continue
        source = found.source_of(resource)
        span = source.span if source is not None else graph.model.span
        noun = type_info(resource.type).noun
        yield finding(graph, CODE, SEVERITY, span,
                      f"{resource.address} ({noun} {resource.type}, {at(resource.span)}) is claimed by no element "
                      "or group; name it in the `iac:` of the one it belongs to, or add one")
