"""Which elements are datastores, for the well-architected rules about data."""

from __future__ import annotations

from collections.abc import Iterator

from archdoc.graph import ModelGraph
from archdoc.model import Element


def datastores(graph: ModelGraph) -> Iterator[Element]:
    """Elements of category `database` (their kind's module) or tagged `datastore`."""
    for element in graph.model.elements:
        if graph.category(element.id) == "database" or "datastore" in element.tags:
            yield element
