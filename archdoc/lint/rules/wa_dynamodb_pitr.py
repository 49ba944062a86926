"""A DynamoDB table the model says has no point-in-time recovery (`point_in_time_recovery: false`).

Reliability pillar (REL09: back up data; recover a table to any second of the last 35 days).
Controls: AWS Security Hub DynamoDB.2 (DynamoDB tables should have point-in-time recovery
enabled), checkov CKV_AWS_28. The rule reads only what the model states.

**Passing**

```yaml
elements:
  - {id: orders, kind: aws.DynamoDB, properties: {point_in_time_recovery: true}}
```

**Failing**

```yaml
elements:
  - {id: orders, kind: aws.DynamoDB, properties: {point_in_time_recovery: false}}
```
"""

from __future__ import annotations

from archdoc.lint.rules._wa import DYNAMODB, false_property_check
from archdoc.model import Severity

CODE = "AD412"
NAME = "dynamodb-without-pitr"
SEVERITY = Severity.WARNING

check = false_property_check(CODE, SEVERITY, DYNAMODB, ("point_in_time_recovery",),
                             "DynamoDB table '{id}' has no point-in-time recovery ({name}: false)")
