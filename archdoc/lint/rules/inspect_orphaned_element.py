"""Every element takes part in at least one relation (checked when the model has relations).

An element no arrow touches says nothing about how the system works: it is left over from
an earlier design, or its relations are missing (Structurizr calls it an orphaned element).
A model without any relation, an inventory of parts, is not inspected. The finding is
information, not a warning: AWS diagrams often draw ambient services (a NAT gateway, KMS)
without arrows.

**Passing**

```yaml
elements: [{id: api}, {id: db}]
relations: [api -> db]
```

**Failing**

```yaml
elements: [{id: api}, {id: db}, {id: cache}]
relations: [api -> db]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD214"
NAME = "orphaned-element"
SEVERITY = Severity.INFO
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    if not graph.model.relations:
        return
    linked = {relation.source for relation in graph.model.relations}  # one pass: no degree per element
    linked.update(relation.target for relation in graph.model.relations)
    for element in graph.model.elements:
        if element.id not in linked:
            yield finding(graph, CODE, SEVERITY, element.span,
                          f"element '{element.id}' has no relation: add its relations or remove it", element.id)
