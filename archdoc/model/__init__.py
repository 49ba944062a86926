"""The typed, immutable model every other part of archdoc works from."""

from archdoc.model.problems import Problem, Severity, SourceSpan, sort_problems
from archdoc.model.types import (
    Element,
    Flow,
    Forbid,
    Group,
    Ignore,
    Layer,
    LayerAllow,
    Layering,
    Model,
    Relation,
    RelationKind,
    RequirePath,
    Rules,
    Selector,
    Step,
    View,
)

__all__ = [
    "Element", "Flow", "Forbid", "Group", "Ignore", "Layer", "LayerAllow", "Layering", "Model",
    "Problem", "Relation", "RelationKind", "RequirePath", "Rules", "Selector", "Severity",
    "SourceSpan", "Step", "View", "sort_problems",
]
