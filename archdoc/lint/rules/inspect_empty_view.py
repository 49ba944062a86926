"""Every view shows at least one element.

A view whose selectors pick nothing (or whose `exclude` removes everything it includes)
publishes an empty diagram. A selector that matches no element is reported as well (AD206);
this finding is about the view as a whole.

**Passing**

```yaml
elements: [{id: api, tags: [app]}, {id: db}]
views: [{id: app, include: ["tag:app"]}]
```

**Failing**

```yaml
elements: [{id: api, tags: [app]}, {id: db}]
views: [{id: app, include: ["tag:app"], exclude: [api]}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.graph.views import view_elements
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD221"
NAME = "empty-view"
SEVERITY = Severity.WARNING
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for view in graph.model.views:
        if not view.generated and graph.elements and not view_elements(graph, view):
            yield finding(graph, CODE, SEVERITY, view.span, f"view '{view.id}' shows no element")
