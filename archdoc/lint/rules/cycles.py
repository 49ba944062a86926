"""With `rules.acyclic: true`, relations form no dependency cycle; each cycle found is named.

One finding per strongly connected group of elements, naming one shortest cycle in it,
at the first relation of that cycle.

**Passing**

```yaml
elements: [{id: a}, {id: b}, {id: c}]
relations: [a -> b, b -> c]
rules: {acyclic: true}
```

**Failing**

```yaml
elements: [{id: a}, {id: b}, {id: c}]
relations: [a -> b, b -> c, c -> a]
rules: {acyclic: true}
```
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import arrow, first_relation, relation_finding
from archdoc.load.schema import Field
from archdoc.model import Problem, Severity

CODE = "AD204"
NAME = "dependency-cycle"
SEVERITY = Severity.ERROR


OPTIONS = (Field("acyclic", "bool", "Report dependency cycles."),)


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    if not options.get("acyclic"):
        return
    components = graph.cycles()
    for component in sorted(components, key=min):
        cycle = _shortest_cycle(graph, min(component), component)
        relation = first_relation(graph, cycle[0], cycle[1])
        yield relation_finding(graph, CODE, SEVERITY, relation, f"dependency cycle: {arrow(cycle)}")


def _shortest_cycle(graph: ModelGraph, start: str, component: set[str]) -> list[str]:
    """A shortest cycle through `start` inside its component, by breadth-first search."""
    parent: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for successor in sorted(set(graph.successors(node)) & component):
            if successor == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return list(reversed(path)) + [start]
            if successor not in parent:
                parent[successor] = node
                queue.append(successor)
    return [start, start]
