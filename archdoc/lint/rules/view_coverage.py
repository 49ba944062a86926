"""Every element appears in at least one view (checked when the model declares views).

An element no view shows never reaches a diagram or a reader. Models without views get a
generated overview with everything, so the rule only speaks when views were written.

**Passing**

```yaml
elements: [{id: api}, {id: db}]
views: [{id: all, include: ["*"]}]
```

**Failing**

```yaml
elements: [{id: api}, {id: db}]
views: [{id: front, include: [api]}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.graph.views import view_elements
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD210"
NAME = "element-in-no-view"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    views = [view for view in graph.model.views if not view.generated]
    if not views:
        return
    shown: set[str] = set()
    for view in views:
        shown |= view_elements(graph, view)
        if len(shown) == len(graph.elements):
            return
    for element in graph.model.elements:
        if element.id not in shown:
            yield finding(graph, CODE, SEVERITY, element.span, f"element '{element.id}' appears in no view",
                          element.id)
