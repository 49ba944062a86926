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
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from archdoc.graph import ModelGraph, Placement
from archdoc.lint.rules._internet import (
    INTERNET_EDGE,
    entry_points,
    request_predecessors,
    request_successor_map,
    sources,
)
from archdoc.lint.rules._wa import WAF, copies, replicas_by_primary, stateful
from archdoc.model import Element

ZONE, REGION, ELEMENT = "zone", "region", "element"
# Past this many (entry point, datastore) pairs, or entry points, the entry points are analysed together as
# one source, "the internet": one walk per failure domain instead of one per entry point and datastore, so
# a model of 10,000 elements costs seconds, not hours. Findings then name the internet as the start.
MAX_PAIRS = 20_000
MAX_ENTRIES = 200
INTERNET = "the internet"  # not an element id (ids have no spaces)
GLOBAL = INTERNET_EDGE | WAF | {"aws.security.Shield", "aws.security.ShieldAdvanced"}  # run in no one region


@dataclass(frozen=True)
class Outage:
    """One failure domain and what its failure stops; `failed` is empty when nothing stops."""

    domain: str  # ZONE, REGION or ELEMENT
    name: str  # the zone, the region, or the element id
    failed: tuple[str, ...] = ()  # the elements that stop paths, with no copy outside the domain, model order
    stopped: tuple[tuple[str, str], ...] = ()  # (entry point, datastore) pairs no longer connected
    flows: tuple[str, ...] = ()  # flows with a step from or to a failed element
    through: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict, compare=False)  # failed -> pairs


@dataclass(frozen=True)
class FailureDomains:
    """The request paths of a model (entry point -> datastore) and every known failure domain's outage."""

    paths: tuple[tuple[str, str], ...]
    outages: tuple[Outage, ...]
    unplaced: tuple[str, ...]  # regional elements on the paths with no zone or region stated for any copy


def analyse(graph: ModelGraph) -> FailureDomains:
    """The model's request paths and the outage of every zone, region and single-copy element on them."""
    found = _ANALYSED.get(graph)
    if found is None:
        found = _analyse(graph)
        _ANALYSED[graph] = found
    return found


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


@dataclass(frozen=True)
class _Paths:
    """The request paths of one model, as the outage of each domain needs them."""

    graph: ModelGraph
    collective: bool  # the entry points analysed together as INTERNET
    nodes: list[str]  # every element on some path, model order
    targets_of: dict[str, list[str]]  # entry point -> the datastores it reaches
    reach: dict[str, frozenset[str]]
    coreach: dict[str, frozenset[str]]
    successors: Mapping[str, Sequence[str]]
    predecessors: Mapping[str, Sequence[str]]


def _analyse(graph: ModelGraph) -> FailureDomains:
    targets = [element.id for element in stateful(graph)]
    target_set = set(targets)
    requests = request_successor_map(graph)
    successors: dict[str, Sequence[str]] = dict(requests)  # with INTERNET added in collective mode
    predecessors = request_predecessors(graph)
    entries = [entry for entry in entry_points(graph) if entry not in target_set]
    collective = len(entries) > MAX_ENTRIES or len(entries) * len(targets) > MAX_PAIRS
    if collective:
        successors[INTERNET] = entries
        entries = [INTERNET]
    reach = {entry: frozenset(_walk(successors, entry)) for entry in entries}
    targets_of = {entry: [target for target in targets if target in reach[entry]] for entry in entries}
    paths = tuple((entry, target) for entry in entries for target in targets_of[entry])
    if collective:  # one set for every datastore: what reaches any of them
        together = frozenset(_walk_from(predecessors, [target for _, target in paths]))
        coreach = {target: together for _, target in paths}
    else:
        coreach = {target: frozenset(_walk(predecessors, target)) for target in {target for _, target in paths}}
    # An element is on a path exactly when an entry point reaches it and it reaches a datastore:
    # that entry point then reaches the datastore too.
    relevant = _union(reach.values()) & _union(coreach.values()) if paths else frozenset()
    nodes = [element.id for element in graph.model.elements if element.id in relevant]
    context = _Paths(graph, collective, nodes, targets_of, reach, coreach, successors, predecessors)
    placed = _Placed(graph, nodes)
    # Each element fails with at most one zone and one region: found in one pass, not one per zone and region.
    failing = {domain: placed.failing(domain) for domain in (ZONE, REGION)}
    outages = [_outage(context, ZONE, zone, failing[ZONE].get(zone, frozenset())) for zone in placed.zones()]
    outages += [_outage(context, REGION, region, failing[REGION].get(region, frozenset()))
                for region in placed.regions()]
    primaries, elements = replicas_by_primary(graph), graph.elements  # asked per node
    outages += [_outage(context, ELEMENT, node, frozenset({node})) for node in nodes
                if node not in primaries and _one_replica(elements[node])]
    unlocated = placed.unlocated()
    if unlocated:
        internet, kinds = frozenset(sources(graph)), graph.kind_names  # asked per node
        unplaced = tuple(node for node in nodes if node in unlocated and node not in internet
                         and kinds[node] not in GLOBAL)
    else:
        unplaced = ()
    return FailureDomains(paths, tuple(outages), unplaced)


