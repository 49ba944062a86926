"""A model has at least one element.

A model file whose `elements` list is empty publishes a page with nothing on it. A file
meant to be shared by other models is a fragment: name it with a leading `_` and `include`
it.

**Passing**

```yaml
elements: [{id: api}]
```

**Failing**

```yaml
title: Work in progress
elements: []
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD230"
NAME = "empty-model"
SEVERITY = Severity.WARNING
PACK = "inspections"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    if not graph.model.elements:
        yield finding(graph, CODE, SEVERITY, graph.model.span, f"model '{graph.model.id}' has no elements")
