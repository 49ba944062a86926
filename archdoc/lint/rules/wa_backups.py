"""A stateful resource the model says has no backups: `backups: false` or `backup_retention_days: 0`.

Reliability pillar (REL09: back up data). Applies to RDS, Aurora, DynamoDB, ElastiCache and
EFS. Controls: AWS Security Hub RDS.11 (RDS instances should have automatic backups
enabled), ElastiCache.1 (automatic backups), EFS.2 (EFS volumes should be in backup
plans), DynamoDB.4 (DynamoDB tables should be in a backup plan); checkov CKV_AWS_133 (RDS
backup policy). DynamoDB point-in-time recovery is AD412. The rule reads only what the
model states.

**Passing**

```yaml
elements:
  - {id: db, kind: aws.RDS, properties: {backup_retention_days: 7}}
  - {id: files, kind: aws.EFS, properties: {backups: true}}
```

**Failing**

```yaml
elements:
  - {id: db, kind: aws.RDS, properties: {backup_retention_days: 0}}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._wa import AURORA, DYNAMODB, EFS, ELASTICACHE, RDS, of_kind
from archdoc.model import Problem, Severity

CODE = "AD411"
NAME = "no-backups"
SEVERITY = Severity.WARNING
STATEFUL = RDS | AURORA | DYNAMODB | ELASTICACHE | EFS


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for element in of_kind(graph, STATEFUL):
        properties, spans = element.properties, element.property_spans
        if properties.get("backups") is False:
            yield finding(graph, CODE, SEVERITY, spans.get("backups", element.span),
                          f"'{element.id}' has no backups (backups: false)", element.id)
        elif properties.get("backup_retention_days") == 0:
            yield finding(graph, CODE, SEVERITY, spans.get("backup_retention_days", element.span),
                          f"'{element.id}' keeps no automated backups (backup_retention_days: 0)", element.id)
