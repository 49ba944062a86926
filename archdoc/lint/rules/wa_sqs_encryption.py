"""An SQS queue the model says is not encrypted at rest (`encrypted: false`).

Security pillar (data protection: protect data at rest). Controls: AWS Security Hub SQS.1
(Amazon SQS queues should be encrypted at rest), AWS Control Tower CT.SQS.PR.2 (a
CloudFormation Guard rule), checkov CKV_AWS_27. The rule reads only what the model states.

**Passing**

```yaml
elements:
  - {id: orders, kind: aws.SQS, properties: {encrypted: true}}
```

**Failing**

```yaml
elements:
  - {id: orders, kind: aws.SQS, properties: {encrypted: false}}
```
"""

from __future__ import annotations

from archdoc.lint.rules._wa import SQS, false_property_check
from archdoc.model import Severity

CODE = "AD408"
NAME = "sqs-not-encrypted"
SEVERITY = Severity.WARNING

check = false_property_check(CODE, SEVERITY, SQS, ("encrypted",),
                             "SQS queue '{id}' is not encrypted at rest ({name}: false)")
