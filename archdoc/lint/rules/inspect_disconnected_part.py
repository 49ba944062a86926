"""The model's relations connect it into one whole.

When relations split the elements into separate parts, each part could be a model of its
own, or the relations that join them are missing (a worker that reads the queue the API
writes to). Every part but the largest is reported once, at its first element. Elements
without any relation are AD214's; a model without relations is not inspected.

**Passing**

```yaml
elements: [{id: api}, {id: jobs}, {id: worker}]
relations: [api ..> jobs, jobs ..> worker]
```

**Failing**

```yaml
elements: [{id: api}, {id: db}, {id: worker}, {id: archive}]
relations: [api -> db, worker -> archive]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD227"
NAME = "disconnected-part"
SEVERITY = Severity.INFO
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    parts = [part for part in graph.weak_components() if len(part) > 1]
    if len(parts) < 2:
        return
    order = {element.id: position for position, element in enumerate(graph.model.elements)}
    parts.sort(key=lambda part: (-len(part), min(order[e] for e in part)))
    main = len(parts[0])
    for part in sorted(parts[1:], key=lambda part: min(order[e] for e in part)):
        members = sorted(part, key=order.__getitem__)
        first = graph.elements[members[0]]
        names = ", ".join(members[:4]) + (f" and {len(members) - 4} more" if len(members) > 4 else "")
        yield finding(graph, CODE, SEVERITY, first.span,
                      f"elements {names} are connected to each other but to nothing else of the model "
                      f"(its largest part has {main} elements)", first.id)
