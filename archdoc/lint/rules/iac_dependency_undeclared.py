"""The infrastructure code connects two elements that the model declares no relation between.

What backs a relation (AD503) also asks for one: when a reference, security-group rule,
event source mapping, subscription, policy or environment variable joins the resources of two
different elements, the model must have a relation between them, in either direction. One
finding per pair of elements, at the element whose resource holds the connection, naming the
connection's place in the code; suppress it with `relation: "a -> b"`.

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
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._iac import conformance, reference_at
from archdoc.model import Problem, Severity

CODE = "AD504"
NAME = "iac-dependency-undeclared"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    found = conformance(options)
    if found is None:
        return
    for link in found.links.values():
        if graph.connected(link.source, link.target):
            continue
        element = graph.elements[link.source]
        yield Problem(CODE, SEVERITY,
                      f"the infrastructure code connects {link.source} and {link.target} "
                      f"({reference_at(link.reference)}), but the model declares no relation between them; add "
                      f"`{link.source} -> {link.target}` or the other way", element.spans.get("iac", element.span),
                      graph.model.id, link.source, (link.source, link.target))
