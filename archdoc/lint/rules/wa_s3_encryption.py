"""An S3 bucket the model says is not encrypted at rest (`encrypted: false`).

Security pillar (data protection: protect data at rest). Controls: AWS Security Hub
S3.4 (server-side encryption; retired since S3 encrypts new objects by default), checkov
CKV_AWS_19 and CKV_AWS_145 (encryption with KMS). The rule reads only what the model
states: a bucket that says nothing about encryption is not reported.

**Passing**

```yaml
elements:
  - {id: assets, kind: aws.S3, properties: {encrypted: true}}
```

**Failing**

```yaml
elements:
  - {id: assets, kind: aws.S3, properties: {encrypted: false}}
```
"""

from __future__ import annotations

from archdoc.lint.rules._wa import S3, false_property_check
from archdoc.model import Severity

CODE = "AD406"
NAME = "s3-not-encrypted"
SEVERITY = Severity.WARNING

check = false_property_check(CODE, SEVERITY, S3, ("encrypted",),
                             "S3 bucket '{id}' is not encrypted at rest ({name}: false)")
