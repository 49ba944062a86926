"""Containers and components name their technology (completeness pack, off by default).

An element of archdoc's generic kinds `container` or `component` does not say what it is
built with; its `technology` (`Java / Spring Boot`, `PostgreSQL 16`) is shown under its
label. Elements of a provider kind (`aws.compute.Lambda`) already name it. Turn the check on
with `rules.packs: {completeness: on}`.

**Passing**

```yaml
elements: [{id: api, kind: container, technology: Python / FastAPI}, {id: fn, kind: aws.compute.Lambda}]
rules:
  packs: {completeness: on}
```

**Failing**

```yaml
elements: [{id: api, kind: container}]
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

CODE = "AD234"
NAME = "container-without-technology"
SEVERITY = Severity.INFO
PACK = "completeness"

GENERIC_KINDS = frozenset({"container", "component"})


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for element in graph.model.elements:
        if element.kind in GENERIC_KINDS and not element.technology.strip():
            yield finding(graph, CODE, SEVERITY, element.spans.get("kind", element.span),
                          f"{element.kind} '{element.id}' names no technology", element.id)
