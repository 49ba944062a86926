"""A load balancer, CloudFront distribution or API Gateway the model says writes no access logs.

Operational excellence and security pillars (SEC04: capture logs where requests enter).
The model says so with `access_logs: false`. Controls: AWS Security Hub ELB.5 (Application
and Classic Load Balancers logging should be enabled), CloudFront.5 (CloudFront
distributions should have logging enabled), APIGateway.1 (execution logging) and
APIGateway.9 (access logging for V2 stages); checkov CKV_AWS_91 (ELBv2), CKV_AWS_92 (ELB),
CKV_AWS_86 (CloudFront), CKV_AWS_76 (API Gateway). The rule reads only what the model states.

**Passing**

```yaml
elements:
  - {id: alb, kind: aws.ALB, properties: {access_logs: true}}
```

**Failing**

```yaml
elements:
  - {id: cdn, kind: aws.CloudFront, properties: {access_logs: false}}
```
"""

from __future__ import annotations

from archdoc.lint.rules._wa import API_GATEWAY, CLOUDFRONT, LOAD_BALANCERS, false_property_check
from archdoc.model import Severity

CODE = "AD423"
NAME = "no-access-logs"
SEVERITY = Severity.WARNING

check = false_property_check(CODE, SEVERITY, LOAD_BALANCERS | CLOUDFRONT | API_GATEWAY, ("access_logs",),
                             "'{id}' writes no access logs ({name}: false)")
