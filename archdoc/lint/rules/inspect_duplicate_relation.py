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

Key = tuple[str, str, str, str, tuple[str, ...]]  # of relations between the same two elements

CODE = "AD216"
NAME = "duplicate-relation"
SEVERITY = Severity.WARNING
PACK = "inspections"


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    # Only relations between the same two elements can repeat each other: the others are never compared.
    repeats: list[tuple[Relation, Relation]] = []  # (relation, the earlier one it repeats)
    for relations in graph.parallel_relations():
        first: dict[Key, Relation] = {}
        for relation in relations:
            key = (relation.kind.value, _plain(relation.label), _plain(relation.technology),
                   _plain(relation.description), tuple(sorted(relation.tags)))
            earlier = first.setdefault(key, relation)
            if earlier is not relation:
                repeats.append((relation, earlier))
    if len(repeats) > 1:  # reported in the order the relations are written (by identity: relations hash by value)
        position = {id(relation): index for index, relation in enumerate(graph.model.relations)}
        repeats.sort(key=lambda repeat: position[id(repeat[0])])
    for relation, earlier in repeats:
        yield relation_finding(graph, CODE, SEVERITY, relation,
                               f"relation {relation.source} -> {relation.target} repeats the one at line "
                               f"{earlier.span.line}: remove one, or tell them apart with a label")
