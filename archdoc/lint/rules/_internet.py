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

SOURCE_KINDS = frozenset({"person", "external"})
SOURCE_CATEGORIES = frozenset({"client", "device"})
SOURCE_KIND_NAMES = frozenset({"Users", "User", "Client", "Clients", "MobileClient", "Mobile"})
NOT_REQUESTS = frozenset({"deploy", "monitor"})
INTERNET_EDGE = CLOUDFRONT | {"aws.network.Route53", "aws.network.Route53HostedZone"}


def is_source(graph: ModelGraph, element_id: str) -> bool:
    element = graph.elements[element_id]
    kind = kind_of(graph, element_id)
    return ("internet" in element.tags or kind in SOURCE_KINDS or graph.category(element_id) in SOURCE_CATEGORIES
            or kind.rsplit(".", 1)[-1] in SOURCE_KIND_NAMES)


def sources(graph: ModelGraph) -> list[str]:
    """The internet sources, in model order."""
    return [element.id for element in graph.model.elements if is_source(graph, element.id)]


def entry_points(graph: ModelGraph) -> list[str]:
    """Sources, publicly placed elements and unreached internet edges, in model order."""
    reached = request_predecessors(graph)
    return [element.id for element in graph.model.elements
            if is_source(graph, element.id) or graph.placement(element.id).public is True
            or (kind_of(graph, element.id) in INTERNET_EDGE and element.id not in reached)]


def request_successors(graph: ModelGraph, element_id: str) -> list[str]:
    """The elements a relation that carries requests goes to, each once, in the order written."""
    found: dict[str, None] = {}
    for relation in graph.relations_from(element_id):
        if relation.kind.value not in NOT_REQUESTS:
            found.setdefault(relation.target)
    return list(found)


def request_predecessors(graph: ModelGraph) -> dict[str, list[str]]:
    """Element id -> the elements with a request relation to it (each once, in the order written)."""
    found: dict[str, dict[str, None]] = {}
    for relation in graph.model.relations:
        if relation.kind.value not in NOT_REQUESTS:
            found.setdefault(relation.target, {}).setdefault(relation.source)
    return {target: list(sources) for target, sources in found.items()}
