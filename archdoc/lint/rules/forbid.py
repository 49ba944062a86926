"""No relation may go from the `from` selectors to the `to` selectors of a `rules.forbid` entry.

**Passing**

```yaml
layers: [{id: edge}, {id: app}, {id: data}]
elements: [{id: cdn, layer: edge}, {id: api, layer: app}, {id: db, layer: data}]
relations: [cdn -> api, api -> db]
rules:
  forbid:
    - {from: "layer:edge", to: "layer:data", reason: edge talks to data only through the app tier}
```

**Failing**

```yaml
layers: [{id: edge}, {id: app}, {id: data}]
elements: [{id: cdn, layer: edge}, {id: api, layer: app}, {id: db, layer: data}]
relations: [cdn -> db]
rules:
  forbid:
    - {from: "layer:edge", to: "layer:data", reason: edge talks to data only through the app tier}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import relation_finding
from archdoc.model import Problem, Severity

CODE = "AD202"
NAME = "forbidden-relation"
SEVERITY = Severity.ERROR


def check(graph: ModelGraph) -> Iterator[Problem]:
    g = graph.graph
    for rule in graph.model.rules.forbid:
        sources = graph.select(rule.source)
        targets = graph.select(rule.target)
        if not sources or not targets:
            continue
        because = f" ({rule.reason})" if rule.reason else ""
        for source in sorted(sources):
            for _, target, data in g.out_edges(source, data=True):
                if target in targets:
                    relation = data["relation"]
                    yield relation_finding(graph, CODE, SEVERITY, relation,
                                           f"{source} -> {target} is forbidden by the rule at line "
                                           f"{rule.span.line}{because}")