class _Placed:
    """The placements of the copies of the elements on paths, as the zone and region outages read them.

    Most elements have no replica, and the elements of one group share one Placement object: what such an
    element's placement says (the zone or region it fails with, whether it names any) is worked out once per
    distinct object, not once per element (a model of 50,000 elements has a few hundred)."""

    def __init__(self, graph: ModelGraph, nodes: list[str]) -> None:
        replicas = replicas_by_primary(graph)
        placement = graph.placements()  # nearly every element's is asked: read from one pass
        # id of a Placement -> it and the elements without replicas placed by it (the ids key the objects, which
        # the graph keeps: a frozen dataclass's own hash is a Python call per element).
        self.alone: dict[int, tuple[Placement, list[str]]] = {}
        self.replicated: dict[str, list[Placement]] = {}  # an element with replicas -> its copies' placements
        for node in nodes:
            if node in replicas:
                self.replicated[node] = [placement[copy] for copy in copies(graph, node)]
                continue
            found = placement[node]
            shared = self.alone.get(id(found))
            if shared is None:
                self.alone[id(found)] = (found, [node])
            else:
                shared[1].append(node)

    def groups(self) -> Iterator[tuple[list[Placement], Iterable[str]]]:
        """(the copies' placements, the elements placed so), each distinct placement of a lone copy once."""
        for found, nodes in self.alone.values():
            yield [found], nodes
        for node, placements in self.replicated.items():
            yield placements, (node,)

    def failing(self, domain: str) -> dict[str, frozenset[str]]:
        """Zone or region -> the nodes that `fails` with it: those whose every copy runs in that one zone (none
        `multi_az: true`), or in that region."""
        found: dict[str, set[str]] = {}
        for placements, nodes in self.groups():
            name = _fails_with(placements, domain)
            if name is not None:
                found.setdefault(name, set()).update(nodes)
        return {name: frozenset(members) for name, members in found.items()}

    def zones(self) -> list[str]:
        return sorted({zone for placements, _ in self.groups() for placement in placements
                       for zone in placement.zones})

    def regions(self) -> list[str]:
        return sorted({region for placements, _ in self.groups() for placement in placements
                       if (region := placement.region) is not None})

    def unlocated(self) -> set[str]:
        """The nodes with no zone or region stated for any copy."""
        return {node for placements, nodes in self.groups()
                if not any(placement.zones or placement.region for placement in placements) for node in nodes}


def _fails_with(placements: list[Placement], domain: str) -> str | None:
    """The one zone (or region) every copy runs in, none `multi_az: true`; None when there is no such one."""
    names: set[str] = set()
    for placement in placements:
        if domain == ZONE:
            if placement.multi_az is True or len(placement.zones) != 1:
                return None
            names |= placement.zones
        else:
            if placement.region is None:
                return None
            names.add(placement.region)
        if len(names) > 1:
            return None
    return names.pop()


