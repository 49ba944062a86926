"""Relations go down the layer stack: a layer calls itself, a layer below, or a cross-cutting layer.

Layers are listed top (callers) first. With `rules.layering.mode: downward` (the default)
a relation may go from a layer to the same layer or any layer below it, or into a
cross-cutting layer. `adjacent` also forbids skipping a layer. `off` turns the rule off.
Named exceptions go in `rules.layering.allow`, each with a reason. Elements without a
layer are not checked.

**Passing**

```yaml
layers: [{id: web}, {id: app}, {id: data}, {id: ops, cross_cutting: true}]
elements:
  - {id: site, layer: web}
  - {id: api, layer: app}
  - {id: db, layer: data}
  - {id: logs, layer: ops}
  - {id: deployer, layer: ops}
relations: [site -> api, api -> db, api -> logs, deployer -> api]
rules:
  layering:
    allow: [{from: ops, to: app, reason: CodeDeploy deploys to the app tier}]
```

**Failing**

```yaml
layers: [{id: web}, {id: app}, {id: data}]
elements: [{id: site, layer: web}, {id: api, layer: app}, {id: db, layer: data}]
relations: [db -> api]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import relation_finding
from archdoc.model import Problem, Severity

CODE = "AD201"
NAME = "layering"
SEVERITY = Severity.ERROR


def check(graph: ModelGraph) -> Iterator[Problem]:
    layering = graph.model.rules.layering
    if layering.mode == "off" or not graph.layer_index:
        return
    index, layers, elements = graph.layer_index, graph.layers, graph.elements
    allowed = {(allow.source, allow.target) for allow in layering.allow}
    adjacent = layering.mode == "adjacent"
    for relation in graph.model.relations:
        source = elements[relation.source].layer
        target = elements[relation.target].layer
        if source is None or target is None or source == target:
            continue
        if layers[target].cross_cutting or (source, target) in allowed:
            continue
        above, below = index[source], index[target]
        if below < above:
            yield relation_finding(
                graph, CODE, SEVERITY, relation,
                f"{relation.source} -> {relation.target} goes up from layer '{source}' to '{target}'",
            )
        elif adjacent and below - above > 1:
            skipped = ", ".join(layer.id for layer in graph.model.layers[above + 1:below])
            yield relation_finding(
                graph, CODE, SEVERITY, relation,
                f"{relation.source} -> {relation.target} skips layer(s) {skipped} (layering mode adjacent)",
            )
