"""A datastore the model says is not encrypted at rest (`encrypted: false`).

Well-architected (security pillar): encrypt data at rest. The rule reads only what the
model states. Controls: AWS Security Hub RDS.3 (RDS DB instances should have encryption at
rest enabled), ElastiCache.4 (replication groups encrypted at rest), DynamoDB.3 (DAX
clusters encrypted at rest); checkov CKV_AWS_16 (RDS), CKV_AWS_29 (ElastiCache),
CKV_AWS_119 (DynamoDB with a customer managed key). S3, EFS, SQS, SNS and OpenSearch are
AD406 to AD410.

**Passing**

```yaml
elements:
  - {id: bucket, kind: aws.storage.SimpleStorageServiceS3, tags: [datastore], properties: {encrypted: true}}
```

**Failing**

```yaml
elements:
  - {id: db, kind: aws.database.RDS, properties: {encrypted: false}}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._datastores import datastores
from archdoc.model import Problem, Severity

CODE = "AD403"
NAME = "unencrypted-datastore"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for element in datastores(graph):
        if element.properties.get("encrypted") is False:
            yield finding(graph, CODE, SEVERITY, element.property_spans.get("encrypted", element.span),
                          f"datastore '{element.id}' is not encrypted at rest (encrypted: false)", element.id)
