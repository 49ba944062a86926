"""Every element has a description (completeness pack, off by default).

The description is what the model page says about an element: what it does, what it holds,
who runs it. Structurizr's inspections ask for one on every person, system, container and
component. Turn the check on with `rules.packs: {completeness: on}`.

**Passing**

```yaml
elements: [{id: api, description: Takes orders from the web shop.}]
rules:
  packs: {completeness: on}
```

**Failing**

```yaml
elements: [{id: api}]
rules:
  packs: {completeness: on}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD233"
NAME = "element-without-description"
SEVERITY = Severity.INFO
PACK = "completeness"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for element in graph.model.elements:
        if not element.description.strip():
            yield finding(graph, CODE, SEVERITY, element.span, f"element '{element.id}' has no description",
                          element.id)
