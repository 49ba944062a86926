"""An entry point at the edge the model says also serves plain HTTP (`https_only: false`).

Security pillar (SEC09: protect data in transit). Applies to CloudFront distributions,
load balancers and API Gateways. Controls: AWS Security Hub CloudFront.3 (CloudFront
distributions should require encryption in transit), ELB.1 (Application Load Balancer
should redirect all HTTP requests to HTTPS), ELB.3 (Classic Load Balancer listeners with
HTTPS or TLS termination); checkov CKV_AWS_34 (CloudFront viewer protocol policy HTTPS),
CKV2_AWS_20 (ALB redirects HTTP to HTTPS). The rule reads only what the model states.

**Passing**

```yaml
elements:
  - {id: cdn, kind: aws.CloudFront, properties: {https_only: true}}
```

**Failing**

```yaml
elements:
  - {id: alb, kind: aws.ALB, properties: {https_only: false}}
```
"""

from __future__ import annotations

from archdoc.lint.rules._wa import API_GATEWAY, CLOUDFRONT, LOAD_BALANCERS, false_property_check
from archdoc.model import Severity

CODE = "AD416"
NAME = "plain-http-at-the-edge"
SEVERITY = Severity.WARNING

check = false_property_check(CODE, SEVERITY, CLOUDFRONT | LOAD_BALANCERS | API_GATEWAY, ("https_only",),
                             "'{id}' also serves plain HTTP ({name}: false); redirect HTTP to HTTPS")
