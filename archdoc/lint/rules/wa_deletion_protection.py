"""A database the model says can be deleted without a safeguard (`deletion_protection: false`).

Reliability pillar (REL09, protect data from accidental deletion). Applies to RDS, Aurora
and DynamoDB. Controls: AWS Security Hub RDS.7 (RDS clusters should have deletion
protection enabled), RDS.8 (RDS DB instances should have deletion protection enabled),
DynamoDB.6 (DynamoDB tables should have deletion protection enabled); checkov CKV_AWS_293
(database instances). The rule reads only what the model states.

**Passing**

```yaml
elements:
  - {id: db, kind: aws.Aurora, properties: {deletion_protection: true}}
```

**Failing**

```yaml
elements:
  - {id: orders, kind: aws.DynamoDB, properties: {deletion_protection: false}}
```
"""

from __future__ import annotations

from archdoc.lint.rules._wa import AURORA, DYNAMODB, RDS, false_property_check
from archdoc.model import Severity

CODE = "AD413"
NAME = "no-deletion-protection"
SEVERITY = Severity.WARNING

check = false_property_check(CODE, SEVERITY, RDS | AURORA | DYNAMODB, ("deletion_protection",),
                             "'{id}' has no deletion protection ({name}: false)")
