"""When a model declares layers, every element belongs to one.

The layering rule (AD201) checks relations between elements that have layers; an element
without one escapes it silently, and layer views leave it out. People and external systems
(kinds `person` and `external`) may stand outside the layers.

**Passing**

```yaml
layers: [{id: app}, {id: data}]
elements: [{id: api, layer: app}, {id: db, layer: data}]
relations: [api -> db]
```

**Failing**

```yaml
layers: [{id: app}, {id: data}]
elements: [{id: api, layer: app}, {id: db}]
relations: [api -> db]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD228"
NAME = "element-without-layer"
SEVERITY = Severity.WARNING
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    if not graph.model.layers:
        return
    for element in graph.model.elements:
        if element.layer is None and element.kind not in ("person", "external"):
            yield finding(graph, CODE, SEVERITY, element.span,
                          f"element '{element.id}' has no layer, so the layering rule does not check its relations",
                          element.id)
