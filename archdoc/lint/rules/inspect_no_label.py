"""Every relation says what it carries (completeness pack, off by default).

An unlabelled arrow says that two parts talk, not what about: `api -> db: read orders`
tells a reader more than `api -> db`. Turn the check on with
`rules.packs: {completeness: on}`.

**Passing**

```yaml
elements: [{id: api}, {id: db}]
relations: [api -> db: read orders]
rules:
  packs: {completeness: on}
```

**Failing**

```yaml
elements: [{id: api}, {id: db}]
relations: [api -> db]
rules:
  packs: {completeness: on}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import relation_finding
from archdoc.model import Problem, Severity

CODE = "AD235"
NAME = "relation-without-label"
SEVERITY = Severity.INFO
PACK = "completeness"


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for relation in graph.model.relations:
        if not relation.label.strip():
            yield relation_finding(graph, CODE, SEVERITY, relation,
                                   f"relation {relation.source} -> {relation.target} has no label")
