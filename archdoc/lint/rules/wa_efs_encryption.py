"""An EFS file system the model says is not encrypted at rest (`encrypted: false`).

Security pillar (data protection: protect data at rest). Controls: AWS Security Hub EFS.1
(EFS should be configured to encrypt file data at rest using AWS KMS), checkov CKV_AWS_42.
EFS encryption at rest can only be chosen when the file system is created. The rule reads
only what the model states.

**Passing**

```yaml
elements:
  - {id: shared, kind: aws.EFS, properties: {encrypted: true}}
```

**Failing**

```yaml
elements:
  - {id: shared, kind: aws.EFS, properties: {encrypted: false}}
```
"""

from __future__ import annotations

from archdoc.lint.rules._wa import EFS, false_property_check
from archdoc.model import Severity

CODE = "AD407"
NAME = "efs-not-encrypted"
SEVERITY = Severity.WARNING

check = false_property_check(CODE, SEVERITY, EFS, ("encrypted",),
                             "EFS file system '{id}' is not encrypted at rest ({name}: false); "
                             "encryption is chosen when it is created")
