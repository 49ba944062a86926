"""Elements side by side have different labels.

Two elements with the same label in the same group (or both outside any group) draw as two
boxes a reader cannot tell apart, and sequence diagrams show the same name twice. Labels are
compared ignoring case and spacing; elements in different groups may share a label (an
`EC2 instances` box in each account).

**Passing**

```yaml
groups: [{id: prod, kind: aws.Account}, {id: staging, kind: aws.Account}]
elements:
  - {id: prod-api, label: API, in: prod}
  - {id: staging-api, label: API, in: staging}
```

**Failing**

```yaml
elements:
  - {id: orders-fn, label: Lambda function, kind: aws.compute.Lambda}
  - {id: billing-fn, label: Lambda Function, kind: aws.compute.Lambda}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Element, Problem, Severity

CODE = "AD225"
NAME = "duplicate-label"
SEVERITY = Severity.WARNING
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    first: dict[tuple[str | None, str], Element] = {}
    for element in graph.model.elements:
        key = (element.group, " ".join(element.label.split()).casefold())
        earlier = first.setdefault(key, element)
        if earlier is not element:
            place = f"group '{element.group}'" if element.group else "the model"
            yield finding(graph, CODE, SEVERITY, element.span,
                          f"element '{element.id}' has the label '{element.label}' of element '{earlier.id}' "
                          f"in {place}: readers cannot tell them apart", element.id)
