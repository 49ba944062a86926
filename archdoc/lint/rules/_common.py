"""Small helpers the rules share: building findings about relations and elements."""

from __future__ import annotations

from archdoc.graph import ModelGraph
from archdoc.model import Problem, Relation, Severity, SourceSpan


def relation_finding(graph: ModelGraph, code: str, severity: Severity, relation: Relation, message: str) -> Problem:
    return Problem(code, severity, message, relation.span, graph.model.id, relation.source,
                   (relation.source, relation.target))


def finding(graph: ModelGraph, code: str, severity: Severity, span: SourceSpan | None, message: str,
            element: str | None = None) -> Problem:
    return Problem(code, severity, message, span, graph.model.id, element)


def first_relation(graph: ModelGraph, source: str, target: str) -> Relation:
    """The first-written relation from source to target (the graph holds at least one)."""
    return graph.relations_between(source, target)[0]


def arrow(path: list[str]) -> str:
    return " -> ".join(path)
