"""Every selector of a view or rule matches at least one element.

A selector that matches nothing usually names a tag, kind or property that is spelled
differently in the elements, so the view or rule silently does nothing.

**Passing**

```yaml
elements: [{id: db, tags: [datastore]}]
views: [{id: data, include: ["tag:datastore"]}]
```

**Failing**

```yaml
elements: [{id: db, tags: [datastore]}]
views: [{id: data, include: ["tag:datastores"]}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.options import selectors_in
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Selector, Severity

CODE = "AD206"
NAME = "selector-matches-nothing"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    selectors: list[Selector] = []
    for view in graph.model.views:
        if not view.generated:
            selectors += [*view.include, *view.exclude, *view.focus]
    for value in options.values():
        selectors += selectors_in(value)
    for selector in selectors:
        if selector.prefix in ("*", "id"):
            continue  # everything, or an id the loader has already checked
        if selector.prefix in ("layer", "in") and not graph.match(selector):
            yield finding(graph, CODE, SEVERITY, selector.span, f"selector '{selector.text}' matches no element "
                          f"(the {'layer' if selector.prefix == 'layer' else 'group'} is empty)")
        elif not graph.match(selector):
            yield finding(graph, CODE, SEVERITY, selector.span, f"selector '{selector.text}' matches no element")
