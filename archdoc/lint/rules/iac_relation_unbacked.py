"""A relation between two elements that the infrastructure code backs with nothing.

When both ends of a relation name resources (`iac:`), something in the code should connect
them, in either direction: a reference (`!Ref`, `!GetAtt`, `!Sub`, `DependsOn`, a Terraform
expression or `depends_on`), a security-group rule admitting one's group into the other's,
an event source mapping, a subscription or rule target, a bucket notification, an IAM policy
naming the other's resource, or an environment variable. Plumbing counts for the element it
folds into: a function's role granting it a table backs `function -> table`. A relation with
an end that names no resource is not checked. The finding is at the relation and names both
ends' resources in the code.

**Passing**

```yaml
iac: [../infra/app.yaml]
elements:
  - {id: api, kind: aws.compute.Lambda, iac: ApiFunction}
  - {id: table, kind: aws.database.DynamodbTable, iac: Orders}
relations: [api -> table]
```

```yaml title="infra/app.yaml"
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
  ApiFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/api
      Code: {ZipFile: "exports.handler = async () => ({})"}
      Environment: {Variables: {TABLE: !Ref Orders}}
```

**Failing**

```yaml
iac: [../infra/app.yaml]
elements:
  - {id: api, kind: aws.compute.Lambda, iac: ApiFunction}
  - {id: table, kind: aws.database.DynamodbTable, iac: Orders}
relations: [api -> table]
```

```yaml title="infra/app.yaml"
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
  ApiFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/api
      Code: {ZipFile: "exports.handler = async () => ({})"}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import relation_finding
from archdoc.lint.rules._iac import conformance, resource_at
from archdoc.model import Problem, Severity

CODE = "AD503"
NAME = "relation-without-iac"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    found = conformance(options)
    if found is None:
        return
    for relation in graph.relations():
        source, target = relation.source, relation.target
        if source == target or not (found.is_mapped(source) and found.is_mapped(target)):
            continue
        source_resources = found.resources(graph.elements[source])
        target_resources = found.resources(graph.elements[target])
        if {r.address for r in source_resources} & {r.address for r in target_resources}:
            continue  # two views of one resource (a primary and its standby)
        if found.link_between(source, target) is not None:
            continue
        yield relation_finding(graph, CODE, SEVERITY, relation,
                               f"{source} -> {target} has nothing behind it in the infrastructure code: no "
                               f"reference, security-group rule, event source, subscription, policy or variable "
                               f"connects {resource_at(source_resources[0])} and {resource_at(target_resources[0])}, "
                               "either way")
