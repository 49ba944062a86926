"""An SNS topic the model says is not encrypted at rest (`encrypted: false`).

Security pillar (data protection: protect data at rest). Controls: AWS Security Hub SNS.1
(SNS topics should be encrypted at rest using AWS KMS), checkov CKV_AWS_26. The rule reads
only what the model states.

**Passing**

```yaml
elements:
  - {id: events, kind: aws.SNS, properties: {encrypted: true}}
```

**Failing**

```yaml
elements:
  - {id: events, kind: aws.SNS, properties: {encrypted: false}}
```
"""

from __future__ import annotations

from archdoc.lint.rules._wa import SNS, false_property_check
from archdoc.model import Severity

CODE = "AD409"
NAME = "sns-not-encrypted"
SEVERITY = Severity.WARNING

check = false_property_check(CODE, SEVERITY, SNS, ("encrypted",),
                             "SNS topic '{id}' is not encrypted at rest ({name}: false)")
