"""What stops working when a failure domain fails: a zone, a region, or one element with a single copy.

For every path from an internet entry point to a stateful element (a datastore, S3 bucket
or EFS file system), an element on it fails with a domain when none of its copies (itself
and the elements that say `replica_of: <its id>`) runs outside the domain:

- a zone: every copy runs in that zone only (its `zone`/`zones`, or the availability-zone
  groups and subnets around it) and none says `multi_az: true`;
- a region: every copy runs in that region (`region`, or the region group around it);
- the element itself: it says `replicas: 1` and has no replica.

An element whose placement is unknown never fails with a zone or region: the analysis says
only what the model states. A path stops when no way from its entry point to its
datastore is left without the failed elements. Pure: the rule (AD426, AD427) and the model
page's "Failure domains" table both read `analyse(graph)`.
"""

from __future__ import annotations

import weakref
from collections import deque
from dataclasses import dataclass

from archdoc.graph import ModelGraph
from archdoc.lint.rules._internet import (
    INTERNET_EDGE,
    entry_points,
    is_source,
    reachable,
    request_predecessors,
    request_successors,
)
from archdoc.lint.rules._wa import WAF, copies, kind_of, replicas_by_primary, stateful

ZONE, REGION, ELEMENT = "zone", "region", "element"
GLOBAL = INTERNET_EDGE | WAF | {"aws.security.Shield", "aws.security.ShieldAdvanced"}  # run in no one region


@dataclass(frozen=True)
class Outage:
    """One failure domain and what its failure stops; `failed` is empty when nothing stops."""

    domain: str  # ZONE, REGION or ELEMENT
    name: str  # the zone, the region, or the element id
    failed: tuple[str, ...] = ()  # elements on stopped paths with no copy outside the domain, model order
    stopped: tuple[tuple[str, str], ...] = ()  # (entry point, datastore) pairs no longer connected
    flows: tuple[str, ...] = ()  # flows with a step from or to a failed element


@dataclass(frozen=True)
class FailureDomains:
    """The request paths of a model (entry point -> datastore) and every known failure domain's outage."""

    paths: tuple[tuple[str, str], ...]
    outages: tuple[Outage, ...]
    unplaced: tuple[str, ...]  # regional elements on the paths with no zone or region stated for any copy
    reach: dict[str, frozenset[str]]  # entry point -> what it reaches
    coreach: dict[str, frozenset[str]]  # datastore -> what reaches it

    def on_path(self, element: str, entry: str, target: str) -> bool:
        """Whether the element lies on some path from `entry` to `target`."""
        return element in self.reach.get(entry, ()) and element in self.coreach.get(target, ())


def analyse(graph: ModelGraph) -> FailureDomains:
    """The model's request paths and the outage of every zone, region and single-copy element on them."""
    found = _ANALYSED.get(graph)
    if found is None:
        found = _analyse(graph)
        _ANALYSED[graph] = found
    return found


def _analyse(graph: ModelGraph) -> FailureDomains:
    targets = [element.id for element in stateful(graph)]
    target_set = set(targets)
    entries = [entry for entry in entry_points(graph) if entry not in target_set]
    reach = {entry: frozenset(reachable(graph, [entry])) for entry in entries}
    paths = tuple((entry, target) for entry in entries for target in targets if target in reach[entry])
    predecessors = request_predecessors(graph)
    coreach = {target: frozenset(_reaching(predecessors, target)) for target in {target for _, target in paths}}
    relevant = {node for entry, target in paths for node in reach[entry] & coreach[target]}
    order = {element.id: position for position, element in enumerate(graph.model.elements)}
    context = _Paths(graph, sorted(relevant, key=order.__getitem__), entries, paths, reach, coreach, predecessors)
    nodes = context.nodes
    outages = [_outage(context, ZONE, zone) for zone in _zones(graph, nodes)]
    outages += [_outage(context, REGION, region) for region in _regions(graph, nodes)]
    outages += [_outage(context, ELEMENT, node) for node in nodes if _single_copy(graph, node)]
    unplaced = tuple(node for node in nodes if not is_source(graph, node) and kind_of(graph, node) not in GLOBAL
                     and not any(graph.placement(copy).zones or graph.placement(copy).region
                                 for copy in copies(graph, node)))
    return FailureDomains(paths, tuple(outages), unplaced, reach, coreach)


