"""A view of several elements shows at least one relation between them.

A diagram of boxes without arrows says what exists, not how it works: the view probably
left out the elements that connect its parts. Models without any relation are not
inspected (they are inventories), and neither are views of one element.

**Passing**

```yaml
elements: [{id: api}, {id: db}, {id: cdn}]
relations: [api -> db, cdn -> api]
views: [{id: back, include: [api, db]}]
```

**Failing**

```yaml
elements: [{id: api}, {id: db}, {id: cdn}]
relations: [api -> db, cdn -> api]
views: [{id: edges, include: [cdn, db]}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.graph.views import view_elements
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD223"
NAME = "view-without-relations"
SEVERITY = Severity.INFO
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    if not graph.model.relations:
        return
    for view in graph.model.views:
        if view.generated:
            continue
        shown = view_elements(graph, view)
        if len(shown) < 2:
            continue
        if not any(relation.source in shown and relation.target in shown for relation in graph.model.relations):
            yield finding(graph, CODE, SEVERITY, view.span,
                          f"view '{view.id}' shows {len(shown)} elements and no relation between them")
