"""Which elements a view shows: include minus exclude, or a focus and its neighbours up to a depth."""

from __future__ import annotations

from archdoc.graph import ModelGraph
from archdoc.model import View


def view_elements(graph: ModelGraph, view: View) -> set[str]:
    """The element ids a view shows."""
    shown = graph.select(view.include) if view.include else set()
    if view.focus:
        shown |= neighbourhood(graph, graph.select(view.focus), view.depth)
    return shown - graph.select(view.exclude) if view.exclude else shown


def neighbourhood(graph: ModelGraph, start: set[str], depth: int) -> set[str]:
    """Elements within `depth` hops of `start`, following relations either way."""
    found = set(start)
    frontier = set(start)
    for _ in range(depth):
        reached: set[str] = set()
        for node in frontier:
            reached.update(graph.successors(node))
            reached.update(graph.predecessors(node))
        frontier = reached - found
        if not frontier:
            break
        found |= frontier
    return found