@dataclass(frozen=True)
class _Paths:
    """The request paths of one model, as the outage of each domain needs them."""

    graph: ModelGraph
    nodes: list[str]  # every element on some path, model order
    entries: list[str]
    paths: tuple[tuple[str, str], ...]
    reach: dict[str, frozenset[str]]
    coreach: dict[str, frozenset[str]]
    predecessors: dict[str, list[str]]


def fails(graph: ModelGraph, element: str, domain: str, name: str) -> bool:
    """Whether every copy of the element is lost when the domain fails."""
    if domain == ELEMENT:
        return element == name
    for copy in copies(graph, element):
        placement = graph.placement(copy)
        if domain == ZONE and (placement.multi_az is True or placement.zones != frozenset({name})):
            return False
        if domain == REGION and placement.region != name:
            return False
    return True


def _outage(context: _Paths, domain: str, name: str) -> Outage:
    graph = context.graph
    failed = frozenset(node for node in context.nodes if fails(graph, node, domain, name))
    if not failed:
        return Outage(domain, name)
    stopped: list[tuple[str, str]] = []
    left: dict[str, set[str]] = {}  # entry point -> what it still reaches
    for entry in context.entries:
        mine = [target for source, target in context.paths if source == entry]
        if mine:
            left[entry] = set() if entry in failed else reachable(graph, [entry], failed)
            stopped += [(entry, target) for target in mine if target not in left[entry]]
    if not stopped:
        return Outage(domain, name)
    coleft = {target: _reaching(context.predecessors, target, failed) for target in {t for _, t in stopped}}
    causes: set[str] = set()
    for entry, target in stopped:
        on_path = [node for node in failed if node in context.reach[entry] and node in context.coreach[target]]
        # A cause is a failed element that alone would reconnect the path if it came back;
        # when none does (two failures in series), every failed element on the path is one.
        alone = [node for node in on_path if _reconnects(context, node, entry, target, left[entry], coleft[target])]
        causes.update(alone or on_path)
    ordered = tuple(node for node in context.nodes if node in causes)
    flows = tuple(flow.id for flow in graph.model.flows
                  if any(step.source in causes or step.target in causes for step in flow.steps))
    return Outage(domain, name, ordered, tuple(stopped), flows)


def _reconnects(context: _Paths, node: str, entry: str, target: str, left: set[str], coleft: set[str]) -> bool:
    """Whether `entry` would reach `target` again if `node` alone were back."""
    reached = node == entry or any(before in left for before in context.predecessors.get(node, ()))
    leads = node == target or any(after in coleft for after in request_successors(context.graph, node))
    return reached and leads


def _reaching(predecessors: dict[str, list[str]], target: str, blocked: frozenset[str] = frozenset()) -> set[str]:
    """Every element with a path of request relations to `target` avoiding `blocked` (and the target itself)."""
    if target in blocked:
        return set()
    seen = {target}
    queue = deque([target])
    while queue:
        node = queue.popleft()
        for predecessor in predecessors.get(node, ()):
            if predecessor not in seen and predecessor not in blocked:
                seen.add(predecessor)
                queue.append(predecessor)
    return seen


def _zones(graph: ModelGraph, nodes: list[str]) -> list[str]:
    return sorted({zone for node in nodes for copy in copies(graph, node) for zone in graph.placement(copy).zones})


def _regions(graph: ModelGraph, nodes: list[str]) -> list[str]:
    return sorted({region for node in nodes for copy in copies(graph, node)
                   if (region := graph.placement(copy).region) is not None})


def _single_copy(graph: ModelGraph, element: str) -> bool:
    replicas = graph.elements[element].properties.get("replicas")
    return replicas == 1 and not isinstance(replicas, bool) and element not in replicas_by_primary(graph)


_ANALYSED: weakref.WeakKeyDictionary[ModelGraph, FailureDomains] = weakref.WeakKeyDictionary()
