"""The typed, immutable model every other part of archdoc works from."""

from archdoc.model.frozen import EMPTY, FrozenMap
from archdoc.model.problems import Problem, Severity, SourceSpan, sort_problems
from archdoc.model.types import (
    Element,
    Flow,
    Group,
    Ignore,
    Layer,
    Model,
    Relation,
    RelationKind,
    RuleOption,
    Rules,
    Selector,
    Step,
    View,
)

__all__ = [
    "EMPTY", "Element", "Flow", "FrozenMap", "Group", "Ignore", "Layer", "Model", "Problem", "Relation",
    "RelationKind", "RuleOption", "Rules", "Selector", "Severity", "SourceSpan", "Step", "View", "sort_problems",
]
