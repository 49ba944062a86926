"""A tag is spelled one way: tags that differ only in case or separators are one tag.

Selectors match tags exactly, so `tag:datastore` misses an element tagged `DataStore` or
`data_store`, and a rule or view silently leaves it out. The first spelling in the model is
taken as the intended one; every element that spells it otherwise is reported.

**Passing**

```yaml
elements: [{id: db, tags: [datastore]}, {id: cache, tags: [datastore, hot-path]}]
```

**Failing**

```yaml
elements: [{id: db, tags: [datastore]}, {id: cache, tags: [data_store]}]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD229"
NAME = "similar-tags"
SEVERITY = Severity.WARNING
PACK = "inspections"


def _plain(tag: str) -> str:
    return "".join(character for character in tag.casefold() if character.isalnum())


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    spelling: dict[str, str] = {}
    for owner in (*graph.model.groups, *graph.model.elements):
        for tag in owner.tags:
            first = spelling.setdefault(_plain(tag), tag)
            if first != tag:
                yield finding(graph, CODE, SEVERITY, owner.span,
                              f"'{owner.id}' is tagged '{tag}', which the model spells '{first}' elsewhere: "
                              f"selectors match one spelling only", owner.id)
