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

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import relation_finding
from archdoc.load.schema import Field, Spec
from archdoc.model import Layer, Problem, Severity

CODE = "AD201"
NAME = "layering"
SEVERITY = Severity.ERROR

ALLOW = Spec("layering exception", "A named exception to the layering rule.", (
    Field("from", "layer-ref", "Calling layer.", required=True, what="a layer id"),
    Field("to", "layer-ref", "Called layer.", required=True, what="a layer id"),
    Field("reason", "reason", "Why the exception is fine.", required=True),
))
LAYERING = Spec("layering", "How relations may cross layers.", (
    Field("mode", "enum", "downward: to the same or any lower layer; adjacent: no skipping a layer; off.",
          choices=("downward", "adjacent", "off"), what="layering mode"),
    Field("allow", "objects", "Named exceptions.", spec=ALLOW, what="layering exceptions"),
))
OPTIONS = (Field("layering", "object", "The layering rule.", spec=LAYERING),)


@dataclass(frozen=True)
class Allow:
    source: str
    target: str
    reason: str


@dataclass(frozen=True)
class Layering:
    """The layering policy of one model: its mode and named exceptions."""

    mode: str = "downward"  # downward | adjacent | off
    allow: tuple[Allow, ...] = ()

    def verdict(self, layers: tuple[Layer, ...], source: str, target: str,
                positions: tuple[dict[str, int], frozenset[str]] | None = None) -> str | None:
        """Why a relation from layer `source` to layer `target` breaks the policy ("up", "skips"), or None.

        Decided per pair of layers, exceptions not applied: the rule and the site's matrix both ask here.
        `positions`: `layer_positions(layers)`, when the caller asks for many relations of one model.
        """
        position, cross_cutting = positions or layer_positions(layers)
        if self.mode == "off" or source == target or target in cross_cutting:
            return None
        if position[target] < position[source]:
            return "up"
        if self.mode == "adjacent" and position[target] - position[source] > 1:
            return "skips"
        return None

    def allows(self, source: str, target: str) -> bool:
        return any(allow.source == source and allow.target == target for allow in self.allow)


def layer_positions(layers: tuple[Layer, ...]) -> tuple[dict[str, int], frozenset[str]]:
    """Each layer's position, and the cross-cutting layers."""
    return _positions(tuple((layer.id, layer.cross_cutting) for layer in layers))


@lru_cache(maxsize=64)
def _positions(layers: tuple[tuple[str, bool], ...]) -> tuple[dict[str, int], frozenset[str]]:
    # Keyed by ids, not Layer objects: layers hash by id, so the layers of many models with the same ids
    # would all collide in the cache and be compared field by field (spans differ) on every lookup.
    return ({layer: index for index, (layer, _) in enumerate(layers)},
            frozenset(layer for layer, cross_cutting in layers if cross_cutting))


def layering(options: Mapping[str, Any], layer_ids: Collection[str]) -> Layering:
    """The model's layering policy from its `rules.layering` (the default when absent)."""
    record = options.get("layering")
    if record is None:
        return Layering()
    allows = tuple(Allow(item["from"], item["to"], item["reason"]) for item in record["allow"]
                   if item["from"] in layer_ids and item["to"] in layer_ids and item["reason"])
    return Layering(record["mode"] or "downward", allows)


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    policy = layering(options, graph.layer_index)
    if policy.mode == "off" or not graph.layer_index:
        return
    index, relations, layers = graph.layer_index, graph.model.relations, graph.model.layers
    positions = layer_positions(layers)
    # Decided per pair of layers; only the relations of a pair that breaks the policy are looked at.
    broken: list[tuple[int, str, str, str]] = []  # (relation position, verdict, source layer, target layer)
    for (source, target), members in graph.relations_by_layers.items():
        if source is None or target is None or policy.allows(source, target):
            continue
        verdict = policy.verdict(layers, source, target, positions)
        if verdict is not None:
            broken += [(position, verdict, source, target) for position in members]
    broken.sort()  # in the order the relations are written
    for position, verdict, source, target in broken:
        relation = relations[position]
        if verdict == "up":
            yield relation_finding(
                graph, CODE, SEVERITY, relation,
                f"{relation.source} -> {relation.target} goes up from layer '{source}' to '{target}'",
            )
        elif verdict == "skips":
            skipped = ", ".join(layer.id for layer in layers[index[source] + 1:index[target]])
            yield relation_finding(
                graph, CODE, SEVERITY, relation,
                f"{relation.source} -> {relation.target} skips layer(s) {skipped} (layering mode adjacent)",
            )
