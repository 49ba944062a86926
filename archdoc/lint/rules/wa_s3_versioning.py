"""An S3 bucket the model says keeps no object versions (`versioning: false`).

Reliability pillar (REL09: back up data; an overwritten or deleted object can be restored
from an earlier version). Controls: AWS Security Hub S3.14 (S3 general purpose buckets
should have versioning enabled), checkov CKV_AWS_21. The rule reads only what the model
states.

**Passing**

```yaml
elements:
  - {id: uploads, kind: aws.S3, properties: {versioning: true}}
```

**Failing**

```yaml
elements:
  - {id: uploads, kind: aws.S3, properties: {versioning: false}}
```
"""

from __future__ import annotations

from archdoc.lint.rules._wa import S3, false_property_check
from archdoc.model import Severity

CODE = "AD429"
NAME = "s3-without-versioning"
SEVERITY = Severity.WARNING

check = false_property_check(CODE, SEVERITY, S3, ("versioning",),
                             "S3 bucket '{id}' keeps no object versions ({name}: false)")
