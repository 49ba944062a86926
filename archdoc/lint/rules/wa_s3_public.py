"""An S3 bucket open to the internet, other than one served by CloudFront through origin access control.

Security pillar (SEC05: protect networks; SEC08: protect data at rest). A bucket that says
`public: true` is an error, unless a CloudFront distribution has a relation to it and the
bucket or that distribution says `origin_access: true` (CloudFront alone reads it: the
content is public, the bucket is not). A bucket inside a public group is a warning (S3 has
no subnet; the drawing says it is public). A bucket behind CloudFront that says
`origin_access: false` is a warning: CloudFront can then read it only if it is public.
Buckets that are datastores (tagged `datastore`) are AD401's. Controls: AWS Security Hub
S3.2 and S3.3 (buckets should prohibit public read and write access), S3.8 (S3 Block Public
Access), CloudFront.13 (CloudFront distributions should use origin access control); checkov
CKV_AWS_20 (no public READ ACL), CKV2_AWS_6 (a public access block).

**Passing**

```yaml
elements:
  - {id: cdn, kind: aws.CloudFront}
  - {id: site, kind: aws.S3, properties: {public: true, origin_access: true}}
relations: [cdn -> site]
```

**Failing**

```yaml
elements:
  - {id: site, kind: aws.S3, properties: {public: true}}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._wa import CLOUDFRONT, S3, kind_of, of_kind
from archdoc.model import Problem, Severity

CODE = "AD414"
NAME = "s3-public"
SEVERITY = Severity.ERROR


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for bucket in of_kind(graph, S3):
        if "datastore" in bucket.tags:
            continue  # AD401 reports public datastores
        distributions = [other for other in graph.predecessors(bucket.id) if kind_of(graph, other) in CLOUDFRONT]
        access = [graph.elements[owner].properties.get("origin_access") for owner in [bucket.id, *distributions]]
        placement = graph.placement(bucket.id)
        if placement.public is True and not (distributions and True in access):
            if placement.public_from is None:
                yield finding(graph, CODE, SEVERITY, bucket.property_spans.get("public", bucket.span),
                              f"S3 bucket '{bucket.id}' is public; serve it through CloudFront with origin access "
                              "control and block public access", bucket.id)
            else:
                yield finding(graph, CODE, Severity.WARNING, bucket.span,
                              f"S3 bucket '{bucket.id}' sits in public group '{placement.public_from}'", bucket.id)
        elif distributions and False in access and True not in access:
            yield finding(graph, CODE, Severity.WARNING, bucket.span,
                          f"S3 bucket '{bucket.id}' is read by CloudFront '{distributions[0]}' without origin access "
                          "control (origin_access: false), so it must be public", bucket.id)
