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

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import relation_finding
from archdoc.load.schema import Field, Spec
from archdoc.model import Problem, Severity

CODE = "AD202"
NAME = "forbidden-relation"
SEVERITY = Severity.ERROR

FORBID = Spec("forbid", "No relation may go from any of `from` to any of `to`.", (
    Field("from", "selector", "Sources.", required=True),
    Field("to", "selector", "Targets.", required=True),
    Field("reason", "text", "Why; shown with the finding."),
))
OPTIONS = (Field("forbid", "objects", "Forbidden relations.", spec=FORBID, what="forbid rules"),)


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for rule in options.get("forbid", ()):
        if not rule["from"] or not rule["to"]:
            continue
        sources = graph.select(rule["from"])
        targets = graph.select(rule["to"])
        if not sources or not targets:
            continue
        because = f" ({rule['reason']})" if rule["reason"] else ""
        for source in sorted(sources):
            for relation in graph.relations_from(source):
                if relation.target in targets:
                    yield relation_finding(graph, CODE, SEVERITY, relation,
                                           f"{source} -> {relation.target} is forbidden by the rule at line "
                                           f"{rule.span.line}{because}")
