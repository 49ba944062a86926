"""Which elements are datastores, for the well-architected rules about data."""

from __future__ import annotations

from archdoc.graph import ModelGraph
from archdoc.model import Element


def datastores(graph: ModelGraph) -> tuple[Element, ...]:
    """Elements of category `database` (their kind's module) or tagged `datastore`."""
    return graph.derived(datastores, _datastores)  # four rules ask: the model is scanned once


def _datastores(graph: ModelGraph) -> tuple[Element, ...]:
    return tuple(element for element in graph.model.elements
                 if graph.category(element.id) == "database" or "datastore" in element.tags)
