"""No two views show exactly the same elements.

Two views with the same boxes publish the same diagram twice (perhaps in another
direction); usually one view's selectors were meant to differ. Views that show nothing are
reported by AD221 instead.

**Passing**

```yaml
elements: [{id: api, layer: app}, {id: db, layer: data}]
layers: [{id: app}, {id: data}]
relations: [api -> db]
views:
  - {id: all, include: ["*"]}
  - {id: data, include: ["layer:data"]}
```

**Failing**

```yaml
elements: [{id: api, layer: app}, {id: db, layer: data}]
layers: [{id: app}, {id: data}]
relations: [api -> db]
views:
  - {id: all, include: ["*"]}
  - {id: tiers, include: ["layer:app", "layer:data"]}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.graph.views import view_elements
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity, View

CODE = "AD222"
NAME = "duplicate-view"
SEVERITY = Severity.INFO
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    seen: dict[frozenset[str], View] = {}
    for view in graph.model.views:
        if view.generated:
            continue
        shown = frozenset(view_elements(graph, view))
        if not shown:
            continue
        earlier = seen.setdefault(shown, view)
        if earlier is not view:
            yield finding(graph, CODE, SEVERITY, view.span,
                          f"view '{view.id}' shows the same {len(shown)} elements as view '{earlier.id}'")
