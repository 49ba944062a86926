"""Every layer that holds elements has a relation to or from another layer.

Layers stack callers above callees; a layer nothing crosses into or out of stands apart from
the rest of the architecture, which usually means its relations are missing or its elements
belong to another layer. Checked when two or more layers hold elements and the model has
relations.

**Passing**

```yaml
layers: [{id: app}, {id: data}]
elements: [{id: api, layer: app}, {id: db, layer: data}]
relations: [api -> db]
```

**Failing**

```yaml
layers: [{id: app}, {id: data}]
elements: [{id: api, layer: app}, {id: worker, layer: app}, {id: db, layer: data}]
relations: [api -> worker]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD224"
NAME = "isolated-layer"
SEVERITY = Severity.INFO
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    populated = {element.layer for element in graph.model.elements if element.layer is not None}
    if len(populated) < 2 or not graph.model.relations:
        return
    crossed: set[str] = set()
    for source, target in graph.relations_by_layers:  # each pair of layers some relation links
        if source != target:
            crossed.update(layer for layer in (source, target) if layer is not None)
    for layer in graph.model.layers:
        if layer.id in populated and layer.id not in crossed:
            yield finding(graph, CODE, SEVERITY, layer.span,
                          f"layer '{layer.id}' has no relation to or from another layer", layer.id)
