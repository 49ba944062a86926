"""Every declared layer holds at least one element.

**Passing**

```yaml
layers: [{id: app}]
elements: [{id: api, layer: app}]
```

**Failing**

```yaml
layers: [{id: app}, {id: data}]
elements: [{id: api, layer: app}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD211"
NAME = "unused-layer"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    used = {element.layer for element in graph.model.elements}
    for layer in graph.model.layers:
        if layer.id not in used:
            yield finding(graph, CODE, SEVERITY, layer.span, f"layer '{layer.id}' holds no element", layer.id)
