"""No two relations say the same thing: the same source, target, kind, label, technology and tags.

A relation written twice draws two identical arrows; usually one was copied or merged in
from an included fragment. Several relations between the same elements are fine when their
labels or kinds differ.

**Passing**

```yaml
elements: [{id: api}, {id: db}]
relations: [api -> db: read orders, api -> db: write orders]
```

**Failing**

```yaml
elements: [{id: api}, {id: db}]
relations: [api -> db: SQL, api -> db: SQL]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import relation_finding
from archdoc.model import Problem, Relation, Severity

Key = tuple[str, str, str, str, str, str, tuple[str, ...]]

CODE = "AD216"
NAME = "duplicate-relation"
SEVERITY = Severity.WARNING
PACK = "inspections"


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    first: dict[Key, Relation] = {}
    for relation in graph.model.relations:
        key = (relation.source, relation.target, relation.kind.value, _plain(relation.label),
               _plain(relation.technology), _plain(relation.description), tuple(sorted(relation.tags)))
        earlier = first.setdefault(key, relation)
        if earlier is not relation:
            yield relation_finding(graph, CODE, SEVERITY, relation,
                                   f"relation {relation.source} -> {relation.target} repeats the one at line "
                                   f"{earlier.span.line}: remove one, or tell them apart with a label")
