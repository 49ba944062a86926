"""An OpenSearch (or Elasticsearch) domain the model says is not encrypted at rest (`encrypted: false`).

Security pillar (data protection: protect data at rest). Controls: AWS Security Hub
Opensearch.1 (OpenSearch domains should have encryption at rest enabled) and ES.1 (the same
for Elasticsearch domains), checkov CKV_AWS_5. Kinds: `aws.analytics.AmazonOpensearchService`,
`aws.analytics.ElasticsearchService`. The rule reads only what the model states.

**Passing**

```yaml
elements:
  - {id: search, kind: aws.analytics.AmazonOpensearchService, properties: {encrypted: true}}
```

**Failing**

```yaml
elements:
  - {id: search, kind: aws.analytics.AmazonOpensearchService, properties: {encrypted: false}}
```
"""

from __future__ import annotations

from archdoc.lint.rules._wa import OPENSEARCH, false_property_check
from archdoc.model import Severity

CODE = "AD410"
NAME = "opensearch-not-encrypted"
SEVERITY = Severity.WARNING

check = false_property_check(CODE, SEVERITY, OPENSEARCH, ("encrypted",),
                             "OpenSearch domain '{id}' is not encrypted at rest ({name}: false)")
