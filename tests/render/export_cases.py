"""The diagrams the exporter tests draw: every view and flow of the render fixtures (the hostile ones too)
and the first view and flow of a few gallery models, each as a slice, by a name."""

from __future__ import annotations

from functools import cache

from mermaid_cases import fixture_graphs, gallery_graphs

from archdoc.graph import ModelGraph
from archdoc.render.exports import target_slice
from archdoc.render.views import ViewSlice

# A view with nested groups, a flow with replies, many kinds; the gallery at large is slow for PlantUML.
GALLERY_SAMPLE = ("three-tier-web", "serverless", "cqrs-event-sourcing", "enterprise-ecommerce")
# format name -> (exporter module, function, golden file extension)
EXPORTERS = {
    "plantuml": ("plantuml", "plantuml", "puml"),
    "c4plantuml": ("plantuml", "c4_plantuml", "c4.puml"),
    "d2": ("d2", "d2", "d2"),
    "structurizr": ("structurizr", "structurizr", "dsl"),
    "drawio": ("drawio", "drawio", "drawio"),
}


@cache
def fixture_slices() -> dict[str, ViewSlice]:
    """`model.view-or-flow` -> slice, for every view and flow of the render fixtures."""
    return _slices(fixture_graphs(), everything=True)


@cache
def sample_slices() -> dict[str, ViewSlice]:
    """The fixtures' slices and the first view and flow of each model in GALLERY_SAMPLE."""
    chosen = tuple(graph for graph in gallery_graphs() if graph.model.id in GALLERY_SAMPLE)
    return {**fixture_slices(), **_slices(chosen, everything=False)}


def _slices(graphs: tuple[ModelGraph, ...], everything: bool) -> dict[str, ViewSlice]:
    found: dict[str, ViewSlice] = {}
    for graph in graphs:
        items = (*graph.model.views, *graph.model.flows) if everything else (*graph.model.views[:1],
                                                                              *graph.model.flows[:1])
        for item in items:
            found[f"{graph.model.id}.{item.id}"] = target_slice(graph, item)
    return found


def export(format_name: str, view_slice: ViewSlice) -> str:
    from importlib import import_module

    module, function, _extension = EXPORTERS[format_name]
    return getattr(import_module(f"archdoc.render.exports.{module}"), function)(view_slice)
