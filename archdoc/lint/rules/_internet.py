"""Where the internet enters a model: its sources, its entry points, and the paths from them.

An internet source is an element tagged `internet`, of kind `person` or `external`, or a
client or device kind (`onprem.client.Users`, `generic.device.Mobile`, `aws.general.Users`, ...).
An entry point is a source, an element whose placement is public (`public: true`, or a
public subnet around it), or a CloudFront distribution or Route 53 zone that no relation
reaches (the model starts its requests there: they come from the internet). Paths follow
relations in their direction; `deploy` and `monitor` relations carry no requests and are
not followed.
"""

from __future__ import annotations

from archdoc.graph import ModelGraph
from archdoc.lint.rules._wa import CLOUDFRONT, kind_of
from archdoc.model import RelationKind

SOURCE_KINDS = frozenset({"person", "external"})
SOURCE_CATEGORIES = frozenset({"client", "device"})
SOURCE_KIND_NAMES = frozenset({"Users", "User", "Client", "Clients", "MobileClient", "Mobile"})
NOT_REQUESTS = frozenset({"deploy", "monitor"})
INTERNET_EDGE = CLOUDFRONT | {"aws.network.Route53", "aws.network.Route53HostedZone"}
# NOT_REQUESTS as the relation kinds themselves: a set of them is asked without reading each kind's `value`.
_NOT_REQUEST_KINDS = frozenset(RelationKind(kind) for kind in NOT_REQUESTS)


def is_source(graph: ModelGraph, element_id: str) -> bool:
    return element_id in graph.derived(is_source, lambda graph: frozenset(sources(graph)))


def _of_source_kind(graph: ModelGraph, element_id: str) -> bool:
    """Whether the element's kind makes it a source (its tags aside)."""
    kind = kind_of(graph, element_id)
    return kind in SOURCE_KINDS or graph.category(element_id) in SOURCE_CATEGORIES \
        or kind.rsplit(".", 1)[-1] in SOURCE_KIND_NAMES


def sources(graph: ModelGraph) -> list[str]:
    """The internet sources, in model order."""
    return list(graph.derived(sources, _sources))


def entry_points(graph: ModelGraph) -> list[str]:
    """Sources, publicly placed elements and unreached internet edges, in model order."""
    return list(graph.derived(entry_points, _entry_points))


def request_successors(graph: ModelGraph, element_id: str) -> tuple[str, ...]:
    """The elements a relation that carries requests goes to, each once, in the order written."""
    return graph.adjacency_without(_NOT_REQUEST_KINDS)[0].get(element_id, ())


def request_successor_map(graph: ModelGraph) -> dict[str, tuple[str, ...]]:
    """Element id -> its `request_successors` (elements without any are left out), for walks over many."""
    return graph.adjacency_without(_NOT_REQUEST_KINDS)[0]


def request_predecessors(graph: ModelGraph) -> dict[str, tuple[str, ...]]:
    """Element id -> the elements with a request relation to it (each once, in the order written)."""
    return graph.adjacency_without(_NOT_REQUEST_KINDS)[1]


# Worked out once per graph (`ModelGraph.derived`): the WAF, zone and region rules all walk these.

def _sources(graph: ModelGraph) -> tuple[str, ...]:
    # The kind's part of the test follows from the kind as written (its catalogue name and category do): decided
    # once per kind the model uses, then one tag test per element.
    source_kind: dict[str, bool] = {}
    found: list[str] = []
    for element in graph.model.elements:
        by_kind = source_kind.get(element.kind)
        if by_kind is None:
            by_kind = source_kind[element.kind] = _of_source_kind(graph, element.id)
        if by_kind or "internet" in element.tags:
            found.append(element.id)
    return tuple(found)


def _entry_points(graph: ModelGraph) -> tuple[str, ...]:
    reached = request_predecessors(graph)
    internet = frozenset(sources(graph))
    placements = graph.placements()
    return tuple(element.id for element in graph.model.elements
                 if element.id in internet or placements[element.id].public is True
                 or (kind_of(graph, element.id) in INTERNET_EDGE and element.id not in reached))