def _outage(context: _Paths, domain: str, name: str, failed: frozenset[str]) -> Outage:
    """What stops when the domain fails; `failed`: the elements on paths that fail with it (see `fails`)."""
    graph = context.graph
    if not failed:
        return Outage(domain, name)
    stopped: list[tuple[str, str]] = []
    left: dict[str, set[str]] = {}  # entry point -> what it still reaches
    for entry, mine in context.targets_of.items():
        if mine:
            left[entry] = set() if entry in failed else _walk(context.successors, entry, failed)
            stopped += [(entry, target) for target in mine if target not in left[entry]]
    if not stopped:
        return Outage(domain, name)
    # A cause is a failed element that alone would reconnect a stopped path if it came back:
    # one the entry point still reaches (or the entry itself) that still leads to the datastore
    # (or is it). When none does (two failures in series), every failed element on the path is one.
    comes_back = {entry: _next_to(failed, {entry}, left[entry], context.successors)
                  for entry in {entry for entry, _ in stopped}}
    stopped_targets = sorted({target for _, target in stopped})
    if context.collective:  # one walk back from every stopped datastore at once
        together = _next_to(failed, set(stopped_targets), _walk_from(context.predecessors, stopped_targets, failed),
                            context.predecessors)
        leads_on = {target: together for target in stopped_targets}
    else:
        leads_on = {target: _next_to(failed, {target}, _walk(context.predecessors, target, failed),
                                     context.predecessors) for target in stopped_targets}
    on_entry_paths = {entry: failed & context.reach[entry] for entry in comes_back}
    # Paths sorted by name, not file order: re-ordering a model file changes no finding's text.
    all_stopped = tuple(sorted(stopped))
    causes: Mapping[str, tuple[tuple[str, str], ...]]
    if context.collective:  # one source, one set of datastores reaching back: the same causes for every path
        on_path = on_entry_paths[INTERNET] & context.coreach[stopped[0][1]]
        shared = (comes_back[INTERNET] & leads_on[stopped[0][1]] & on_path) or on_path
        causes = {cause: all_stopped for cause in shared}
        every_cause: set[str] | frozenset[str] = shared
    else:
        def causes_of(pair: tuple[str, str]) -> set[str] | frozenset[str]:
            entry, target = pair
            on_path = on_entry_paths[entry] & context.coreach[target]
            return (comes_back[entry] & leads_on[target] & on_path) or on_path

        every_cause = set().union(*map(causes_of, all_stopped))
        causes = _PathsByCause(all_stopped, causes_of)
    ordered = tuple(node for node in context.nodes if node in every_cause)
    flows = tuple(flow.id for flow in graph.model.flows
                  if any(step.source in every_cause or step.target in every_cause for step in flow.steps))
    return Outage(domain, name, ordered, all_stopped, flows, causes)


class _PathsByCause(Mapping[str, tuple[tuple[str, str], ...]]):
    """Each cause's stopped paths (sorted), worked out on first use: as large as paths times causes, and only
    the findings about a zone or an element read it (a region's finding names the outage's own paths)."""

    def __init__(self, stopped: tuple[tuple[str, str], ...],
                 causes_of: Callable[[tuple[str, str]], set[str] | frozenset[str]]) -> None:
        self._stopped = stopped
        self._causes_of = causes_of
        self._found: dict[str, tuple[tuple[str, str], ...]] | None = None

    def __getitem__(self, cause: str) -> tuple[tuple[str, str], ...]:
        return self._paths()[cause]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths())

    def __len__(self) -> int:
        return len(self._paths())

    def _paths(self) -> dict[str, tuple[tuple[str, str], ...]]:
        if self._found is None:
            through: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
            for pair in self._stopped:  # in sorted order: each cause's pairs come out sorted
                for cause in self._causes_of(pair):
                    through[cause].append(pair)
            self._found = {cause: tuple(pairs) for cause, pairs in through.items()}
        return self._found


def _next_to(failed: frozenset[str], own: set[str], alive: set[str],
             neighbours: Mapping[str, Sequence[str]]) -> set[str]:
    """The failed elements among `own` and the neighbours of `alive`."""
    found = own & failed
    for node in alive:
        found.update(other for other in neighbours.get(node, ()) if other in failed)
    return found


def _union(sets: Iterable[frozenset[str]]) -> frozenset[str]:
    """The union of the distinct sets: in collective mode every datastore shares one set, joined once, not once
    per datastore (that was quadratic)."""
    distinct = {id(found): found for found in sets}
    return frozenset().union(*distinct.values())


def _walk(neighbours: Mapping[str, Sequence[str]], start: str, blocked: frozenset[str] = frozenset()) -> set[str]:
    """Every element reached from `start` through `neighbours` without entering `blocked` (with `start`)."""
    return _walk_from(neighbours, [start], blocked)


def _walk_from(neighbours: Mapping[str, Sequence[str]], starts: list[str],
               blocked: frozenset[str] = frozenset()) -> set[str]:
    """Every element reached from any of `starts` without entering `blocked` (with the starts)."""
    seen = {start for start in starts if start not in blocked}
    queue = deque(seen)
    while queue:
        node = queue.popleft()
        for other in neighbours.get(node, ()):
            if other not in seen and other not in blocked:
                seen.add(other)
                queue.append(other)
    return seen


def _one_replica(element: Element) -> bool:
    """Whether the element says `replicas: 1` (a single copy, unless another element is its replica)."""
    replicas = element.properties.get("replicas")
    return replicas == 1 and not isinstance(replicas, bool)


_ANALYSED: weakref.WeakKeyDictionary[ModelGraph, FailureDomains] = weakref.WeakKeyDictionary()
