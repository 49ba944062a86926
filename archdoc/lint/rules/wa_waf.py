"""An internet-facing CloudFront distribution, Application Load Balancer or API Gateway without a WAF.

Security pillar (SEC06: protect compute; filter requests where they enter). An entry point
is internet-facing when it is a CloudFront distribution, when its placement is public
(`public: true` or a public subnet around it), or when a path of relations reaches it from
an internet source (an element tagged `internet`, of kind `person` or `external`, or a
client or device kind). It is protected when it says `waf: true`, when its label names a
WAF ("CloudFront CDN + WAF + Shield"), when a WAF element (`aws.security.WAF`) has a
relation to or from it, or, for one that is not itself public,
when every path from the internet to it passes a WAF or a protected entry point (the check
searches the graph once per entry point, linear in its size). `waf: false` is always
reported. Controls: AWS Security Hub CloudFront.6 (CloudFront distributions should have WAF
enabled), APIGateway.4 (API Gateway should be associated with a WAF Web ACL); checkov
CKV_AWS_68 (CloudFront), CKV2_AWS_28 (public ALB), CKV2_AWS_29 (public API Gateway).

**Passing**

```yaml
elements:
  - {id: users, kind: person}
  - {id: waf, kind: aws.WAF}
  - {id: cdn, kind: aws.CloudFront}
  - {id: alb, kind: aws.ALB}
relations: [users -> cdn, waf -> cdn, cdn -> alb]
```

**Failing**

```yaml
elements:
  - {id: users, kind: person}
  - {id: api, kind: aws.APIGateway}
relations: [users -> api]
```
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import arrow, finding
from archdoc.lint.rules._internet import request_successor_map, sources
from archdoc.lint.rules._wa import CLOUDFRONT, EDGE, WAF, kind_of, of_kind
from archdoc.model import Problem, Severity

CODE = "AD415"
NAME = "entry-point-without-waf"
SEVERITY = Severity.WARNING
_WAF_WORD = re.compile(r"\bWAF\b")


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    wafs = {element.id for element in of_kind(graph, WAF)}
    edges = list(of_kind(graph, EDGE))
    # Connected to a WAF either way: a WAF among its neighbours (one set test, not one per WAF).
    protected = {edge.id for edge in edges if edge.properties.get("waf") is True or _WAF_WORD.search(edge.label)
                 or not wafs.isdisjoint(graph.successors(edge.id)) or not wafs.isdisjoint(graph.predecessors(edge.id))}
    bypass = _reached(graph, sources(graph), frozenset(wafs | protected))
    for edge in edges:
        label = _what(graph, edge.id)
        if edge.properties.get("waf") is False:
            yield finding(graph, CODE, SEVERITY, edge.property_spans.get("waf", edge.span),
                          f"{label} '{edge.id}' has no WAF (waf: false)", edge.id)
            continue
        if edge.id in protected:
            continue
        placement = graph.placement(edge.id)
        if placement.public is True:
            yield finding(graph, CODE, SEVERITY, edge.span,
                          f"internet-facing {label} '{edge.id}' is public and has no WAF attached", edge.id)
        elif edge.id in bypass:
            path = arrow(_path(bypass, edge.id))
            yield finding(graph, CODE, SEVERITY, edge.span,
                          f"internet-facing {label} '{edge.id}' has no WAF in front of it: {path}", edge.id)
        elif kind_of(graph, edge.id) in CLOUDFRONT:
            yield finding(graph, CODE, SEVERITY, edge.span, f"{label} '{edge.id}' has no WAF attached", edge.id)


def _reached(graph: ModelGraph, starts: list[str], blocked: frozenset[str]) -> dict[str, str | None]:
    """Every element reached from `starts` without entering `blocked`, with its parent on a shortest path."""
    parent: dict[str, str | None] = {start: None for start in starts if start not in blocked}
    queue = deque(parent)
    successors = request_successor_map(graph)
    while queue:
        node = queue.popleft()
        for successor in successors.get(node, ()):
            if successor not in parent and successor not in blocked:
                parent[successor] = node
                queue.append(successor)
    return parent


def _path(parent: dict[str, str | None], node: str) -> list[str]:
    path = [node]
    while parent[path[-1]] is not None:
        path.append(parent[path[-1]])  # type: ignore[arg-type]
    return path[::-1]


def _what(graph: ModelGraph, element_id: str) -> str:
    kind = kind_of(graph, element_id)
    if kind in CLOUDFRONT:
        return "CloudFront distribution"
    return "API Gateway" if "APIGateway" in kind else "load balancer"
